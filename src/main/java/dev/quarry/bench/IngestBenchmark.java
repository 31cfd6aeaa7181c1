package dev.quarry.bench;

import dev.quarry.ingest.ImportOptions;
import dev.quarry.ingest.ImportSummary;
import dev.quarry.ingest.Importer;
import dev.quarry.ingest.IngestException;
import dev.quarry.model.EventField;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import dev.quarry.store.StoreException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Ingest speed against the reference of DESIGN.md: the {@code sqlite3} command line's
 * {@code .import --csv} of the same CSV into a fresh database, alternating with Quarry's import into a
 * fresh case, several rounds each. Quarry does more per row (typing, timestamp parsing, validation,
 * de-duplication through a unique index, rejected-row bookkeeping), so the ratio is a fair floor.
 */
public final class IngestBenchmark {

    public record Options(long rows, Path csv, int rounds, Path workDirectory, long seed) {
        public Options {
            if (rounds < 1) {
                throw new IllegalArgumentException("rounds must be at least 1");
            }
            if (csv == null && rows < 1) {
                throw new IllegalArgumentException("rows must be at least 1");
            }
        }
    }

    public record Round(int round, String tool, double seconds, double rowsPerSecond) {
    }

    /**
     * @param rows the CSV's data rows (Quarry's accepted + duplicate + rejected); the rate of both tools
     *             is rows per second of wall time
     */
    public record Result(Path csv, long bytes, long rows, String sqliteVersion, List<Round> rounds,
                         double sqliteMedianRate, double quarryMedianRate) {
        public double ratio() {
            return quarryMedianRate / sqliteMedianRate;
        }
    }

    private IngestBenchmark() {
    }

    public static Result run(Options options, Consumer<String> log) throws IOException, InterruptedException,
            IngestException, StoreException {
        Files.createDirectories(options.workDirectory());
        Path csv = options.csv();
        if (csv == null) {
            csv = options.workDirectory().resolve("ingest-bench-" + options.rows() + ".csv");
            if (!Files.exists(csv)) {
                log.accept(String.format(Locale.ROOT, "generating %,d rows into %s", options.rows(), csv));
                BenchmarkCsv.write(csv, options.rows(), options.seed());
            }
        }
        String sqliteVersion = sqliteVersion();
        long bytes = Files.size(csv);
        log.accept(String.format(Locale.ROOT, "input %s: %,.1f MB; sqlite3 %s", csv, bytes / 1e6, sqliteVersion));
        List<Round> rounds = new ArrayList<>();
        long rows = -1;
        for (int round = 1; round <= options.rounds(); round++) {
            double sqliteSeconds = sqliteImport(csv, options.workDirectory().resolve("reference.db"));
            ImportSummary summary;
            Path casePath = options.workDirectory().resolve("bench.quarry");
            Files.deleteIfExists(casePath);
            long started = System.nanoTime();
            try (CaseFile caseFile = CaseFile.open(casePath)) {
                summary = new Importer(caseFile).importFile(csv, ImportOptions.auto(), ProgressListener.NONE);
            }
            double quarrySeconds = (System.nanoTime() - started) / 1e9;
            rows = summary.read();
            Round reference = new Round(round, "sqlite3", sqliteSeconds, rows / sqliteSeconds);
            Round quarry = new Round(round, "quarry", quarrySeconds, rows / quarrySeconds);
            rounds.add(reference);
            rounds.add(quarry);
            log.accept(String.format(Locale.ROOT, "round %d: sqlite3 %.2f s (%,.0f rows/s)   quarry %.2f s (%,.0f rows/s; "
                            + "accepted %,d, duplicate %,d, rejected %,d)   ratio %.2f",
                    round, sqliteSeconds, reference.rowsPerSecond(), quarrySeconds, quarry.rowsPerSecond(),
                    summary.accepted(), summary.duplicate(), summary.rejected(), quarry.rowsPerSecond() / reference.rowsPerSecond()));
        }
        Files.deleteIfExists(options.workDirectory().resolve("reference.db"));
        Files.deleteIfExists(options.workDirectory().resolve("bench.quarry"));
        return new Result(csv, bytes, rows, sqliteVersion, rounds, median(rounds, "sqlite3"), median(rounds, "quarry"));
    }

    /** Imports with the sqlite3 command line into a fresh database whose events table has the canonical columns. */
    private static double sqliteImport(Path csv, Path database) throws IOException, InterruptedException {
        Files.deleteIfExists(database);
        StringJoiner columns = new StringJoiner(", ");
        for (EventField field : EventField.values()) {
            String type = switch (field.type()) {
                case INTEGER, TIMESTAMP -> "INTEGER";
                case REAL -> "REAL";
                case TEXT -> "TEXT";
            };
            columns.add(field.column() + " " + type);
        }
        run(List.of("sqlite3", database.toString(), "CREATE TABLE events(" + columns + ");"));
        long started = System.nanoTime();
        run(List.of("sqlite3", database.toString(), ".import --csv --skip 1 \"" + csv.toAbsolutePath() + "\" events"));
        double seconds = (System.nanoTime() - started) / 1e9;
        Files.deleteIfExists(database);
        return seconds;
    }

    private static String sqliteVersion() throws IOException, InterruptedException {
        return run(List.of("sqlite3", "--version")).split(" ")[0];
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cannot run sqlite3, the benchmark's reference (install the sqlite3 command line tool): "
                    + e.getMessage(), e);
        }
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(1, TimeUnit.HOURS) || process.exitValue() != 0) {
            throw new IOException("sqlite3 failed: " + new String(output, StandardCharsets.UTF_8).strip());
        }
        return new String(output, StandardCharsets.UTF_8).strip();
    }

    private static double median(List<Round> rounds, String tool) {
        double[] rates = rounds.stream().filter(r -> r.tool().equals(tool)).mapToDouble(Round::rowsPerSecond).sorted().toArray();
        int n = rates.length;
        return n % 2 == 1 ? rates[n / 2] : (rates[n / 2 - 1] + rates[n / 2]) / 2;
    }
}
