package dev.quarry.analysis.primitives;

import java.util.Arrays;

/**
 * The smallest distinct 64-bit hashes seen, up to a fixed number (a bottom-k sketch): two accounts
 * that ask the same items keep the same smallest hashes of them, whatever else they ask and in
 * whatever order, while accounts asking items of their own share none.
 */
public final class BottomSketch {
    private final int capacity;
    private long[] values = new long[0];
    private int size;

    public BottomSketch(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a sketch keeps at least one hash");
        }
        this.capacity = capacity;
    }

    public void add(long hash) {
        if (size == capacity && hash >= values[size - 1]) {
            return;
        }
        int at = Arrays.binarySearch(values, 0, size, hash);
        if (at >= 0) {
            return;
        }
        int insert = -at - 1;
        if (size < capacity) {
            if (size == values.length) {
                values = Arrays.copyOf(values, Math.min(capacity, Math.max(4, 2 * size)));
            }
            size++;
        }
        System.arraycopy(values, insert, values, insert + 1, size - insert - 1);
        values[insert] = hash;
    }

    public void merge(BottomSketch other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    public int size() {
        return size;
    }

    /** The kept hashes, smallest first (a copy). */
    public long[] values() {
        return Arrays.copyOf(values, size);
    }
}
