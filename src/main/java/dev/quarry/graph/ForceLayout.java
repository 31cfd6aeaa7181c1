package dev.quarry.graph;

import dev.quarry.model.ProgressListener;

import java.util.Random;
import java.util.stream.IntStream;

/**
 * A force-directed layout in the spirit of ForceAtlas2 (Jacomy et al., 2014): nodes repel in
 * proportion to their degree, edges pull linearly with their weight, gravity keeps unconnected
 * nodes near the centre, and a global speed from the swinging and traction of the nodes damps the
 * oscillation. Repulsion uses a Barnes–Hut quadtree, so one iteration costs O(n log n + edges).
 * <p>
 * Deterministic for a seed: each node's force (repulsion, gravity and the pull of its own edges,
 * held side by side per node) is computed on its own, in parallel, from the previous positions, and
 * every sum over nodes runs in node order. The layout stops early once it has settled: for ten steps
 * running, nodes moved on average less than a tenth of the typical spacing between nodes.
 */
public final class ForceLayout {

    /**
     * @param seed          start positions
     * @param iterations    force steps; more settle the picture further
     * @param repulsion     ForceAtlas2's scaling ratio: larger spreads the graph
     * @param gravity       pull towards the centre, mass-weighted
     * @param theta         Barnes–Hut opening criterion: a cell acts as one body when its size over its distance is below it
     */
    public record Options(long seed, int iterations, double repulsion, double gravity, double theta) {
        public Options {
            if (iterations < 1) {
                throw new IllegalArgumentException("iterations must be at least 1, got " + iterations);
            }
            if (!(repulsion > 0) || !(gravity >= 0) || !(theta >= 0)) {
                throw new IllegalArgumentException("repulsion must be > 0, gravity and theta >= 0");
            }
        }

        /** Settings that suit graphs of a few nodes to tens of thousands. */
        public static Options defaults(long seed, int nodes) {
            int iterations = nodes <= 2_000 ? 400 : 250;
            return new Options(seed, iterations, nodes < 100 ? 10 : 2, 1, 1.2);
        }
    }

    /** Positions of the laid-out nodes. */
    public record Positions(double[] x, double[] y) {
    }

    /** Mean movement per step, as a share of the typical spacing, below which the layout counts as settled (what is left is jitter). */
    private static final double SETTLED = 0.1;
    private static final int SETTLED_STEPS = 10;
    /** Fewer steps than this are never taken as settled: the first steps move little while the speed builds up. */
    private static final int MIN_ITERATIONS = 50;

    private ForceLayout() {
    }

