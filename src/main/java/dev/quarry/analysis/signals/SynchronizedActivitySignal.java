package dev.quarry.analysis.signals;

import dev.quarry.analysis.primitives.Hashing;
import dev.quarry.analysis.primitives.LongList;
import dev.quarry.analysis.primitives.PrimitiveSort;
import dev.quarry.analysis.rules.DetectionRules;
import dev.quarry.analysis.scan.AccountActivity;
import dev.quarry.analysis.scan.CaseData;
import dev.quarry.model.ProgressListener;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Accounts active in the same time windows, across many windows, beyond chance (SynchroTrap, CCS
 * 2014; CopyCatch, WWW 2013). Each account becomes the set of windows in which it made requests.
 * <p>
 * Chance is each account's own weekly rhythm within its own active span: the rate at which it is
 * active in each of the 168 hours of the week, counted only between its first and last request.
 * Two people working nine to five, two always-on services, or an account that opened last week and
 * a farm that started at the same time are therefore not "synchronized"; accounts that go quiet on
 * the same days, start and stop together, or switch on at the same moment are.
 * <p>
 * Two tests use that null. Between pairs (for linking accounts): MinHash signatures and banded LSH
 * propose candidates without comparing all pairs, and a pair is linked when its overlap exceeds the
 * expectation by {@code rules.synchrony.minZ} standard deviations and by at least half as much again
 * ({@code minPairRatio}), on at least {@code minDays} days: activity comes in bursts, so a
 * large count slightly above its expectation, or two benchmark runs that happened to fall on the same
 * afternoon, are not enough. Within a group (for judging a candidate campaign): each member's
 * windows are compared with the activity of all other members at once, which detects a shared
 * schedule far weaker than any pair could show (a farm sharing its days off is active together 12%
 * more often than its members' rhythms explain, which no pair of accounts reveals, but several
 * hundred members do).
 */
public final class SynchronizedActivitySignal {
    /** Candidate buckets up to this size are compared pair by pair; larger ones are sampled (a budget, not a judgement). */
    static final int MAX_BUCKET_ALL_PAIRS = 24;
    private static final int WEEK_HOURS = 168;

    private SynchronizedActivitySignal() {
    }

    /** Every account's active windows, weekly rhythm and trend, computed once per run. */
    public static final class Activity {
        private final int[][] windows;
        private final int windowSeconds;
        private final long originSecond;
        private final int windowsPerDay;
        /** Per account, its active rate in each hour of the week within its span (null without windows). */
        private final float[][] rates;
        /** Per account, its activity level on each day of its span relative to its weekly rhythm, smoothed. */
        private final float[][] levels;
        private final int[] firstDay;
        private final DetectionRules.SynchronyRules rules;

        Activity(int[][] windows, int windowSeconds, long originSecond, DetectionRules.SynchronyRules rules) {
            this.rules = rules;
            this.windows = windows;
            this.windowSeconds = windowSeconds;
            this.originSecond = originSecond;
            this.windowsPerDay = Math.max(1, 86_400 / windowSeconds);
            this.rates = new float[windows.length][];
            this.levels = new float[windows.length][];
            this.firstDay = new int[windows.length];
            for (int account = 0; account < windows.length; account++) {
                int[] w = windows[account];
                if (w.length == 0) {
                    continue;
                }
                int[] active = new int[WEEK_HOURS];
                for (int x : w) {
                    active[slot(x)]++;
                }
                int[] offered = offered(w[0], w[w.length - 1]);
                float[] rate = new float[WEEK_HOURS];
                for (int h = 0; h < WEEK_HOURS; h++) {
                    rate[h] = offered[h] == 0 ? 0 : active[h] / (float) offered[h];
                }
                rates[account] = rate;
                levels[account] = levels(w, rate, account);
            }
        }

