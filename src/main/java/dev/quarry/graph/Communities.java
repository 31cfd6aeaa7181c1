package dev.quarry.graph;

import java.util.Arrays;
import java.util.Random;

/**
 * Community detection by weighted label propagation (Raghavan, Albert &amp; Kumara 2007): every node
 * repeatedly takes the label carrying the most edge weight among its neighbours, visiting nodes in a
 * seeded random order, until no label changes. Near-linear in the number of edges, and a tightly knit
 * group with only weak ties outside keeps one label, which is the shape of a campaign.
 */
public final class Communities {
    private Communities() {
    }

    /**
     * @return a community label per node; isolated nodes keep their own index as label. Labels are
     *         renumbered 0..k-1 in order of first node, so the result depends only on graph and seed.
     */
    public static int[] labelPropagation(WeightedGraph graph, long seed, int maxRounds) {
        int n = graph.nodes();
        int[] label = new int[n];
        for (int v = 0; v < n; v++) {
            label[v] = v;
        }
        int[] order = new int[n];
        for (int v = 0; v < n; v++) {
            order[v] = v;
        }
        Random random = new Random(seed);
        double[] votes = new double[n];
        int[] touched = new int[n];
        for (int round = 0; round < maxRounds; round++) {
            shuffle(order, random);
            boolean changed = false;
            for (int v : order) {
                int degree = graph.degree(v);
                if (degree == 0) {
                    continue;
                }
                int distinct = 0;
                for (int i = 0; i < degree; i++) {
                    int l = label[graph.neighbour(v, i)];
                    if (votes[l] == 0) {
                        touched[distinct++] = l;
                    }
                    votes[l] += graph.weight(v, i);
                }
                int best = label[v];
                double bestWeight = votes[best];
                for (int k = 0; k < distinct; k++) {
                    int l = touched[k];
                    // ties go to the smaller label so the outcome does not depend on visiting order
                    if (votes[l] > bestWeight + 1e-12 || Math.abs(votes[l] - bestWeight) <= 1e-12 && l < best) {
                        best = l;
                        bestWeight = votes[l];
                    }
                }
                for (int k = 0; k < distinct; k++) {
                    votes[touched[k]] = 0;
                }
                if (best != label[v]) {
                    label[v] = best;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        return renumber(label);
    }

    /**
     * Merges communities whose ties to each other are at least {@code ratio} times the internal
     * weight of the larger one (measured against the smaller one, a pair of accounts with a single
     * tie would glue itself to any group it touches, and merges would chain). Label propagation settles on the densest cores, so one group run
     * from two payment cards can end up as two halves held together by everything else they share;
     * this puts such halves back together without joining groups that merely touch.
     */
    public static int[] mergeStronglyTied(WeightedGraph graph, int[] label, double ratio) {
        int k = java.util.Arrays.stream(label).max().orElse(-1) + 1;
        double[] internal = new double[k];
        java.util.Map<Long, Double> between = new java.util.HashMap<>();
        for (int v = 0; v < graph.nodes(); v++) {
            for (int i = 0; i < graph.degree(v); i++) {
                int u = graph.neighbour(v, i);
                if (u < v) {
                    continue;
                }
                int a = label[v];
                int b = label[u];
                if (a == b) {
                    internal[a] += graph.weight(v, i);
                } else {
                    between.merge((long) Math.min(a, b) << 32 | Math.max(a, b), graph.weight(v, i), Double::sum);
                }
            }
        }
        int[] parent = new int[k];
        for (int c = 0; c < k; c++) {
            parent[c] = c;
        }
        Long[] pairs = between.keySet().toArray(new Long[0]);
        java.util.Arrays.sort(pairs);
        for (long pair : pairs) {
            int a = (int) (pair >>> 32);
            int b = (int) pair;
            double larger = Math.max(internal[a], internal[b]);
            if (larger > 0 && between.get(pair) >= ratio * larger) {
                parent[find(parent, a)] = find(parent, b);
            }
        }
        int[] merged = new int[label.length];
        for (int v = 0; v < label.length; v++) {
            merged[v] = find(parent, label[v]);
        }
        return renumber(merged);
    }

    private static int find(int[] parent, int c) {
        while (parent[c] != c) {
            parent[c] = parent[parent[c]];
            c = parent[c];
        }
        return c;
    }

    static int[] renumber(int[] label) {
        int[] map = new int[label.length];
        Arrays.fill(map, -1);
        int next = 0;
        int[] out = new int[label.length];
        for (int v = 0; v < label.length; v++) {
            if (map[label[v]] < 0) {
                map[label[v]] = next++;
            }
            out[v] = map[label[v]];
        }
        return out;
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
