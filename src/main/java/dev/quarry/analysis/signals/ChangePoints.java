package dev.quarry.analysis.signals;

import dev.quarry.analysis.scan.AccountActivity;
import dev.quarry.analysis.scan.CaseData;

/**
 * When an account's use stepped up for good: the split of its requests into a quiet stretch and a
 * busy one that a two-rate model explains best. Accounts bought or taken over keep their owners'
 * history and then change hands together, so their own change points line up even though they were
 * opened years apart; people change their habits each at their own time.
 */
public final class ChangePoints {
    /** Requests an account needs before and after a change for the change to count. */
    static final int MIN_BEFORE = 5;
    static final int MIN_AFTER = 20;
    /** Seconds the quiet stretch and the busy stretch must each last. */
    static final long MIN_BEFORE_SECONDS = 2 * 86_400L;
    static final long MIN_AFTER_SECONDS = 86_400L;
    /** How many times busier the account must become. */
    static final double MIN_RATE_RATIO = 4;
    /** Log-likelihood gain of the two-rate model over one rate that makes the change beyond chance. */
    static final double MIN_GAIN = 10;

    private ChangePoints() {
    }

    /** Per account, the time (seconds since the scan origin) its use stepped up, or -1 where it did not. */
    public static long[] of(CaseData data) {
        long[] change = new long[data.size()];
        for (int v = 0; v < data.size(); v++) {
            change[v] = stepUp(data.activity(v));
        }
        return change;
    }

    static long stepUp(AccountActivity a) {
        int n = a.events();
        if (n < MIN_BEFORE + MIN_AFTER) {
            return -1;
        }
        long first = a.time(0);
        long last = a.time(n - 1);
        double span = Math.max(1, last - first);
        double oneRate = n * Math.log(n / span);
        double bestGain = MIN_GAIN;
        long best = -1;
        for (int k = MIN_BEFORE; k <= n - MIN_AFTER; k++) {
            // the busy stretch starts with the k-th request (0-based); the quiet one ends there
            long at = a.time(k);
            double before = at - first;
            double after = last - at;
            if (before < MIN_BEFORE_SECONDS || after < MIN_AFTER_SECONDS) {
                continue;
            }
            double rateBefore = k / before;
            double rateAfter = (n - k) / after;
            if (rateAfter < MIN_RATE_RATIO * rateBefore) {
                continue;
            }
            double gain = k * Math.log(rateBefore) + (n - k) * Math.log(rateAfter) - oneRate;
            if (gain > bestGain) {
                bestGain = gain;
                best = at;
            }
        }
        return best;
    }

    /** The most members whose use stepped up within {@code windowSeconds} of each other. */
    public static int together(long[] change, int[] members, long windowSeconds) {
        long[] times = new long[members.length];
        int known = 0;
        for (int v : members) {
            if (change[v] >= 0) {
                times[known++] = change[v];
            }
        }
        java.util.Arrays.sort(times, 0, known);
        int most = 0;
        for (int i = 0, j = 0; j < known; j++) {
            while (times[j] - times[i] > windowSeconds) {
                i++;
            }
            most = Math.max(most, j - i + 1);
        }
        return most;
    }
}
