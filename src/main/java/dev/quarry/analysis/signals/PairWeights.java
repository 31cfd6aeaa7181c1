package dev.quarry.analysis.signals;

import java.util.Arrays;

/**
 * Weights of account pairs, added up or kept at their maximum, in an open-addressing table of
 * primitive keys: a farm sharing hundreds of addresses proposes the same pairs hundreds of times,
 * and each pair should become one link.
 */
final class PairWeights {
    private long[] keys = new long[1 << 12];
    private double[] weights = new double[1 << 12];
    private boolean[] used = new boolean[1 << 12];
    private int size;

    static long key(int a, int b) {
        return (long) Math.min(a, b) << 32 | Math.max(a, b);
    }

    void add(long key, double weight) {
        int i = slot(key);
        if (used[i]) {
            weights[i] += weight;
        } else {
            insert(i, key, weight);
        }
    }

    void max(long key, double weight) {
        int i = slot(key);
        if (used[i]) {
            weights[i] = Math.max(weights[i], weight);
        } else {
            insert(i, key, weight);
        }
    }

    /** The pairs in ascending key order. */
    long[] sortedKeys() {
        long[] out = new long[size];
        int k = 0;
        for (int i = 0; i < keys.length; i++) {
            if (used[i]) {
                out[k++] = keys[i];
            }
        }
        Arrays.sort(out);
        return out;
    }

    double get(long key) {
        int i = slot(key);
        return used[i] ? weights[i] : 0;
    }

    private void insert(int i, long key, double weight) {
        keys[i] = key;
        weights[i] = weight;
        used[i] = true;
        if (++size * 2 > keys.length) {
            long[] oldKeys = keys;
            double[] oldWeights = weights;
            boolean[] oldUsed = used;
            keys = new long[oldKeys.length * 2];
            weights = new double[oldKeys.length * 2];
            used = new boolean[oldKeys.length * 2];
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldUsed[j]) {
                    int s = slot(oldKeys[j]);
                    keys[s] = oldKeys[j];
                    weights[s] = oldWeights[j];
                    used[s] = true;
                }
            }
        }
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        int i = (int) (dev.quarry.analysis.primitives.Hashing.mix64(key) & mask);
        while (used[i] && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }
}
