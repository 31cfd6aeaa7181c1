package dev.quarry.analysis.features;

import smile.clustering.KMeans;
import smile.math.MathEx;

import java.util.Arrays;
import java.util.Random;

/**
 * The per-account models on standardized behaviour features: an isolation forest for anomaly
 * scores ({@link IsolationForest}, seeded), Smile's k-means for behaviour clusters, and a 2-D map
 * for the account-map view. Smile draws from thread-local random generators, so k-means and t-SNE
 * run on the calling thread after seeding it from the run's seed: the same case and seed give the
 * same clusters and the same map.
 *
 * <p>The map is landmark t-SNE: Smile's t-SNE (pure Java, O(n²) memory) lays out up to
 * {@link #LANDMARKS} accounts drawn by a seeded sample, and every other account is placed at the
 * distance-weighted mean of its {@link #NEIGHBOURS} nearest landmarks in feature space. Full t-SNE
 * at 24,000 accounts would need about 4.6 GB for its affinities, and Smile's UMAP needs native
 * ARPACK, which Quarry does not ship (decision 0002). Accounts that behave alike land together, as
 * t-SNE intends; distances between far-apart clusters mean little, as with any t-SNE map.
 */
public final class AccountModels {

    public record Result(double[] anomaly, int[] cluster, double[][] map) {
    }

    static final int LANDMARKS = 1000;
    static final int NEIGHBOURS = 10;
    static final int TSNE_ITERATIONS = 500;

    private AccountModels() {
    }

    /**
     * Fits the models.
     *
     * @param isolationTrees    trees of the isolation forest
     * @param behaviourClusters k of the k-means clustering (capped by accounts / 20)
     * @throws IllegalStateException when k-means fails on the features
     */
    public static Result fit(double[][] standardized, long seed, int isolationTrees, int behaviourClusters) {
        int n = standardized.length;
        int d = n == 0 ? 0 : standardized[0].length;
        double[] anomaly = new double[n];
        int[] cluster = new int[n];
        Arrays.fill(cluster, -1);
        if (n < 16 || d == 0) {
            return new Result(anomaly, cluster, new double[n][2]);
        }
        anomaly = isolationScores(standardized, isolationTrees, seed);
        int k = Math.min(behaviourClusters, n / 20);
        if (k >= 2) {
            MathEx.setSeed(seed);
            try {
                cluster = KMeans.fit(standardized, k, 100, 1e-4).y;
            } catch (RuntimeException e) {
                throw new IllegalStateException("cannot cluster account behaviour: " + e.getMessage(), e);
            }
        }
        return new Result(anomaly, cluster, embed(standardized, seed));
    }

    static double[] isolationScores(double[][] x, int isolationTrees, long seed) {
        return IsolationForest.fit(x, isolationTrees, seed).score(x);
    }

    /** Landmark t-SNE coordinates (see the class comment). */
    static double[][] embed(double[][] x, long seed) {
        int n = x.length;
        int[] landmarks = sample(n, Math.min(n, LANDMARKS), seed);
        double[][] landmarkFeatures = new double[landmarks.length][];
        for (int i = 0; i < landmarks.length; i++) {
            landmarkFeatures[i] = x[landmarks[i]];
        }
        MathEx.setSeed(seed);
        double perplexity = Math.min(30, (landmarks.length - 1) / 3.0);
        double[][] layout = new smile.manifold.TSNE(landmarkFeatures, 2, perplexity, 200, TSNE_ITERATIONS).coordinates;
        double[][] map = new double[n][2];
        boolean[] isLandmark = new boolean[n];
        for (int i = 0; i < landmarks.length; i++) {
            isLandmark[landmarks[i]] = true;
            map[landmarks[i]] = layout[i].clone();
        }
        int k = Math.min(NEIGHBOURS, landmarks.length);
        double[] nearest = new double[k];
        int[] nearestIndex = new int[k];
        for (int v = 0; v < n; v++) {
            if (isLandmark[v]) {
                continue;
            }
            Arrays.fill(nearest, Double.POSITIVE_INFINITY);
            for (int i = 0; i < landmarks.length; i++) {
                double d = squaredDistance(x[v], landmarkFeatures[i], nearest[k - 1]);
                if (d < nearest[k - 1]) {
                    int j = k - 1;
                    while (j > 0 && nearest[j - 1] > d) {
                        nearest[j] = nearest[j - 1];
                        nearestIndex[j] = nearestIndex[j - 1];
                        j--;
                    }
                    nearest[j] = d;
                    nearestIndex[j] = i;
                }
            }
            double weightSum = 0;
            for (int j = 0; j < k; j++) {
                double w = 1 / (Math.sqrt(nearest[j]) + 1e-6);
                map[v][0] += w * layout[nearestIndex[j]][0];
                map[v][1] += w * layout[nearestIndex[j]][1];
                weightSum += w;
            }
            map[v][0] /= weightSum;
            map[v][1] /= weightSum;
        }
        return map;
    }

    /** Squared distance, giving up (returning at least {@code bound}) once it exceeds the bound. */
    private static double squaredDistance(double[] a, double[] b, double bound) {
        double sum = 0;
        for (int j = 0; j < a.length && sum < bound; j++) {
            double diff = a[j] - b[j];
            sum += diff * diff;
        }
        return sum;
    }

    /** A seeded sample of {@code size} distinct indices below n, in ascending order. */
    private static int[] sample(int n, int size, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        Random random = new Random(seed);
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] out = Arrays.copyOf(all, size);
        Arrays.sort(out);
        return out;
    }
}
