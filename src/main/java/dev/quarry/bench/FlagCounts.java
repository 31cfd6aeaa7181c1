package dev.quarry.bench;

/** The confusion counts of a set of flags against the truth; a campaign member is a positive. */
public record FlagCounts(long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {

    public static final FlagCounts ZERO = new FlagCounts(0, 0, 0, 0);

    /** NaN when nothing was flagged. */
    public double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    /** NaN when the data has no campaign member. */
    public double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    /** Share of legitimate accounts flagged; NaN when there are none. */
    public double falsePositiveRate() {
        return ratio(falsePositives, falsePositives + trueNegatives);
    }

    public long legitimate() {
        return falsePositives + trueNegatives;
    }

    public FlagCounts plus(FlagCounts other) {
        return new FlagCounts(truePositives + other.truePositives, falsePositives + other.falsePositives,
                falseNegatives + other.falseNegatives, trueNegatives + other.trueNegatives);
    }

    FlagCounts add(boolean positive, boolean flagged) {
        return new FlagCounts(truePositives + (positive && flagged ? 1 : 0), falsePositives + (!positive && flagged ? 1 : 0),
                falseNegatives + (positive && !flagged ? 1 : 0), trueNegatives + (!positive && !flagged ? 1 : 0));
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }
}
