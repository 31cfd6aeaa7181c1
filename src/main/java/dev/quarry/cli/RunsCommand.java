package dev.quarry.cli;

import dev.quarry.analysis.RunStore;
import dev.quarry.analysis.RunSummary;
import dev.quarry.store.CaseFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List the analysis runs of CASE, oldest first: id, when it finished, seed, Quarry version, "
                + "accounts flagged and campaigns found.")
final class RunsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CASE", description = "the case file")
    Path casePath;

    @Override
    public Integer call() throws Exception {
        try (CaseFile caseFile = CaseArgument.openExisting(casePath)) {
            List<RunSummary> runs = new RunStore(caseFile).list();
            if (runs.isEmpty()) {
                System.out.printf(Locale.ROOT, "%s has no analysis run yet; run `quarry analyze %s`%n", casePath, casePath);
                return 0;
            }
            System.out.printf(Locale.ROOT, "%4s  %-24s %12s  %-8s %9s %9s %9s%n",
                    "run", "finished", "seed", "version", "accounts", "flagged", "campaigns");
            for (RunSummary run : runs) {
                System.out.printf(Locale.ROOT, "%4d  %-24s %12d  %-8s %,9d %,9d %9d%n", run.runId(), run.finishedAt(),
                        run.seed(), run.quarryVersion(), run.accounts(), run.flagged(), run.campaigns());
            }
            return 0;
        }
    }
}
