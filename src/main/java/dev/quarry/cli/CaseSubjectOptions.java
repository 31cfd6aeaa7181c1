package dev.quarry.cli;

import dev.quarry.analysis.RunStore;
import dev.quarry.analysis.RunSummary;
import dev.quarry.store.CaseFile;
import dev.quarry.store.CaseWork.Subject;
import dev.quarry.store.StoreException;

/** Finds the run a campaign subject belongs to: the one named with --run, else the latest. */
final class CaseSubjectOptions {

    private CaseSubjectOptions() {
    }

    static long runOrLatest(CaseFile caseFile, Long run) throws StoreException {
        RunStore runs = new RunStore(caseFile);
        if (run != null) {
            return runs.summary(run).map(RunSummary::runId).orElseThrow(() -> new IllegalArgumentException(
                    "case " + caseFile.path() + " has no analysis run " + run + "; `quarry runs " + caseFile.path()
                            + "` lists them"));
        }
        return runs.latest().map(RunSummary::runId).orElseThrow(() -> new IllegalArgumentException(
                "case " + caseFile.path() + " has no analysis run yet; run `quarry analyze " + caseFile.path() + "` first"));
    }

    static Subject campaign(CaseFile caseFile, int campaignId, Long run) throws StoreException {
        return Subject.campaign(runOrLatest(caseFile, run), campaignId);
    }

    /** One line of a listing; untrusted text (comments, notes) is printed on its own, after the fixed fields. */
    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}+", " ");
    }
}
