package dev.quarry.analysis.primitives;

import java.util.Arrays;

/**
 * Counts of small non-negative int keys (vocabulary ids) in an open-addressing table; a few bytes
 * per distinct key, so every account can keep its own tallies of IPs, user agents and models.
 */
public final class IntCounter {
    private int[] keys = new int[4];
    private int[] counts = new int[4];
    private int size;

    public IntCounter() {
        Arrays.fill(keys, -1);
    }

    public void add(int key) {
        add(key, 1);
    }

    public void add(int key, int times) {
        if (key < 0) {
            throw new IllegalArgumentException("keys are vocabulary ids >= 0");
        }
        if ((size + 1) * 4 > keys.length * 3) {
            grow();
        }
        int mask = keys.length - 1;
        int i = (key * 0x9E3779B9) >>> 1 & mask;
        while (keys[i] != -1 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == -1) {
            keys[i] = key;
            size++;
        }
        counts[i] += times;
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new int[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        Arrays.fill(keys, -1);
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != -1) {
                int i = (oldKeys[j] * 0x9E3779B9) >>> 1 & mask;
                while (keys[i] != -1) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                counts[i] = oldCounts[j];
            }
        }
    }

    public int size() {
        return size;
    }

    public int total() {
        int total = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != -1) {
                total += counts[i];
            }
        }
        return total;
    }

    /** Distinct keys, ascending. */
    public int[] keys() {
        int[] out = new int[size];
        int k = 0;
        for (int key : keys) {
            if (key != -1) {
                out[k++] = key;
            }
        }
        Arrays.sort(out);
        return out;
    }

    public int count(int key) {
        int mask = keys.length - 1;
        int i = (key * 0x9E3779B9) >>> 1 & mask;
        while (keys[i] != -1) {
            if (keys[i] == key) {
                return counts[i];
            }
            i = (i + 1) & mask;
        }
        return 0;
    }

    /** The key with the highest count (lowest key on ties), or -1 when empty. */
    public int mostFrequent() {
        int best = -1;
        int bestCount = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != -1 && (counts[i] > bestCount || counts[i] == bestCount && keys[i] < best)) {
                best = keys[i];
                bestCount = counts[i];
            }
        }
        return best;
    }

    /** Shannon entropy (nats) of the count distribution. */
    public double entropy() {
        double total = total();
        double h = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != -1) {
                double p = counts[i] / total;
                h -= p * Math.log(p);
            }
        }
        return h;
    }
}
