package dev.quarry.analysis.signals;

import dev.quarry.analysis.CaseFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;

import static dev.quarry.analysis.CaseFixture.DAY;
import static dev.quarry.analysis.CaseFixture.START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Division of labour and change points on hand-built accounts: what a farm does that a cohort does not. */
class FleetWorkSignalsTest {
    private static final long HOUR = 3_600_000L;
    private static final String HARNESS = "Question: %s\nLet's think step by step and give the final answer. Answer:";

    @TempDir
    Path dir;

    private static String benchmarkItem(int i) {
        return "Item " + i + " of the public set: a train leaves at " + i + " and travels " + (40 + i)
                + " km at a steady speed of 80 km per hour; when does it arrive?";
    }

    private static int[] range(int from, int to) {
        int[] out = new int[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = i;
        }
        return out;
    }

    @Test
    void labsRunningOnePublicBenchmarkShareItemsWhileAFarmSplitsItsWorklist() throws Exception {
        SignalCase signals;
        try (CaseFixture f = new CaseFixture(dir.resolve("c.quarry"))) {
            for (int lab = 0; lab < 6; lab++) {
                f.account("lab" + lab, null, null, null, null).account("farm" + lab, null, null, null, null);
                for (int i = 0; i < 40; i++) {
                    f.event("lab" + lab, START + lab * HOUR + i * 60_000L, "uni" + lab, null, "lm-eval-harness/0.4", "m",
                            256, 0.0, "ok", String.format(HARNESS, benchmarkItem(i)));
                }
            }
            for (int worker = 0; worker < 6; worker++) {
                for (int i = 0; i < 40; i++) {
                    f.event("farm" + worker, START + worker * HOUR + i * 60_000L, "o" + worker, null, "lm-eval-harness/0.4",
                            "m", 4096, 0.0, "ok", String.format(HARNESS, benchmarkItem(1000 + 40 * worker + i)));
                }
            }
            signals = new SignalCase(f);
        }
        int[] labs = new int[6];
        int[] farm = new int[6];
        for (int k = 0; k < 6; k++) {
            labs[k] = signals.account("lab" + k);
            farm[k] = signals.account("farm" + k);
        }
        assertTrue(DivisionOfLabour.sharedItemShare(signals.data, labs) >= 0.9, "labs ask the same items");
        assertEquals(0, DivisionOfLabour.sharedItemShare(signals.data, farm), 1e-9, "the farm's workers ask items of their own");
    }

    @Test
    void takenOverAccountsStepUpTogetherWhilePeopleChangeHabitsEachAtTheirOwnTime() throws Exception {
        Random random = new Random(3);
        long takeover = START + 6 * DAY + 14 * HOUR;
        SignalCase signals;
        try (CaseFixture f = new CaseFixture(dir.resolve("c.quarry"))) {
            for (int a = 0; a < 8; a++) {
                // two evening questions a day from their owners, then the buyer's script within the hour
                String id = "aged" + a;
                f.account(id, null, null, null, null, START - (200 + 90 * a) * DAY);
                for (int d = 0; d < 6; d++) {
                    for (int q = 0; q < 2; q++) {
                        f.event(id, START + d * DAY + 19 * HOUR + random.nextInt((int) (3 * HOUR)), null, null, null, "m",
                                null, null, "ok", CaseFixture.freeText(random, 8));
                    }
                }
                long start = takeover + random.nextInt((int) HOUR);
                for (int i = 0; i < 150; i++) {
                    f.event(id, start + i * 20 * 60_000L, null, null, null, "m", null, null, "ok", CaseFixture.freeText(random, 12));
                }
            }
            for (int p = 0; p < 8; p++) {
                // people who get busier, each on a day and at an hour of their own
                String id = "person" + p;
                f.account(id, null, null, null, null);
                long busier = START + (3 + p) * DAY + (8 + p) * HOUR;
                for (long t = START + 10 * HOUR; t < busier; t += DAY / 2) {
                    f.event(id, t, null, null, null, "m", null, null, "ok", CaseFixture.freeText(random, 8));
                }
                for (int i = 0; i < 100; i++) {
                    f.event(id, busier + i * 40 * 60_000L, null, null, null, "m", null, null, "ok", CaseFixture.freeText(random, 8));
                }
            }
            signals = new SignalCase(f);
        }
        long[] change = ChangePoints.of(signals.data);
        int[] aged = new int[8];
        int[] people = new int[8];
        for (int k = 0; k < 8; k++) {
            aged[k] = signals.account("aged" + k);
            people[k] = signals.account("person" + k);
            assertTrue(change[aged[k]] >= 0, "aged" + k + " steps up");
            assertTrue(change[people[k]] >= 0, "person" + k + " steps up");
        }
        assertEquals(8, ChangePoints.together(change, aged, 2 * 3600L));
        assertTrue(ChangePoints.together(change, people, 2 * 3600L) <= 1, "people change each at their own time");
    }
}
