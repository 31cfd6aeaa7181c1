package dev.quarry.bench;

import dev.quarry.synth.CampaignKind;
import dev.quarry.synth.CampaignSpec;
import dev.quarry.synth.GeneratorOptions;
import dev.quarry.synth.LegitKind;
import dev.quarry.synth.LegitMix;
import dev.quarry.synth.OutputFormat;
import dev.quarry.synth.outside.OutsideFormat;
import dev.quarry.synth.outside.OutsideMix;
import dev.quarry.synth.outside.OutsideOptions;
import dev.quarry.synth.outside.OutsidePopulation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The generated datasets of the detection benchmark, in three suites. The development suite is what
 * the engine may be tuned on. The held-out suite uses other seeds and changes every generator
 * parameter (sizes, schedules, how much each campaign shares, timing jitter, paraphrasing, topic
 * splits, request parameters, pivot delay, legitimate mix and group sizes, start date, format,
 * redaction): a detector that only learned the development data's quirks fails there. The fresh
 * suite was written after the engine's last change of rules and is kept out of tuning altogether:
 * it also removes what extracts often lack (organisation ids, request parameters, the accounts file)
 * and mixes many small campaigns.
 */
public final class DetectDatasets {

    /**
     * Which datasets a run takes. ALL is the three original suites (development, held-out, fresh);
     * COHORTS (legitimate cohorts and the farms hiding in them) and OUTSIDE (the independent population
     * model) are run on their own, at 6,000 accounts each dataset.
     */
    public enum Suite {
        DEV, HELDOUT, FRESH, COHORTS, OUTSIDE, ALL
    }

    /** What an extract may lack; removed from the case after ingest, as such an extract would come. */
    public enum Removal {
        /** prompt text (privacy redaction) */
        PROMPTS("UPDATE events SET prompt_text = NULL"),
        /** organisation ids */
        ORGS("UPDATE events SET org_id = NULL"),
        /** max_tokens and temperature */
        PARAMETERS("UPDATE events SET max_tokens = NULL, temperature = NULL"),
        /** the accounts file's billing and signup details */
        BILLING("UPDATE accounts SET email = NULL, payment_fingerprint = NULL, card_bin = NULL, billing_country = NULL,"
                + " signup_ip = NULL");

        private final String sql;

        Removal(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }

    /**
     * @param options our generator's options, or null when the independent model writes the extract
     * @param removed what is removed from the case after ingest
     * @param outside the independent population model's options, or null for our generator
     */
    public record Dataset(String name, Suite suite, GeneratorOptions options, Set<Removal> removed, String description,
                          OutsideOptions outside) {
        public Dataset {
            if ((options == null) == (outside == null)) {
                throw new IllegalArgumentException(name + ": a dataset comes from exactly one population model");
            }
        }

        public Dataset(String name, Suite suite, GeneratorOptions options, Set<Removal> removed, String description) {
            this(name, suite, options, removed, description, null);
        }

        public boolean heldOut() {
            return suite != Suite.DEV;
        }

        /** The population's seed, also the analysis seed. */
        public long seed() {
            return options != null ? options.seed() : outside.seed();
        }

        public int accounts() {
            return options != null ? options.accounts() : outside.accounts();
        }

        public int days() {
            return options != null ? options.days() : outside.days();
        }

        /** The bar the dataset is held to: issue 9's for the suites written for it, issue 4's for the others. */
        public QualityBar bar() {
            return suite == Suite.COHORTS || suite == Suite.OUTSIDE ? QualityBar.ISSUE_9 : QualityBar.ISSUE_4;
        }
    }

    private DetectDatasets() {
    }

    /** The suite's datasets; the outside suite with the seed of today (see {@link #defaultOutsideSeed}). */
    public static List<Dataset> of(Suite suite) {
        return of(suite, defaultOutsideSeed(LocalDate.now(ZoneOffset.UTC)), false);
    }

    /**
     * @param outsideSeed  seed of the outside suite; it also picks which of the independent model's mixes it uses
     * @param outsideScale the outside suite at the seed scale (24,000 accounts, about 16 million events)
     *                     instead of 6,000 accounts
     */
    public static List<Dataset> of(Suite suite, long outsideSeed, boolean outsideScale) {
        return of(suite, outsideSeed, outsideScale, DetectBenchmark.SCALE_ACCOUNTS, DetectBenchmark.SCALE_EVENTS);
    }

