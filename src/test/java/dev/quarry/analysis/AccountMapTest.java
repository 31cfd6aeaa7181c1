package dev.quarry.analysis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AccountMapTest {

    private static AccountMap grid() {
        // a 10 x 10 grid of accounts at integer coordinates 0..9
        int n = 100;
        String[] ids = new String[n];
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "a" + i;
            x[i] = i % 10;
            y[i] = i / 10;
        }
        return AccountMap.of(ids, x, y, new int[n], new int[n], new double[n]);
    }

    @Test
    void lassoPicksExactlyThePointsInsideTheDrawnShape() {
        // a triangle with corners (0.5,0.5), (5.5,0.5), (0.5,5.5): points with x,y >= 1 and x + y <= 5
        int[] inside = grid().lasso(new double[] {0.5, 5.5, 0.5}, new double[] {0.5, 0.5, 5.5});
        int expected = 0;
        for (int xi = 1; xi <= 9; xi++) {
            for (int yi = 1; yi <= 9; yi++) {
                if (xi + yi <= 5) {
                    expected++;
                }
            }
        }
        assertEquals(expected, inside.length);
        for (int i : inside) {
            int xi = i % 10;
            int yi = i / 10;
            assertEquals(true, xi >= 1 && yi >= 1 && xi + yi <= 5, "point " + xi + "," + yi);
        }
    }

    @Test
    void aLassoOfFewerThanThreeCornersSelectsNothing() {
        assertArrayEquals(new int[0], grid().lasso(new double[] {0, 9}, new double[] {0, 9}));
    }

    @Test
    void hoverFindsTheNearestAccountWithinReach() {
        AccountMap map = grid();
        assertEquals("a23", map.account(map.nearest(3.1, 2.2, 0.5)));
        assertEquals(-1, map.nearest(20, 20, 0.5));
    }
}
