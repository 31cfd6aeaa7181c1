package dev.quarry.analysis.features;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountModelsTest {

    /** Three behaviour types of 500 accounts each, far apart in a 12-feature space. */
    private static double[][] threeKinds() {
        Random random = new Random(5);
        double[][] x = new double[1500][12];
        for (int i = 0; i < x.length; i++) {
            int kind = i % 3;
            for (int j = 0; j < 12; j++) {
                x[i][j] = (j % 3 == kind ? 6 : 0) + random.nextGaussian();
            }
        }
        return x;
    }

    private static double distance(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    @Test
    void accountsThatBehaveAlikeLandTogetherOnTheMapLandmarksOrNot() {
        double[][] map = AccountModels.embed(threeKinds(), 7);
        double within = 0;
        double between = 0;
        int pairs = 0;
        for (int i = 0; i < 1497; i += 7) {
            within += distance(map[i], map[i + 3]);
            between += distance(map[i], map[i + 1]);
            pairs++;
        }
        assertTrue(within / pairs * 3 < between / pairs, "same kind " + within / pairs + ", other kind " + between / pairs);
    }

    @Test
    void theSameSeedGivesTheSameMap() {
        double[][] x = threeKinds();
        double[][] first = AccountModels.embed(x, 3);
        double[][] second = AccountModels.embed(x, 3);
        for (int i = 0; i < x.length; i += 50) {
            assertArrayEquals(first[i], second[i], 0.0);
        }
    }
}
