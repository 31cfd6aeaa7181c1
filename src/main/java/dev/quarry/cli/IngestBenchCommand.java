package dev.quarry.cli;

import dev.quarry.bench.IngestBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingest speed: imports the same canonical CSV with the sqlite3 command line (.import --csv) "
                + "and with Quarry, alternately, and prints both rates and their ratio."})
public final class IngestBenchCommand implements Callable<Integer> {

    @Option(names = "--rows", defaultValue = "2000000", description = "rows to generate (default: ${DEFAULT-VALUE})")
    long rows;

    @Option(names = "--file", paramLabel = "CSV", description = "use this canonical-column CSV instead of generating one")
    Path file;

    @Option(names = "--rounds", defaultValue = "3", description = "rounds of each tool, alternating (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--work-dir", paramLabel = "DIR", defaultValue = "target/bench",
            description = "where the generated CSV and the scratch databases go (default: ${DEFAULT-VALUE})")
    Path workDirectory;

    @Option(names = "--seed", defaultValue = "42", description = "seed of the generated CSV (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        IngestBenchmark.Result result = IngestBenchmark.run(
                new IngestBenchmark.Options(rows, file, rounds, workDirectory, seed), System.out::println);
        System.out.printf(Locale.ROOT, "%nmedian over %d rounds, %,d rows (%,.1f MB):%n", rounds, result.rows(), result.bytes() / 1e6);
        System.out.printf(Locale.ROOT, "  sqlite3 %s .import  %,12.0f rows/s%n", result.sqliteVersion(), result.sqliteMedianRate());
        System.out.printf(Locale.ROOT, "  quarry ingest        %,12.0f rows/s%n", result.quarryMedianRate());
        System.out.printf(Locale.ROOT, "  ratio quarry/sqlite3 %12.2f%n", result.ratio());
        return 0;
    }
}