    /** The side of the square each node would have if the nodes filled their bounding box evenly. */
    private static double typicalSpacing(double[] x, double[] y) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < x.length; v++) {
            minX = Math.min(minX, x[v]);
            maxX = Math.max(maxX, x[v]);
            minY = Math.min(minY, y[v]);
            maxY = Math.max(maxY, y[v]);
        }
        return x.length == 0 ? 0 : Math.sqrt(Math.max(0, (maxX - minX) * (maxY - minY)) / x.length);
    }

    /**
     * Lays out nodes {@code 0..nodes-1} joined by edges {@code from[i]-to[i]} of weight {@code weight[i]}.
     * Starts from {@code start} when given (a layout continued), else from random positions of the seed.
     */
    public static Positions layout(int nodes, int[] from, int[] to, double[] weight, Positions start, Options options,
                                   ProgressListener progress) {
        double[] x = new double[nodes];
        double[] y = new double[nodes];
        Random random = new Random(options.seed());
        // random start about a hundred units between nodes: nearer the spacing the forces settle at on large case graphs
        // than ten, so fewer of the steps go to growing the picture
        double spread = Math.sqrt(nodes) * 100 + 10;
        for (int v = 0; v < nodes; v++) {
            x[v] = start != null ? start.x()[v] : (random.nextDouble() - 0.5) * spread;
            y[v] = start != null ? start.y()[v] : (random.nextDouble() - 0.5) * spread;
        }
        // each node's incident edges side by side (CSR), so a node's attraction is summed by the node itself, in parallel
        int[] offsets = new int[nodes + 1];
        for (int e = 0; e < from.length; e++) {
            offsets[from[e] + 1]++;
            offsets[to[e] + 1]++;
        }
        for (int v = 0; v < nodes; v++) {
            offsets[v + 1] += offsets[v];
        }
        int[] neighbours = new int[offsets[nodes]];
        double[] neighbourWeight = new double[offsets[nodes]];
        int[] fill = java.util.Arrays.copyOf(offsets, nodes);
        for (int e = 0; e < from.length; e++) {
            neighbours[fill[from[e]]] = to[e];
            neighbourWeight[fill[from[e]]++] = weight[e];
            neighbours[fill[to[e]]] = from[e];
            neighbourWeight[fill[to[e]]++] = weight[e];
        }
        double[] mass = new double[nodes];
        for (int v = 0; v < nodes; v++) {
            mass[v] = 1 + offsets[v + 1] - offsets[v];
        }
        double[] fx = new double[nodes];
        double[] fy = new double[nodes];
        double[] oldFx = new double[nodes];
        double[] oldFy = new double[nodes];
        double speed = 1;
        double speedEfficiency = 1;
        int chunks = Math.max(1, Math.min(256, nodes / 64));
        int settled = 0;
        double spacing = typicalSpacing(x, y);
        for (int iteration = 0; iteration < options.iterations(); iteration++) {
            progress.checkCancelled();
            if (iteration % 10 == 0) {
                progress.progress(iteration, options.iterations(), "laying out graph");
            }
            double[] swap = oldFx;
            oldFx = fx;
            fx = swap;
            swap = oldFy;
            oldFy = fy;
            fy = swap;
            QuadTree tree = QuadTree.build(x, y, mass);
            double kr = options.repulsion();
            double kg = options.gravity();
            double theta = options.theta();
            double[] forceX = fx;
            double[] forceY = fy;
            double[] px = x;
            double[] py = y;
            IntStream.range(0, chunks).parallel().forEach(chunk -> {
                int[] stack = QuadTree.stack();
                double[] f = new double[2];
                for (int v = (int) ((long) nodes * chunk / chunks); v < (int) ((long) nodes * (chunk + 1) / chunks); v++) {
                    tree.repulsion(v, px, py, mass, kr, theta, stack, f);
                    double distance = Math.sqrt(px[v] * px[v] + py[v] * py[v]);
                    double g = distance > 0 ? kg * mass[v] / distance : 0;
                    double ax = 0;
                    double ay = 0;
                    for (int i = offsets[v]; i < offsets[v + 1]; i++) {
                        int u = neighbours[i];
                        ax += neighbourWeight[i] * (px[u] - px[v]);
                        ay += neighbourWeight[i] * (py[u] - py[v]);
                    }
                    forceX[v] = f[0] - g * px[v] + ax;
                    forceY[v] = f[1] - g * py[v] + ay;
                }
            });
            // ForceAtlas2's adaptive speed: swinging nodes slow the whole layout, steady traction speeds it up
            double swinging = 0;
            double traction = 0;
            for (int v = 0; v < nodes; v++) {
                double sx = fx[v] - oldFx[v];
                double sy = fy[v] - oldFy[v];
                double tx = fx[v] + oldFx[v];
                double ty = fy[v] + oldFy[v];
                swinging += mass[v] * Math.sqrt(sx * sx + sy * sy);
                traction += mass[v] * Math.sqrt(tx * tx + ty * ty) / 2;
            }
            if (iteration == 0) {
                traction = swinging; // no previous force yet
            }
            double jitterTolerance = Math.min(10, 0.05 * Math.sqrt(nodes));
            double minSpeedEfficiency = 0.05;
            if (swinging / traction > 2) {
                speedEfficiency = Math.max(minSpeedEfficiency, speedEfficiency * 0.5);
                jitterTolerance = Math.max(jitterTolerance, 1);
            }
            double targetSpeed = swinging > 0 ? jitterTolerance * speedEfficiency * traction / swinging : speed;
            if (swinging > jitterTolerance * traction) {
                speedEfficiency = speedEfficiency > minSpeedEfficiency ? speedEfficiency * 0.7 : speedEfficiency;
            } else if (speed < 1000) {
                speedEfficiency *= 1.3;
            }
            speed = speed + Math.min(targetSpeed - speed, 0.5 * speed);
            double moved = 0;
            // no node jumps further than the typical spacing in a step (a fixed cap would slow a large graph's growth to a crawl)
            double maxStep = Math.max(10, spacing);
            for (int v = 0; v < nodes; v++) {
                double sx = fx[v] - oldFx[v];
                double sy = fy[v] - oldFy[v];
                double swing = mass[v] * Math.sqrt(sx * sx + sy * sy);
                double factor = speed / (1 + Math.sqrt(speed * swing));
                double force = Math.sqrt(fx[v] * fx[v] + fy[v] * fy[v]);
                if (force > 0) {
                    factor = Math.min(factor * force, maxStep) / force;
                }
                x[v] += fx[v] * factor;
                y[v] += fy[v] * factor;
                moved += Math.abs(fx[v] * factor) + Math.abs(fy[v] * factor);
            }
            // settled: nodes move, on average, less than a tenth of the typical spacing, ten steps running
            spacing = typicalSpacing(x, y);
            settled = moved / Math.max(1, nodes) < SETTLED * spacing ? settled + 1 : 0;
            if (settled >= SETTLED_STEPS && iteration >= MIN_ITERATIONS) {
                break;
            }
        }
        progress.progress(options.iterations(), options.iterations(), "laying out graph");
        return new Positions(x, y);
    }
}
