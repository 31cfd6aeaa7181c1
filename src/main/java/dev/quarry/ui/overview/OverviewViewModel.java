package dev.quarry.ui.overview;

import dev.quarry.analysis.Campaign;
import dev.quarry.analysis.RunDigest;
import dev.quarry.analysis.SignalStatus;
import dev.quarry.store.CaseWork;
import dev.quarry.ui.session.AccountRow;
import dev.quarry.ui.session.CaseSession;
import dev.quarry.ui.session.CaseState;
import dev.quarry.ui.session.Screens;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The overview of the shown run: totals, time range, risk histogram, campaigns ranked, signals not computed. */
public final class OverviewViewModel {

    public static final int HISTOGRAM_BINS = 10;
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** A campaign as the overview ranks it; {@code daily} is requests per day over the case's days. */
    public record CampaignLine(int campaignId, String label, double score, int size, long events, Long firstTs,
                               Long lastTs, long[] daily, String verdict) {
    }

    private final CaseSession session;
    private final ReadOnlyStringWrapper totals = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper timeRange = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper emptyState = new ReadOnlyStringWrapper("");
    private final ObservableList<CampaignLine> campaigns = FXCollections.observableArrayList();
    private final ObservableList<SignalStatus> missingSignals = FXCollections.observableArrayList();
    private final ObservableList<Integer> histogram = FXCollections.observableArrayList();

    public OverviewViewModel(CaseSession session) {
        this.session = session;
        session.stateProperty().addListener((observable, old, state) -> show(state));
        show(session.state());
    }

    private void show(CaseState state) {
        campaigns.clear();
        missingSignals.clear();
        histogram.setAll(new Integer[HISTOGRAM_BINS]);
        histogram.replaceAll(v -> 0);
        if (state == null) {
            totals.set("No case open.");
            timeRange.set("");
            emptyState.set("Open a case, or create one from extract files.");
            return;
        }
        if (state.run().isEmpty()) {
            totals.set(state.path().getFileName() + " has not been analysed yet.");
            timeRange.set("");
            emptyState.set("Run Analysis ▸ Analyse case (Ctrl+R) to score the accounts and find campaigns.");
            return;
        }
        var run = state.run().get();
        long flagged = run.flagged();
        int[] bins = new int[HISTOGRAM_BINS];
        Map<Integer, long[]> volume = new HashMap<>();
        for (AccountRow account : state.accounts()) {
            if (account.scored()) {
                bins[Math.min(HISTOGRAM_BINS - 1, (int) (account.riskScore() * HISTOGRAM_BINS))]++;
            }
            if (account.campaignId() != null) {
                long[] v = volume.computeIfAbsent(account.campaignId(), k -> new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE});
                v[0] += account.events();
                if (account.firstTs() != null) {
                    v[1] = Math.min(v[1], account.firstTs());
                    v[2] = Math.max(v[2], account.lastTs());
                }
            }
        }
        for (int i = 0; i < bins.length; i++) {
            histogram.set(i, bins[i]);
        }
        if (state.digest().isPresent()) {
            RunDigest digest = state.digest().get();
            // The run scores every known account, also those that made no request in the extract; say so
            // rather than print two account counts that seem to disagree.
            String accounts = digest.accounts() == run.accounts()
                    ? String.format(Locale.ROOT, "%,d accounts", run.accounts())
                    : String.format(Locale.ROOT, "%,d accounts, %,d with requests", run.accounts(), digest.accounts());
            totals.set(String.format(Locale.ROOT, "%,d events · %s · run %d (seed %d): %,d flagged in %d campaign(s)",
                    digest.events(), accounts, run.runId(), run.seed(), flagged, run.campaigns()));
            timeRange.set(digest.firstTs() == null ? "No events."
                    : "From " + DAY.format(Instant.ofEpochMilli(digest.firstTs())) + " to "
                    + DAY.format(Instant.ofEpochMilli(digest.lastTs())) + " UTC");
        } else {
            totals.set(String.format(Locale.ROOT, "Run %d (seed %d): %,d of %,d accounts flagged in %d campaign(s)",
                    run.runId(), run.seed(), flagged, run.accounts(), run.campaigns()));
            timeRange.set("This run was made by an older Quarry and has no activity summary: analyse again for volumes and traffic.");
        }
        long firstDay = state.digest().flatMap(d -> java.util.Optional.ofNullable(d.firstTs())).map(t -> Math.floorDiv(t, 86_400_000L)).orElse(0L);
        long lastDay = state.digest().flatMap(d -> java.util.Optional.ofNullable(d.lastTs())).map(t -> Math.floorDiv(t, 86_400_000L)).orElse(-1L);
        for (Campaign campaign : state.campaigns()) {
            long[] v = volume.getOrDefault(campaign.campaignId(), new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE});
            long[] daily = new long[(int) Math.max(0, lastDay - firstDay + 1)];
            Map<Long, Long> days = state.digest().map(d -> d.campaignDays().getOrDefault(campaign.campaignId(), Map.of())).orElse(Map.of());
            days.forEach((day, n) -> {
                int index = (int) (day - firstDay);
                if (index >= 0 && index < daily.length) {
                    daily[index] = n;
                }
            });
            CaseWork.Verdict verdict = state.campaignVerdicts().get(campaign.campaignId());
            campaigns.add(new CampaignLine(campaign.campaignId(), campaign.label(), campaign.score(), campaign.size(), v[0],
                    v[1] == Long.MAX_VALUE ? null : v[1], v[2] == Long.MIN_VALUE ? null : v[2], daily,
                    verdict == null ? "" : verdict.display()));
        }
        state.signals().stream().filter(s -> !s.computed()).forEach(missingSignals::add);
        if (state.campaigns().isEmpty()) {
            String checked = state.signals().stream().filter(SignalStatus::computed).map(SignalStatus::signal)
                    .collect(Collectors.joining(", "));
            emptyState.set("No campaigns in run " + run.runId() + ". Checked: " + (checked.isEmpty() ? "no signal could be computed" : checked)
                    + (missingSignals.isEmpty() ? "." : "; not computed: "
                    + missingSignals.stream().map(SignalStatus::signal).collect(Collectors.joining(", ")) + " (see below)."));
        } else {
            emptyState.set("");
        }
    }

    /** Opens the campaign's page. */
    public void openCampaign(int campaignId) {
        session.selectedCampaignProperty().set(campaignId);
        session.screenProperty().set(Screens.CAMPAIGN);
    }

    public ReadOnlyStringProperty totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty timeRangeProperty() {
        return timeRange.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emptyStateProperty() {
        return emptyState.getReadOnlyProperty();
    }

    public ObservableList<CampaignLine> campaigns() {
        return campaigns;
    }

    public ObservableList<SignalStatus> missingSignals() {
        return missingSignals;
    }

    /** Accounts per risk-score tenth, lowest first. */
    public List<Integer> histogram() {
        return histogram;
    }

    static String day(Long ts) {
        return ts == null ? "" : DAY.format(Instant.ofEpochMilli(ts));
    }
}
