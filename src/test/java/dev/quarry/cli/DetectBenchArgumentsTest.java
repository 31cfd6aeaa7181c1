package dev.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.bench.DetectDatasets;
import dev.quarry.synth.outside.OutsideFormat;
import dev.quarry.synth.outside.OutsideMix;
import dev.quarry.synth.outside.OutsideOptions;
import dev.quarry.synth.outside.OutsidePopulation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DetectBenchArgumentsTest {

    private static DetectBenchCommand parsed(String... args) {
        DetectBenchCommand command = new DetectBenchCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void outsideSuiteAtScaleTakesItsSizeFromAccountsAndEvents() {
        long seed = 31;
        String mix = DetectDatasets.outsideMixes(seed).get(0);
        long month = OutsidePopulation.plannedEvents(OutsideOptions.of(300, 30, seed).withMix(OutsideMix.preset(mix)));
        DetectBenchCommand command = parsed("--suite", "outside", "--scale", "--accounts", "300",
                "--events", Long.toString(month * 2 / 3), "--outside-seed", Long.toString(seed));
        List<DetectDatasets.Dataset> datasets = command.datasets(command.parseSuite(), seed);
        assertEquals(1, datasets.size());
        DetectDatasets.Dataset scale = datasets.get(0);
        assertEquals("outside-" + mix + "-csv-300", scale.name());
        assertEquals(300, scale.accounts());
        assertEquals(OutsideFormat.CANONICAL_CSV, scale.outside().format());
        assertTrue(scale.days() >= 17 && scale.days() <= 23, "two thirds of a month's events in about 20 days: " + scale.days());
        assertTrue(scale.description().contains("seed " + seed) && scale.description().contains(scale.days() + " days"),
                scale.description());
    }

    @Test
    void outsideSuiteAtScaleWritesTheSamePopulationInEachFormatAsked() {
        long seed = 33;
        String mix = DetectDatasets.outsideMixes(seed).get(0);
        DetectBenchCommand command = parsed("--suite", "outside", "--scale", "--accounts", "300", "--events", "20000",
                "--outside-seed", Long.toString(seed), "--format", "all");
        List<DetectDatasets.Dataset> datasets = command.datasets(command.parseSuite(), seed);
        assertEquals(List.of("outside-" + mix + "-csv-300", "outside-" + mix + "-renamed-300", "outside-" + mix + "-bedrock-300"),
                datasets.stream().map(DetectDatasets.Dataset::name).toList());
        assertEquals(List.of(OutsideFormat.CANONICAL_CSV, OutsideFormat.RENAMED_CSV, OutsideFormat.BEDROCK),
                datasets.stream().map(d -> d.outside().format()).toList());
        assertTrue(datasets.get(1).outside().gzip(), "the renamed export is gzipped, as in the suite at 6,000 accounts");
        assertEquals(1, datasets.stream().map(d -> d.outside().days() + "/" + d.outside().mix().name()).distinct().count(),
                "one population, sized once");
        assertEquals(3, datasets.stream().map(DetectDatasets.Dataset::description).distinct().count(),
                "each format's case is reused only for that format");
        DetectBenchCommand two = parsed("--suite", "outside", "--scale", "--accounts", "300", "--events", "20000",
                "--format", "bedrock,renamed");
        assertEquals(List.of(OutsideFormat.BEDROCK, OutsideFormat.RENAMED_CSV),
                two.datasets(two.parseSuite(), seed).stream().map(d -> d.outside().format()).toList());
        DetectBenchCommand wrong = parsed("--suite", "outside", "--scale", "--format", "parquet");
        assertThrows(IllegalArgumentException.class, () -> wrong.datasets(wrong.parseSuite(), seed));
    }

    @Test
    void formatIsRefusedOutsideTheOutsideSuitesScaleRunBeforeAnythingIsGenerated(@TempDir Path work) throws Exception {
        for (String[] args : List.of(new String[] {"--suite", "dev", "--format", "bedrock"},
                new String[] {"--suite", "outside", "--format", "renamed"},
                new String[] {"--suite", "cohorts", "--scale", "--format", "all"})) {
            Path directory = work.resolve(args[1] + "-" + args.length);
            List<String> withWork = new ArrayList<>(List.of(args));
            withWork.addAll(List.of("--work", directory.toString()));
            assertEquals(1, new CommandLine(new DetectBenchCommand()).execute(withWork.toArray(String[]::new)), String.join(" ", args));
            try (var left = Files.list(directory)) {
                assertEquals(0, left.count(), "nothing generated for " + String.join(" ", args));
            }
        }
    }

    @Test
    void outsideSuiteWithoutScaleIsFiveDatasetsOfSixThousandAndCanBeNarrowedByName() {
        DetectBenchCommand all = parsed("--suite", "outside", "--outside-seed", "32");
        assertEquals(5, all.datasets(all.parseSuite(), 32).size());
        String name = all.datasets(all.parseSuite(), 32).get(2).name();
        DetectBenchCommand one = parsed("--suite", "outside", "--outside-seed", "32", "--dataset", name);
        assertEquals(List.of(name), one.datasets(one.parseSuite(), 32).stream().map(DetectDatasets.Dataset::name).toList());
        DetectBenchCommand none = parsed("--suite", "outside", "--dataset", "no-such-dataset");
        assertTrue(none.datasets(none.parseSuite(), 32).isEmpty());
    }
}
