package dev.quarry.bench;

import dev.quarry.synth.outside.OutsideFormat;
import dev.quarry.synth.outside.OutsideMix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutsideSuiteTest {

    @Test
    void defaultSeedChangesFromDayToDay() {
        assertEquals(20261202L, DetectDatasets.defaultOutsideSeed(LocalDate.of(2026, 12, 2)));
        assertNotEquals(DetectDatasets.defaultOutsideSeed(LocalDate.of(2026, 12, 2)),
                DetectDatasets.defaultOutsideSeed(LocalDate.of(2026, 12, 3)));
    }

    @Test
    void consecutiveSeedsLeadWithDifferentMixesAndUseEveryPreset() {
        Set<String> leading = new HashSet<>();
        for (long seed = 100; seed < 100 + OutsideMix.presetNames().size(); seed++) {
            List<String> mixes = DetectDatasets.outsideMixes(seed);
            assertEquals(Set.copyOf(OutsideMix.presetNames()), Set.copyOf(mixes));
            leading.add(mixes.get(0));
        }
        assertEquals(OutsideMix.presetNames().size(), leading.size());
    }

    @Test
    void suiteScoresOnePopulationInThreeFormatsAndTwoOtherMixes() {
        List<DetectDatasets.Dataset> suite = DetectDatasets.of(DetectDatasets.Suite.OUTSIDE, 7, false);
        assertEquals(5, suite.size());
        assertEquals(List.of(OutsideFormat.CANONICAL_CSV, OutsideFormat.RENAMED_CSV, OutsideFormat.BEDROCK),
                suite.subList(0, 3).stream().map(d -> d.outside().format()).toList());
        assertTrue(suite.subList(0, 3).stream().allMatch(d -> d.seed() == 7 && d.accounts() == 6_000));
        assertEquals(3, suite.stream().map(d -> d.outside().mix().name()).distinct().count());
        assertTrue(suite.stream().allMatch(d -> d.bar() == QualityBar.ISSUE_9 && d.options() == null));
        DetectDatasets.Dataset scale = DetectDatasets.of(DetectDatasets.Suite.OUTSIDE, 7, true).get(0);
        assertEquals(DetectBenchmark.SCALE_ACCOUNTS, scale.accounts());
    }

    @Test
    void aCaseIsReusedOnlyForTheDatasetItWasMadeFrom(@TempDir Path dir) throws IOException {
        DetectDatasets.Dataset today = DetectDatasets.of(DetectDatasets.Suite.OUTSIDE, 40, false).get(0);
        DetectDatasets.Dataset otherSeed = DetectDatasets.of(DetectDatasets.Suite.OUTSIDE,
                40 + OutsideMix.presetNames().size(), false).get(0);
        assertEquals(today.name(), otherSeed.name(), "seeds a round of mixes apart lead with the same mix: one work directory");
        assertFalse(DetectBenchmark.reusable(dir, today), "nothing ingested yet");
        Files.writeString(dir.resolve("case.quarry"), "");
        Files.writeString(dir.resolve("ingested"), "1234\n" + today.description() + "\n");
        assertTrue(DetectBenchmark.reusable(dir, today));
        assertFalse(DetectBenchmark.reusable(dir, otherSeed), "another --outside-seed is generated afresh");
        Files.writeString(dir.resolve("ingested"), "1234");
        assertTrue(DetectBenchmark.reusable(dir, otherSeed), "a marker from before descriptions were kept is taken as it is");
    }
}
