package dev.quarry.cli;

import dev.quarry.analysis.RunStore;
import dev.quarry.analysis.RunSummary;
import dev.quarry.analysis.StoredRun;
import dev.quarry.export.CsvPacket;
import dev.quarry.export.ExportReport;
import dev.quarry.export.ExportedFile;
import dev.quarry.export.PdfPacket;
import dev.quarry.store.CaseFile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write an evidence packet for an analysis run of CASE.",
                "--csv DIR writes accounts.csv (one row per account: account_id, risk_score, flagged, campaign_id, "
                        + "reasons, then details), campaigns.csv and manifest.json (sha256 of every source and "
                        + "exported file, the run's parameters and seed, Quarry version).",
                "Cells a spreadsheet would run as a formula get a leading apostrophe.",
                "--pdf FILE writes a packet to read and hand on: summary, each campaign with its evidence, a chart "
                        + "of its daily requests and its accounts, the flagged accounts, notes, and the sources "
                        + "with their sha256. Its own sha256 is printed and recorded in the case's audit log."})
final class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CASE", description = "the case file")
    Path casePath;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--csv", paramLabel = "DIR", required = true, description = "write the CSV packet into DIR (created if missing)")
        Path csv;

        @Option(names = "--pdf", paramLabel = "FILE", required = true, description = "write the PDF packet to FILE")
        Path pdf;
    }

    @Option(names = "--campaign", paramLabel = "ID", description = "export only this campaign and its member accounts")
    Integer campaign;

    @Option(names = "--run", paramLabel = "ID", description = "the analysis run to export (default: the latest)")
    Long run;

    @Override
    public Integer call() throws Exception {
        try (CaseFile caseFile = CaseArgument.openExisting(casePath);
             ConsoleProgress progress = new ConsoleProgress("accounts")) {
            RunStore runs = new RunStore(caseFile);
            long runId;
            if (run != null) {
                runId = run;
            } else {
                runId = runs.latest().map(RunSummary::runId).orElseThrow(() -> new IllegalArgumentException(
                        "case " + casePath + " has no analysis run yet; run `quarry analyze " + casePath + "` first"));
            }
            StoredRun stored = runs.load(runId);
            ExportReport report = target.pdf != null
                    ? new PdfPacket(caseFile).write(stored, target.pdf, campaign, progress)
                    : new CsvPacket(caseFile).write(stored, target.csv, campaign == null ? java.util.List.of() : java.util.List.of(campaign), progress);
            progress.finish();
            System.out.printf(Locale.ROOT, "exported run %d (seed %d, %s)%s to %s%n", report.runId(),
                    stored.summary().seed(), stored.summary().finishedAt(),
                    campaign == null ? "" : " campaign " + campaign, report.directory());
            for (ExportedFile file : report.files()) {
                System.out.printf(Locale.ROOT, "  %-14s %,9d %s  sha256 %s%n", file.name(), file.rows(),
                        target.pdf != null ? "campaigns" : "rows", file.sha256());
            }
            if (target.pdf == null) {
                System.out.printf(Locale.ROOT, "  %s%n", CsvPacket.MANIFEST);
            }
            return 0;
        }
    }
}
