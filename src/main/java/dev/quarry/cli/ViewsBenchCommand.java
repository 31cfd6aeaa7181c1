package dev.quarry.cli;

import dev.quarry.bench.ViewsBenchmark;
import dev.quarry.store.CaseFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "views", mixinStandardHelpOptions = true,
        description = {"Speed of what the timeline, heatmap, account graph and account map draw from, on the latest run of CASE: "
                + "timeline zoom and pan reads (p50, p95), the whole-case heatmap, the layout of the whole case's graph and "
                + "of the largest campaign's graph, a lasso of about 5,000 map points. Prints one name=value line per figure "
                + "(the names of bench gui); writes a layout into CASE.",
                "Exit status: 0 measured, 1 could not run."})
final class ViewsBenchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CASE", description = "an analysed case file")
    Path casePath;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(casePath)) {
            throw new IllegalArgumentException("no case file at " + casePath + ": give the path of an analysed .quarry file");
        }
        Map<String, String> figures;
        try (CaseFile caseFile = CaseFile.open(casePath);
             ConsoleProgress progress = new ConsoleProgress("steps")) {
            figures = ViewsBenchmark.figures(caseFile, progress);
        }
        for (Map.Entry<String, String> figure : figures.entrySet()) {
            System.out.println(figure.getKey() + "=" + figure.getValue());
        }
        return 0;
    }
}
