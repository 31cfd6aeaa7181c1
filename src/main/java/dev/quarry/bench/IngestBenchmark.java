package dev.quarry.bench;

import dev.quarry.ingest.ImportOptions;
import dev.quarry.ingest.ImportSummary;
import dev.quarry.ingest.Importer;
import dev.quarry.ingest.IngestException;
import dev.quarry.ingest.SourceFormat;
import dev.quarry.model.EventField;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import dev.quarry.store.StoreException;
import dev.quarry.synth.ExtractGenerator;
import dev.quarry.synth.GeneratedExtract;
import dev.quarry.synth.GeneratorOptions;
import dev.quarry.synth.OutputFormat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ingest speed against the reference of DESIGN.md: the {@code sqlite3} command line's
 * {@code .import --csv} of the same CSV into a fresh database, alternating with Quarry's import into a
 * fresh case, several rounds each. Quarry is measured two ways: inside this JVM (warm after the first
 * round), and as a user runs it, a fresh {@code java -jar quarry.jar ingest} process per round (JVM
 * start, class loading and JIT warm-up included, as for the {@code sqlite3} process). Quarry does more
 * per row (typing, timestamp parsing, validation, de-duplication, rejected-row bookkeeping, hashing),
 * so the ratio is a fair floor. JSON Lines and Bedrock files have no {@code sqlite3} reference; their
 * rates are measured the same way and reported on their own.
 */
public final class IngestBenchmark {

    /** Where Quarry runs: inside this JVM, as a fresh process per round, or both in each round. */
    public enum Mode {
        IN_PROCESS, WHOLE_PROCESS, BOTH;

        boolean inProcess() {
            return this != WHOLE_PROCESS;
        }

        boolean wholeProcess() {
            return this != IN_PROCESS;
        }
    }

    /** What is imported when no file is given. */
    public enum Input {
        /** {@code quarry generate}'s extract: multi-line quoted prompts, quotes and commas in text, real field shapes. */
        GENERATOR,
        /** {@link BenchmarkCsv}: random ids and short prompts, independent of the campaign generator. */
        SIMPLE
    }

    static final String SQLITE = "sqlite3";
    static final String QUARRY_PROCESS = "quarry process";
    static final String QUARRY_IN_PROCESS = "quarry in-process";

    /**
     * @param file       an existing extract to import instead of a generated one (null: generate)
     * @param format     CSV, JSONL or BEDROCK; only CSV has the sqlite3 reference
     * @param jvmOptions options of each fresh Quarry process (the bar: {@code -Xmx1g})
     * @param jar        the Quarry jar a fresh process runs (null: the jar or class path this class came from)
     */
    public record Options(long rows, Path file, SourceFormat format, Input input, Mode mode, int rounds,
                          Path workDirectory, long seed, List<String> jvmOptions, Path jar) {
        public Options {
            if (rounds < 1) {
                throw new IllegalArgumentException("rounds must be at least 1");
            }
            if (file == null && rows < 1) {
                throw new IllegalArgumentException("rows must be at least 1");
            }
            if (format == SourceFormat.AUTO) {
                throw new IllegalArgumentException("the benchmark needs a format: csv, jsonl or bedrock");
            }
            if (format != SourceFormat.CSV && file == null && input == Input.SIMPLE) {
                throw new IllegalArgumentException("the simple input is CSV only; JSON Lines and Bedrock come from the generator");
            }
            jvmOptions = List.copyOf(jvmOptions);
        }
    }

    /**
     * One tool's run in one round.
     *
     * @param cpuSeconds     user + system CPU of the process (NaN when not measured: in-process runs)
     * @param maxResidentKib the process's peak resident set (0 when not measured)
     * @param loadAverage    the machine's one-minute load average when the run started
     */
    public record Run(int round, String tool, double seconds, double cpuSeconds, long maxResidentKib, double loadAverage) {
    }

    /** Median and spread of one tool over the rounds. */
    public record Figures(String tool, double medianSeconds, double minSeconds, double maxSeconds, double medianCpuSeconds,
                          long maxResidentKib, double rowsPerSecond, double megabytesPerSecond) {
    }

