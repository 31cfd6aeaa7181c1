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
            // merge parallel edges: sort each adjacency run by target and add up equal targets
            int[] mergedOffsets = new int[nodes + 1];
            int write = 0;
            for (int v = 0; v < nodes; v++) {
                int start = offsets[v];
                int end = offsets[v + 1];
                sortRun(targets, weights, start, end);
                mergedOffsets[v] = write;
                for (int i = start; i < end; i++) {
                    if (write > mergedOffsets[v] && targets[write - 1] == targets[i]) {
                        weights[write - 1] += weights[i];
                    } else {
                        targets[write] = targets[i];
                        weights[write] = weights[i];
                        write++;
                    }
                }
            }
            mergedOffsets[nodes] = write;
            return new WeightedGraph(nodes, mergedOffsets, Arrays.copyOf(targets, write), Arrays.copyOf(weights, write));
        }

        private static void sortRun(int[] targets, double[] weights, int start, int end) {
            Integer[] order = new Integer[end - start];
            for (int i = 0; i < order.length; i++) {
                order[i] = start + i;
            }
            Arrays.sort(order, (x, y) -> Integer.compare(targets[x], targets[y]));
            int[] t = new int[order.length];
            double[] w = new double[order.length];
            for (int i = 0; i < order.length; i++) {
                t[i] = targets[order[i]];
                w[i] = weights[order[i]];
            }
            System.arraycopy(t, 0, targets, start, t.length);
            System.arraycopy(w, 0, weights, start, w.length);
        }
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
