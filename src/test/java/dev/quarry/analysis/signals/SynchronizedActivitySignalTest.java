package dev.quarry.analysis.signals;

import dev.quarry.analysis.CaseFixture;
import dev.quarry.model.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;

import static dev.quarry.analysis.CaseFixture.DAY;
import static dev.quarry.analysis.CaseFixture.START;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SynchronizedActivitySignalTest {

    @Test
    void linksAccountsDrivenByOneSchedulerButNotOfficeWorkersOnTheSameHours(@TempDir Path dir) throws Exception {
        CaseFixture f = new CaseFixture(dir.resolve("case.quarry"));
        Random random = new Random(9);
        for (int a = 0; a < 8; a++) {
            f.account("bot" + a, null, null, null, null);
        }
        for (int a = 0; a < 30; a++) {
            f.account("office" + a, null, null, null, null);
        }
        for (int d = 0; d < 14; d++) {
            // the scheduler wakes at a different hour every day and fires 10 jobs, each to all bots
            long wake = START + d * DAY + random.nextInt(20) * 3_600_000L;
            for (int job = 0; job < 10; job++) {
                for (int a = 0; a < 8; a++) {
                    f.event("bot" + a, wake + job * 11 * 60_000L + random.nextInt(30_000), "o-bot" + a, null, null, "m",
                            null, null, "ok", null);
                }
            }
            // office workers: each on their own, nine to five
            for (int a = 0; a < 30; a++) {
                for (int e = 0; e < 10; e++) {
                    f.event("office" + a, START + d * DAY + 9 * 3_600_000L + random.nextInt(8 * 3_600_000), "o-office" + a,
                            null, null, "m", null, null, "ok", null);
                }
            }
        }
        SignalCase c = new SignalCase(f);
        Links links = SynchronizedActivitySignal.links(c.data, 300, 64, 32, 1, ProgressListener.NONE);
        assertTrue(c.pairs(links, 0.25).size() >= 20, "most of the 28 bot pairs are found: " + c.pairs(links, 0.25));
        assertFalse(c.touches(links, "office", 0.0), "same working hours are explained by the weekly rhythm");
    }
}
