package dev.quarry.ui.workbench;

import dev.quarry.analysis.AccountVerdict;
import dev.quarry.analysis.RunStore;
import dev.quarry.analysis.StoredRun;
import dev.quarry.store.CaseFile;
import dev.quarry.store.CaseOverview;
import dev.quarry.store.StoreException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the workbench shows of a case, read in one go off the FX thread. */
record CaseSnapshot(CaseOverview overview, Optional<StoredRun> latestRun, List<AccountRow> accounts) {

    static CaseSnapshot read(CaseFile caseFile) throws StoreException {
        CaseOverview overview = CaseOverview.load(caseFile);
        RunStore runs = new RunStore(caseFile);
        Optional<StoredRun> latest = runs.latest().isPresent()
                ? Optional.of(runs.load(runs.latest().get().runId())) : Optional.empty();
        Map<String, AccountVerdict> verdicts = new HashMap<>();
        latest.ifPresent(run -> run.result().accounts().forEach(v -> verdicts.put(v.accountId(), v)));
        List<AccountRow> rows = new ArrayList<>(overview.activity().size());
        for (CaseOverview.AccountActivity activity : overview.activity()) {
            AccountVerdict verdict = verdicts.get(activity.accountId());
            rows.add(verdict == null
                    ? new AccountRow(activity.accountId(), activity.events(), activity.firstTs(), activity.lastTs(),
                    null, false, null, List.of())
                    : new AccountRow(activity.accountId(), activity.events(), activity.firstTs(), activity.lastTs(),
                    verdict.riskScore(), verdict.flagged(), verdict.campaignId(), verdict.reasons()));
        }
        if (latest.isPresent()) {
            rows.sort((a, b) -> Double.compare(b.riskScore() == null ? -1 : b.riskScore(), a.riskScore() == null ? -1 : a.riskScore()));
        }
        return new CaseSnapshot(overview, latest, List.copyOf(rows));
    }
}
