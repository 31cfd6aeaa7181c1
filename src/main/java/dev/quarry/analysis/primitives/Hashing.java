package dev.quarry.analysis.primitives;

/** Seeded 64-bit mixing for MinHash and sketches (SplitMix64 finaliser: fast and well distributed). */
public final class Hashing {
    private Hashing() {
    }

    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The i-th hash function of a seeded family, applied to a value. */
    public static long hash(long value, long seed, int i) {
        return mix64(value ^ mix64(seed + 0x9E3779B97F4A7C15L * (i + 1)));
    }
}
