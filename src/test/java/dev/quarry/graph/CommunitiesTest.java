package dev.quarry.graph;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommunitiesTest {

    private static void clique(WeightedGraph.Builder builder, int from, int to, double weight) {
        for (int a = from; a < to; a++) {
            for (int b = a + 1; b < to; b++) {
                builder.add(a, b, weight);
            }
        }
    }

    private static int sizeOf(int[] label, int community) {
        return (int) Arrays.stream(label).filter(l -> l == community).count();
    }

    @Test
    void twoGroupsJoinedByOneWeakTieStayApart() {
        WeightedGraph.Builder builder = new WeightedGraph.Builder(13);
        clique(builder, 0, 6, 1.0);
        clique(builder, 6, 12, 1.0);
        builder.add(5, 6, 0.2);
        int[] label = Communities.louvain(builder.build(), 1, 1.0);
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
        Random random = new Random(7);
        for (int i = 0; i < 2 * (crowd + farm); i++) {
            builder.add(random.nextInt(crowd + farm), random.nextInt(crowd + farm), 1.0);
        }
        clique(builder, crowd, crowd + farm, 1.0);
        return builder.build();
    }

    @Test
    void aFarmStaysApartFromALooselyChainedCrowd() {
        int[] label = Communities.louvain(farmInLooseCrowd(), 3, 1.0);
        int farmLabel = label[600];
        for (int v = 600; v < 630; v++) {
            assertEquals(farmLabel, label[v], "every farm member shares one community");
        }
        assertTrue(sizeOf(label, farmLabel) < 45, "the farm's community takes few crowd members, got " + sizeOf(label, farmLabel));
        int largest = Arrays.stream(label).map(l -> sizeOf(label, l)).max().orElseThrow();
        assertTrue(largest < 120, "no community spans the crowd, largest " + largest);
    }

    /**
     * A farm of 240 accounts whose 20 payment cards each tie a clique of 12, while the farm's four
     * proxy addresses tie every member to a few random others across the farm (the way large holder
     * sets are sampled), in a case of 4,000 loosely linked others.
     */
    @Test
    void cliquesOfOneFarmTiedByItsSharedAddressesBecomeOneCommunity() {
        int farm = 240;
        int crowd = 4000;
        WeightedGraph.Builder builder = new WeightedGraph.Builder(farm + crowd);
        Random random = new Random(11);
        for (int card = 0; card < 20; card++) {
            clique(builder, card * 12, card * 12 + 12, 0.75);
        }
        for (int v = 0; v < farm; v++) {
            for (int k = 0; k < 6; k++) {
                builder.add(v, random.nextInt(farm), 0.3);
            }
        }
        for (int i = 0; i < 2 * crowd; i++) {
            builder.add(farm + random.nextInt(crowd), farm + random.nextInt(crowd), 1.0);
        }
        int[] label = Communities.louvain(builder.build(), 5, 1.0);
        for (int v = 0; v < farm; v++) {
            assertEquals(label[0], label[v], "one community for the whole farm");
        }
        assertEquals(farm, sizeOf(label, label[0]));
    }

    @Test
    void theSameGraphAndSeedGiveTheSameCommunities() {
        assertArrayEqualsTwice(farmInLooseCrowd());
    }

    private static void assertArrayEqualsTwice(WeightedGraph graph) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(Communities.louvain(graph, 42, 1.0), Communities.louvain(graph, 42, 1.0));
    }

    @Test
    void parallelEdgesAddUp() {
        WeightedGraph graph = new WeightedGraph.Builder(3).add(0, 1, 0.25).add(1, 0, 0.5).add(2, 2, 1).build();
        assertEquals(0.75, graph.weightBetween(0, 1), 1e-9);
        assertEquals(0, graph.degree(2), "self-loops are dropped");
    }
}
