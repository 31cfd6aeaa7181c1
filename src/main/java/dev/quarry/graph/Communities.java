package dev.quarry.graph;

import java.util.Arrays;
import java.util.Random;

/**
 * Community detection by weighted label propagation (Raghavan, Albert &amp; Kumara 2007): every node
 * repeatedly takes the label carrying the most edge weight among its neighbours, visiting nodes in a
 * seeded random order, until no label changes. Near-linear in the number of edges, and a tightly knit
 * group with only weak ties outside keeps one label, which is the shape of a campaign.
 * <p>
 * Plain label propagation lets one label spread through any chain of ties, so in a large extract
 * thousands of loosely linked accounts end up as one community that hides the farms inside it. With a
 * resolution {@code gamma > 0} each vote is discounted by the weight the label would get by chance
 * ({@code gamma x k_v x K_l / 2W}, the configuration model behind modularity): this is label
 * propagation that climbs modularity (Barber &amp; Clark 2009, "LPAm"), and a label stops growing
 * once its members' ties to the rest are no more than chance predicts for its size.
 */
public final class Communities {
    private Communities() {
    }

    /**
     * @param resolution {@code gamma} of the chance discount; 0 gives plain label propagation
     * @return a community label per node; isolated nodes keep their own index as label. Labels are
     *         renumbered 0..k-1 in order of first node, so the result depends only on graph and seed.
     */
    public static int[] labelPropagation(WeightedGraph graph, long seed, int maxRounds, double resolution) {
        int n = graph.nodes();
        int[] label = new int[n];
        double[] nodeStrength = new double[n];
        double[] labelStrength = new double[n];
        double twiceTotal = 0;
        for (int v = 0; v < n; v++) {
            label[v] = v;
            nodeStrength[v] = graph.strength(v);
            labelStrength[v] = nodeStrength[v];
            twiceTotal += nodeStrength[v];
        }
        double chance = twiceTotal > 0 ? resolution / twiceTotal : 0;
        int[] order = new int[n];
        for (int v = 0; v < n; v++) {
            order[v] = v;
        }
        Random random = new Random(seed);
        double[] votes = new double[n];
        boolean[] seen = new boolean[n];
        int[] touched = new int[n + 1];
        for (int round = 0; round < maxRounds; round++) {
            shuffle(order, random);
            boolean changed = false;
            for (int v : order) {
                int degree = graph.degree(v);
                if (degree == 0) {
                    continue;
                }
                int current = label[v];
                int distinct = 0;
                touched[distinct++] = current;
                seen[current] = true;
                for (int i = 0; i < degree; i++) {
                    int l = label[graph.neighbour(v, i)];
                    if (!seen[l]) {
                        seen[l] = true;
                        touched[distinct++] = l;
                    }
                    votes[l] += graph.weight(v, i);
                }
                // v's own strength leaves its label before the labels are compared
                labelStrength[current] -= nodeStrength[v];
                int best = current;
                double bestGain = votes[current] - chance * nodeStrength[v] * labelStrength[current];
                for (int k = 1; k < distinct; k++) {
                    int l = touched[k];
                    double gain = votes[l] - chance * nodeStrength[v] * labelStrength[l];
                    // ties go to the smaller label so the outcome does not depend on visiting order
                    if (gain > bestGain + 1e-12 || Math.abs(gain - bestGain) <= 1e-12 && l < best) {
                        best = l;
                        bestGain = gain;
                    }
                }
                for (int k = 0; k < distinct; k++) {
                    votes[touched[k]] = 0;
                    seen[touched[k]] = false;
                }
                labelStrength[best] += nodeStrength[v];
                if (best != current) {
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
