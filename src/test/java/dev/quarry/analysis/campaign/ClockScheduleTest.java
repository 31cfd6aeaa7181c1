package dev.quarry.analysis.campaign;

import dev.quarry.analysis.CaseFixture;
import dev.quarry.analysis.scan.CaseData;
import dev.quarry.analysis.scan.EventScan;
import dev.quarry.model.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;

import static dev.quarry.analysis.CaseFixture.DAY;
import static dev.quarry.analysis.CaseFixture.START;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClockScheduleTest {
    private static final long HOUR = 3_600_000L;

    @Test
    void aJobStartedByCronAtMidnightRunsOnTheClockAShiftWorkerDoesNot(@TempDir Path dir) throws Exception {
        Random random = new Random(2);
        CaseData data;
        try (CaseFixture f = new CaseFixture(dir.resolve("c.quarry"))) {
            f.account("job", null, null, null, null).account("worker", null, null, null, null);
            for (int d = 0; d < 10; d++) {
                long begin = START + d * DAY + random.nextInt(20_000);
                for (int i = 0; i < 30; i++) {
                    f.event("job", begin + i * 20_000L, null, null, null, "m", null, null, "ok", "report " + i);
                }
                long shift = START + d * DAY + 9 * HOUR + (5 + random.nextInt(25)) * 60_000L;
                for (int i = 0; i < 30; i++) {
                    f.event("worker", shift + i * 600_000L, null, null, null, "m", null, null, "ok", "item " + i);
                }
            }
            data = EventScan.read(f.done(), ProgressListener.NONE);
        }
        int job = data.accountId(0).equals("job") ? 0 : 1;
        assertTrue(GroupJudge.startsOnTheClock(data.activity(job), data.originMs()));
        assertFalse(GroupJudge.startsOnTheClock(data.activity(1 - job), data.originMs()));
    }
}
