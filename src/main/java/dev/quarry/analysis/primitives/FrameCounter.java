package dev.quarry.analysis.primitives;

import java.util.Arrays;

/**
 * Counts of prompt frames (64-bit hashes) for one account, bounded: once {@link #CAPACITY} distinct
 * frames are held, new frames are only counted as "other". Templates an account leans on appear
 * early and often, so they are kept; an account with more distinct frames than the capacity is
 * diverse by definition, which is what the features need to know. The table starts small and grows,
 * since most accounts send a handful of prompts.
 */
public final class FrameCounter {
    static final int CAPACITY = 96;
    private static final int MAX_SLOTS = 128;

    private long[] keys;
    private int[] counts;
    private int size;
    private int other;

    public void add(long frame) {
        add(frame, 1);
    }

    public void add(long frame, int times) {
        long key = frame == 0 ? 1 : frame;
        if (keys == null) {
            keys = new long[8];
            counts = new int[8];
        }
        int i = find(key);
        if (keys[i] == key) {
            counts[i] += times;
            return;
        }
        if (size >= CAPACITY) {
            other += times;
            return;
        }
        if ((size + 1) * 4 > keys.length * 3 && keys.length < MAX_SLOTS) {
            grow();
            i = find(key);
        }
        keys[i] = key;
        counts[i] = times;
        size++;
    }

    /** Adds another counter's tallies (the same account's frames from another part of the events). */
    public void merge(FrameCounter partial) {
        if (partial.keys != null) {
            for (int i = 0; i < partial.keys.length; i++) {
                if (partial.keys[i] != 0) {
                    add(partial.keys[i], partial.counts[i]);
                }
            }
        }
        other += partial.other;
    }

    private int find(long key) {
        int mask = keys.length - 1;
        int i = (int) (key ^ key >>> 32) & mask; // frames are hashes already
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != 0) {
                int i = find(oldKeys[j]);
                keys[i] = oldKeys[j];
                counts[i] = oldCounts[j];
            }
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
        for (int i = 0; keys != null && i < keys.length; i++) {
            total += counts[i];
        }
        return total;
    }

    /** Calls the action once for every frame counted. */
    public void forEachFrame(java.util.function.LongConsumer action) {
        for (int i = 0; keys != null && i < keys.length; i++) {
            if (keys[i] != 0) {
                action.accept(keys[i]);
            }
        }
    }

    /** Frames with their counts, most frequent first (ties by hash, so the order is deterministic). */
    public long[][] ranked() {
        long[][] out = new long[size][];
        int k = 0;
        for (int i = 0; keys != null && i < keys.length; i++) {
            if (keys[i] != 0) {
                out[k++] = new long[] {keys[i], counts[i]};
            }
        }
        Arrays.sort(out, (a, b) -> a[1] != b[1] ? Long.compare(b[1], a[1]) : Long.compare(a[0], b[0]));
        return out;
    }
}
