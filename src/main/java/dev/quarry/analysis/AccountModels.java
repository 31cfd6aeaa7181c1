package dev.quarry.analysis;

import smile.clustering.KMeans;
import smile.math.MathEx;

import java.util.Arrays;
import java.util.Random;

/**
 * The per-account models on standardized behaviour features: an isolation forest for anomaly
 * scores ({@link IsolationForest}, seeded), Smile's k-means for behaviour clusters, and a 2-D map.
 * Smile draws from thread-local random generators, so k-means runs on the calling thread after
 * seeding it from the run's seed: the same case and seed give the same clusters.
 *
 * <p>The map is the projection on the first two principal components, found by power iteration
 * (O(n·d) per step, no native LAPACK): t-SNE and UMAP need O(n²) memory or native code at 24,000
 * accounts. Principal components keep global structure honest — far apart on the map means far
 * apart in behaviour — though they separate tight groups less sharply than t-SNE would.
 */
public final class AccountModels {

    public record Result(double[] anomaly, int[] cluster, double[][] map) {
    }

    private AccountModels() {
    }

    public static Result fit(double[][] standardized, AnalysisOptions options) throws AnalysisException {
        int n = standardized.length;
        int d = n == 0 ? 0 : standardized[0].length;
        double[] anomaly = new double[n];
        int[] cluster = new int[n];
        Arrays.fill(cluster, -1);
        if (n < 16 || d == 0) {
            return new Result(anomaly, cluster, project(standardized, options.seed()));
        }
        anomaly = isolationScores(standardized, options);
        int k = Math.min(options.behaviourClusters(), n / 20);
        if (k >= 2) {
            MathEx.setSeed(options.seed());
            try {
                cluster = KMeans.fit(standardized, k, 100, 1e-4).y;
            } catch (RuntimeException e) {
                throw new AnalysisException("cannot cluster account behaviour: " + e.getMessage(), e);
            }
        }
        return new Result(anomaly, cluster, project(standardized, options.seed()));
    }

    static double[] isolationScores(double[][] x, AnalysisOptions options) {
        return IsolationForest.fit(x, options.isolationTrees(), options.seed()).score(x);
    }

    /** Coordinates on the first two principal components (power iteration with deflation). */
    static double[][] project(double[][] x, long seed) {
        int n = x.length;
        double[][] map = new double[n][2];
        if (n == 0 || x[0].length == 0) {
            return map;
        }
        int d = x[0].length;
        double[][] components = new double[2][];
        Random random = new Random(seed);
        for (int c = 0; c < 2; c++) {
            double[] v = new double[d];
            for (int j = 0; j < d; j++) {
                v[j] = random.nextGaussian();
            }
            normalize(v);
            for (int iteration = 0; iteration < 100; iteration++) {
                double[] next = new double[d];
                for (double[] row : x) {
                    double dot = 0;
                    for (int j = 0; j < d; j++) {
                        dot += row[j] * v[j];
                    }
                    for (int j = 0; j < d; j++) {
                        next[j] += dot * row[j];
                    }
                }
                for (int previous = 0; previous < c; previous++) {
                    double dot = 0;
                    for (int j = 0; j < d; j++) {
                        dot += next[j] * components[previous][j];
                    }
                    for (int j = 0; j < d; j++) {
                        next[j] -= dot * components[previous][j];
                    }
                }
                if (normalize(next) == 0) {
                    break;
                }
                double change = 0;
                for (int j = 0; j < d; j++) {
                    change += Math.abs(next[j] - v[j]);
                }
                v = next;
                if (change < 1e-9) {
                    break;
                }
            }
            components[c] = v;
        }
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 2; c++) {
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += x[i][j] * components[c][j];
                }
                map[i][c] = dot;
            }
        }
        return map;
    }

    private static double normalize(double[] v) {
        double norm = 0;
        for (double value : v) {
            norm += value * value;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int j = 0; j < v.length; j++) {
                v[j] /= norm;
            }
        }
        return norm;
    }
}
