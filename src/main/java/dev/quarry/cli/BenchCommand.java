package dev.quarry.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: each compares Quarry with a reference on the same input, in one run, and prints the ratio.",
        subcommands = {
                IngestBenchCommand.class,
                DetectBenchCommand.class,
                ViewsBenchCommand.class,
        })
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
