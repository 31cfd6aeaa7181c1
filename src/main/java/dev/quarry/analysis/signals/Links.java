package dev.quarry.analysis.signals;

import java.util.Arrays;

/**
 * Pairwise links one signal found: account pairs with a weight in (0,1] and a signal-specific
 * detail code (e.g. the id of the shared value), kept in primitive arrays so millions of links fit.
 */
public final class Links {
    private final Evidence evidence;
    private int[] a = new int[256];
    private int[] b = new int[256];
    private float[] weight = new float[256];
    private long[] detail = new long[256];
    private int size;

    public Links(Evidence evidence) {
        this.evidence = evidence;
    }

    public Evidence evidence() {
        return evidence;
    }

    public void add(int first, int second, double w, long detailCode) {
        if (first == second || !(w > 0)) {
            return;
        }
        if (size == a.length) {
            a = Arrays.copyOf(a, size * 2);
            b = Arrays.copyOf(b, size * 2);
            weight = Arrays.copyOf(weight, size * 2);
            detail = Arrays.copyOf(detail, size * 2);
        }
        a[size] = Math.min(first, second);
        b[size] = Math.max(first, second);
        weight[size] = (float) Math.min(1.0, w);
        detail[size] = detailCode;
        size++;
    }

    public int size() {
        return size;
    }

    public int first(int i) {
        return a[i];
    }

    public int second(int i) {
        return b[i];
    }

    public double weight(int i) {
        return weight[i];
    }

    public long detail(int i) {
        return detail[i];
    }
}
