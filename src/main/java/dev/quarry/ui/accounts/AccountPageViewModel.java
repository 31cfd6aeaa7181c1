package dev.quarry.ui.accounts;

import dev.quarry.analysis.RunReader;
import dev.quarry.store.CaseWork;
import dev.quarry.ui.session.CaseSession;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One account's page: its features against the case's typical values, its reasons, IPs, user agents,
 * request parameters, sample prompts, case work, and its events a page at a time (never all at once).
 */
public final class AccountPageViewModel {

    public static final int PAGE = 100;

    /** A feature of the account beside the case's median. */
    public record FeatureLine(String feature, double value, double typical) {
    }

    /** A counted value (an IP, a user agent, a parameter) with how many of the account's requests carry it. */
    public record CountLine(String kind, String value, long requests) {
    }

    private record Loaded(RunReader.AccountDetail detail, Map<String, Double> typical, List<CountLine> counts,
                          List<String> prompts, List<RunReader.EventLine> events, List<CaseWork.Note> notes,
                          CaseWork.Verdict verdict) {
    }

    private final CaseSession session;
    private final StringProperty heading = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final IntegerProperty page = new SimpleIntegerProperty(0);
    private final ObservableList<FeatureLine> features = FXCollections.observableArrayList();
    private final ObservableList<String> reasons = FXCollections.observableArrayList();
    private final ObservableList<CountLine> counts = FXCollections.observableArrayList();
    private final ObservableList<String> prompts = FXCollections.observableArrayList();
    private final ObservableList<RunReader.EventLine> events = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private Map<String, Double> typical;
    private Long typicalRun;

    public AccountPageViewModel(CaseSession session) {
        this.session = session;
        session.focusedAccountProperty().addListener((o, old, account) -> load(account, 0));
        session.shownRunProperty().addListener((o, old, run) -> load(session.focusedAccountProperty().get(), 0));
        session.caseWorkRevisionProperty().addListener((o, old, revision) -> load(session.focusedAccountProperty().get(), page.get()));
        load(session.focusedAccountProperty().get(), 0);
    }

    private void load(String accountId, int pageNumber) {
        if (accountId == null || session.state() == null || session.shownRunProperty().get() == null) {
            heading.set(accountId == null ? "No account chosen: double-click one in Accounts, or search for it." : accountId);
            summary.set("");
            features.clear();
            reasons.clear();
            counts.clear();
            prompts.clear();
            events.clear();
            notes.clear();
            return;
        }
        long runId = session.shownRunProperty().get();
        Map<String, Double> cached = runId == (typicalRun == null ? -1 : typicalRun) ? typical : null;
        session.withCase("Reading account " + accountId, (caseFile, progress) -> {
            RunReader reader = new RunReader(caseFile);
            Map<String, Double> medians = cached != null ? cached : reader.typicalFeatures(runId);
            List<CountLine> lines = new ArrayList<>();
            for (Map.Entry<String, String> column : Map.of("IP", "ip", "user agent", "user_agent", "model", "model",
                    "temperature", "temperature", "max tokens", "max_tokens", "status", "status").entrySet()) {
                reader.valueCounts(accountId, column.getValue(), 8)
                        .forEach((value, n) -> lines.add(new CountLine(column.getKey(), value, n)));
            }
            lines.sort((a, b) -> a.kind().equals(b.kind()) ? Long.compare(b.requests(), a.requests()) : a.kind().compareTo(b.kind()));
            List<RunReader.EventLine> first = reader.events(accountId, 0, 200);
            List<String> samples = first.stream().map(RunReader.EventLine::promptText)
                    .filter(t -> t != null && !t.isBlank()).distinct().limit(8).toList();
            CaseWork work = new CaseWork(caseFile);
            return new Loaded(reader.account(runId, accountId), medians, lines, samples,
                    reader.events(accountId, pageNumber * PAGE, PAGE), work.notes(CaseWork.Subject.account(accountId)),
                    work.accountVerdict(accountId).orElse(null));
        }, loaded -> show(runId, accountId, pageNumber, loaded));
    }

    private void show(long runId, String accountId, int pageNumber, Loaded loaded) {
        typical = loaded.typical();
        typicalRun = runId;
        page.set(pageNumber);
        RunReader.AccountDetail detail = loaded.detail();
        heading.set("Account " + accountId);
        summary.set(String.format(Locale.ROOT, "risk %.3f%s%s · verdict: %s", detail.riskScore(),
                detail.flagged() ? " · flagged" : "", detail.campaignId() == null ? "" : " · campaign " + detail.campaignId(),
                loaded.verdict() == null ? "none" : loaded.verdict().decision().word()
                        + (loaded.verdict().comment() == null ? "" : " (" + loaded.verdict().comment() + ")")));
        Map<String, FeatureLine> lines = new LinkedHashMap<>();
        detail.features().forEach((name, value) -> lines.put(name, new FeatureLine(name,
                value == null ? Double.NaN : value, loaded.typical().getOrDefault(name, Double.NaN))));
        features.setAll(lines.values());
        reasons.setAll(detail.reasons());
        counts.setAll(loaded.counts());
        prompts.setAll(loaded.prompts());
        events.setAll(loaded.events());
        notes.setAll(loaded.notes().stream().map(n -> n.createdAt() + "  " + n.author() + ": " + n.text()).toList());
    }

    public void nextPage() {
        if (events.size() == PAGE) {
            load(session.focusedAccountProperty().get(), page.get() + 1);
        }
    }

    public void previousPage() {
        if (page.get() > 0) {
            load(session.focusedAccountProperty().get(), page.get() - 1);
        }
    }

    /** Records the analyst's verdict on this account (audit-logged). */
    public void recordVerdict(CaseWork.Decision decision, String comment) {
        String account = session.focusedAccountProperty().get();
        if (account == null || decision == null) {
            return;
        }
        session.withCase("Recording verdict on " + account, (caseFile, progress) ->
                new CaseWork(caseFile).recordVerdict(CaseWork.Subject.account(account), decision, comment),
                verdict -> session.caseWorkChanged());
    }

    public void addNote(String text) {
        String account = session.focusedAccountProperty().get();
        if (account == null || text == null || text.isBlank()) {
            return;
        }
        session.withCase("Adding a note to " + account, (caseFile, progress) ->
                new CaseWork(caseFile).addNote(CaseWork.Subject.account(account), text), note -> session.caseWorkChanged());
    }

    public StringProperty headingProperty() {
        return heading;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public IntegerProperty pageProperty() {
        return page;
    }

    public ObservableList<FeatureLine> features() {
        return features;
    }

    public ObservableList<String> reasons() {
        return reasons;
    }

    public ObservableList<CountLine> counts() {
        return counts;
    }

    public ObservableList<String> prompts() {
        return prompts;
    }

    public ObservableList<RunReader.EventLine> events() {
        return events;
    }

    public ObservableList<String> notes() {
        return notes;
    }
}