        /**
         * The account's activity on each day of its span against what its weekly rhythm predicts,
         * over a week centred on the day: a farm stepping up, or an account opened mid-extract, is
         * busier in some weeks than others, and chance must follow that trend; a shared day off is
         * one day, which a week's level barely moves.
         */
        private float[] levels(int[] w, float[] rate, int account) {
            int first = day(w[0]);
            int last = day(w[w.length - 1]);
            firstDay[account] = first;
            int days = last - first + 1;
            double[] active = new double[days];
            double[] expected = new double[days];
            for (int x : w) {
                active[day(x) - first]++;
            }
            for (int x = w[0]; x <= w[w.length - 1]; x++) {
                expected[day(x) - first] += rate[slot(x)];
            }
            float[] level = new float[days];
            for (int d = 0; d < days; d++) {
                double a = 0;
                double e = 0;
                for (int k = Math.max(0, d - rules.trendDays()); k <= Math.min(days - 1, d + rules.trendDays()); k++) {
                    a += active[k];
                    e += expected[k];
                }
                level[d] = e > 0 ? (float) (a / e) : 1;
            }
            return level;
        }

        int day(int window) {
            return Math.floorDiv(window, windowsPerDay);
        }

        /** The chance that the account is active in the window, by its rhythm and its trend (0 outside its span). */
        double chance(int account, int window) {
            int[] w = windows[account];
            if (w.length == 0 || window < w[0] || window > w[w.length - 1]) {
                return 0;
            }
            return Math.min(1, rates[account][slot(window)] * levels[account][day(window) - firstDay[account]]);
        }

        public int windowSeconds() {
            return windowSeconds;
        }

        /** The account's active windows, ascending. */
        public int[] windows(int account) {
            return windows[account];
        }

        int slot(int window) {
            long second = originSecond + (long) window * windowSeconds;
            // 1970-01-01 was a Thursday; the slot only needs to be a consistent hour of the week
            return (int) Math.floorMod(Math.floorDiv(second, 3600L), (long) WEEK_HOURS);
        }

        /** How many windows of each hour of the week lie in [from, to]. */
        int[] offered(int from, int to) {
            int[] offered = new int[WEEK_HOURS];
            long span = (long) to - from + 1;
            int perWeek = WEEK_HOURS * 3600 / windowSeconds;
            if (span >= perWeek) {
                // whole weeks offer each hour equally often; only the remainder needs counting
                int weeks = (int) (span / perWeek);
                int perHour = perWeek / WEEK_HOURS;
                Arrays.fill(offered, weeks * perHour);
                from += weeks * perWeek;
            }
            for (int x = from; x <= to; x++) {
                offered[slot(x)]++;
            }
            return offered;
        }

        /**
         * The overlap two accounts would have by chance: over the windows both spans cover, the
         * product of their chances of being active in each window.
         */
        double expectedOverlap(int a, int b) {
            return sum(expectedOverlapByDay(a, b));
        }

        private static double sum(double[] values) {
            double total = 0;
            for (double v : values) {
                total += v;
            }
            return total;
        }

        /** {@link #expectedOverlap} for each day both spans cover, from the first of them on. */
        private double[] expectedOverlapByDay(int a, int b) {
            int[] wa = windows[a];
            int[] wb = windows[b];
            int from = Math.max(wa[0], wb[0]);
            int to = Math.min(wa[wa.length - 1], wb[wb.length - 1]);
            if (to < from) {
                return new double[0];
            }
            int firstDay = day(from);
            double[] expected = new double[day(to) - firstDay + 1];
            // windows of one day and one hour of the week share both accounts' chances: count them at once
            int x = from;
            while (x <= to) {
                int end = Math.min(to, cellEnd(x));
                expected[day(x) - firstDay] += (end - x + 1) * chance(a, x) * chance(b, x);
                x = end + 1;
            }
            return expected;
        }