    /**
     * As {@link #of(Suite, long, boolean)}, the outside suite's seed-scale dataset sized to
     * {@code scaleAccounts} accounts and about {@code scaleEvents} events.
     */
    public static List<Dataset> of(Suite suite, long outsideSeed, boolean outsideScale, int scaleAccounts, long scaleEvents) {
        return of(suite, outsideSeed, outsideScale, scaleAccounts, scaleEvents, List.of(OutsideScaleFormat.CSV));
    }

    /**
     * As {@link #of(Suite, long, boolean, int, long)}, the outside suite's seed-scale population written
     * once in each of {@code scaleFormats} (one dataset each, the same accounts and events).
     */
    public static List<Dataset> of(Suite suite, long outsideSeed, boolean outsideScale, int scaleAccounts, long scaleEvents,
                                   List<OutsideScaleFormat> scaleFormats) {
        List<Dataset> datasets = new ArrayList<>();
        if (suite == Suite.OUTSIDE) {
            datasets.addAll(outsideScale ? outsideAtScale(outsideSeed, scaleAccounts, scaleEvents, scaleFormats) : outside(outsideSeed));
        }
        if (suite == Suite.DEV || suite == Suite.ALL) {
            datasets.addAll(development());
        }
        if (suite == Suite.HELDOUT || suite == Suite.ALL) {
            datasets.addAll(heldOut());
        }
        if (suite == Suite.FRESH || suite == Suite.ALL) {
            datasets.addAll(fresh());
        }
        if (suite == Suite.COHORTS) {
            datasets.addAll(cohorts());
        }
        return datasets;
    }

    static List<Dataset> development() {
        return List.of(
                new Dataset("dev-default-1500", Suite.DEV, GeneratorOptions.defaults(1_500, 14, 11), Set.of(),
                        "default campaign and legitimate mix, CSV"),
                new Dataset("dev-default-4000", Suite.DEV, GeneratorOptions.defaults(4_000, 14, 12), Set.of(),
                        "default mixes, larger"),
                new Dataset("dev-bedrock-1500", Suite.DEV,
                        GeneratorOptions.defaults(1_500, 14, 13).withFormat(OutputFormat.BEDROCK), Set.of(),
                        "Bedrock invocation logs: no IPs, user agents or billing"));
    }

    static List<Dataset> heldOut() {
        Instant autumn = Instant.parse("2025-11-03T00:00:00Z");
        LegitMix crowded = LegitMix.DEFAULT.withWeight(LegitKind.SHARED_NAT, 0.30).withWeight(LegitKind.ENTERPRISE, 0.20)
                .withWeight(LegitKind.LAB_BENCHMARK, 0.06).withGroupSizes(10, 8, 20);
        List<CampaignSpec> stealthy = List.of(
                CampaignSpec.defaults(CampaignKind.NAIVE_FARM, 30).withSharedIps(8).withSharedCards(5, 2),
                CampaignSpec.defaults(CampaignKind.PROXY_FARM, 50).withTimingJitter(0.4).withParaphraseRate(0.8)
                        .withTopicsPerAccount(3),
                CampaignSpec.defaults(CampaignKind.LOW_AND_SLOW, 60).withRequestsPerAccount(300).withUserAgents(30)
                        .withTimingJitter(0.3),
                CampaignSpec.defaults(CampaignKind.MODEL_PIVOT, 25).withPivotDelayHours(18).withParameters(2048, 0.9));
        List<CampaignSpec> twoFarms = List.of(
                CampaignSpec.defaults(CampaignKind.PROXY_FARM, 150).withSharedIps(60),
                CampaignSpec.defaults(CampaignKind.PROXY_FARM, 40).withSharedIps(30).withParameters(1024, 0.2)
                        .withSchedule(3, 7),
                CampaignSpec.defaults(CampaignKind.LOW_AND_SLOW, 200).withRequestsPerAccount(450),
                CampaignSpec.defaults(CampaignKind.MODEL_PIVOT, 80).withPivotDelayHours(2));
        List<CampaignSpec> bedrockMix = List.of(
                CampaignSpec.defaults(CampaignKind.PROXY_FARM, 70).withParaphraseRate(0.3),
                CampaignSpec.defaults(CampaignKind.LOW_AND_SLOW, 60).withTimingJitter(0.2),
                CampaignSpec.defaults(CampaignKind.MODEL_PIVOT, 40).withPivotDelayHours(10));
        return List.of(
                new Dataset("heldout-stealthy-2000", Suite.HELDOUT, GeneratorOptions.defaults(2_000, 21, 7_001)
                        .withCampaigns(stealthy).withLegit(crowded).withStart(autumn), Set.of(),
                        "stealthier campaigns, more hard negatives in bigger groups, 21 days"),
                new Dataset("heldout-large-8000", Suite.HELDOUT, GeneratorOptions.defaults(8_000, 14, 7_002)
                        .withCampaigns(twoFarms).withNewModelReleaseDay(6), Set.of(),
                        "two proxy farms of different sizes, a large low-and-slow campaign, early pivot"),
                new Dataset("heldout-redacted-2500", Suite.HELDOUT, GeneratorOptions.defaults(2_500, 14, 7_003)
                        .withLegit(crowded), Set.of(Removal.PROMPTS),
                        "prompt text removed after ingest (privacy-redacted extract)"),
                new Dataset("heldout-bedrock-gz-2500", Suite.HELDOUT, GeneratorOptions.defaults(2_500, 14, 7_004)
                        .withFormat(OutputFormat.BEDROCK).withGzip(true).withCampaigns(bedrockMix), Set.of(),
                        "gzipped Bedrock logs, no naive farm"));
    }

