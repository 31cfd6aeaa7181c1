package dev.quarry.analysis;

import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import dev.quarry.store.StoreException;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The one analyse-and-store step that the command line and the workbench share: run the pipeline,
 * store the run, and store with it the digest the workbench opens on (schema V3).
 */
public final class CaseAnalysis {

    private CaseAnalysis() {
    }

    public record Outcome(long runId, AnalysisResult result, Instant startedAt, Instant finishedAt) {
    }

    public static Outcome analyzeAndStore(CaseFile caseFile, AnalysisOptions options, ProgressListener progress)
            throws StoreException, AnalysisException {
        Instant started = Instant.now();
        AnalysisResult result = Analyzer.analyze(caseFile, options, progress);
        Map<String, Integer> campaignOf = new HashMap<>();
        for (AccountVerdict account : result.accounts()) {
            if (account.campaignId() != null) {
                campaignOf.put(account.accountId(), account.campaignId());
            }
        }
        RunDigest digest = RunDigest.compute(caseFile, campaignOf, progress);
        Instant finished = Instant.now();
        long runId = new RunStore(caseFile).save(result, started, finished, progress);
        digest.save(caseFile, runId);
        return new Outcome(runId, result, started, finished);
    }
}
