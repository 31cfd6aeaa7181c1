package dev.quarry.analysis.signals;

import dev.quarry.analysis.CaseFixture;
import dev.quarry.analysis.rules.DetectionRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static dev.quarry.analysis.CaseFixture.DAY;
import static dev.quarry.analysis.CaseFixture.START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelPivotSignalTest {
    private static final DetectionRules RULES = DetectionRules.defaults();

    @Test
    void groupMovingToANewModelWithinADayPivotsWhileScatteredEarlyAdoptersDoNot(@TempDir Path dir) throws Exception {
        CaseFixture f = new CaseFixture(dir.resolve("case.quarry"));
        Random random = new Random(8);
        long release = START + 10 * DAY;
        for (int a = 0; a < 10; a++) {
            f.account("group" + a, null, null, null, null);
        }
        for (int a = 0; a < 40; a++) {
            f.account("user" + a, null, null, null, null);
        }
        for (int d = 0; d < 20; d++) {
            for (int a = 0; a < 10; a++) {
                long at = START + d * DAY + random.nextInt((int) DAY);
                f.event("group" + a, at, "og" + a, null, null, at >= release + 3_600_000L * (1 + a) ? "new-model" : "old-model",
                        null, null, "ok", null);
            }
            for (int a = 0; a < 40; a++) {
                long at = START + d * DAY + random.nextInt((int) DAY);
                // a few users try the new model days after release
                boolean tries = a < 4 && at > release + (2 + a) * DAY;
                f.event("user" + a, at, "ou" + a, null, null, tries ? "new-model" : "old-model", null, null, "ok", null);
            }
        }
        SignalCase c = new SignalCase(f);
        List<ModelPivotSignal.Release> releases = ModelPivotSignal.releases(c.data, RULES.pivot());
        assertEquals(1, releases.size());
        int[] group = new int[10];
        int[] users = new int[10];
        for (int a = 0; a < 10; a++) {
            group[a] = c.account("group" + a);
            users[a] = c.account("user" + a);
        }
        double[] pivot = ModelPivotSignal.pivot(releases, group, 0.05, RULES.pivot());
        assertNotNull(pivot);
        assertTrue(pivot[0] >= 0.9);
        assertNull(ModelPivotSignal.pivot(releases, users, 0.05, RULES.pivot()));
    }

    @Test
    void smallMajorityOfEarlyAdoptersIsNotAPivotWhenChanceExplainsIt() {
        // 4 of 5 members adopt quickly where one account in five does: a majority, four times the
        // base rate, yet one group in 150 gets there by chance
        boolean[] quick = new boolean[100];
        for (int a = 0; a < 4; a++) {
            quick[a] = true;
        }
        List<ModelPivotSignal.Release> releases = List.of(new ModelPivotSignal.Release(0, START, quick, 0.2));
        int[] small = {0, 1, 2, 3, 4};
        assertNotNull(ModelPivotSignal.pivot(releases, small, 0.05, RULES.pivot()));
        assertNull(ModelPivotSignal.pivot(releases, small, 0.05 / 100, RULES.pivot()));
    }

    @Test
    void binomialTailMatchesDirectSumAndDoesNotUnderflowForLargeGroups() {
        assertEquals(0.00265148, ModelPivotSignal.binomialUpperTail(11, 7, 0.21), 1e-7);
        assertEquals(1, ModelPivotSignal.binomialUpperTail(11, 0, 0.21), 1e-12);
        double large = ModelPivotSignal.binomialUpperTail(80, 70, 0.21);
        assertTrue(large > 0 && large < 1e-30, "tail " + large);
    }
}
