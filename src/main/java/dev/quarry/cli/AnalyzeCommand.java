package dev.quarry.cli;

import dev.quarry.analysis.AnalysisOptions;
import dev.quarry.analysis.AnalysisResult;
import dev.quarry.analysis.Analyzer;
import dev.quarry.analysis.Campaign;
import dev.quarry.analysis.CompletedRun;
import dev.quarry.analysis.SignalStatus;
import dev.quarry.store.CaseFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Run the detection pipeline on CASE and store the run (scores, campaigns, reasons, "
                + "parameters, seed) in the case. Earlier runs are kept.",
                "Ctrl-C stops it and stores nothing."})
final class AnalyzeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CASE", description = "the case file")
    Path casePath;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "seed of every random choice; the same case and seed give the same run (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        try (CaseFile caseFile = CaseArgument.openExisting(casePath);
             ConsoleProgress progress = new ConsoleProgress("steps")) {
            CompletedRun run = Analyzer.runAndStore(caseFile, AnalysisOptions.defaults(seed), progress);
            progress.finish();
            print(run.runId(), run.result(), run.analysis());
            return 0;
        }
    }

    private void print(long runId, AnalysisResult result, Duration took) {
        long flagged = result.accounts().stream().filter(a -> a.flagged()).count();
        System.out.printf(Locale.ROOT, "run %d stored in %s (seed %d, %.1f s)%n", runId, casePath, seed,
                took.toMillis() / 1000.0);
        System.out.printf(Locale.ROOT, "accounts: %,d analysed, %,d flagged; campaigns: %d%n",
                result.accounts().size(), flagged, result.campaigns().size());
        List<Campaign> campaigns = result.campaigns().stream()
                .sorted((a, b) -> Double.compare(b.score(), a.score())).toList();
        if (!campaigns.isEmpty()) {
            System.out.printf(Locale.ROOT, "  %8s %7s %6s  %s%n", "campaign", "size", "score", "label");
            for (Campaign campaign : campaigns) {
                System.out.printf(Locale.ROOT, "  %8d %,7d %6.3f  %s%n", campaign.campaignId(), campaign.size(),
                        campaign.score(), Terminal.safe(campaign.label()));
            }
        }
        List<SignalStatus> missing = result.signals().stream().filter(s -> !s.computed()).toList();
        if (!missing.isEmpty()) {
            System.out.println("signals not computed:");
            missing.forEach(s -> System.out.println("  " + Terminal.safe(s.signal()) + ": " + Terminal.safe(s.detail())));
        }
        if (!result.stageSeconds().isEmpty()) {
            System.out.println("stages: " + result.stageSeconds().entrySet().stream()
                    .map(AnalyzeCommand::stage).collect(Collectors.joining(", ")));
        }
    }

    private static String stage(Map.Entry<String, Double> stage) {
        return String.format(Locale.ROOT, "%s %.2f s", stage.getKey(), stage.getValue());
    }
}