    /**
     * @param rows the file's data rows (Quarry's accepted + duplicate + rejected); rates are per second of wall time
     */
    public record Result(Path file, SourceFormat format, long bytes, long rows, String sqliteVersion, List<Run> runs,
                         List<Figures> figures, double minLoad, double maxLoad) {

        public Figures figures(String tool) {
            return figures.stream().filter(f -> f.tool().equals(tool)).findFirst().orElse(null);
        }

        /** Quarry's rate over the reference's, each round's pair on its own: median, min and max. */
        public double[] roundRatios(String tool) {
            List<Double> ratios = new ArrayList<>();
            for (Run quarry : runs) {
                if (!quarry.tool().equals(tool)) {
                    continue;
                }
                runs.stream().filter(r -> r.tool().equals(SQLITE) && r.round() == quarry.round()).findFirst()
                        .ifPresent(reference -> ratios.add(reference.seconds() / quarry.seconds()));
            }
            double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return sorted.length == 0 ? null : new double[]{median(sorted), sorted[0], sorted[sorted.length - 1]};
        }
    }

    private static final Pattern READ_LINE = Pattern.compile("read ([\\d,]+)\\s+accepted ([\\d,]+)\\s+duplicate ([\\d,]+)\\s+rejected ([\\d,]+)");
    private static final Path TIME = Path.of("/usr/bin/time");
    /** The jar's entry point (pom.xml), for a process started from a build tree. */
    private static final String MAIN_CLASS = "dev.quarry.app.Main";

    private IngestBenchmark() {
    }

    public static Result run(Options options, Consumer<String> log) throws IOException, InterruptedException,
            IngestException, StoreException {
        Files.createDirectories(options.workDirectory());
        Path file = options.file() != null ? options.file() : input(options, log);
        boolean reference = options.format() == SourceFormat.CSV;
        String sqliteVersion = reference ? sqliteVersion() : null;
        List<String> launcher = options.mode().wholeProcess() ? launcher(options.jar()) : null;
        long bytes = Files.size(file);
        log.accept(String.format(Locale.ROOT, "input %s: %,.1f MB, %s%s", file, bytes / 1e6, options.format().name().toLowerCase(Locale.ROOT),
                reference ? "; sqlite3 " + sqliteVersion : "; no sqlite3 reference for this format"));
        if (launcher != null) {
            List<String> shown = new ArrayList<>(quarryCommand(launcher, options, Path.of("CASE"), file));
            shown.replaceAll(word -> word.length() > 200 ? word.substring(0, 60) + "…" : word);
            log.accept("fresh process per round: " + String.join(" ", shown));
        }
        List<Run> runs = new ArrayList<>();
        long rows = -1;
        Path casePath = options.workDirectory().resolve("bench.quarry");
        for (int round = 1; round <= options.rounds(); round++) {
            StringJoiner line = new StringJoiner("   ", "round " + round + ": ", "");
            Run sqlite = null;
            if (reference) {
                sqlite = sqliteImport(round, file, options.workDirectory().resolve("reference.db"));
                runs.add(sqlite);
                line.add(describe(sqlite, null));
            }
            if (options.mode().wholeProcess()) {
                Files.deleteIfExists(casePath);
                ProcessRun process = quarryProcess(round, launcher, options, casePath, file);
                rows = checkRows(rows, process.read, file);
                runs.add(process.run);
                line.add(describe(process.run, sqlite));
            }
            if (options.mode().inProcess()) {
                Files.deleteIfExists(casePath);
                double load = loadAverage();
                long started = System.nanoTime();
                ImportSummary summary;
                try (CaseFile caseFile = CaseFile.openForImport(casePath)) {
                    summary = new Importer(caseFile).importFile(file, new ImportOptions(options.format(), null), ProgressListener.NONE);
                }
                Run inProcess = new Run(round, QUARRY_IN_PROCESS, (System.nanoTime() - started) / 1e9, Double.NaN, 0, load);
                rows = checkRows(rows, summary.read(), file);
                runs.add(inProcess);
                line.add(describe(inProcess, sqlite));
            }
            log.accept(line.toString());
        }
        Files.deleteIfExists(options.workDirectory().resolve("reference.db"));
        Files.deleteIfExists(casePath);
        Files.deleteIfExists(options.workDirectory().resolve("bench.quarry-journal"));
        List<Figures> figures = new ArrayList<>();
        for (String tool : List.of(SQLITE, QUARRY_PROCESS, QUARRY_IN_PROCESS)) {
            Figures f = figures(runs, tool, rows, bytes);
            if (f != null) {
                figures.add(f);
            }
        }
        double[] loads = runs.stream().mapToDouble(Run::loadAverage).sorted().toArray();
        return new Result(file, options.format(), bytes, rows, sqliteVersion, runs, figures, loads[0], loads[loads.length - 1]);
    }

