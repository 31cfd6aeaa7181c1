package dev.quarry.analysis.primitives;

/** Orders positions by 64-bit keys without boxing (a stable merge sort). */
public final class PrimitiveSort {
    private PrimitiveSort() {
    }

    /** Positions 0..size-1 in ascending order of their keys, equal keys in position order. */
    public static int[] order(long[] keys, int size) {
        long[] sorted = java.util.Arrays.copyOf(keys, size);
        int[] index = new int[size];
        for (int i = 0; i < size; i++) {
            index[i] = i;
        }
        sort(sorted, index, new long[size], new int[size], 0, size);
        return index;
    }

    private static void sort(long[] keys, int[] index, long[] keyBuffer, int[] indexBuffer, int from, int to) {
        if (to - from < 24) {
            for (int i = from + 1; i < to; i++) {
                long key = keys[i];
                int position = index[i];
                int j = i - 1;
                while (j >= from && keys[j] > key) {
                    keys[j + 1] = keys[j];
                    index[j + 1] = index[j];
                    j--;
                }
                keys[j + 1] = key;
                index[j + 1] = position;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        sort(keys, index, keyBuffer, indexBuffer, from, mid);
        sort(keys, index, keyBuffer, indexBuffer, mid, to);
        if (keys[mid - 1] <= keys[mid]) {
            return;
        }
        System.arraycopy(keys, from, keyBuffer, from, to - from);
        System.arraycopy(index, from, indexBuffer, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || i < mid && keyBuffer[i] <= keyBuffer[j]) {
                keys[k] = keyBuffer[i];
                index[k] = indexBuffer[i++];
            } else {
                keys[k] = keyBuffer[j];
                index[k] = indexBuffer[j++];
            }
        }
    }
}
