package dev.quarry.cli;

import dev.quarry.bench.IngestBenchmark;
import dev.quarry.ingest.SourceFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingest speed: imports the same extract with the sqlite3 command line (.import --csv) and with "
                + "Quarry, alternately, and prints the rates, their spread and the ratio. Quarry runs as a fresh "
                + "java -jar quarry.jar ingest process per round (as a user runs it) and inside this JVM (warm).",
                "JSON Lines and Bedrock files have no sqlite3 reference: their rates are printed on their own."})
public final class IngestBenchCommand implements Callable<Integer> {

    @Option(names = "--rows", defaultValue = "1400000", description = "about this many events to generate (default: ${DEFAULT-VALUE})")
    long rows;

    @Option(names = "--file", paramLabel = "FILE", description = "use this extract instead of generating one")
    Path file;

    @Option(names = "--format", defaultValue = "csv", description = "csv, jsonl or bedrock (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--input", defaultValue = "generator",
            description = "what to generate: generator (quarry generate's extract: multi-line quoted prompts, quotes "
                    + "and commas in text) or simple (random ids, short prompts; CSV only) (default: ${DEFAULT-VALUE})")
    String input;

    @Option(names = "--mode", defaultValue = "both",
            description = "process (a fresh Quarry process per round), in-process, or both (default: ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--jvm-option", paramLabel = "OPTION", defaultValue = "-Xmx1g", split = "\\s+",
            description = "options of each fresh Quarry process, space-separated (default: ${DEFAULT-VALUE})")
    List<String> jvmOptions;

    @Option(names = "--jar", paramLabel = "JAR", description = "the jar a fresh process runs (default: the one running this command)")
    Path jar;

    @Option(names = "--rounds", defaultValue = "3", description = "rounds of each tool, alternating (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--work-dir", paramLabel = "DIR", defaultValue = "target/bench",
            description = "where the generated extract and the scratch databases go (default: ${DEFAULT-VALUE})")
    Path workDirectory;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the generated extract (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        SourceFormat sourceFormat = IngestCommand.parseFormat(format);
        IngestBenchmark.Result result = IngestBenchmark.run(new IngestBenchmark.Options(rows, file, sourceFormat,
                choice(IngestBenchmark.Input.class, input, "--input"), mode(),
                rounds, workDirectory, seed, jvmOptions, jar), System.out::println);
        System.out.printf(Locale.ROOT, "%n%,d rows, %,.1f MB (%s); medians over %d rounds, spread min-max; "
                        + "one-minute load average %.1f-%.1f during the rounds:%n",
                result.rows(), result.bytes() / 1e6, result.format().name().toLowerCase(Locale.ROOT), rounds, result.minLoad(), result.maxLoad());
        for (IngestBenchmark.Figures f : result.figures()) {
            String tool = f.tool().equals("sqlite3") ? "sqlite3 " + result.sqliteVersion() + " .import" : f.tool();
            String cpu = Double.isNaN(f.medianCpuSeconds()) ? "" : String.format(Locale.ROOT, "  cpu %6.2f s  peak RSS %,d MB",
                    f.medianCpuSeconds(), f.maxResidentKib() / 1024);
            System.out.printf(Locale.ROOT, "  %-24s %7.2f s (%.2f-%.2f)  %,9.0f rows/s  %6.1f MB/s%s%n", tool,
                    f.medianSeconds(), f.minSeconds(), f.maxSeconds(), f.rowsPerSecond(), f.megabytesPerSecond(), cpu);
        }
        for (String tool : List.of("quarry process", "quarry in-process")) {
            IngestBenchmark.Figures quarry = result.figures(tool);
            IngestBenchmark.Figures sqlite = result.figures("sqlite3");
            double[] ratios = result.roundRatios(tool);
            if (quarry != null && sqlite != null && ratios != null) {
                System.out.printf(Locale.ROOT, "  ratio %-18s %7.2f (ratio of medians); per round median %.2f (%.2f-%.2f)%n",
                        tool + "/sqlite3", quarry.rowsPerSecond() / sqlite.rowsPerSecond(), ratios[0], ratios[1], ratios[2]);
            }
        }
        return 0;
    }

    private IngestBenchmark.Mode mode() {
        return switch (mode) {
            case "process" -> IngestBenchmark.Mode.WHOLE_PROCESS;
            case "in-process" -> IngestBenchmark.Mode.IN_PROCESS;
            case "both" -> IngestBenchmark.Mode.BOTH;
            default -> throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--mode must be process, in-process or both, not '" + mode + "'");
        };
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String text, String option) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new IngestBenchCommand()),
                    option + ": unknown value '" + text + "'");
        }
    }
}