    private static long checkRows(long known, long read, Path file) {
        if (known >= 0 && known != read) {
            throw new IllegalStateException("two imports of " + file + " read different row counts: " + known + " and " + read);
        }
        return read;
    }

    private static String describe(Run run, Run reference) {
        String cpu = Double.isNaN(run.cpuSeconds()) ? "" : String.format(Locale.ROOT, ", cpu %.2f s", run.cpuSeconds());
        String ratio = reference == null || run.tool().equals(SQLITE) ? ""
                : String.format(Locale.ROOT, ", ratio %.2f", reference.seconds() / run.seconds());
        return String.format(Locale.ROOT, "%s %.2f s%s%s (load %.1f)", run.tool(), run.seconds(), cpu, ratio, run.loadAverage());
    }

    /** The generated extract for these options, written once into the work directory and reused. */
    private static Path input(Options options, Consumer<String> log) throws IOException {
        if (options.input() == Input.SIMPLE) {
            Path csv = options.workDirectory().resolve("ingest-bench-" + options.rows() + ".csv");
            if (!Files.exists(csv)) {
                log.accept(String.format(Locale.ROOT, "generating %,d rows into %s", options.rows(), csv));
                BenchmarkCsv.write(csv, options.rows(), options.seed());
            }
            return csv;
        }
        OutputFormat format = switch (options.format()) {
            case JSONL -> OutputFormat.JSONL;
            case BEDROCK -> OutputFormat.BEDROCK;
            default -> OutputFormat.CSV;
        };
        Path directory = options.workDirectory().resolve("extract-" + options.rows() + "-seed" + options.seed());
        Path events = directory.resolve(format.fileName(false));
        if (!Files.exists(events)) {
            // the seed case's shape: 24,000 accounts for 16 million events over 30 days, fewer for smaller files
            int accounts = (int) Math.max(GeneratorOptions.MIN_ACCOUNTS_FOR_DEFAULT_MIX, Math.min(24_000, options.rows() / 600));
            log.accept(String.format(Locale.ROOT, "generating about %,d events for %,d accounts into %s (quarry generate)",
                    options.rows(), accounts, events));
            Path scratch = options.workDirectory().resolve("extract-" + options.rows() + "-seed" + options.seed() + "-" + format.name());
            GeneratedExtract extract = ExtractGenerator.generate(scratch, GeneratorOptions.defaults(accounts, 30, options.seed())
                    .withFormat(format).withEventsTarget(options.rows()), ProgressListener.NONE);
            Files.createDirectories(directory);
            Files.move(extract.events(), events);
            deleteTree(scratch);
        }
        return events;
    }

    private static void deleteTree(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
    }

    private record ProcessRun(Run run, long read) {
    }