    static List<Dataset> fresh() {
        Instant winter = Instant.parse("2026-01-12T00:00:00Z");
        LegitMix hardNegatives = LegitMix.DEFAULT.withWeight(LegitKind.SHARED_NAT, 0.30).withWeight(LegitKind.ENTERPRISE, 0.25)
                .withWeight(LegitKind.LAB_BENCHMARK, 0.08).withWeight(LegitKind.HEAVY_USER, 0.08)
                .withWeight(LegitKind.APP_BACKEND, 0.05).withGroupSizes(14, 10, 40);
        List<CampaignSpec> varied = List.of(
                CampaignSpec.defaults(CampaignKind.NAIVE_FARM, 40).withSharedIps(2).withSharedCards(3, 1),
                CampaignSpec.defaults(CampaignKind.PROXY_FARM, 100).withTimingJitter(0.5).withParaphraseRate(0.6)
                        .withTopicsPerAccount(4).withSharedCards(0, 6),
                CampaignSpec.defaults(CampaignKind.LOW_AND_SLOW, 80).withRequestsPerAccount(400).withUserAgents(40)
                        .withTimingJitter(0.3).withParaphraseRate(0.5).withParameters(3000, 0.8),
                CampaignSpec.defaults(CampaignKind.MODEL_PIVOT, 50).withPivotDelayHours(20).withSharedIps(30));
        List<CampaignSpec> small = List.of(
                CampaignSpec.defaults(CampaignKind.NAIVE_FARM, 12).withRequestsPerAccount(300),
                CampaignSpec.defaults(CampaignKind.PROXY_FARM, 15).withSharedIps(10),
                CampaignSpec.defaults(CampaignKind.LOW_AND_SLOW, 15).withRequestsPerAccount(500).withParameters(2500, 0.5),
                CampaignSpec.defaults(CampaignKind.MODEL_PIVOT, 10).withPivotDelayHours(4),
                CampaignSpec.defaults(CampaignKind.PROXY_FARM, 20).withSchedule(5, 8).withParaphraseRate(0.9).withTopicsPerAccount(8));
        return List.of(
                new Dataset("fresh-noorg-3000", Suite.FRESH, GeneratorOptions.defaults(3_000, 21, 9_001).withLegit(hardNegatives),
                        Set.of(Removal.ORGS), "organisation ids removed: enterprises and labs are no longer one party each"),
                new Dataset("fresh-bare-3000", Suite.FRESH, GeneratorOptions.defaults(3_000, 14, 9_002)
                        .withCampaigns(varied), Set.of(Removal.BILLING, Removal.PARAMETERS),
                        "no billing or signup details and no request parameters; varied campaigns"),
                new Dataset("fresh-crowded-6000", Suite.FRESH, GeneratorOptions.defaults(6_000, 30, 9_003)
                        .withCampaigns(varied).withLegit(hardNegatives).withStart(winter), Set.of(),
                        "30 days, crowded with hard negatives in large groups, varied campaigns"),
                new Dataset("fresh-jsonl-4000", Suite.FRESH, GeneratorOptions.defaults(4_000, 14, 9_004)
                        .withFormat(OutputFormat.JSONL).withGzip(true).withNewModelReleaseDay(9), Set.of(),
                        "gzipped JSON Lines, late release"),
                new Dataset("fresh-small-5000", Suite.FRESH, GeneratorOptions.defaults(5_000, 21, 9_005)
                        .withCampaigns(small).withLegit(hardNegatives), Set.of(),
                        "five small campaigns of 10 to 20 accounts among many hard negatives"));
    }

