package dev.quarry.graph;

import dev.quarry.model.CancelledException;
import dev.quarry.model.ProgressListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForceLayoutTest {

    /** Two communities of 40 nodes, dense inside (each pair linked with probability 0.3), joined by two edges. */
    private static int[][] plantedCommunities() {
        Random random = new Random(3);
        List<int[]> edges = new ArrayList<>();
        for (int community = 0; community < 2; community++) {
            for (int a = 0; a < 40; a++) {
                for (int b = a + 1; b < 40; b++) {
                    if (random.nextDouble() < 0.3) {
                        edges.add(new int[] {community * 40 + a, community * 40 + b});
                    }
                }
            }
        }
        edges.add(new int[] {0, 40});
        edges.add(new int[] {7, 55});
        int[] from = edges.stream().mapToInt(e -> e[0]).toArray();
        int[] to = edges.stream().mapToInt(e -> e[1]).toArray();
        return new int[][] {from, to};
    }

    private static ForceLayout.Positions layOut(long seed, ProgressListener progress) {
        int[][] edges = plantedCommunities();
        double[] weight = new double[edges[0].length];
        java.util.Arrays.fill(weight, 1);
        return ForceLayout.layout(80, edges[0], edges[1], weight, null, ForceLayout.Options.defaults(seed, 80), progress);
    }

    @Test
    void sameSeedGivesTheSamePicture() {
        ForceLayout.Positions first = layOut(11, ProgressListener.NONE);
        ForceLayout.Positions second = layOut(11, ProgressListener.NONE);
        assertArrayEquals(first.x(), second.x());
        assertArrayEquals(first.y(), second.y());
    }

    @Test
    void separatesTwoPlantedCommunities() {
        ForceLayout.Positions p = layOut(5, ProgressListener.NONE);
        double[] centre = new double[4];
        for (int v = 0; v < 80; v++) {
            centre[v / 40 * 2] += p.x()[v] / 40;
            centre[v / 40 * 2 + 1] += p.y()[v] / 40;
        }
        double between = Math.hypot(centre[0] - centre[2], centre[1] - centre[3]);
        int closerToOwn = 0;
        double spread = 0;
        for (int v = 0; v < 80; v++) {
            int own = v / 40;
            double toOwn = Math.hypot(p.x()[v] - centre[own * 2], p.y()[v] - centre[own * 2 + 1]);
            double toOther = Math.hypot(p.x()[v] - centre[(1 - own) * 2], p.y()[v] - centre[(1 - own) * 2 + 1]);
            spread += toOwn / 80;
            if (toOwn < toOther) {
                closerToOwn++;
            }
        }
        assertTrue(closerToOwn == 80, closerToOwn + " of 80 nodes nearer their own community's centre");
        assertTrue(between > 2 * spread, "communities " + between + " apart, members " + spread + " from their centre");
    }

    @Test
    void stopsEarlyOnceSettled() {
        int[] steps = {0};
        ProgressListener counting = new ProgressListener() {
            @Override
            public void progress(long done, long total, String message) {
                if (done < total) {
                    steps[0] += 10; // a report every ten steps
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        layOut(5, counting);
        int allowed = ForceLayout.Options.defaults(5, 80).iterations();
        assertTrue(steps[0] < allowed, "settled after about " + steps[0] + " of " + allowed + " steps");
    }

    @Test
    void stopsWhenCancelled() {
        int[] steps = {0};
        ProgressListener cancelAfterFirstReport = new ProgressListener() {
            @Override
            public void progress(long done, long total, String message) {
                steps[0]++;
            }

            @Override
            public boolean isCancelled() {
                return steps[0] > 0;
            }
        };
        assertThrows(CancelledException.class, () -> layOut(1, cancelAfterFirstReport));
        assertTrue(steps[0] == 1, "stopped at the first check after the first report");
    }

    @Test
    void laysOutAGraphOfTwentyFourThousandNodesWithoutFailing() {
        // shape only (a timed figure is the benchmark's job): every position finite
        Random random = new Random(9);
        int n = 24_000;
        int m = 100_000;
        int[] from = new int[m];
        int[] to = new int[m];
        double[] w = new double[m];
        for (int e = 0; e < m; e++) {
            int community = random.nextInt(n / 50);
            from[e] = community * 50 + random.nextInt(50);
            to[e] = random.nextInt(10) == 0 ? random.nextInt(n) : community * 50 + random.nextInt(50);
            w[e] = 0.2 + random.nextDouble() * 0.8;
        }
        ForceLayout.Positions p = ForceLayout.layout(n, from, to, w, null, new ForceLayout.Options(1, 20, 2, 1, 1.2),
                ProgressListener.NONE);
        for (int v = 0; v < n; v++) {
            assertTrue(Double.isFinite(p.x()[v]) && Double.isFinite(p.y()[v]));
        }
    }
}
