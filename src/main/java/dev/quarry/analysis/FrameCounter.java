package dev.quarry.analysis;

import java.util.Arrays;

/**
 * Counts of prompt frames (64-bit hashes) for one account, bounded: once {@link #CAPACITY} distinct
 * frames are held, new frames are only counted as "other". Templates an account leans on appear
 * early and often, so they are kept; an account with more distinct openings than the capacity is
 * diverse by definition, which is what the features need to know.
 */
public final class FrameCounter {
    static final int CAPACITY = 96;
    private static final int SLOTS = 128;

    private long[] keys;
    private int[] counts;
    private int size;
    private int other;

    public void add(long frame) {
        if (keys == null) {
            keys = new long[SLOTS];
            counts = new int[SLOTS];
        }
        long key = frame == 0 ? 1 : frame;
        int mask = SLOTS - 1;
        int i = (int) (Hashing.mix64(key) & mask);
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == key) {
            counts[i]++;
        } else if (size < CAPACITY) {
            keys[i] = key;
            counts[i] = 1;
            size++;
        } else {
            other++;
        }
    }

    public int distinct() {
        return size;
    }

    public boolean saturated() {
        return other > 0;
    }

    public int total() {
        int total = other;
        for (int i = 0; keys != null && i < SLOTS; i++) {
            total += counts[i];
        }
        return total;
    }

    /** Frames with their counts, most frequent first (ties by hash, so the order is deterministic). */
    public long[][] ranked() {
        long[][] out = new long[size][];
        int k = 0;
        for (int i = 0; keys != null && i < SLOTS; i++) {
            if (keys[i] != 0) {
                out[k++] = new long[] {keys[i], counts[i]};
            }
        }
        Arrays.sort(out, (a, b) -> a[1] != b[1] ? Long.compare(b[1], a[1]) : Long.compare(a[0], b[0]));
        return out;
    }
}