        /**
         * The pair's link when its overlap is far beyond chance ({@code minZ} standard deviations,
         * {@code minPairRatio} times the expectation) on at least {@code minDays} days:
         * {weight, shared windows}; null otherwise.
         */
        double[] pairLink(int a, int b) {
            int shared = intersection(windows[a], windows[b]);
            double[] expectedByDay = expectedOverlapByDay(a, b);
            double expected = sum(expectedByDay);
            double z = (shared - expected) / Math.sqrt(expected + 1);
            if (z >= rules.minZ() && shared >= rules.minPairRatio() * expected
                    && daysInStep(a, b, expectedByDay) >= rules.minDays()) {
                return new double[] {Math.min(1.0, z / (4 * rules.minZ())), shared};
            }
            return null;
        }

        /**
         * Days on which two accounts share at least {@code minDayOverlap} windows and twice what
         * chance gives that day. Bursty accounts (a benchmark run, a batch job) coincide by chance on
         * one day with a large overlap; accounts driven together coincide day after day.
         */
        private int daysInStep(int a, int b, double[] expected) {
            int[] wa = windows[a];
            int[] wb = windows[b];
            if (expected.length == 0) {
                return 0;
            }
            int firstDay = day(Math.max(wa[0], wb[0]));
            int days = expected.length;
            int[] observed = new int[days];
            int i = 0;
            int j = 0;
            while (i < wa.length && j < wb.length) {
                if (wa[i] < wb[j]) {
                    i++;
                } else if (wa[i] > wb[j]) {
                    j++;
                } else {
                    observed[day(wa[i]) - firstDay]++;
                    i++;
                    j++;
                }
            }
            int inStep = 0;
            for (int d = 0; d < days; d++) {
                if (observed[d] >= rules.minDayOverlap() && observed[d] >= 2 * expected[d]) {
                    inStep++;
                }
            }
            return inStep;
        }

        /** The last window of the same day and hour of the week as the given one. */
        private int cellEnd(int window) {
            int dayEnd = (day(window) + 1) * windowsPerDay - 1;
            long second = originSecond + (long) window * windowSeconds;
            long hourEnd = (Math.floorDiv(second, 3600L) + 1) * 3600L;
            int hourEndWindow = (int) Math.floorDiv(hourEnd - originSecond - 1, (long) windowSeconds);
            return Math.max(window, Math.min(dayEnd, hourEndWindow));
        }

        /**
         * Each member's overlap with the rest of its group against the chance overlap: per member
         * {z, observed / expected}. Members without windows get {0, 0}.
         */
        public double[][] memberSynchrony(int[] members) {
            int from = Integer.MAX_VALUE;
            int to = Integer.MIN_VALUE;
            for (int v : members) {
                if (windows[v].length > 0) {
                    from = Math.min(from, windows[v][0]);
                    to = Math.max(to, windows[v][windows[v].length - 1]);
                }
            }
            double[][] out = new double[members.length][2];
            if (from > to) {
                return out;
            }
            int length = to - from + 1;
            int[] active = new int[length];
            double[] expected = new double[length];
            double[] variance = new double[length];
            for (int v : members) {
                int[] w = windows[v];
                if (w.length == 0) {
                    continue;
                }
                for (int x : w) {
                    active[x - from]++;
                }
                for (int x = w[0]; x <= w[w.length - 1]; x++) {
                    double p = chance(v, x);
                    expected[x - from] += p;
                    variance[x - from] += p * (1 - p);
                }
            }
            for (int k = 0; k < members.length; k++) {
                int[] w = windows[members[k]];
                if (w.length == 0) {
                    continue;
                }
                double observed = 0;
                double chance = 0;
                double spread = 0;
                for (int x : w) {
                    double p = chance(members[k], x);
                    observed += active[x - from] - 1;
                    chance += expected[x - from] - p;
                    spread += variance[x - from] - p * (1 - p);
                }
                out[k][0] = (observed - chance) / Math.sqrt(Math.max(0, spread) + 1);
                out[k][1] = chance > 0 ? observed / chance : 0;
            }
            return out;
        }
    }

    /** The sorted distinct windows (index since the case origin) in which each account was active. */
    public static Activity activity(CaseData data, int windowSeconds, DetectionRules.SynchronyRules rules) {
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
        return new Activity(out, windowSeconds, Math.floorDiv(data.originMs(), 1000L), rules);
    }

