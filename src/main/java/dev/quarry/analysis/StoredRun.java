package dev.quarry.analysis;

import dev.quarry.analysis.rules.DetectionRules;

/**
 * A run read back from the case. {@code optionsJson} and {@code rulesJson} are the parameters and the
 * detection rules exactly as stored, so a run made by an older Quarry (whose options or rules had
 * fewer or other fields) still shows what it used; {@code rulesJson} is null for a run made before
 * rules were recorded.
 */
public record StoredRun(RunSummary summary, String optionsJson, String rulesJson, AnalysisResult result) {

    /** Whether the run recorded the rules it judged by (runs made before schema 6 did not). */
    public boolean rulesRecorded() {
        return rulesJson != null;
    }

    public long runId() {
        return summary.runId();
    }
}