    /**
     * Legitimate cohorts of different organisations sharing public artefacts (benchmark harnesses, app
     * templates, assignments, viral prompts, common batch hours, integration clients, red-team sets),
     * with farms posing as benchmark runners and as a template app's users among them, in the three
     * formats. Written for issue 9: the engine had been tuned on suites without cohorts.
     */
    static List<Dataset> cohorts() {
        List<CampaignSpec> hidden = List.of(
                CampaignSpec.defaults(CampaignKind.BENCHMARK_MIMIC, 40),
                CampaignSpec.defaults(CampaignKind.APP_MIMIC, 40),
                CampaignSpec.defaults(CampaignKind.PROXY_FARM, 60),
                CampaignSpec.defaults(CampaignKind.LOW_AND_SLOW, 60),
                CampaignSpec.defaults(CampaignKind.MODEL_PIVOT, 30),
                CampaignSpec.defaults(CampaignKind.NAIVE_FARM, 30));
        List<CampaignSpec> stealthier = List.of(
                CampaignSpec.defaults(CampaignKind.BENCHMARK_MIMIC, 25).withSharedIps(40).withTimingJitter(0.5)
                        .withParaphraseRate(0.8),
                CampaignSpec.defaults(CampaignKind.APP_MIMIC, 30).withSharedIps(12).withSharedCards(0, 4)
                        .withParameters(1024, 0.7),
                CampaignSpec.defaults(CampaignKind.PROXY_FARM, 40).withTimingJitter(0.4).withTopicsPerAccount(4),
                CampaignSpec.defaults(CampaignKind.LOW_AND_SLOW, 40).withRequestsPerAccount(400));
        LegitMix bigCohorts = LegitMix.COHORTS.withCohortSize(60).withWeight(LegitKind.COHORT_VIRAL, 0.1)
                .withWeight(LegitKind.COHORT_INTEGRATION, 0.06);
        return List.of(
                new Dataset("cohorts-csv-6000", Suite.COHORTS, GeneratorOptions.defaults(6_000, 14, 12_001)
                        .withCampaigns(hidden).withLegit(LegitMix.COHORTS), Set.of(),
                        "every cohort kind, farms posing as benchmark runners and app users, CSV"),
                new Dataset("cohorts-jsonl-6000", Suite.COHORTS, GeneratorOptions.defaults(6_000, 14, 12_002)
                        .withCampaigns(hidden).withLegit(LegitMix.COHORTS).withFormat(OutputFormat.JSONL).withGzip(true),
                        Set.of(), "the same mixes, another seed, gzipped JSON Lines"),
                new Dataset("cohorts-bedrock-6000", Suite.COHORTS, GeneratorOptions.defaults(6_000, 14, 12_003)
                        .withCampaigns(hidden).withLegit(LegitMix.COHORTS).withFormat(OutputFormat.BEDROCK), Set.of(),
                        "the same mixes, another seed, Bedrock logs (no IPs, user agents or billing)"),
                new Dataset("cohorts-big-6000", Suite.COHORTS, GeneratorOptions.defaults(6_000, 21, 12_004)
                        .withCampaigns(stealthier).withLegit(bigCohorts).withNewModelReleaseDay(8), Set.of(),
                        "cohorts of 60, more viral and integration users, stealthier mimics, 21 days"),
                new Dataset("cohorts-institutions-csv-4000", Suite.COHORTS, GeneratorOptions.defaults(4_000, 14, 12_005)
                        .withCampaigns(unlinked()).withLegit(LegitMix.INSTITUTIONS), Set.of(),
                        "institutions (departments' own org ids, one card, one egress), early adopters, farms without"
                                + " shared billing or network, a farm behind a campus NAT, low-and-slow at 150, CSV"),
                new Dataset("cohorts-institutions-bedrock-4000", Suite.COHORTS, GeneratorOptions.defaults(4_000, 14, 12_006)
                        .withCampaigns(unlinked()).withLegit(LegitMix.INSTITUTIONS).withFormat(OutputFormat.BEDROCK), Set.of(),
                        "the same mixes, another seed, Bedrock logs"),
                new Dataset("cohorts-quiet-csv-4000", Suite.COHORTS, GeneratorOptions.defaults(4_000, 14, 12_007)
                        .withCampaigns(quiet()).withLegit(LegitMix.INSTITUTIONS), Set.of(),
                        "farms without equal volumes or sign-up bursts: taken-over aged accounts, an office-hours"
                                + " farm, backend mimics, prepaid cards on rotating residential proxies, novel benchmark"
                                + " items, low-and-slow at 60, a loose proxy farm; CSV"),
                new Dataset("cohorts-quiet-bedrock-4000", Suite.COHORTS, GeneratorOptions.defaults(4_000, 14, 12_008)
                        .withCampaigns(quiet()).withLegit(LegitMix.INSTITUTIONS).withFormat(OutputFormat.BEDROCK), Set.of(),
                        "the same mixes, another seed, Bedrock logs"));
    }

