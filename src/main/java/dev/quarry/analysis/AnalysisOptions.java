package dev.quarry.analysis;

/**
 * The parameters of one analysis run. Stored with the run (as JSON) so it can be reproduced; each
 * field has a default in {@link #defaults(long)} and a check in the constructor.
 *
 * @param seed               seeds every random choice (isolation trees, k-means, hashing, sampling)
 * @param syncWindowMinutes  width of the time windows in which co-activity is counted
 * @param minCampaignSize    smallest group reported as a campaign; smaller groups stay leads
 * @param flagThreshold      risk at or above which an account is flagged; 0.5 reads as "the evidence
 *                           for coordination outweighs the evidence against"
 * @param minHashSize        hash functions per MinHash signature (LSH bands x rows)
 * @param lshBands           bands of the LSH index over activity windows
 * @param isolationTrees     trees of the isolation forest
 * @param behaviourClusters  k of the k-means clustering of behaviour features (capped by accounts / 20)
 */
public record AnalysisOptions(long seed, int syncWindowMinutes, int minCampaignSize, double flagThreshold,
                              int minHashSize, int lshBands, int isolationTrees, int behaviourClusters) {

    public AnalysisOptions {
        require(syncWindowMinutes >= 1 && syncWindowMinutes <= 1440, "syncWindowMinutes must be 1..1440");
        require(minCampaignSize >= 2, "minCampaignSize must be at least 2");
        require(flagThreshold > 0 && flagThreshold < 1, "flagThreshold must be in (0,1)");
        require(minHashSize >= 8 && minHashSize <= 1024, "minHashSize must be 8..1024");
        require(lshBands >= 1 && minHashSize % lshBands == 0, "lshBands must divide minHashSize");
        require(isolationTrees >= 10 && isolationTrees <= 2000, "isolationTrees must be 10..2000");
        require(behaviourClusters >= 1 && behaviourClusters <= 100, "behaviourClusters must be 1..100");
    }

    public static AnalysisOptions defaults(long seed) {
        return new AnalysisOptions(seed, 5, 5, 0.5, 64, 32, 100, 8);
    }

    public AnalysisOptions withSeed(long newSeed) {
        return new AnalysisOptions(newSeed, syncWindowMinutes, minCampaignSize, flagThreshold, minHashSize, lshBands,
                isolationTrees, behaviourClusters);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("invalid analysis option: " + message);
        }
    }
}
