package dev.quarry.graph;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DenseBlocksTest {

    @Test
    void findsAPlantedBlockDespiteCamouflage() {
        Random random = new Random(4);
        int rows = 300;
        int columns = 400;
        List<int[]> edges = new ArrayList<>();
        // background: each row touches 3 random columns
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < 3; k++) {
                edges.add(new int[] {r, random.nextInt(columns)});
            }
        }
        // the block: rows 0..19 all share columns 0..9; camouflage: each also touches popular columns 300..309
        for (int r = 0; r < 20; r++) {
            for (int c = 0; c < 10; c++) {
                edges.add(new int[] {r, c});
                edges.add(new int[] {r, 300 + random.nextInt(10)});
            }
        }
        for (int r = 20; r < rows; r++) {
            edges.add(new int[] {r, 300 + random.nextInt(10)});
        }
        List<DenseBlocks.Block> blocks = DenseBlocks.find(rows, columns, edges.toArray(new int[0][]), 1, 5);
        assertEquals(1, blocks.size());
        int[] found = blocks.get(0).rows();
        long planted = Arrays.stream(found).filter(r -> r < 20).count();
        assertEquals(20, planted, Arrays.toString(found));
        assertTrue(found.length <= 22, "the block is not padded with background rows: " + Arrays.toString(found));
    }

    @Test
    void nothingDenseInAnEmptyGraph() {
        assertTrue(DenseBlocks.find(10, 10, new int[0][], 3, 2).isEmpty());
    }
}
