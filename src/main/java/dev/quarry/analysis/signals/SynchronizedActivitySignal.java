package dev.quarry.analysis.signals;

import dev.quarry.analysis.AccountActivity;
import dev.quarry.analysis.CaseData;
import dev.quarry.analysis.Hashing;
import dev.quarry.model.ProgressListener;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accounts active in the same time windows, across many windows, beyond chance (SynchroTrap, CCS
 * 2014; CopyCatch, WWW 2013). Each account becomes the set of windows in which it made requests.
 * MinHash signatures and banded LSH propose candidate pairs without comparing all pairs; each
 * candidate's exact overlap is then tested against what two independent accounts with the same
 * weekly rhythm would share: the expected overlap sums, over the 168 hours of the week, the product
 * of the two accounts' active windows in that hour divided by the windows that hour offers. A pair
 * is linked when its overlap exceeds that expectation by {@link #MIN_Z} Poisson standard deviations
 * — with about a million tested pairs, a level at which chance gives well under one false pair —
 * so an office working nine to five, or two always-on services, are not "synchronized".
 */
public final class SynchronizedActivitySignal {
    static final double MIN_Z = 5.0;
    static final int MIN_WINDOWS = 8;
    static final int MAX_BUCKET_ALL_PAIRS = 24;
    static final double MIN_ESTIMATED_JACCARD = 0.1;

    private SynchronizedActivitySignal() {
    }

    /** The sorted distinct windows (index since the case origin) in which each account was active. */
    public static int[][] windows(CaseData data, int windowSeconds) {
        int[][] out = new int[data.size()][];
        for (int account = 0; account < data.size(); account++) {
            AccountActivity a = data.activity(account);
            int[] w = new int[a.events()];
            int k = 0;
            for (int i = 0; i < a.events(); i++) {
                int window = (int) Math.floorDiv(a.time(i), (long) windowSeconds);
                if (k == 0 || w[k - 1] != window) {
                    w[k++] = window;
                }
            }
            out[account] = Arrays.copyOf(w, k);
        }
        return out;
    }

    public static Links links(CaseData data, int windowSeconds, int hashes, int bands, long seed, ProgressListener progress) {
        int[][] windows = windows(data, windowSeconds);
        int n = windows.length;
        int minWindow = Integer.MAX_VALUE;
        int maxWindow = Integer.MIN_VALUE;
        for (int[] w : windows) {
            if (w.length > 0) {
                minWindow = Math.min(minWindow, w[0]);
                maxWindow = Math.max(maxWindow, w[w.length - 1]);
            }
        }
        Links links = new Links(Evidence.SYNCHRONIZED);
        if (minWindow == Integer.MAX_VALUE) {
            return links;
        }
        long originSecond = Math.floorDiv(data.originMs(), 1000L);
        int[] slotWindows = new int[168];
        for (int w = minWindow; w <= maxWindow; w++) {
            slotWindows[slot(w, windowSeconds, originSecond)]++;
        }
        int[][] slotCounts = new int[n][];
        for (int account = 0; account < n; account++) {
            int[] counts = new int[168];
            for (int w : windows[account]) {
                counts[slot(w, windowSeconds, originSecond)]++;
            }
            slotCounts[account] = counts;
        }

        int rows = hashes / bands;
        Set<Long> candidates = new HashSet<>();
        long[][] signatures = new long[n][];
        for (int account = 0; account < n; account++) {
            if (windows[account].length >= MIN_WINDOWS) {
                signatures[account] = minHash(windows[account], hashes, seed);
            }
        }
        for (int band = 0; band < bands; band++) {
            progress.checkCancelled();
            Map<Long, List<Integer>> buckets = new HashMap<>();
            for (int account = 0; account < n; account++) {
                if (signatures[account] == null) {
                    continue;
                }
                long key = band;
                for (int r = 0; r < rows; r++) {
                    key = Hashing.mix64(key * 31 + signatures[account][band * rows + r]);
                }
                buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(account);
            }
            for (List<Integer> bucket : buckets.values()) {
                if (bucket.size() < 2) {
                    continue;
                }
                int[] members = bucket.stream().mapToInt(Integer::intValue).toArray();
                if (members.length <= MAX_BUCKET_ALL_PAIRS) {
                    for (int i = 0; i < members.length; i++) {
                        for (int j = i + 1; j < members.length; j++) {
                            candidates.add(pairKey(members[i], members[j]));
                        }
                    }
                } else {
                    PairSampler.forPairs(members, seed + band, (a, b) -> candidates.add(pairKey(a, b)));
                }
            }
        }
        Long[] sorted = candidates.toArray(new Long[0]);
        Arrays.sort(sorted);
        for (long key : sorted) {
            int a = (int) (key >>> 32);
            int b = (int) key;
            // the signatures estimate the Jaccard similarity; pairs far below any link are not worth an exact count
            if (agreement(signatures[a], signatures[b]) < MIN_ESTIMATED_JACCARD) {
                continue;
            }
            double z = excessOverlap(windows[a], windows[b], slotCounts[a], slotCounts[b], slotWindows);
            if (z >= MIN_Z) {
                int shared = intersection(windows[a], windows[b]);
                links.add(a, b, Math.min(1.0, z / (4 * MIN_Z)), shared);
            }
        }
        return links;
    }

    /** Poisson z-score of the observed overlap against the rhythm-matched expectation. */
    static double excessOverlap(int[] a, int[] b, int[] slotsA, int[] slotsB, int[] slotWindows) {
        double expected = 0;
        for (int h = 0; h < 168; h++) {
            if (slotWindows[h] > 0) {
                expected += slotsA[h] * (double) slotsB[h] / slotWindows[h];
            }
        }
        int observed = intersection(a, b);
        return (observed - expected) / Math.sqrt(expected + 1);
    }

    static int intersection(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int shared = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                shared++;
                i++;
                j++;
            }
        }
        return shared;
    }

    private static int slot(int window, int windowSeconds, long originSecond) {
        long second = originSecond + (long) window * windowSeconds;
        // 1970-01-01 was a Thursday; the slot only needs to be a consistent hour of the week
        return (int) Math.floorMod(Math.floorDiv(second, 3600L), 168L);
    }

    private static double agreement(long[] x, long[] y) {
        int same = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == y[i]) {
                same++;
            }
        }
        return same / (double) x.length;
    }

    static long[] minHash(int[] set, int hashes, long seed) {
        long[] signature = new long[hashes];
        Arrays.fill(signature, Long.MAX_VALUE);
        for (int value : set) {
            for (int i = 0; i < hashes; i++) {
                long h = Hashing.hash(value, seed, i);
                if (h < signature[i]) {
                    signature[i] = h;
                }
            }
        }
        return signature;
    }

    private static long pairKey(int a, int b) {
        return (long) Math.min(a, b) << 32 | Math.max(a, b);
    }
}
