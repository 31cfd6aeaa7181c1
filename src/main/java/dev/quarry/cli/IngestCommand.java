package dev.quarry.cli;

import dev.quarry.ingest.ImportOptions;
import dev.quarry.ingest.ImportSummary;
import dev.quarry.ingest.Importer;
import dev.quarry.ingest.IngestException;
import dev.quarry.ingest.SourceFormat;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Import extract files into a case, creating the case if it is missing.",
                "Each file is imported atomically (all of it or nothing). Rows that fail validation are kept in "
                        + "rejected_rows and do not fail the command; a file that cannot be read at all does."},
        footer = {"", "Header aliases, the mapping file format and size limits: docs/ingest-aliases.md"})
public final class IngestCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CASE", description = "the case file (created if missing)")
    Path casePath;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE",
            description = "extract files: CSV, JSON Lines or Amazon Bedrock invocation logs, plain or .gz")
    List<Path> files;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto, csv, jsonl or bedrock (default: ${DEFAULT-VALUE}, detected from the content)")
    String format;

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "JSON mapping of source columns onto canonical fields, for names the alias table does not know")
    Path mapping;

    @Override
    public Integer call() throws Exception {
        SourceFormat sourceFormat = parseFormat(format);
        ImportOptions options = new ImportOptions(sourceFormat, mapping);
        // a mistyped path must not leave a new, empty case behind
        if (files.stream().noneMatch(Files::isReadable) && !Files.exists(casePath)) {
            throw new IllegalArgumentException("none of the files can be read (" + files.get(0)
                    + (files.size() > 1 ? ", …" : "") + "); check the paths; no case was created");
        }
        int status = 0;
        // a new case appears only once a file is in it: a failed or interrupted import leaves none
        try (CaseFile caseFile = CaseFile.openForImport(casePath)) {
            Importer importer = new Importer(caseFile);
            for (Path file : files) {
                try {
                    ImportSummary summary;
                    try (ConsoleProgress progress = new ConsoleProgress(ProgressListener.BYTES)) {
                        summary = importer.importFile(file, options, progress);
                    }
                    print(summary, System.out);
                } catch (IngestException e) {
                    System.err.println("ingest: " + e.getMessage());
                    status = OneLineErrors.FAILED;
                }
            }
        }
        return status;
    }

    static SourceFormat parseFormat(String text) {
        try {
            return SourceFormat.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new IngestCommand()),
                    "--format must be auto, csv, jsonl or bedrock, not '" + text + "'");
        }
    }

    static void print(ImportSummary summary, PrintStream out) {
        out.println(summary.file() + (summary.alreadyImported() ? " (already imported, nothing done)" : "")
                + " -> source " + summary.sourceId() + ", " + summary.kind());
        out.printf(Locale.ROOT, "  read %,d  accepted %,d  duplicate %,d  rejected %,d%n",
                summary.read(), summary.accepted(), summary.duplicate(), summary.rejected());
        for (Map.Entry<String, Long> reason : summary.rejectedByReason().entrySet()) {
            out.printf(Locale.ROOT, "    rejected %,d: %s%n", reason.getValue(), reason.getKey());
        }
        for (String note : summary.notes()) {
            out.println("  note: " + note);
        }
    }
}
