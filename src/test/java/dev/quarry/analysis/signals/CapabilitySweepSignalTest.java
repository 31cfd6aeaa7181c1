package dev.quarry.analysis.signals;

import dev.quarry.analysis.rules.DetectionRules;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapabilitySweepSignalTest {
    private static final DetectionRules RULES = DetectionRules.defaults();
    private static final int CATEGORIES = 20;

    /** An account's task mix spread evenly over the given categories. */
    private static double[] even(int... categories) {
        double[] mix = new double[CATEGORIES];
        for (int c : categories) {
            mix[c] = 1.0 / categories.length;
        }
        return mix;
    }

    /** A person's mix: a favourite, a second interest and a little of something else. */
    private static double[] person(int favourite, int second, int other) {
        double[] mix = new double[CATEGORIES];
        mix[favourite] += 0.6;
        mix[second] += 0.3;
        mix[other] += 0.1;
        return mix;
    }

    private static int[] range(int from, int to) {
        int[] out = new int[to - from];
        for (int i = from; i < to; i++) {
            out[i - from] = i;
        }
        return out;
    }

    /** A case of 200 people whose interests lean on the first few categories, as real traffic does. */
    private static double[][] crowd(int extra) {
        double[][] mixes = new double[200 + extra][];
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < 200; i++) {
            mixes[i] = person(random.nextInt(4), random.nextInt(8), random.nextInt(CATEGORIES));
        }
        return mixes;
    }

    @Test
    void accountsEachWalkingTheWholeTaxonomySweep() {
        double[][] mixes = crowd(12);
        for (int i = 200; i < 212; i++) {
            mixes[i] = even(range(0, CATEGORIES));
        }
        CapabilitySweepSignal.Sweep sweep = CapabilitySweepSignal.of(mixes, CapabilitySweepSignal.caseMix(mixes), range(200, 212), RULES.sweep());
        assertEquals(1.0, sweep.sweepingShare(), 1e-9);
        assertEquals(1.0, sweep.strength(), 1e-9);
        assertTrue(CapabilitySweepSignal.sweeps(mixes, 205, RULES.sweep()));
    }

    @Test
    void narrowMembersTilingTheTaxonomyTakeComplementarySlices() {
        double[][] mixes = crowd(20);
        for (int i = 0; i < 20; i++) {
            int first = i % CATEGORIES;
            mixes[200 + i] = even(first, (first + 1) % CATEGORIES, (first + 2) % CATEGORIES);
        }
        CapabilitySweepSignal.Sweep sweep = CapabilitySweepSignal.of(mixes, CapabilitySweepSignal.caseMix(mixes), range(200, 220), RULES.sweep());
        assertTrue(sweep.complementary(), sweep.toString());
        assertEquals(0.6, sweep.strength(), 1e-9);
    }

    @Test
    void aCrowdOfPeopleWithTheirOwnInterestsDoesNotSweep() {
        double[][] mixes = crowd(0);
        for (int size : new int[] {10, 40, 150}) {
            CapabilitySweepSignal.Sweep sweep = CapabilitySweepSignal.of(mixes, CapabilitySweepSignal.caseMix(mixes), range(0, size), RULES.sweep());
            assertEquals(0, sweep.strength(), sweep.toString());
            assertFalse(sweep.complementary(), "broad together, but in the case's own mix: " + sweep);
        }
    }

    @Test
    void breadthIsTheEvennessOverTheWholeTaxonomy() {
        assertEquals(1.0, CapabilitySweepSignal.breadth(even(range(0, CATEGORIES))), 1e-9);
        assertEquals(0.0, CapabilitySweepSignal.breadth(even(3)), 1e-9);
        assertTrue(Double.isNaN(CapabilitySweepSignal.breadth(null)), "unknown without enough categorised prompts");
    }
}
