package dev.quarry.graph;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class CommunitiesTest {

    private static void clique(WeightedGraph.Builder builder, int from, int to, double weight) {
        for (int a = from; a < to; a++) {
            for (int b = a + 1; b < to; b++) {
                builder.add(a, b, weight);
            }
        }
    }

    @Test
    void twoGroupsJoinedByOneWeakTieStayApart() {
        WeightedGraph.Builder builder = new WeightedGraph.Builder(13);
        clique(builder, 0, 6, 1.0);
        clique(builder, 6, 12, 1.0);
        builder.add(5, 6, 0.2);
        int[] label = Communities.labelPropagation(builder.build(), 1, 50, 0);
        assertEquals(label[0], label[5]);
        assertEquals(label[6], label[11]);
        assertNotEquals(label[0], label[6]);
        assertNotEquals(label[12], label[0], "an isolated node keeps its own community");
    }

    /** 600 loosely linked accounts (about four random ties each) with a farm of 30 fully tied among themselves and to the crowd. */
    private static WeightedGraph farmInLooseCrowd() {
        int crowd = 600;
        int farm = 30;
        WeightedGraph.Builder builder = new WeightedGraph.Builder(crowd + farm);
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 2 * (crowd + farm); i++) {
            builder.add(random.nextInt(crowd + farm), random.nextInt(crowd + farm), 1.0);
        }
        clique(builder, crowd, crowd + farm, 1.0);
        return builder.build();
    }

    private static int sizeOf(int[] label, int community) {
        return (int) java.util.Arrays.stream(label).filter(l -> l == community).count();
    }

    @Test
    void resolutionKeepsFarmApartFromLooselyChainedCrowd() {
        int[] label = Communities.labelPropagation(farmInLooseCrowd(), 3, 50, 1.0);
        int farmLabel = label[600];
        for (int v = 600; v < 630; v++) {
            assertEquals(farmLabel, label[v], "every farm member shares one community");
        }
        int size = sizeOf(label, farmLabel);
        org.junit.jupiter.api.Assertions.assertTrue(size < 45, "the farm's community takes few crowd members, got " + size);
        int largest = java.util.Arrays.stream(label).map(l -> sizeOf(label, l)).max().orElseThrow();
        org.junit.jupiter.api.Assertions.assertTrue(largest < 120, "no community spans the crowd, largest " + largest);
    }

    @Test
    void plainPropagationLetsOneLabelSpanTheLooseCrowd() {
        // the failure the resolution exists for: without it one label runs through the chained crowd
        int[] label = Communities.labelPropagation(farmInLooseCrowd(), 3, 50, 0);
        int largest = java.util.Arrays.stream(label).map(l -> sizeOf(label, l)).max().orElseThrow();
        org.junit.jupiter.api.Assertions.assertTrue(largest > 300, "largest community " + largest);
    }

    @Test
    void halvesTiedMoreToEachOtherThanWithinAreMerged() {
        WeightedGraph.Builder builder = new WeightedGraph.Builder(8);
        clique(builder, 0, 4, 1.0);
        clique(builder, 4, 8, 1.0);
        for (int a = 0; a < 4; a++) {
            builder.add(a, a + 4, 0.9);
        }
        WeightedGraph graph = builder.build();
        int[] split = {0, 0, 0, 0, 1, 1, 1, 1};
        int[] merged = Communities.mergeStronglyTied(graph, split, 0.5);
        assertEquals(merged[0], merged[7]);
    }

    @Test
    void parallelEdgesAddUp() {
        WeightedGraph graph = new WeightedGraph.Builder(3).add(0, 1, 0.25).add(1, 0, 0.5).add(2, 2, 1).build();
        assertEquals(0.75, graph.weightBetween(0, 1), 1e-9);
        assertEquals(0, graph.degree(2), "self-loops are dropped");
    }
}
