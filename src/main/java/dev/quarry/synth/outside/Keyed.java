package dev.quarry.synth.outside;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Randomness keyed by what it is for (seed, purpose, account, day, ...), so any event can be drawn
 * again on its own, in any order, and the same seed always gives the same bytes.
 */
final class Keyed {

    private Keyed() {
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static long hash(long a, long b) {
        return mix(mix(a * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L) ^ (b + 0x7F4A7C159E3779B9L));
    }

    static long hash(long a, long b, long c) {
        return hash(hash(a, b), c);
    }

    static long hash(long a, long b, long c, long d) {
        return hash(hash(hash(a, b), c), d);
    }

    static long hash(long a, long b, long c, long d, long e) {
        return hash(hash(hash(hash(a, b), c), d), e);
    }

    static SplittableRandom random(long a, long b) {
        return new SplittableRandom(hash(a, b));
    }

    static SplittableRandom random(long a, long b, long c) {
        return new SplittableRandom(hash(a, b, c));
    }

    static SplittableRandom random(long a, long b, long c, long d) {
        return new SplittableRandom(hash(a, b, c, d));
    }

    static SplittableRandom random(long a, long b, long c, long d, long e) {
        return new SplittableRandom(hash(a, b, c, d, e));
    }

    static boolean chance(SplittableRandom r, double p) {
        return r.nextDouble() < p;
    }

    static <T> T pick(SplittableRandom r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    static <T> T pick(SplittableRandom r, T[] items) {
        return items[r.nextInt(items.length)];
    }

    /** A value whose logarithm is normal: the usual shape of request counts, gaps and answer lengths. */
    static double logNormal(SplittableRandom r, double median, double sigma) {
        return median * Math.exp(sigma * gaussian(r));
    }

    static double gaussian(SplittableRandom r) {
        double u = 1.0 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Poisson for small means, normal approximation above 50 (event counts per hour). */
    static int poisson(SplittableRandom r, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 50) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * gaussian(r)));
        }
        double limit = Math.exp(-mean);
        double product = r.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= r.nextDouble();
            n++;
        }
        return n;
    }

    /** Geometric count of at least 1 with the given mean. */
    static int geometric(SplittableRandom r, double mean) {
        if (mean <= 1) {
            return 1;
        }
        double p = 1.0 / mean;
        return 1 + (int) Math.floor(Math.log(1.0 - r.nextDouble()) / Math.log(1.0 - p));
    }

    static int weighted(SplittableRandom r, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = r.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static final char[] ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final char[] LOWER_HEX = "0123456789abcdef".toCharArray();

    /** {@code length} base-62 characters drawn from a hash: request ids, key ids, account ids. */
    static String base62(long hash, int length) {
        StringBuilder out = new StringBuilder(length);
        long h = hash;
        for (int i = 0; i < length; i++) {
            if (i % 10 == 0 && i > 0) {
                h = mix(h + i);
            }
            out.append(ALPHANUMERIC[(int) Long.remainderUnsigned(h, 62)]);
            h = Long.divideUnsigned(h, 62);
        }
        return out.toString();
    }

    static String hex(long hash, int length) {
        StringBuilder out = new StringBuilder(length);
        long h = hash;
        for (int i = 0; i < length; i++) {
            if (i % 16 == 0 && i > 0) {
                h = mix(h + i);
            }
            out.append(LOWER_HEX[(int) (h & 15)]);
            h >>>= 4;
        }
        return out.toString();
    }

    static String digits(long hash, int length) {
        StringBuilder out = new StringBuilder(length);
        long h = hash;
        for (int i = 0; i < length; i++) {
            if (i % 18 == 0 && i > 0) {
                h = mix(h + i);
            }
            out.append((char) ('0' + Long.remainderUnsigned(h, 10)));
            h = Long.divideUnsigned(h, 10);
        }
        return out.toString();
    }
}
