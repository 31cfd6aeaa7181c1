package dev.quarry.analysis;

/**
 * The parameters of one analysis run. Stored with the run (as JSON) so it can be reproduced; the
 * engine may add fields, each with a default in {@link #defaults(long)} and a check in the constructor.
 */
public record AnalysisOptions(long seed) {

    public static AnalysisOptions defaults(long seed) {
        return new AnalysisOptions(seed);
    }
}
