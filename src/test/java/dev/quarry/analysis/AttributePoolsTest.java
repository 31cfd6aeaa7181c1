package dev.quarry.analysis;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class AttributePoolsTest {
    private static final int ADDRESS = 0;
    private static final int CARD = 1;
    private static final int FIRST_CARD = 32;

    /** Member m (of 30) uses addresses m, m+1 and m+2 (values 0..31); members 0-14 share card 32, members 15-29 card 33. */
    private static AttributePools rotatingFarm(int minValues) {
        int[] kindOf = new int[34];
        kindOf[FIRST_CARD] = CARD;
        kindOf[FIRST_CARD + 1] = CARD;
        int rows = 30 * 4;
        int[] member = new int[rows];
        int[] value = new int[rows];
        int r = 0;
        for (int m = 0; m < 30; m++) {
            for (int k = 0; k < 3; k++) {
                member[r] = m;
                value[r++] = m + k;
            }
            member[r] = m;
            value[r++] = m < 15 ? FIRST_CARD : FIRST_CARD + 1;
        }
        return AttributePools.of(30, kindOf, member, value, minValues);
    }

    @Test
    void addressesTheMembersRotateAmongAreOnePoolAndTheSharedCardsStayValueByValue() {
        AttributePools pools = rotatingFarm(24);
        assertEquals(1, pools.pools());
        assertEquals(32, pools.values(0), "each member's addresses overlap the next member's: one component");
        for (int v = 0; v < 32; v++) {
            assertEquals(0, pools.poolOf(v), "address " + v);
        }
        assertEquals(-1, pools.poolOf(FIRST_CARD), "a card shared by fifteen members is its own node");
        assertEquals(-1, pools.poolOf(FIRST_CARD + 1));
    }

    @Test
    void valuesOfDifferentKindsNeverShareAPoolNorDoValuesNoMemberHoldsTogether() {
        AttributePools pools = rotatingFarm(1);
        assertEquals(3, pools.pools(), "the addresses, and each card alone: no member holds both cards");
        assertNotEquals(pools.poolOf(0), pools.poolOf(FIRST_CARD), "a member holding an address and a card does not join them");
        assertNotEquals(pools.poolOf(FIRST_CARD), pools.poolOf(FIRST_CARD + 1));
        assertEquals(1, pools.values(pools.poolOf(FIRST_CARD)));
    }

    @Test
    void twoSeparateRotationsAreTwoPools() {
        // members 0-9 use addresses 0-29, members 10-19 addresses 30-59, three each; each member also uses the
        // first address of the next member of its half, so each half is one rotation, and nobody uses both halves
        int[] kindOf = new int[60];
        int[] member = IntStream.range(0, 60).map(v -> v / 3).toArray();
        int[] value = IntStream.range(0, 60).toArray();
        int[] chainMember = IntStream.range(0, 20).filter(m -> m % 10 != 9).toArray();
        int[] chainValue = Arrays.stream(chainMember).map(m -> (m + 1) * 3).toArray();
        AttributePools pools = AttributePools.of(20, kindOf, IntStream.concat(Arrays.stream(member), Arrays.stream(chainMember)).toArray(),
                IntStream.concat(Arrays.stream(value), Arrays.stream(chainValue)).toArray(), 24);
        assertEquals(2, pools.pools());
        assertEquals(30, pools.values(0));
        assertEquals(30, pools.values(1));
        assertEquals(pools.poolOf(0), pools.poolOf(29));
        assertEquals(pools.poolOf(30), pools.poolOf(59));
        assertNotEquals(pools.poolOf(0), pools.poolOf(30));
    }
}