    /**
     * Farms that show none of decision 19's fleet signs (session 6 of issue 9): every account makes its
     * own volume, accounts of every age, no work in lockstep; what ties each farm is its split worklist,
     * what it takes out and, where the extract shows them, how its accounts are operated.
     */
    private static List<CampaignSpec> quiet() {
        return List.of(
                CampaignSpec.defaults(CampaignKind.COMPROMISED_AGED, 30),
                CampaignSpec.defaults(CampaignKind.OFFICE_HOURS, 30),
                CampaignSpec.defaults(CampaignKind.BACKEND_MIMIC, 30),
                CampaignSpec.defaults(CampaignKind.PREPAID_PROXY, 30),
                CampaignSpec.defaults(CampaignKind.NOVEL_BENCHMARK, 30),
                CampaignSpec.defaults(CampaignKind.LOW_AND_SLOW, 120).withRequestsPerAccount(60),
                CampaignSpec.defaults(CampaignKind.PROXY_FARM, 40).withTimingJitter(0.9));
    }

    /**
     * Farms that share no card and no address of their own (session 4 of issue 9): posing as benchmark
     * runners and as a template app's users from one home address each, one behind a busy campus NAT,
     * and a low-and-slow farm that takes little per account.
     */
    private static List<CampaignSpec> unlinked() {
        return List.of(
                CampaignSpec.defaults(CampaignKind.BENCHMARK_MIMIC, 30).withSharedIps(0).withSharedCards(0, 0),
                CampaignSpec.defaults(CampaignKind.APP_MIMIC, 30).withSharedIps(0).withSharedCards(0, 0),
                CampaignSpec.defaults(CampaignKind.NAT_FARM, 25),
                CampaignSpec.defaults(CampaignKind.LOW_AND_SLOW, 40).withRequestsPerAccount(150),
                CampaignSpec.defaults(CampaignKind.PROXY_FARM, 40));
    }

    /**
     * The outside suite's default seed: today's UTC date as a number (20261202), so the suite changes
     * from one day to the next without anyone choosing its seeds; a run prints the seed it used, and
     * {@code --outside-seed} repeats it.
     */
    public static long defaultOutsideSeed(LocalDate today) {
        return today.getYear() * 10_000L + today.getMonthValue() * 100L + today.getDayOfMonth();
    }

    /** The independent model's preset mixes, rotated by the seed so consecutive seeds lead with different mixes. */
    public static List<String> outsideMixes(long seed) {
        List<String> names = OutsideMix.presetNames();
        List<String> rotated = new ArrayList<>();
        int first = (int) Math.floorMod(seed, (long) names.size());
        for (int i = 0; i < names.size(); i++) {
            rotated.add(names.get((first + i) % names.size()));
        }
        return rotated;
    }

