package dev.quarry.analysis.primitives;

/** A fixed set of well-mixed 64-bit hashes, for membership tests in the event pass's inner loop. */
public final class LongSet {
    private final long[] slots;
    private final boolean[] used;

    private LongSet(long[] values) {
        int capacity = Integer.highestOneBit(Math.max(8, values.length * 4)) * 2;
        slots = new long[capacity];
        used = new boolean[capacity];
        for (long value : values) {
            int i = slot(value);
            while (used[i] && slots[i] != value) {
                i = (i + 1) & (capacity - 1);
            }
            slots[i] = value;
            used[i] = true;
        }
    }

    public static LongSet of(long... values) {
        return new LongSet(values);
    }

    public boolean contains(long value) {
        int i = slot(value);
        while (used[i]) {
            if (slots[i] == value) {
                return true;
            }
            i = (i + 1) & (slots.length - 1);
        }
        return false;
    }

    private int slot(long value) {
        return (int) (value ^ value >>> 32) & (slots.length - 1);
    }
}
