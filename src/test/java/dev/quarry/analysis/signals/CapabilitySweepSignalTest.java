package dev.quarry.analysis.signals;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapabilitySweepSignalTest {

    private static SharedTemplateSignal.Templates uses(long... frames) {
        double[] shares = new double[frames.length];
        java.util.Arrays.fill(shares, 1.0 / frames.length);
        return new SharedTemplateSignal.Templates(frames, shares);
    }

    @Test
    void membersTakingOverlappingSlicesOfSixTaskTypesSweepComplementarily() {
        CapabilitySweepSignal.Sweep sweep = CapabilitySweepSignal.of(new SharedTemplateSignal.Templates[] {
                uses(1, 2), uses(2, 3), uses(3, 4), uses(4, 5), uses(5, 6), uses(6, 1)});
        assertTrue(sweep.systematic(), sweep.toString());
        assertTrue(sweep.complementary(), sweep.toString());
    }

    @Test
    void singlePurposeBackendsOfSeveralCompaniesAreNoSweep() {
        CapabilitySweepSignal.Sweep sweep = CapabilitySweepSignal.of(new SharedTemplateSignal.Templates[] {
                uses(1), uses(1), uses(2), uses(2), uses(3), uses(3), uses(4), uses(4)});
        assertFalse(sweep.systematic(), sweep.toString());
    }

    @Test
    void oneSharedTemplateIsNoSweep() {
        CapabilitySweepSignal.Sweep sweep = CapabilitySweepSignal.of(new SharedTemplateSignal.Templates[] {
                uses(7), uses(7), uses(7)});
        assertFalse(sweep.systematic());
    }
}
