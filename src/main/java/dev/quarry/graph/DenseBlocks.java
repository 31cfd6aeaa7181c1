package dev.quarry.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Dense blocks in a bipartite rows x columns graph by FRAUDAR's greedy peeling (Hooi et al., KDD
 * 2016). Each edge weighs {@code 1 / log(columnDegree + 5)}, so a column everyone touches (a popular
 * value) counts little; the density of a node set is its total edge weight per node; nodes with the
 * least weight inside the current set are peeled one by one and the densest set seen is kept. Since
 * adding camouflage edges from fraud rows to popular columns cannot lower the weight inside the
 * block, the block stays found under camouflage (the paper's Theorem 2).
 */
public final class DenseBlocks {

    /** One dense block: its rows, columns and density (edge weight per node). */
    public record Block(int[] rows, int[] columns, double density) {
    }

    private DenseBlocks() {
    }

    /**
     * Finds up to {@code maxBlocks} blocks, each after removing the rows of the previous ones.
     *
     * @param edges pairs {row, column}; duplicates are ignored
     * @param minRows blocks with fewer rows end the search
     */
    public static List<Block> find(int rows, int columns, int[][] edges, int maxBlocks, int minRows) {
        int[][] unique = dedupe(edges);
        boolean[] removedRow = new boolean[rows];
        List<Block> blocks = new ArrayList<>();
        for (int b = 0; b < maxBlocks; b++) {
            Block block = peel(rows, columns, unique, removedRow);
            if (block == null || block.rows().length < minRows) {
                break;
            }
            blocks.add(block);
            for (int r : block.rows()) {
                removedRow[r] = true;
            }
        }
        return blocks;
    }

    private static int[][] dedupe(int[][] edges) {
        int[][] sorted = edges.clone();
        Arrays.sort(sorted, (x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]));
        List<int[]> out = new ArrayList<>(sorted.length);
        for (int[] e : sorted) {
            if (out.isEmpty() || out.get(out.size() - 1)[0] != e[0] || out.get(out.size() - 1)[1] != e[1]) {
                out.add(e);
            }
        }
        return out.toArray(new int[0][]);
    }

    private static Block peel(int rows, int columns, int[][] edges, boolean[] removedRow) {
        int nodes = rows + columns;
        int[] columnDegree = new int[columns];
        int[] degree = new int[nodes];
        for (int[] e : edges) {
            if (!removedRow[e[0]]) {
                columnDegree[e[1]]++;
                degree[e[0]]++;
                degree[rows + e[1]]++;
            }
        }
        int[] offsets = new int[nodes + 1];
        for (int v = 0; v < nodes; v++) {
            offsets[v + 1] = offsets[v] + degree[v];
        }
        int[] fill = Arrays.copyOf(offsets, nodes);
        int[] adjacent = new int[offsets[nodes]];
        double[] weight = new double[offsets[nodes]];
        double[] priority = new double[nodes];
        double total = 0;
        for (int[] e : edges) {
            if (removedRow[e[0]]) {
                continue;
            }
            double w = 1.0 / Math.log(columnDegree[e[1]] + 5.0);
            int r = e[0];
            int c = rows + e[1];
            adjacent[fill[r]] = c;
            weight[fill[r]++] = w;
            adjacent[fill[c]] = r;
            weight[fill[c]++] = w;
            priority[r] += w;
            priority[c] += w;
            total += w;
        }
        boolean[] alive = new boolean[nodes];
        int size = 0;
        PriorityQueue<double[]> queue = new PriorityQueue<>((x, y) -> x[0] != y[0] ? Double.compare(x[0], y[0])
                : Double.compare(x[1], y[1]));
        for (int v = 0; v < nodes; v++) {
            if (degree[v] > 0) {
                alive[v] = true;
                size++;
                queue.add(new double[] {priority[v], v});
            }
        }
        if (size == 0) {
            return null;
        }
        double best = total / size;
        int bestStep = 0;
        int[] removalOrder = new int[size];
        int step = 0;
        while (!queue.isEmpty()) {
            double[] top = queue.poll();
            int v = (int) top[1];
            if (!alive[v] || top[0] != priority[v]) {
                continue;
            }
            alive[v] = false;
            removalOrder[step++] = v;
            total -= priority[v];
            for (int i = offsets[v]; i < offsets[v + 1]; i++) {
                int u = adjacent[i];
                if (alive[u]) {
                    priority[u] -= weight[i];
                    queue.add(new double[] {priority[u], u});
                }
            }
            int remaining = size - step;
            if (remaining > 0 && total / remaining > best + 1e-12) {
                best = total / remaining;
                bestStep = step;
            }
        }
        boolean[] inBlock = new boolean[nodes];
        for (int v = 0; v < nodes; v++) {
            inBlock[v] = degree[v] > 0;
        }
        for (int i = 0; i < bestStep; i++) {
            inBlock[removalOrder[i]] = false;
        }
        List<Integer> blockRows = new ArrayList<>();
        List<Integer> blockColumns = new ArrayList<>();
        for (int v = 0; v < nodes; v++) {
            if (inBlock[v]) {
                (v < rows ? blockRows : blockColumns).add(v < rows ? v : v - rows);
            }
        }
        return new Block(blockRows.stream().mapToInt(Integer::intValue).toArray(),
                blockColumns.stream().mapToInt(Integer::intValue).toArray(), best);
    }
}
