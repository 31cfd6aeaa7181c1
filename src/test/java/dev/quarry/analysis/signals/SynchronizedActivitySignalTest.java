package dev.quarry.analysis.signals;

import dev.quarry.analysis.CaseFixture;
import dev.quarry.analysis.rules.DetectionRules;
import dev.quarry.model.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;

import static dev.quarry.analysis.CaseFixture.DAY;
import static dev.quarry.analysis.CaseFixture.START;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SynchronizedActivitySignalTest {
    private static final DetectionRules RULES = DetectionRules.defaults();
    private static final long HOUR = 3_600_000L;

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
            long wake = START + d * DAY + random.nextInt(20) * HOUR;
            for (int job = 0; job < 10; job++) {
                for (int a = 0; a < 8; a++) {
                    f.event("bot" + a, wake + job * 11 * 60_000L + random.nextInt(30_000), "o-bot" + a, null, null, "m",
                            null, null, "ok", null);
                }
            }
            // office workers: each on their own, nine to five
            for (int a = 0; a < 30; a++) {
                for (int e = 0; e < 10; e++) {
                    f.event("office" + a, START + d * DAY + 9 * HOUR + random.nextInt(8 * (int) HOUR), "o-office" + a,
                            null, null, "m", null, null, "ok", null);
                }
            }
        }
        SignalCase c = new SignalCase(f);
        Links links = SynchronizedActivitySignal.links(SynchronizedActivitySignal.activity(c.data, 300, RULES.synchrony()), 64, 32, 1,
                ProgressListener.NONE);
        assertTrue(c.pairs(links, 0.25).size() >= 20, "most of the 28 bot pairs are found: " + c.pairs(links, 0.25));
        assertFalse(c.touches(links, "office", 0.0), "same working hours are explained by the weekly rhythm");
    }

    /**
     * A farm of 40 works the same four-hour shift every day it works and takes the same days off;
     * 40 office workers keep office hours on weekdays; 40 people who opened their accounts in the
     * second half of the month are busy from then on, as a second farm is, which steps up then.
     */
    private static SignalCase shifts(Path dir) throws Exception {
        CaseFixture f = new CaseFixture(dir.resolve("case.quarry"));
        Random random = new Random(5);
        String[] kinds = {"farm", "office", "late", "stepper"};
        for (String kind : kinds) {
            for (int a = 0; a < 40; a++) {
                f.account(kind + a, null, null, null, null);
            }
        }
        for (int d = 0; d < 28; d++) {
            boolean farmWorks = random.nextDouble() > 0.3;
            boolean weekday = d % 7 < 5;
            for (int a = 0; a < 40; a++) {
                if (farmWorks && random.nextDouble() < 0.95) {
                    for (int e = 0; e < 12; e++) {
                        f.event("farm" + a, START + d * DAY + 14 * HOUR + random.nextInt(4 * (int) HOUR), "o-farm" + a,
                                null, null, "m", null, null, "ok", null);
                    }
                }
                if (weekday && random.nextDouble() < 0.8) {
                    for (int e = 0; e < 8; e++) {
                        f.event("office" + a, START + d * DAY + 9 * HOUR + random.nextInt(8 * (int) HOUR), "o-office" + a,
                                null, null, "m", null, null, "ok", null);
                    }
                }
                if (d >= 14) {
                    for (int e = 0; e < 6; e++) {
                        f.event("late" + a, START + d * DAY + random.nextInt((int) DAY), "o-late" + a, null, null, "m",
                                null, null, "ok", null);
                    }
                }
                // quiet at first, then busy round the clock from day 14 on, each at its own pace
                int requests = d < 14 ? (random.nextDouble() < 0.3 ? 1 : 0) : 20 + a % 5;
                for (int e = 0; e < requests; e++) {
                    f.event("stepper" + a, START + d * DAY + random.nextInt((int) DAY), "o-step" + a, null, null, "m",
                            null, null, "ok", null);
                }
            }
        }
        return new SignalCase(f);
    }

    private static int inStep(SynchronizedActivitySignal.Activity activity, SignalCase c, String kind) {
        int[] members = new int[40];
        for (int a = 0; a < 40; a++) {
            members[a] = c.account(kind + a);
        }
        int count = 0;
        for (double[] member : activity.memberSynchrony(members)) {
            if (member[0] >= RULES.synchrony().minMemberZ() && member[1] >= RULES.synchrony().minMemberRatio()) {
                count++;
            }
        }
        return count;
    }

    @Test
    void membersSharingTheirDaysOffAreInStepWithTheirGroup(@TempDir Path dir) throws Exception {
        SignalCase c = shifts(dir);
        SynchronizedActivitySignal.Activity activity = SynchronizedActivitySignal.activity(c.data, 300, RULES.synchrony());
        int farm = inStep(activity, c, "farm");
        assertTrue(farm >= 30, "farm members in step: " + farm);
        int office = inStep(activity, c, "office");
        assertTrue(office <= 4, "office hours are each worker's own rhythm: " + office);
    }

    @Test
    void accountsOpenedLateAreNotInStepWithAFarmThatStepsUpThen(@TempDir Path dir) throws Exception {
        SignalCase c = shifts(dir);
        SynchronizedActivitySignal.Activity activity = SynchronizedActivitySignal.activity(c.data, 300, RULES.synchrony());
        assertTrue(inStep(activity, c, "late") <= 4, "an account's own active span is part of chance");
        Links links = SynchronizedActivitySignal.links(activity, 64, 32, 1, ProgressListener.NONE);
        for (int i = 0; i < links.size(); i++) {
            String a = c.data.accountId(links.first(i));
            String b = c.data.accountId(links.second(i));
            assertFalse(a.startsWith("late") && b.startsWith("stepper") || a.startsWith("stepper") && b.startsWith("late"),
                    "busy in the same weeks is not synchronized: " + a + "-" + b);
        }
    }

    @Test
    void expectedOverlapCountsWholeHoursAtOnceWithoutChangingTheSum() {
        Random random = new Random(3);
        int[][] windows = new int[2][];
        for (int a = 0; a < 2; a++) {
            java.util.TreeSet<Integer> set = new java.util.TreeSet<>();
            for (int k = 0; k < 400; k++) {
                set.add(random.nextInt(288 * 20));
            }
            windows[a] = set.stream().mapToInt(Integer::intValue).toArray();
        }
        // an origin in the middle of an hour, so that days and hours do not line up with windows
        SynchronizedActivitySignal.Activity activity = new SynchronizedActivitySignal.Activity(windows, 300, 1_767_226_500L,
                RULES.synchrony());
        double naive = 0;
        int from = Math.max(windows[0][0], windows[1][0]);
        int to = Math.min(windows[0][windows[0].length - 1], windows[1][windows[1].length - 1]);
        for (int x = from; x <= to; x++) {
            naive += activity.chance(0, x) * activity.chance(1, x);
        }
        org.junit.jupiter.api.Assertions.assertEquals(naive, activity.expectedOverlap(0, 1), 1e-6 * naive);
    }

    @Test
    void benchmarkRunsThatFallOnTheSameAfternoonOnceAreNotSynchronized(@TempDir Path dir) throws Exception {
        CaseFixture f = new CaseFixture(dir.resolve("case.quarry"));
        Random random = new Random(12);
        for (int a = 0; a < 2; a++) {
            f.account("lab" + a, null, null, null, null);
        }
        for (int a = 0; a < 20; a++) {
            f.account("person" + a, null, null, null, null);
        }
        for (int d = 0; d < 21; d++) {
            for (int a = 0; a < 2; a++) {
                // a few questions every day; on its own run days (one shared: day 9) a script for hours
                boolean run = d == 9 || d == (a == 0 ? 3 : 15);
                int requests = run ? 600 : 6;
                for (int e = 0; e < requests; e++) {
                    long at = START + d * DAY + (run ? 13 * HOUR + e * 20_000L : 9 * HOUR + random.nextInt(10 * (int) HOUR));
                    f.event("lab" + a, at, "o-lab" + a, null, null, "m", null, null, "ok", null);
                }
            }
            for (int a = 0; a < 20; a++) {
                for (int e = 0; e < 5; e++) {
                    f.event("person" + a, START + d * DAY + random.nextInt((int) DAY), "o-p" + a, null, null, "m", null, null, "ok", null);
                }
            }
        }
        SignalCase c = new SignalCase(f);
        SynchronizedActivitySignal.Activity activity = SynchronizedActivitySignal.activity(c.data, 300, RULES.synchrony());
        int first = c.account("lab0");
        int second = c.account("lab1");
        assertTrue(SynchronizedActivitySignal.intersection(activity.windows(first), activity.windows(second))
                > 1.5 * activity.expectedOverlap(first, second), "the shared afternoon is far beyond chance on its own");
        assertNull(activity.pairLink(first, second), "but one shared afternoon is a coincidence, not a schedule");
    }
}
