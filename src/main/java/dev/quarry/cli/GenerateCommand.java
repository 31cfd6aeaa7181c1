package dev.quarry.cli;

import dev.quarry.synth.CampaignSpec;
import dev.quarry.synth.ExtractGenerator;
import dev.quarry.synth.GeneratedExtract;
import dev.quarry.synth.GeneratorOptions;
import dev.quarry.synth.LegitMix;
import dev.quarry.synth.OutputFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes a synthetic extract with planted extraction campaigns and a separate truth.csv.",
                "Same options, same bytes. Memory stays bounded by one day of traffic."})
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory to write into (created if missing; an earlier generated extract there is replaced)")
    Path out;

    @Option(names = "--accounts", defaultValue = "3000", description = "accounts in total (default ${DEFAULT-VALUE})")
    int accounts;

    @Option(names = "--days", defaultValue = "30", description = "days covered (default ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--events", defaultValue = "0",
            description = "scale all request rates so about this many events are written (default: natural rates)")
    long events;

    @Option(names = "--format", defaultValue = "csv", description = "csv, jsonl or bedrock (default ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--gzip", description = "gzip the events file")
    boolean gzip;

    @Option(names = "--start", description = "first day, UTC (default 2026-03-01)")
    LocalDate start;

    @Option(names = "--release-day", defaultValue = "-1",
            description = "day the new model is released (default: two thirds into the extract)")
    int releaseDay;

    @Option(names = "--campaign", paramLabel = "KIND:ACCOUNTS[:k=v,...]",
            description = {"a planted campaign, repeatable; replaces the default mix. Kinds: naive_farm, proxy_farm,",
                    "low_and_slow, model_pivot, benchmark_mimic, app_mimic, nat_farm, compromised_aged, office_hours,",
                    "backend_mimic, prepaid_proxy, novel_benchmark. Keys: requests, start_day, days, ips, cards,",
                    "bins, agents, jitter, paraphrase, topics, max_tokens, temperature, pivot_hours"})
    List<String> campaigns = new ArrayList<>();

    @Option(names = "--legit-mix", paramLabel = "k=v,...",
            description = {"legitimate population weights and group sizes, e.g. hobbyist=0.5,shared_nat=0.3,nat_size=20.",
                    "Kinds: hobbyist, heavy_user, app_backend, enterprise, lab_benchmark, shared_nat, institution;",
                    "sizes: org_size, lab_size, nat_size, cohort_size. 'cohorts' first switches to the mix with every cohort",
                    "kind (cohort_benchmark, cohort_template_app, cohort_class, cohort_viral, cohort_scheduled_job,",
                    "cohort_integration, cohort_safety, cohort_early_adopter); 'institutions' to that mix with",
                    "institutions (departments under their own organisation ids on one card and egress) and early adopters"})
    String legitMix;

    @Override
    public Integer call() throws Exception {
        OutputFormat outputFormat;
        try {
            outputFormat = OutputFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown --format '" + format + "' (csv, jsonl, bedrock)");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException(out + " exists and is not a directory");
        }
        List<CampaignSpec> specs = new ArrayList<>();
        for (String c : campaigns) {
            specs.add(CampaignSpec.parse(c));
        }
        GeneratorOptions options = GeneratorOptions.defaults(accounts, days, seed)
                .withFormat(outputFormat)
                .withGzip(gzip)
                .withCampaigns(specs)
                .withLegit(legitMix == null ? LegitMix.DEFAULT : LegitMix.parse(legitMix))
                .withEventsTarget(events)
                .withNewModelReleaseDay(releaseDay);
        if (start != null) {
            options = options.withStart(start.atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        long began = System.nanoTime();
        GeneratedExtract result;
        try (ConsoleProgress progress = new ConsoleProgress("events")) {
            result = ExtractGenerator.generate(out, options, progress);
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf(Locale.ROOT, "wrote %,d events for %,d accounts in %.1f s%n", result.eventCount(),
                result.accountCount(), seconds);
        System.out.println("  events:   " + result.events() + " (" + String.format(Locale.ROOT, "%,d", Files.size(result.events())) + " bytes)");
        if (result.accounts() != null) {
            System.out.println("  accounts: " + result.accounts());
        }
        System.out.println("  truth:    " + result.truth() + " (keep it away from the case; it is the answer key)");
        for (Map.Entry<String, Integer> e : result.accountsByLabel().entrySet()) {
            System.out.printf(Locale.ROOT, "    %-22s %,7d%n", e.getKey(), e.getValue());
        }
        return 0;
    }
}
