package dev.quarry.app;

import dev.quarry.ui.GuiBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code bench gui CASE}: the workbench figures of DESIGN.md, one {@code name=value} line each. */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = {"Opens the workbench headless on CASE, drives it as an analyst would and prints one name=value line "
                + "per figure (milliseconds unless the name says otherwise; NA where a figure could not be measured).",
                "Only reads the case: the account graph and campaign graph figures need --graph, as those screens store their layouts in the case."})
public final class GuiBenchCommand implements Callable<Integer> {

    @Parameters(paramLabel = "CASE", description = "case file to open (analysed)")
    Path casePath;

    @Option(names = "--repeat", defaultValue = "3", description = "repetitions of each step; the median is printed (default: ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--graph", description = "also open the account graph (it stores its layout in the case)")
    boolean graph;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(casePath)) {
            System.err.println("error: no case file at " + casePath);
            return 2;
        }
        Map<String, String> figures = GuiBench.run(casePath, repeat, graph);
        figures.forEach((name, value) -> System.out.println(name + "=" + value));
        System.out.flush();
        return 0;
    }
}
