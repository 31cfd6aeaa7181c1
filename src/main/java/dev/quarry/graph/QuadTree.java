package dev.quarry.graph;

/**
 * A Barnes–Hut quadtree over weighted points, rebuilt every layout step: each cell keeps its
 * total mass and centre of mass, so a far cell repels a node as one body.
 */
final class QuadTree {
    private static final int MAX_DEPTH = 24;
    private static final int LEAF_SIZE = 4;

    /** Per cell: centre of mass, mass, side length, first child (children are four consecutive cells, -1 for a leaf), bodies. */
    private double[] massX;
    private double[] massY;
    private double[] mass;
    private double[] side;
    private int[] firstChild;
    private int[] bodyStart;
    private int[] bodyEnd;
    private int cells;
    /** Node indices, permuted so each cell's bodies are contiguous. */
    private final int[] order;

    private QuadTree(int nodes) {
        int capacity = Math.max(16, nodes * 2);
        massX = new double[capacity];
        massY = new double[capacity];
        mass = new double[capacity];
        side = new double[capacity];
        firstChild = new int[capacity];
        bodyStart = new int[capacity];
        bodyEnd = new int[capacity];
        order = new int[nodes];
        for (int v = 0; v < nodes; v++) {
            order[v] = v;
        }
    }

    static QuadTree build(double[] x, double[] y, double[] weights) {
        int n = x.length;
        QuadTree tree = new QuadTree(n);
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < n; v++) {
            minX = Math.min(minX, x[v]);
            minY = Math.min(minY, y[v]);
            maxX = Math.max(maxX, x[v]);
            maxY = Math.max(maxY, y[v]);
        }
        double size = Math.max(maxX - minX, maxY - minY) + 1e-9;
        if (n > 0) {
            tree.split(tree.newCell(0, n), minX, minY, size, 0, x, y, weights);
        }
        return tree;
    }

    private int newCell(int start, int end) {
        if (cells + 4 >= mass.length) {
            int grown = mass.length * 2;
            massX = java.util.Arrays.copyOf(massX, grown);
            massY = java.util.Arrays.copyOf(massY, grown);
            mass = java.util.Arrays.copyOf(mass, grown);
            side = java.util.Arrays.copyOf(side, grown);
            firstChild = java.util.Arrays.copyOf(firstChild, grown);
            bodyStart = java.util.Arrays.copyOf(bodyStart, grown);
            bodyEnd = java.util.Arrays.copyOf(bodyEnd, grown);
        }
        int cell = cells++;
        bodyStart[cell] = start;
        bodyEnd[cell] = end;
        firstChild[cell] = -1;
        return cell;
    }

    private void split(int cell, double left, double top, double size, int depth, double[] x, double[] y, double[] w) {
        int start = bodyStart[cell];
        int end = bodyEnd[cell];
        double m = 0;
        double cx = 0;
        double cy = 0;
        for (int i = start; i < end; i++) {
            int v = order[i];
            m += w[v];
            cx += w[v] * x[v];
            cy += w[v] * y[v];
        }
        mass[cell] = m;
        massX[cell] = cx / m;
        massY[cell] = cy / m;
        side[cell] = size;
        if (end - start <= LEAF_SIZE || depth >= MAX_DEPTH) {
            return;
        }
        double half = size / 2;
        double midX = left + half;
        double midY = top + half;
        // partition bodies in place into the quadrants 0 (left top), 1 (right top), 2 (left bottom), 3 (right bottom)
        int[] bounds = new int[5];
        bounds[0] = start;
        int split = partition(start, end, v -> y[v] < midY);
        int topSplit = partition(start, split, v -> x[v] < midX);
        int bottomSplit = partition(split, end, v -> x[v] < midX);
        bounds[1] = topSplit;
        bounds[2] = split;
        bounds[3] = bottomSplit;
        bounds[4] = end;
        int first = cells;
        for (int q = 0; q < 4; q++) {
            newCell(bounds[q], bounds[q + 1]);
        }
        firstChild[cell] = first;
        for (int q = 0; q < 4; q++) {
            int child = first + q;
            if (bodyEnd[child] > bodyStart[child]) {
                split(child, q % 2 == 0 ? left : midX, q < 2 ? top : midY, half, depth + 1, x, y, w);
            } else {
                mass[child] = 0;
            }
        }
    }

    private interface Side {
        boolean first(int v);
    }

    private int partition(int start, int end, Side side) {
        int i = start;
        for (int j = start; j < end; j++) {
            if (side.first(order[j])) {
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
                i++;
            }
        }
        return i;
    }

    /** Scratch for one thread's {@link #repulsion} calls: the cell stack, so a step allocates nothing per node. */
    static int[] stack() {
        return new int[MAX_DEPTH * 4 + 8];
    }

    /**
     * The repulsion on node v from every other node: kr · m_v · m_u / distance, along the line between
     * them; written to {@code out[0], out[1]}.
     */
    void repulsion(int v, double[] x, double[] y, double[] weights, double kr, double theta, int[] stack, double[] out) {
        double fx = 0;
        double fy = 0;
        int top = 0;
        stack[top++] = 0;
        double vx = x[v];
        double vy = y[v];
        double mv = weights[v];
        while (top > 0) {
            int cell = stack[--top];
            if (mass[cell] == 0) {
                continue;
            }
            double dx = vx - massX[cell];
            double dy = vy - massY[cell];
            double d2 = dx * dx + dy * dy;
            if (firstChild[cell] >= 0 && side[cell] * side[cell] < theta * theta * d2) {
                double f = kr * mv * mass[cell] / d2;
                fx += dx * f;
                fy += dy * f;
            } else if (firstChild[cell] >= 0) {
                for (int q = 0; q < 4; q++) {
                    stack[top++] = firstChild[cell] + q;
                }
            } else {
                for (int i = bodyStart[cell]; i < bodyEnd[cell]; i++) {
                    int u = order[i];
                    if (u == v) {
                        continue;
                    }
                    double ux = vx - x[u];
                    double uy = vy - y[u];
                    double e2 = ux * ux + uy * uy;
                    if (e2 < 1e-12) { // coincident nodes: push apart along a direction fixed by their indices
                        ux = (v < u ? -1 : 1) * 0.01;
                        uy = 0;
                        e2 = 1e-4;
                    }
                    double f = kr * mv * weights[u] / e2;
                    fx += ux * f;
                    fy += uy * f;
                }
            }
        }
        out[0] = fx;
        out[1] = fy;
    }
}