    /** Pairs of accounts active together far beyond chance; the detail code is the number of shared windows. */
    public static Links links(Activity activity, int hashes, int bands, long seed, ProgressListener progress) {
        int n = activity.windows.length;
        Links links = new Links(Evidence.SYNCHRONIZED);
        int rows = hashes / bands;
        long[][] signatures = new long[n][];
        long[] hashSeeds = new long[hashes];
        for (int i = 0; i < hashes; i++) {
            hashSeeds[i] = Hashing.mix64(seed + 0x9E3779B97F4A7C15L * (i + 1));
        }
        java.util.stream.IntStream.range(0, n).parallel().forEach(account -> {
            if (activity.windows[account].length >= activity.rules.minWindows()) {
                signatures[account] = minHash(activity.windows[account], hashSeeds);
            }
        });
        LongList candidates = new LongList();
        long[] bucketKeys = new long[n];
        int[] order = new int[n];
        for (int band = 0; band < bands; band++) {
            progress.checkCancelled();
            int signed = 0;
            for (int account = 0; account < n; account++) {
                if (signatures[account] == null) {
                    continue;
                }
                long key = band;
                for (int r = 0; r < rows; r++) {
                    key = Hashing.mix64(key * 31 + signatures[account][band * rows + r]);
                }
                bucketKeys[signed] = key;
                order[signed++] = account;
            }
            int[] sorted = PrimitiveSort.order(bucketKeys, signed);
            for (int start = 0; start < signed; ) {
                int end = start + 1;
                while (end < signed && bucketKeys[sorted[end]] == bucketKeys[sorted[start]]) {
                    end++;
                }
                int size = end - start;
                if (size >= 2) {
                    int[] members = new int[size];
                    for (int i = 0; i < size; i++) {
                        members[i] = order[sorted[start + i]];
                    }
                    if (size <= MAX_BUCKET_ALL_PAIRS) {
                        for (int i = 0; i < size; i++) {
                            for (int j = i + 1; j < size; j++) {
                                candidates.add(pairKey(members[i], members[j]));
                            }
                        }
                    } else {
                        PairSampler.forPairs(members, seed + band, (a, b) -> candidates.add(pairKey(a, b)));
                    }
                }
                start = end;
            }
        }
        long[] pairs = candidates.sortedDistinct();
        progress.checkCancelled();
        // exact tests in fixed chunks on all cores; the chunks' results are joined in order
        int chunk = 4096;
        int chunks = (pairs.length + chunk - 1) / chunk;
        List<double[]> found = java.util.stream.IntStream.range(0, chunks).parallel().mapToObj(c -> {
            List<double[]> out = new ArrayList<>();
            for (int i = c * chunk; i < Math.min(pairs.length, (c + 1) * chunk); i++) {
                int a = (int) (pairs[i] >>> 32);
                int b = (int) pairs[i];
                // the signatures estimate the Jaccard similarity; pairs far below any link are not worth an exact count
                if (agreement(signatures[a], signatures[b]) < activity.rules.minEstimatedJaccard()) {
                    continue;
                }
                double[] link = activity.pairLink(a, b);
                if (link != null) {
                    out.add(new double[] {a, b, link[0], link[1]});
                }
            }
            return out;
        }).flatMap(List::stream).toList();
        for (double[] link : found) {
            links.add((int) link[0], (int) link[1], link[2], (long) link[3]);
        }
        return links;
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

    private static double agreement(long[] x, long[] y) {
        int same = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == y[i]) {
                same++;
            }
        }
        return same / (double) x.length;
    }

    static long[] minHash(int[] set, long[] hashSeeds) {
        long[] signature = new long[hashSeeds.length];
        Arrays.fill(signature, Long.MAX_VALUE);
        for (int value : set) {
            for (int i = 0; i < hashSeeds.length; i++) {
                long h = Hashing.mix64(value ^ hashSeeds[i]);
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
