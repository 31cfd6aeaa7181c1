package dev.quarry.synth.outside;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The share of accounts each kind gets. Presets name a mix; {@link #withShare} overrides one kind and
 * the shares are normalised to sum to one when accounts are allotted.
 */
public final class OutsideMix {

    private static final List<String> PRESETS = List.of("balanced", "cohort-heavy", "farm-heavy", "quiet", "hidden",
            "platforms", "evasive", "launch-week", "dev-tools", "fronts");

    private final String name;
    private final EnumMap<OutsideKind, Double> shares;

    private OutsideMix(String name, EnumMap<OutsideKind, Double> shares) {
        this.name = name;
        this.shares = shares;
    }

    public static List<String> presetNames() {
        return PRESETS;
    }

    /**
     * @param name one of {@link #presetNames()}: {@code balanced} (about 7% of accounts in farms),
     *             {@code cohort-heavy} (many legitimate look-alike cohorts), {@code farm-heavy} (about 22%
     *             in farms, one farm of 1,000+ at 24,000 accounts), {@code quiet} (about 1.5% in farms),
     *             {@code hidden} (farms mostly hiding inside legitimate cohorts), {@code platforms} (many
     *             resellers, evaluation and data vendors, universities and agent-framework users),
     *             {@code evasive} (farms mostly on compromised accounts, residential proxies with prepaid
     *             cards, copied benchmark formats, office hours and account waves), {@code launch-week}
     *             (hackathons, early adopters and viral prompts around a model release), {@code dev-tools}
     *             (CI pipelines, IDE-plugin and agent-framework users, farms dividing their sweep), {@code fronts}
     *             (farms behind SaaS fronts and divided sweeps among resellers, localisation and data vendors)
     */
    public static OutsideMix preset(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        EnumMap<OutsideKind, Double> s = new EnumMap<>(OutsideKind.class);
        switch (key) {
            case "balanced" -> {
                legit(s, 0.395, 0.045, 0.012, 0.13, 0.008, 0.02, 0.07, 0.08, 0.06, 0.005, 0.065, 0.035);
                farms(s, 0.022, 0.01, 0.007, 0.016, 0.007, 0.007, 0.006);
                secondRound(s, 0.001, 0.003, 0.0008, 0.02, 0.012, 0.03, 0.004, 0.006, 0.003, 0.003, 0.006, 0.002);
                thirdRound(s, 0.001, 0.0005, 0.03, 0.0004, 0.006);
            }
            case "cohort-heavy" -> {
                legit(s, 0.24, 0.035, 0.02, 0.12, 0.01, 0.05, 0.13, 0.12, 0.10, 0.01, 0.08, 0.035);
                farms(s, 0.012, 0.008, 0.005, 0.01, 0.005, 0.005, 0.005);
                secondRound(s, 0.001, 0.004, 0.0008, 0.04, 0.02, 0.05, 0.003, 0.004, 0.003, 0.002, 0.004, 0.002);
                thirdRound(s, 0.001, 0.0005, 0.04, 0.0003, 0.004);
            }
            case "farm-heavy" -> {
                legit(s, 0.33, 0.04, 0.01, 0.11, 0.006, 0.015, 0.06, 0.06, 0.05, 0.004, 0.06, 0.035);
                farms(s, 0.08, 0.03, 0.02, 0.045, 0.015, 0.015, 0.015);
                secondRound(s, 0.001, 0.003, 0.0008, 0.015, 0.01, 0.03, 0.01, 0.02, 0.008, 0.008, 0.02, 0.002);
                thirdRound(s, 0.001, 0.0005, 0.025, 0.001, 0.02);
            }
            case "quiet" -> {
                legit(s, 0.45, 0.05, 0.012, 0.13, 0.008, 0.02, 0.07, 0.07, 0.06, 0.005, 0.07, 0.04);
                farms(s, 0.004, 0.002, 0.002, 0.004, 0.001, 0.001, 0.001);
                secondRound(s, 0.001, 0.002, 0.0005, 0.015, 0.012, 0.03, 0.002, 0.002, 0.001, 0.001, 0.002, 0.002);
                thirdRound(s, 0.001, 0.0005, 0.03, 0.0002, 0.001);
            }
            case "hidden" -> {
                legit(s, 0.34, 0.045, 0.015, 0.12, 0.008, 0.035, 0.10, 0.08, 0.07, 0.005, 0.07, 0.035);
                farms(s, 0.006, 0.003, 0.003, 0.015, 0.018, 0.018, 0.014);
                secondRound(s, 0.001, 0.003, 0.0008, 0.03, 0.012, 0.04, 0.006, 0.004, 0.012, 0.01, 0.004, 0.002);
                thirdRound(s, 0.001, 0.0005, 0.03, 0.0008, 0.012);
            }
            case "platforms" -> {
                legit(s, 0.30, 0.05, 0.02, 0.10, 0.008, 0.02, 0.04, 0.04, 0.05, 0.005, 0.05, 0.03);
                farms(s, 0.01, 0.005, 0.005, 0.01, 0.006, 0.006, 0.004);
                secondRound(s, 0.003, 0.012, 0.002, 0.05, 0.05, 0.10, 0.008, 0.01, 0.008, 0.006, 0.01, 0.006);
                thirdRound(s, 0.004, 0.001, 0.04, 0.0008, 0.006);
            }
            case "evasive" -> {
                legit(s, 0.38, 0.045, 0.012, 0.12, 0.008, 0.02, 0.06, 0.06, 0.05, 0.005, 0.06, 0.035);
                farms(s, 0.004, 0.002, 0.002, 0.02, 0.004, 0.004, 0.004);
                secondRound(s, 0.001, 0.003, 0.0008, 0.02, 0.015, 0.035, 0.02, 0.025, 0.012, 0.015, 0.025, 0.002);
                thirdRound(s, 0.001, 0.0005, 0.03, 0.001, 0.025);
            }
            case "launch-week" -> {
                legit(s, 0.30, 0.04, 0.012, 0.10, 0.008, 0.04, 0.05, 0.10, 0.05, 0.005, 0.05, 0.10);
                farms(s, 0.012, 0.006, 0.004, 0.01, 0.008, 0.006, 0.004);
                secondRound(s, 0.002, 0.008, 0.001, 0.08, 0.01, 0.06, 0.006, 0.008, 0.008, 0.004, 0.01, 0.002);
                thirdRound(s, 0.001, 0.0005, 0.03, 0.0004, 0.006);
            }
            case "dev-tools" -> {
                legit(s, 0.30, 0.06, 0.03, 0.10, 0.01, 0.02, 0.04, 0.04, 0.06, 0.005, 0.05, 0.03);
                farms(s, 0.008, 0.004, 0.006, 0.012, 0.006, 0.008, 0.003);
                secondRound(s, 0.002, 0.006, 0.001, 0.03, 0.01, 0.08, 0.008, 0.006, 0.006, 0.004, 0.008, 0.004);
                thirdRound(s, 0.002, 0.004, 0.12, 0.0008, 0.02);
            }
            case "fronts" -> {
                legit(s, 0.36, 0.05, 0.02, 0.11, 0.008, 0.02, 0.05, 0.05, 0.05, 0.005, 0.05, 0.03);
                farms(s, 0.006, 0.003, 0.003, 0.01, 0.004, 0.006, 0.003);
                secondRound(s, 0.004, 0.006, 0.003, 0.015, 0.01, 0.03, 0.015, 0.01, 0.006, 0.006, 0.01, 0.006);
                thirdRound(s, 0.004, 0.001, 0.03, 0.003, 0.03);
            }
            default -> throw new IllegalArgumentException("unknown mix '" + name + "'; presets are " + PRESETS);
        }
        return new OutsideMix(key, s);
    }

    private static void legit(EnumMap<OutsideKind, Double> s, double hobbyist, double power, double backend,
                              double employee, double batch, double lab, double cohort, double viral,
                              double partner, double safety, double nat, double early) {
        s.put(OutsideKind.LEGIT_HOBBYIST, hobbyist);
        s.put(OutsideKind.LEGIT_POWER_USER, power);
        s.put(OutsideKind.LEGIT_APP_BACKEND, backend);
        s.put(OutsideKind.LEGIT_ENTERPRISE_EMPLOYEE, employee);
        s.put(OutsideKind.LEGIT_ENTERPRISE_BATCH, batch);
        s.put(OutsideKind.LEGIT_BENCHMARK_LAB, lab);
        s.put(OutsideKind.LEGIT_CLASS_COHORT, cohort);
        s.put(OutsideKind.LEGIT_VIRAL_PROMPT, viral);
        s.put(OutsideKind.LEGIT_INTEGRATION_PARTNER, partner);
        s.put(OutsideKind.LEGIT_SAFETY_RESEARCHER, safety);
        s.put(OutsideKind.LEGIT_SHARED_NAT, nat);
        s.put(OutsideKind.LEGIT_EARLY_ADOPTER, early);
    }

    private static void farms(EnumMap<OutsideKind, Double> s, double proxy, double shift, double automation,
                              double lowSlow, double benchmarkMimic, double appMimic, double campusNat) {
        s.put(OutsideKind.FARM_PROXY, proxy);
        s.put(OutsideKind.FARM_SHIFT_CREW, shift);
        s.put(OutsideKind.FARM_AUTOMATION, automation);
        s.put(OutsideKind.FARM_LOW_SLOW, lowSlow);
        s.put(OutsideKind.FARM_BENCHMARK_MIMIC, benchmarkMimic);
        s.put(OutsideKind.FARM_APP_MIMIC, appMimic);
        s.put(OutsideKind.FARM_CAMPUS_NAT, campusNat);
    }

    private static void secondRound(EnumMap<OutsideKind, Double> s, double reseller, double evalVendor, double dataVendor,
                                    double hackathon, double university, double agentFramework, double compromised,
                                    double residentialPrepaid, double benchmarkNovel, double officeHours, double waves,
                                    double supportProduct) {
        s.put(OutsideKind.LEGIT_RESELLER, reseller);
        s.put(OutsideKind.LEGIT_EVAL_VENDOR, evalVendor);
        s.put(OutsideKind.LEGIT_SYNTHETIC_DATA_VENDOR, dataVendor);
        s.put(OutsideKind.LEGIT_HACKATHON, hackathon);
        s.put(OutsideKind.LEGIT_UNIVERSITY, university);
        s.put(OutsideKind.LEGIT_AGENT_FRAMEWORK, agentFramework);
        s.put(OutsideKind.FARM_COMPROMISED, compromised);
        s.put(OutsideKind.FARM_RESIDENTIAL_PREPAID, residentialPrepaid);
        s.put(OutsideKind.FARM_BENCHMARK_NOVEL, benchmarkNovel);
        s.put(OutsideKind.FARM_OFFICE_HOURS, officeHours);
        s.put(OutsideKind.FARM_WAVES, waves);
        s.put(OutsideKind.LEGIT_SUPPORT_PRODUCT, supportProduct);
    }

    private static void thirdRound(EnumMap<OutsideKind, Double> s, double localisation, double ciPipeline, double idePlugin,
                                   double saasFront, double splitSweep) {
        s.put(OutsideKind.LEGIT_LOCALISATION, localisation);
        s.put(OutsideKind.LEGIT_CI_PIPELINE, ciPipeline);
        s.put(OutsideKind.LEGIT_IDE_PLUGIN, idePlugin);
        s.put(OutsideKind.FARM_SAAS_FRONT, saasFront);
        s.put(OutsideKind.FARM_SPLIT_SWEEP, splitSweep);
    }

    /** The same mix with one kind's share replaced (0 removes the kind); the name records the override. */
    public OutsideMix withShare(OutsideKind kind, double share) {
        if (!(share >= 0) || share > 1 || Double.isInfinite(share)) {
            throw new IllegalArgumentException("share of " + kind.label() + " must be between 0 and 1, was " + share);
        }
        EnumMap<OutsideKind, Double> copy = new EnumMap<>(shares);
        copy.put(kind, share);
        return new OutsideMix(name + "+" + kind.label() + "=" + share, copy);
    }

    public String name() {
        return name;
    }

    /** Raw shares as given (not normalised), every kind present. */
    public Map<OutsideKind, Double> shares() {
        return Collections.unmodifiableMap(shares);
    }

    public double campaignShare() {
        double total = 0;
        double farms = 0;
        for (Map.Entry<OutsideKind, Double> e : shares.entrySet()) {
            total += e.getValue();
            if (e.getKey().campaign()) {
                farms += e.getValue();
            }
        }
        return total == 0 ? 0 : farms / total;
    }

    /**
     * Accounts per kind for a population of {@code accounts}: largest-remainder rounding of the
     * normalised shares, then every kind with a share raised to its smallest group (taken from the
     * largest legitimate kinds) so a preset never silently drops a kind.
     */
    EnumMap<OutsideKind, Integer> allot(int accounts) {
        double total = shares.values().stream().mapToDouble(Double::doubleValue).sum();
        if (total <= 0) {
            throw new IllegalArgumentException("mix '" + name + "' gives no kind a share");
        }
        EnumMap<OutsideKind, Integer> counts = new EnumMap<>(OutsideKind.class);
        List<double[]> remainders = new ArrayList<>();
        int given = 0;
        for (OutsideKind kind : OutsideKind.values()) {
            double exact = accounts * shares.getOrDefault(kind, 0.0) / total;
            int whole = (int) Math.floor(exact);
            counts.put(kind, whole);
            given += whole;
            remainders.add(new double[] {exact - whole, kind.ordinal()});
        }
        remainders.sort((a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0]) : Double.compare(a[1], b[1]));
        for (int i = 0; given < accounts; i++, given++) {
            OutsideKind kind = OutsideKind.values()[(int) remainders.get(i)[1]];
            counts.merge(kind, 1, Integer::sum);
        }
        for (OutsideKind kind : OutsideKind.values()) {
            int need = kind.minGroup() - counts.get(kind);
            if (shares.getOrDefault(kind, 0.0) > 0 && need > 0) {
                takeFromLargest(counts, need, kind);
            }
        }
        return counts;
    }

    /** Moves accounts to {@code to} from the legitimate kinds with the most to spare above their own smallest group. */
    private void takeFromLargest(EnumMap<OutsideKind, Integer> counts, int need, OutsideKind to) {
        while (need > 0) {
            OutsideKind donor = null;
            int spare = 0;
            for (OutsideKind kind : OutsideKind.values()) {
                int kindSpare = counts.get(kind) - Math.max(kind.minGroup(), 1);
                if (!kind.campaign() && kind != to && kindSpare > spare) {
                    donor = kind;
                    spare = kindSpare;
                }
            }
            if (donor == null) {
                throw new IllegalArgumentException("too few accounts for mix '" + name + "': "
                        + to.label() + " needs at least " + to.minGroup());
            }
            int moved = Math.min(spare, need);
            counts.put(donor, counts.get(donor) - moved);
            counts.merge(to, moved, Integer::sum);
            need -= moved;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
