package dev.quarry.analysis.primitives;

import java.util.Arrays;

/** A growable list of longs without boxing (candidate pairs run into the millions). */
public final class LongList {
    private long[] values = new long[1024];
    private int size;

    public void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    public int size() {
        return size;
    }

    /** The values in ascending order, each once. */
    public long[] sortedDistinct() {
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int write = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (write == 0 || sorted[write - 1] != sorted[i]) {
                sorted[write++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, write);
    }
}
