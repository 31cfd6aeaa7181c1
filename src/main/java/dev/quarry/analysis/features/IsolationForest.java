package dev.quarry.analysis.features;

import java.util.Random;

/**
 * Isolation forest (Liu, Ting &amp; Zhou, ICDM 2008): random axis-parallel splits isolate unusual
 * points in few steps; the score {@code 2^(-E[path] / c(sample))} is near 1 for anomalies and
 * about 0.5 or below for ordinary points.
 *
 * <p>Written here rather than taken from Smile: Smile 3.1.1's isolation trees draw their split
 * directions from a process-wide Gaussian generator whose Box-Muller spare value carries over
 * between runs, so the same case and seed gave different scores on a first and a second run.
 */
final class IsolationForest {
    private final int[][] feature;
    private final double[][] threshold;
    private final int[][] left;
    private final int[][] right;
    private final double[][] leafPath;
    private final int sample;

    private IsolationForest(int trees, int sample) {
        feature = new int[trees][];
        threshold = new double[trees][];
        left = new int[trees][];
        right = new int[trees][];
        leafPath = new double[trees][];
        this.sample = sample;
    }

    static IsolationForest fit(double[][] x, int trees, long seed) {
        int n = x.length;
        int sample = Math.min(n, 256);
        int maxDepth = (int) Math.ceil(Math.log(Math.max(2, sample)) / Math.log(2));
        IsolationForest forest = new IsolationForest(trees, sample);
        Random random = new Random(seed);
        for (int t = 0; t < trees; t++) {
            int[] rows = new int[sample];
            for (int i = 0; i < sample; i++) {
                rows[i] = random.nextInt(n);
            }
            TreeBuilder builder = new TreeBuilder(x, random, maxDepth, 2 * sample);
            builder.grow(rows, 0, sample, 0);
            forest.feature[t] = builder.feature;
            forest.threshold[t] = builder.threshold;
            forest.left[t] = builder.left;
            forest.right[t] = builder.right;
            forest.leafPath[t] = builder.leafPath;
        }
        return forest;
    }

    double[] score(double[][] x) {
        double[] scores = new double[x.length];
        double norm = averagePath(sample);
        for (int i = 0; i < x.length; i++) {
            double total = 0;
            for (int t = 0; t < feature.length; t++) {
                int node = 0;
                while (feature[t][node] >= 0) {
                    node = x[i][feature[t][node]] < threshold[t][node] ? left[t][node] : right[t][node];
                }
                total += leafPath[t][node];
            }
            scores[i] = Math.pow(2, -(total / feature.length) / norm);
        }
        return scores;
    }

    /** c(n): the average path length of an unsuccessful search in a binary search tree of n points. */
    static double averagePath(int n) {
        if (n <= 1) {
            return 0;
        }
        if (n == 2) {
            return 1;
        }
        return 2 * (Math.log(n - 1) + 0.5772156649) - 2.0 * (n - 1) / n;
    }

    private static final class TreeBuilder {
        final double[][] x;
        final Random random;
        final int maxDepth;
        final int[] feature;
        final double[] threshold;
        final int[] left;
        final int[] right;
        final double[] leafPath;
        int nodes;

        TreeBuilder(double[][] x, Random random, int maxDepth, int capacity) {
            this.x = x;
            this.random = random;
            this.maxDepth = maxDepth;
            feature = new int[capacity];
            threshold = new double[capacity];
            left = new int[capacity];
            right = new int[capacity];
            leafPath = new double[capacity];
        }

        /** Grows the subtree over rows[from, to) and returns its node index. */
        int grow(int[] rows, int from, int to, int depth) {
            int node = nodes++;
            int size = to - from;
            int d = x[0].length;
            if (depth < maxDepth && size > 1) {
                // try features in random order until one has a spread to split on
                int start = random.nextInt(d);
                for (int k = 0; k < d; k++) {
                    int f = (start + k) % d;
                    double min = Double.POSITIVE_INFINITY;
                    double max = Double.NEGATIVE_INFINITY;
                    for (int i = from; i < to; i++) {
                        min = Math.min(min, x[rows[i]][f]);
                        max = Math.max(max, x[rows[i]][f]);
                    }
                    if (max > min) {
                        double split = min + random.nextDouble() * (max - min);
                        int mid = from;
                        for (int i = from; i < to; i++) {
                            if (x[rows[i]][f] < split) {
                                int tmp = rows[i];
                                rows[i] = rows[mid];
                                rows[mid++] = tmp;
                            }
                        }
                        if (mid == from) {
                            mid++; // split at the minimum: the minimum goes left
                        }
                        feature[node] = f;
                        threshold[node] = split;
                        left[node] = grow(rows, from, mid, depth + 1);
                        right[node] = grow(rows, mid, to, depth + 1);
                        return node;
                    }
                }
            }
            feature[node] = -1;
            leafPath[node] = depth + averagePath(size);
            return node;
        }
    }
}
