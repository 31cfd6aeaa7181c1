package dev.quarry.synth;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random streams and the few distributions the population needs. Every stream is derived from
 * the run seed and stable identifiers (account index, day, event number), never from iteration order,
 * so the same options always give the same bytes.
 */
final class Draws {

    private Draws() {
    }

    /** The splitmix64 finalizer: a bijection on 64 bits with good avalanche. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static long key(long seed, long... parts) {
        long h = mix(seed ^ 0x5851f42d4c957f2dL);
        for (long part : parts) {
            h = mix(h + 0x9e3779b97f4a7c15L + part);
        }
        return h;
    }

    static SplittableRandom stream(long seed, long... parts) {
        return new SplittableRandom(key(seed, parts));
    }

    static int poisson(SplittableRandom r, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 40) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(r)));
        }
        double limit = StrictMath.exp(-mean);
        double product = r.nextDouble();
        int count = 0;
        while (product > limit) {
            count++;
            product *= r.nextDouble();
        }
        return count;
    }

    /**
     * A standard normal draw (Marsaglia's polar method) on {@link StrictMath}, whose results are the same
     * on every JVM and CPU; {@code Math.log} and the JDK's own Gaussian may differ in the last bit.
     */
    static double gaussian(SplittableRandom r) {
        double u;
        double v;
        double s;
        do {
            u = 2 * r.nextDouble() - 1;
            v = 2 * r.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * StrictMath.sqrt(-2 * StrictMath.log(s) / s);
    }

    static double logNormal(SplittableRandom r, double median, double sigma) {
        return median * StrictMath.exp(sigma * gaussian(r));
    }

    static boolean chance(SplittableRandom r, double probability) {
        return r.nextDouble() < probability;
    }

    static <T> T pick(SplittableRandom r, T[] items) {
        return items[r.nextInt(items.length)];
    }

    static <T> T pick(SplittableRandom r, List<T> items) {
        return items.get(r.nextInt(items.size()));
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

    static String base36(SplittableRandom r, int length) {
        String digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(digits.charAt(r.nextInt(36)));
        }
        return s.toString();
    }

    static String hex(SplittableRandom r, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(Character.forDigit(r.nextInt(16), 16));
        }
        return s.toString();
    }
}
