package dev.quarry.bench;

import dev.quarry.synth.outside.OutsideFormat;
import dev.quarry.synth.outside.OutsideMix;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
