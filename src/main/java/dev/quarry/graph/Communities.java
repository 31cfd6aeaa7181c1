package dev.quarry.graph;

import java.util.Arrays;
import java.util.Random;

/**
 * Community detection by modularity (Louvain: Blondel, Guillaume, Lambiotte &amp; Lefebvre 2008).
 * Nodes first move one at a time to the neighbouring community that raises modularity most; then
 * each community becomes one node and the moves repeat on that smaller graph, until nothing moves.
 * The second step is what lets a farm that its payment cards split into dozens of tight cliques come
 * back together: the cliques are tied to each other by the farm's shared addresses, templates and
 * client settings, which no single account's move can see but a clique's move can.
 * <p>
 * A move into community C gains {@code k_v,C - gamma x k_v x K_C / 2W}: the weight tying the node to
 * C minus what chance gives a node of its strength against a community of C's total strength, so a
 * community stops growing once its ties to the rest are no more than chance predicts for its size,
 * and loosely chained accounts of a large extract do not become one community hiding the farms in it.
 * Deterministic for a graph and seed.
 */
public final class Communities {
    private static final int MAX_PASSES = 50;
    private static final int MAX_LEVELS = 20;
    private static final double MIN_GAIN = 1e-12;

    private Communities() {
    }

    /**
     * @param resolution {@code gamma} of the chance discount (1 is modularity's own)
     * @return a community label per node; isolated nodes keep a community of their own. Labels are
     *         renumbered 0..k-1 in order of first node.
     */
    public static int[] louvain(WeightedGraph graph, long seed, double resolution) {
        Level level = Level.of(graph);
        int[] membership = new int[graph.nodes()];
        for (int v = 0; v < membership.length; v++) {
            membership[v] = v;
        }
        Random random = new Random(seed);
        for (int round = 0; round < MAX_LEVELS; round++) {
            int[] community = level.moveNodes(random, resolution);
            int communities = renumberInPlace(community);
            for (int v = 0; v < membership.length; v++) {
                membership[v] = community[membership[v]];
            }
            if (communities == level.nodes) {
                break; // nothing merged: modularity cannot rise further
            }
            level = level.aggregate(community, communities);
        }
        return renumber(membership);
    }

    /** One level of the Louvain hierarchy: a weighted graph whose nodes may carry self-loops. */
    private static final class Level {
        final int nodes;
        final int[] offsets;
        final int[] targets;
        final double[] weights;
        /** Weight inside each node (the internal ties of the community it stands for). */
        final double[] selfLoops;
        final double[] strength;
        final double twiceTotal;

        Level(int nodes, int[] offsets, int[] targets, double[] weights, double[] selfLoops) {
            this.nodes = nodes;
            this.offsets = offsets;
            this.targets = targets;
            this.weights = weights;
            this.selfLoops = selfLoops;
            this.strength = new double[nodes];
            double total = 0;
            for (int v = 0; v < nodes; v++) {
                double s = 2 * selfLoops[v];
                for (int i = offsets[v]; i < offsets[v + 1]; i++) {
                    s += weights[i];
                }
                strength[v] = s;
                total += s;
            }
            this.twiceTotal = total;
        }

        static Level of(WeightedGraph graph) {
            int n = graph.nodes();
            int[] offsets = new int[n + 1];
            for (int v = 0; v < n; v++) {
                offsets[v + 1] = offsets[v] + graph.degree(v);
            }
            int[] targets = new int[offsets[n]];
            double[] weights = new double[offsets[n]];
            for (int v = 0; v < n; v++) {
                for (int i = 0; i < graph.degree(v); i++) {
                    targets[offsets[v] + i] = graph.neighbour(v, i);
                    weights[offsets[v] + i] = graph.weight(v, i);
                }
            }
            return new Level(n, offsets, targets, weights, new double[n]);
        }

        /** Local moving until no node moves; returns each node's community (an id of some node). */
        int[] moveNodes(Random random, double resolution) {
            int[] community = new int[nodes];
            double[] total = new double[nodes];
            for (int v = 0; v < nodes; v++) {
                community[v] = v;
                total[v] = strength[v];
            }
            if (twiceTotal <= 0) {
                return community;
            }
            double chance = resolution / twiceTotal;
            int[] order = new int[nodes];
            for (int v = 0; v < nodes; v++) {
                order[v] = v;
            }
            double[] tie = new double[nodes];
            boolean[] seen = new boolean[nodes];
            int[] touched = new int[nodes + 1];
            for (int pass = 0; pass < MAX_PASSES; pass++) {
                shuffle(order, random);
                boolean moved = false;
                for (int v : order) {
                    if (offsets[v + 1] == offsets[v]) {
                        continue;
                    }
                    int current = community[v];
                    int distinct = 0;
                    touched[distinct++] = current;
                    seen[current] = true;
                    for (int i = offsets[v]; i < offsets[v + 1]; i++) {
                        int c = community[targets[i]];
                        if (!seen[c]) {
                            seen[c] = true;
                            touched[distinct++] = c;
                        }
                        tie[c] += weights[i];
                    }
                    total[current] -= strength[v];
                    int best = current;
                    double bestGain = tie[current] - chance * strength[v] * total[current];
                    for (int k = 1; k < distinct; k++) {
                        int c = touched[k];
                        double gain = tie[c] - chance * strength[v] * total[c];
                        if (gain > bestGain + MIN_GAIN || Math.abs(gain - bestGain) <= MIN_GAIN && c < best && best != current) {
                            best = c;
                            bestGain = gain;
                        }
                    }
                    for (int k = 0; k < distinct; k++) {
                        tie[touched[k]] = 0;
                        seen[touched[k]] = false;
                    }
                    total[best] += strength[v];
                    if (best != current) {
                        community[v] = best;
                        moved = true;
                    }
                }
                if (!moved) {
                    break;
                }
            }
            return community;
        }

        /** The graph of communities: ties between communities added up, ties inside them kept as self-loops. */
        Level aggregate(int[] community, int communities) {
            double[] selfLoops = new double[communities];
            int[] degree = new int[communities + 1];
            for (int v = 0; v < nodes; v++) {
                selfLoops[community[v]] += this.selfLoops[v];
                for (int i = offsets[v]; i < offsets[v + 1]; i++) {
                    if (community[targets[i]] != community[v]) {
                        degree[community[v] + 1]++;
                    }
                }
            }
            for (int c = 0; c < communities; c++) {
                degree[c + 1] += degree[c];
            }
            int[] runOffsets = degree;
            int[] fill = Arrays.copyOf(runOffsets, communities);
            int[] runTargets = new int[runOffsets[communities]];
            double[] runWeights = new double[runOffsets[communities]];
            for (int v = 0; v < nodes; v++) {
                int a = community[v];
                for (int i = offsets[v]; i < offsets[v + 1]; i++) {
                    int b = community[targets[i]];
                    if (a == b) {
                        selfLoops[a] += weights[i] / 2; // each tie is listed from both ends
                    } else {
                        runTargets[fill[a]] = b;
                        runWeights[fill[a]++] = weights[i];
                    }
                }
            }
            WeightedGraph.Adjacency merged = WeightedGraph.mergeRuns(communities, runOffsets, runTargets, runWeights);
            return new Level(communities, merged.offsets(), merged.targets(), merged.weights(), selfLoops);
        }
    }

    /** Renumbers labels 0..k-1 in order of first node; returns k. */
    private static int renumberInPlace(int[] label) {
        int[] out = renumber(label);
        System.arraycopy(out, 0, label, 0, label.length);
        return Arrays.stream(out).max().orElse(-1) + 1;
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
