package dev.quarry.analysis.features;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IsolationForestTest {

    private static double[][] cloudWithOutlier() {
        Random random = new Random(5);
        double[][] x = new double[400][4];
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextGaussian();
            }
        }
        x[0] = new double[] {9, -9, 9, -9};
        return x;
    }

    @Test
    void scoresAFarOutlierAboveEveryOrdinaryPoint() {
        double[][] x = cloudWithOutlier();
        double[] scores = IsolationForest.fit(x, 100, 3).score(x);
        for (int i = 1; i < x.length; i++) {
            assertTrue(scores[0] > scores[i], "point " + i);
        }
        assertTrue(scores[0] > 0.6);
    }

    @Test
    void sameSeedSameScores() {
        double[][] x = cloudWithOutlier();
        assertArrayEquals(IsolationForest.fit(x, 50, 9).score(x), IsolationForest.fit(x, 50, 9).score(x));
    }
}
