package dev.quarry.analysis.primitives;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BottomSketchTest {

    @Test
    void keepsTheSmallestDistinctHashesWhateverTheOrder() {
        BottomSketch sketch = new BottomSketch(3);
        for (long hash : new long[] {50, 7, 7, 90, -4, 12, 7, 3}) {
            sketch.add(hash);
        }
        assertArrayEquals(new long[] {-4, 3, 7}, sketch.values());
    }

    @Test
    void accountsAskingTheSameItemsKeepTheSameSketchAndMergingPartsEqualsReadingThemTogether() {
        SplittableRandom r = new SplittableRandom(5);
        long[] items = r.longs(500).toArray();
        BottomSketch first = new BottomSketch(32);
        BottomSketch second = new BottomSketch(32);
        BottomSketch partA = new BottomSketch(32);
        BottomSketch partB = new BottomSketch(32);
        for (int i = 0; i < items.length; i++) {
            first.add(items[i]);
            second.add(items[items.length - 1 - i]);
            (i % 2 == 0 ? partA : partB).add(items[i]);
        }
        partA.merge(partB);
        assertArrayEquals(first.values(), second.values());
        assertArrayEquals(first.values(), partA.values());
        assertEquals(32, first.size());
    }
}
