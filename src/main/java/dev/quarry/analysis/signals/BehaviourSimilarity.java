package dev.quarry.analysis.signals;

/**
 * How alike two accounts behave, from their standardized behaviour features. Used to tell apart
 * sharers of a value that act as one operation (a farm: same scripts, same schedule, same
 * parameters) from sharers that merely sit behind the same network (a campus NAT: people with their
 * own habits).
 */
public final class BehaviourSimilarity {
    private final double[][] unit;

    public BehaviourSimilarity(double[][] standardized) {
        unit = new double[standardized.length][];
        for (int i = 0; i < standardized.length; i++) {
            double[] row = standardized[i];
            double norm = 0;
            for (double v : row) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            unit[i] = new double[row.length];
            for (int j = 0; j < row.length; j++) {
                unit[i][j] = norm > 0 ? row[j] / norm : 0;
            }
        }
    }

    /** Cosine similarity of the two accounts' standardized features, in [-1,1]. */
    public double cosine(int a, int b) {
        double dot = 0;
        double[] x = unit[a];
        double[] y = unit[b];
        for (int j = 0; j < x.length; j++) {
            dot += x[j] * y[j];
        }
        return dot;
    }

    /**
     * The factor by which a shared value's weight is kept: 1 for accounts that behave alike, down
     * to 0.2 for accounts that look independent (a shared value still counts for something).
     */
    public double dependence(int a, int b) {
        return 0.2 + 0.8 * Math.max(0, cosine(a, b));
    }
}