    /**
     * The independent population model, written from a plain brief by someone who has not read the
     * engine: one population in the three formats the issue measured (canonical CSV, the renamed CSV
     * export, Bedrock logs), and two more populations of other mixes. Not to be tuned on: refresh it
     * (another seed) whenever its details have been looked at.
     */
    static List<Dataset> outside(long seed) {
        List<String> mixes = outsideMixes(seed);
        int accounts = 6_000;
        int days = 14;
        OutsideOptions first = OutsideOptions.of(accounts, days, seed).withMix(OutsideMix.preset(mixes.get(0)));
        return List.of(
                outsideDataset("outside-" + mixes.get(0) + "-csv", first, "canonical CSV"),
                outsideDataset("outside-" + mixes.get(0) + "-renamed", first.withFormat(OutsideFormat.RENAMED_CSV).withGzip(true),
                        "the same population as a renamed, gzipped CSV export"),
                outsideDataset("outside-" + mixes.get(0) + "-bedrock", first.withFormat(OutsideFormat.BEDROCK),
                        "the same population as Bedrock logs"),
                outsideDataset("outside-" + mixes.get(1) + "-jsonl", OutsideOptions.of(accounts, days, seed + 1)
                        .withMix(OutsideMix.preset(mixes.get(1))).withFormat(OutsideFormat.JSONL), "another mix, JSON Lines"),
                outsideDataset("outside-" + mixes.get(2) + "-csv", OutsideOptions.of(accounts, days, seed + 2)
                        .withMix(OutsideMix.preset(mixes.get(2))), "a third mix, canonical CSV"));
    }

    /**
     * The shapes the outside suite's seed-scale run can write, as the issue measured them: canonical
     * CSV, the renamed and re-encoded CSV export (gzipped, as in the suite at 6,000 accounts), and
     * Bedrock invocation logs.
     */
    public enum OutsideScaleFormat {
        CSV("csv", OutsideFormat.CANONICAL_CSV, false, "canonical CSV"),
        RENAMED("renamed", OutsideFormat.RENAMED_CSV, true, "renamed, gzipped CSV export"),
        BEDROCK("bedrock", OutsideFormat.BEDROCK, false, "Bedrock logs");

        private final String label;
        private final OutsideFormat format;
        private final boolean gzip;
        private final String description;

        OutsideScaleFormat(String label, OutsideFormat format, boolean gzip, String description) {
            this.label = label;
            this.format = format;
            this.gzip = gzip;
            this.description = description;
        }

        public String label() {
            return label;
        }

        /** {@code csv}, {@code renamed} or {@code bedrock}; {@code all} is for the caller to expand. */
        public static OutsideScaleFormat fromLabel(String label) {
            for (OutsideScaleFormat each : values()) {
                if (each.label.equalsIgnoreCase(label.trim())) {
                    return each;
                }
            }
            throw new IllegalArgumentException("--format must be csv, renamed, bedrock or all, not " + label);
        }
    }

    /**
     * The outside suite at the seed scale, the seed's first mix in each of {@code formats}: {@code accounts}
     * accounts over the window of 14 to 30 days whose plan comes closest to {@code events} events
     * (mixes differ by half in volume per account). Sizing plans the window once, a few seconds; every
     * format holds the same population.
     */
    private static final int OUTSIDE_SCALE_MIN_DAYS = 14;

    static List<Dataset> outsideAtScale(long seed, int accounts, long events, List<OutsideScaleFormat> formats) {
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("the seed-scale run needs at least one format");
        }
        String mix = outsideMixes(seed).get(0);
        OutsideOptions options = OutsidePopulation.sizedForEvents(OutsideOptions.of(accounts, DetectBenchmark.SCALE_DAYS, seed)
                .withMix(OutsideMix.preset(mix)), events, OUTSIDE_SCALE_MIN_DAYS);
        List<Dataset> datasets = new ArrayList<>();
        for (OutsideScaleFormat format : new LinkedHashSet<>(formats)) {
            datasets.add(outsideDataset("outside-" + mix + "-" + format.label,
                    options.withFormat(format.format).withGzip(format.gzip),
                    "sized for about " + events + " events, " + format.description));
        }
        return datasets;
    }

    private static Dataset outsideDataset(String name, OutsideOptions options, String description) {
        return new Dataset(name + "-" + options.accounts(), Suite.OUTSIDE, null, Set.of(),
                "independent model, mix " + options.mix().name() + ", seed " + options.seed() + ", " + options.days()
                        + " days, " + description, options);
    }
}