    private static List<String> quarryCommand(List<String> launcher, Options options, Path casePath, Path file) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(options.jvmOptions());
        command.addAll(launcher);
        command.addAll(List.of("ingest", casePath.toString(), file.toString(),
                "--format", options.format().name().toLowerCase(Locale.ROOT)));
        return command;
    }

    private static ProcessRun quarryProcess(int round, List<String> launcher, Options options, Path casePath, Path file)
            throws IOException, InterruptedException {
        Measured measured = measure(quarryCommand(launcher, options, casePath, file), "quarry ingest");
        Matcher read = READ_LINE.matcher(measured.output);
        if (!read.find()) {
            throw new IOException("quarry ingest printed no summary: " + tail(measured.output));
        }
        long[] counts = new long[4];
        for (int i = 0; i < 4; i++) {
            counts[i] = Long.parseLong(read.group(i + 1).replace(",", ""));
        }
        if (counts[0] != counts[1] + counts[2] + counts[3]) {
            throw new IllegalStateException("quarry ingest lost rows: " + read.group());
        }
        return new ProcessRun(new Run(round, QUARRY_PROCESS, measured.seconds, measured.cpuSeconds, measured.maxResidentKib,
                measured.load), counts[0]);
    }

    /** Imports with the sqlite3 command line into a fresh database whose events table has the canonical columns. */
    private static Run sqliteImport(int round, Path csv, Path database) throws IOException, InterruptedException {
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
        run(List.of(SQLITE, database.toString(), "CREATE TABLE events(" + columns + ");"));
        Measured measured = measure(List.of(SQLITE, database.toString(),
                ".import --csv --skip 1 \"" + csv.toAbsolutePath() + "\" events"), SQLITE);
        Files.deleteIfExists(database);
        return new Run(round, SQLITE, measured.seconds, measured.cpuSeconds, measured.maxResidentKib, measured.load);
    }

    private record Measured(double seconds, double cpuSeconds, long maxResidentKib, double load, String output) {
    }

    /** Runs a command to its end: wall time here, CPU and peak memory from GNU time when it is installed. */
    private static Measured measure(List<String> command, String what) throws IOException, InterruptedException {
        Path usage = Files.isExecutable(TIME) ? Files.createTempFile("quarry-bench", ".time") : null;
        List<String> full = new ArrayList<>();
        if (usage != null) {
            full.addAll(List.of(TIME.toString(), "-o", usage.toString(), "-f", "%U %S %M"));
        }
        full.addAll(command);
        double load = loadAverage();
        long started = System.nanoTime();
        String output = run(full);
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpu = Double.NaN;
        long resident = 0;
        if (usage != null) {
            String[] lines = Files.readString(usage).strip().split("\n");
            String[] parts = lines[lines.length - 1].trim().split(" ");
            Files.delete(usage);
            if (parts.length == 3) {
                cpu = Double.parseDouble(parts[0]) + Double.parseDouble(parts[1]);
                resident = Long.parseLong(parts[2]);
            } else {
                throw new IOException(what + ": cannot read GNU time's figures: " + Arrays.toString(lines));
            }
        }
        return new Measured(seconds, cpu, resident, load, output);
    }

    private static Figures figures(List<Run> runs, String tool, long rows, long bytes) {
        List<Run> mine = runs.stream().filter(r -> r.tool().equals(tool)).toList();
        if (mine.isEmpty()) {
            return null;
        }
        double[] seconds = mine.stream().mapToDouble(Run::seconds).sorted().toArray();
        double[] cpu = mine.stream().mapToDouble(Run::cpuSeconds).filter(c -> !Double.isNaN(c)).sorted().toArray();
        double median = median(seconds);
        return new Figures(tool, median, seconds[0], seconds[seconds.length - 1], cpu.length == 0 ? Double.NaN : median(cpu),
                mine.stream().mapToLong(Run::maxResidentKib).max().orElse(0), rows / median, bytes / 1e6 / median);
    }

    /**
     * How a fresh Quarry process is started: {@code -jar} with the given jar or the one this benchmark runs
     * from; from a build tree (tests, an IDE), the same class path and the jar's main class.
     */
    private static List<String> launcher(Path given) throws IOException {
        if (given != null) {
            if (!Files.isRegularFile(given)) {
                throw new IOException(given + ": no such jar; build it with mvn -DskipTests package");
            }
            return List.of("-jar", given.toString());
        }
        try {
            Path self = Path.of(IngestBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(self) && self.toString().endsWith(".jar")) {
                return List.of("-jar", self.toString());
            }
        } catch (URISyntaxException | SecurityException e) {
            // no location to run from: the class path below
        }
        return List.of("-cp", System.getProperty("java.class.path"), MAIN_CLASS);
    }

    /** The one-minute load average (Linux), the measure of how shared the machine was; NaN elsewhere. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String sqliteVersion() throws IOException, InterruptedException {
        return run(List.of(SQLITE, "--version")).split(" ")[0];
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cannot run " + command.get(0) + " (for sqlite3, the benchmark's reference: install the "
                    + "sqlite3 command line tool): " + e.getMessage(), e);
        }
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(1, TimeUnit.HOURS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command.subList(0, Math.min(3, command.size()))) + " failed: "
                    + tail(new String(output, StandardCharsets.UTF_8)));
        }
        return new String(output, StandardCharsets.UTF_8).strip();
    }

    private static String tail(String output) {
        String text = output.strip();
        return text.length() > 2000 ? "…" + text.substring(text.length() - 2000) : text;
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
