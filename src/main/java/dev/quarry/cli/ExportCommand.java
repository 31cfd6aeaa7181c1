package dev.quarry.cli;

import dev.quarry.analysis.RunStore;
import dev.quarry.analysis.RunSummary;
import dev.quarry.analysis.StoredRun;
import dev.quarry.export.CsvPacket;
import dev.quarry.export.ExportReport;
import dev.quarry.export.ExportedFile;
import dev.quarry.export.PdfPacket;
import dev.quarry.export.Redaction;
import dev.quarry.store.CaseFile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write an evidence packet for an analysis run of CASE.",
                "--csv DIR writes accounts.csv (one row per account: account_id, risk_score, flagged, campaign_id, "
                        + "reasons, verdict, tags, then details), campaigns.csv, the campaign members' events.csv, "
                        + "reasons, verdicts, notes, tags and links (.csv, and .jsonl with the values unmodified) and "
                        + "manifest.json (sha256 of every source and exported file, the run's parameters and seed, "
                        + "Quarry version, the audit head, sealed by a digest over its own content).",
                "Every text cell is quoted; one a spreadsheet would run as a formula (=, +, -, @, tab, CR, LF first, "
                        + "also after spaces and in full-width forms) gets a leading apostrophe.",
                "--pdf FILE writes a PDF/A-3b packet to read and hand on: cover, contents, summary, each campaign "
                        + "with its signals, timeline, heatmap, account graph, every member, sample prompts, verdict, "
                        + "notes and tags, and an appendix with sources, parameters and the manifest; the CSV packet "
                        + "is attached inside it. Its sha256 is printed and recorded in the case's audit log."})
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

    @Option(names = "--campaign", paramLabel = "ID", description = "export only this campaign and its member accounts (repeatable)")
    List<Integer> campaigns = new ArrayList<>();

    @Option(names = "--redact", description = "mask prompt texts, e-mail addresses and IP addresses (the same value, the same mask), for sharing outside the team; stated on the cover")
    boolean redact;

    @Option(names = "--examiner", paramLabel = "NAME", description = "the examiner named on the PDF cover (default: the operating-system user)")
    String examiner = System.getProperty("user.name", "analyst");

    @Option(names = "--organisation", paramLabel = "NAME", description = "the organisation named on the PDF cover")
    String organisation = "";

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
            Redaction redaction = redact ? Redaction.masking() : Redaction.NONE;
            ExportReport report = target.pdf != null
                    ? new PdfPacket(caseFile, redaction, new PdfPacket.Examiner(examiner, organisation, ZoneId.systemDefault()))
                    .write(stored, target.pdf, campaigns, progress)
                    : new CsvPacket(caseFile, redaction).write(stored, target.csv, campaigns, progress);
            progress.finish();
            System.out.printf(Locale.ROOT, "exported run %d (seed %d, %s)%s to %s%n", report.runId(),
                    stored.summary().seed(), stored.summary().finishedAt(),
                    campaigns.isEmpty() ? "" : " campaigns " + campaigns, report.directory());
            for (ExportedFile file : report.files()) {
                System.out.printf(Locale.ROOT, "  %-14s %,9d %s  sha256 %s%n", file.name(), file.rows(),
                        target.pdf != null ? "campaigns" : "rows", file.sha256());
            }
            if (target.pdf == null) {
                System.out.printf(Locale.ROOT, "  %s%n", CsvPacket.MANIFEST);
            }
            System.out.printf(Locale.ROOT, "  packet data digest (manifest) %s%n", report.manifestDigest());
            return 0;
        }
    }
}
