package dev.quarry.graph;

import java.util.Arrays;

/**
 * An undirected weighted graph over nodes {@code 0..n-1} in compressed adjacency form. Built from an
 * edge list in which the same pair may appear many times (one per piece of evidence); parallel
 * edges are merged by adding their weights and self-loops are dropped.
 */
public final class WeightedGraph {
    private final int nodes;
    private final int[] offsets;
    private final int[] targets;
    private final double[] weights;

    private WeightedGraph(int nodes, int[] offsets, int[] targets, double[] weights) {
        this.nodes = nodes;
        this.offsets = offsets;
        this.targets = targets;
        this.weights = weights;
    }

    /** Collects edges; {@link #build()} merges them. */
    public static final class Builder {
        private final int nodes;
        private int[] from = new int[1024];
        private int[] to = new int[1024];
        private double[] weight = new double[1024];
        private int size;

        public Builder(int nodes) {
            this.nodes = nodes;
        }

        public Builder add(int a, int b, double w) {
            if (a < 0 || b < 0 || a >= nodes || b >= nodes) {
                throw new IllegalArgumentException("edge " + a + "-" + b + " outside 0.." + (nodes - 1));
            }
            if (a == b || !(w > 0)) {
                return this;
            }
            if (size == from.length) {
                from = Arrays.copyOf(from, size * 2);
                to = Arrays.copyOf(to, size * 2);
                weight = Arrays.copyOf(weight, size * 2);
            }
            from[size] = a;
            to[size] = b;
            weight[size] = w;
            size++;
            return this;
        }

        public WeightedGraph build() {
            int[] degree = new int[nodes + 1];
            for (int e = 0; e < size; e++) {
                degree[from[e]]++;
                degree[to[e]]++;
            }
            int[] offsets = new int[nodes + 1];
            for (int v = 0; v < nodes; v++) {
                offsets[v + 1] = offsets[v] + degree[v];
            }
            int[] fill = Arrays.copyOf(offsets, nodes);
            int[] targets = new int[offsets[nodes]];
            double[] weights = new double[offsets[nodes]];
            for (int e = 0; e < size; e++) {
                targets[fill[from[e]]] = to[e];
                weights[fill[from[e]]++] = weight[e];
                targets[fill[to[e]]] = from[e];
                weights[fill[to[e]]++] = weight[e];
            }
            Adjacency merged = mergeRuns(nodes, offsets, targets, weights);
            return new WeightedGraph(nodes, merged.offsets(), merged.targets(), merged.weights());
        }
    }

    /** Compressed adjacency lists. */
    record Adjacency(int[] offsets, int[] targets, double[] weights) {
    }

    /**
     * Sorts each node's run of (target, weight) by target and adds up the weights of equal targets:
     * the same pair arrives once per piece of evidence linking it.
     */
    static Adjacency mergeRuns(int nodes, int[] offsets, int[] targets, double[] weights) {
        int[] mergedOffsets = new int[nodes + 1];
        int[] mergedTargets = new int[targets.length];
        double[] mergedWeights = new double[targets.length];
        long[] run = new long[0];
        int write = 0;
        for (int v = 0; v < nodes; v++) {
            int start = offsets[v];
            int length = offsets[v + 1] - start;
            if (run.length < length) {
                run = new long[Math.max(length, run.length * 2)];
            }
            for (int i = 0; i < length; i++) {
                run[i] = (long) targets[start + i] << 32 | i; // target first, then position: a primitive sort
            }
            Arrays.sort(run, 0, length);
            mergedOffsets[v] = write;
            for (int i = 0; i < length; i++) {
                int target = (int) (run[i] >>> 32);
                double weight = weights[start + (int) run[i]];
                if (write > mergedOffsets[v] && mergedTargets[write - 1] == target) {
                    mergedWeights[write - 1] += weight;
                } else {
                    mergedTargets[write] = target;
                    mergedWeights[write] = weight;
                    write++;
                }
            }
        }
        mergedOffsets[nodes] = write;
        return new Adjacency(mergedOffsets, Arrays.copyOf(mergedTargets, write), Arrays.copyOf(mergedWeights, write));
    }

    public int nodes() {
        return nodes;
    }

    public int degree(int v) {
        return offsets[v + 1] - offsets[v];
    }

    public int neighbour(int v, int i) {
        return targets[offsets[v] + i];
    }

    public double weight(int v, int i) {
        return weights[offsets[v] + i];
    }

    /** Sum of the weights of v's edges. */
    public double strength(int v) {
        double s = 0;
        for (int i = offsets[v]; i < offsets[v + 1]; i++) {
            s += weights[i];
        }
        return s;
    }

    /** Weight of the edge a-b, 0 when absent. */
    public double weightBetween(int a, int b) {
        int lo = offsets[a];
        int hi = offsets[a + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (targets[mid] < b) {
                lo = mid + 1;
            } else if (targets[mid] > b) {
                hi = mid - 1;
            } else {
                return weights[mid];
            }
        }
        return 0;
    }
}
