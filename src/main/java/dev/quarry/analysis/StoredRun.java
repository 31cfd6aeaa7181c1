package dev.quarry.analysis;

/**
 * A run read back from the case. {@code optionsJson} is the parameters exactly as stored, so a run
 * made by an older Quarry (whose options had fewer or other fields) still shows what it used.
 */
public record StoredRun(RunSummary summary, String optionsJson, AnalysisResult result) {

    public long runId() {
        return summary.runId();
    }
}
