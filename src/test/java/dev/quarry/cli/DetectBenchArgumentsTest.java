package dev.quarry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.quarry.bench.DetectDatasets;
import dev.quarry.synth.outside.OutsideFormat;
import dev.quarry.synth.outside.OutsideMix;
import dev.quarry.synth.outside.OutsideOptions;
import dev.quarry.synth.outside.OutsidePopulation;
import java.util.List;
import org.junit.jupiter.api.Test;
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
