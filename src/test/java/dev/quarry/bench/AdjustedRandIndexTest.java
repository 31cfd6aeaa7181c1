package dev.quarry.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AdjustedRandIndexTest {

    @Test
    void identicalPartitionsUnderOtherNamesScoreOne() {
        assertEquals(1.0, AdjustedRandIndex.of(List.of("a", "a", "b", "b", "c"), List.of(7, 7, 3, 3, 9)), 1e-12);
    }

    @Test
    void matchesTheHandComputedValueForASplitCampaign() {
        // contingency [[2,1,0],[0,1,2]]: sum C(nij,2) = 2, rows 3+3 = 6, columns 1+1+1 = 3, C(6,2) = 15
        // expected = 6*3/15 = 1.2, max = 4.5, ARI = (2-1.2)/(4.5-1.2) = 0.8/3.3
        double ari = AdjustedRandIndex.of(List.of(0, 0, 0, 1, 1, 1), List.of(0, 0, 1, 1, 2, 2));
        assertEquals(0.8 / 3.3, ari, 1e-12);
    }

    @Test
    void mergingTwoCampaignsIntoOneScoresZero() {
        // rows 6+6 = 12 pairs, one column: 66 pairs = C(12,2); index 12 = expected 12*66/66 -> 0
        assertEquals(0.0, AdjustedRandIndex.of(List.of(1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2), List.of(5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5)), 1e-12);
    }

    @Test
    void anticorrelatedPartitionsScoreBelowZero() {
        assertEquals(-0.5, AdjustedRandIndex.of(List.of(1, 1, 2, 2), List.of(1, 2, 1, 2)), 1e-12);
    }

    @Test
    void refusesPartitionsOfDifferentSizes() {
        assertThrows(IllegalArgumentException.class, () -> AdjustedRandIndex.of(List.of(1, 2), List.of(1)));
    }
}
