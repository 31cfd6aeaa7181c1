package dev.quarry.ui.session;

import dev.quarry.analysis.Campaign;
import dev.quarry.analysis.RunDigest;
import dev.quarry.analysis.RunReader;
import dev.quarry.analysis.RunStore;
import dev.quarry.analysis.RunSummary;
import dev.quarry.analysis.SignalStatus;
import dev.quarry.store.CaseFile;
import dev.quarry.store.CaseWork;
import dev.quarry.store.StoreException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the screens show of the open case for the run shown, read in one go off the FX thread from
 * the run's stored tables (never from a scan of the events). {@code run} is empty before any analysis;
 * {@code digest} is empty for a run made before schema 3.
 */
public record CaseState(Path path, List<RunSummary> runs, Optional<RunSummary> run, Optional<RunDigest> digest,
                        List<Campaign> campaigns, List<SignalStatus> signals, List<AccountRow> accounts,
                        Map<Integer, CaseWork.Verdict> campaignVerdicts, List<String> tagNames) {

    public static CaseState read(CaseFile caseFile, Long runId) throws StoreException {
        RunStore store = new RunStore(caseFile);
        List<RunSummary> runs = store.list();
        Optional<RunSummary> run = runId == null ? (runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1)))
                : runs.stream().filter(r -> r.runId() == runId).findFirst();
        CaseWork work = new CaseWork(caseFile);
        Map<String, CaseWork.Verdict> verdicts = work.accountVerdicts();
        Map<String, List<String>> tags = work.accountTags();
        if (run.isEmpty()) {
            return new CaseState(caseFile.path(), runs, run, Optional.empty(), List.of(), List.of(), List.of(), Map.of(),
                    work.tagNames());
        }
        long id = run.get().runId();
        RunReader reader = new RunReader(caseFile);
        Optional<RunDigest> digest = RunDigest.load(caseFile, id);
        Map<String, RunDigest.AccountActivity> activity = digest.map(RunDigest::activity).orElse(Map.of());
        List<AccountRow> rows = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        for (RunReader.AccountScore score : reader.scores(id)) {
            seen.put(score.accountId(), true);
            rows.add(row(score.accountId(), score.riskScore(), score.flagged(), score.campaignId(),
                    activity.get(score.accountId()), verdicts, tags));
        }
        for (RunDigest.AccountActivity unscored : activity.values()) {
            if (!seen.containsKey(unscored.accountId())) {
                rows.add(row(unscored.accountId(), Double.NaN, false, null, unscored, verdicts, tags));
            }
        }
        rows.sort(Comparator.comparingDouble((AccountRow r) -> Double.isNaN(r.riskScore()) ? -1 : r.riskScore()).reversed()
                .thenComparing(AccountRow::accountId));
        return new CaseState(caseFile.path(), runs, run, digest, reader.campaigns(id), reader.signals(id), List.copyOf(rows),
                work.campaignVerdicts(id), work.tagNames());
    }

    private static AccountRow row(String accountId, double risk, boolean flagged, Integer campaign,
                                  RunDigest.AccountActivity activity, Map<String, CaseWork.Verdict> verdicts,
                                  Map<String, List<String>> tags) {
        CaseWork.Verdict verdict = verdicts.get(accountId);
        return new AccountRow(accountId, risk, flagged, campaign, activity == null ? 0 : activity.events(),
                activity == null ? null : activity.firstTs(), activity == null ? null : activity.lastTs(),
                activity == null ? List.of() : activity.countries(), activity == null ? null : activity.mainModel(),
                verdict == null ? null : verdict.decision(), tags.getOrDefault(accountId, List.of()));
    }

    public Optional<Campaign> campaign(Integer campaignId) {
        return campaignId == null ? Optional.empty()
                : campaigns.stream().filter(c -> c.campaignId() == campaignId).findFirst();
    }

    public Optional<AccountRow> account(String accountId) {
        return accounts.stream().filter(a -> a.accountId().equals(accountId)).findFirst();
    }
}
