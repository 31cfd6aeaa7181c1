package dev.quarry.analysis.signals;

import java.util.Arrays;

/** A growable list of longs without boxing (candidate pairs run into the millions). */
final class LongList {
    private long[] values = new long[1024];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    /** The values in ascending order, each once. */
    long[] sortedDistinct() {
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
