package dev.quarry.ui.accounts;

import dev.quarry.analysis.RunReader;
import dev.quarry.store.CaseWork;
import dev.quarry.ui.session.CaseSession;
import dev.quarry.ui.session.CaseState;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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

    private record Loaded(RunReader.AccountDetail detail, List<CountLine> counts, List<String> prompts,
                          List<RunReader.EventLine> events, List<CaseWork.Note> notes, CaseWork.Verdict verdict) {
    }

    /** The event columns counted on the page, with the name the page shows them by. */
    private static final Map<String, String> COUNTED = Map.of("ip", "IP", "user_agent", "user agent", "model", "model",
            "temperature", "temperature", "max_tokens", "max tokens", "status", "status");
    /** How many of the account's first events the sample prompts are taken from. */
    private static final int PROMPT_SAMPLE_EVENTS = 200;

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
    private final ReadOnlyBooleanWrapper typicalRead = new ReadOnlyBooleanWrapper(false);
    private RunReader.AccountDetail detail;
    /** The case's medians for the run {@link #typicalFor} names; read once per run, as they take a pass over every account. */
    private Map<String, Double> typical;
    private String typicalFor;
    private boolean readingTypical;
    /** Counts the reads asked for, so that a read overtaken by a later one (another account, another page) is dropped. */
    private long request;

    public AccountPageViewModel(CaseSession session) {
        this.session = session;
        session.focusedAccountProperty().addListener((o, old, account) -> load(account, 0));
        session.shownRunProperty().addListener((o, old, run) -> load(session.focusedAccountProperty().get(), 0));
        session.caseWorkRevisionProperty().addListener((o, old, revision) -> load(session.focusedAccountProperty().get(), page.get()));
        load(session.focusedAccountProperty().get(), 0);
    }

    private void load(String accountId, int pageNumber) {
        long asked = ++request;
        if (accountId == null || session.state() == null || session.shownRunProperty().get() == null) {
            heading.set(accountId == null ? "No account chosen: double-click one in Accounts, or search for it." : accountId);
            summary.set("");
            detail = null;
            features.clear();
            reasons.clear();
            counts.clear();
            prompts.clear();
            events.clear();
            notes.clear();
            return;
        }
        long runId = session.shownRunProperty().get();
        session.withCase("Reading account " + accountId, (caseFile, progress) -> {
            RunReader reader = new RunReader(caseFile);
            List<CountLine> lines = new ArrayList<>();
            reader.valueCounts(accountId, List.copyOf(COUNTED.keySet()), 8).forEach((column, values) ->
                    values.forEach((value, n) -> lines.add(new CountLine(COUNTED.get(column), value, n))));
            lines.sort((a, b) -> a.kind().equals(b.kind()) ? Long.compare(b.requests(), a.requests()) : a.kind().compareTo(b.kind()));
            List<RunReader.EventLine> first = reader.events(accountId, 0, PROMPT_SAMPLE_EVENTS);
            List<String> samples = first.stream().map(RunReader.EventLine::promptText)
                    .filter(t -> t != null && !t.isBlank()).distinct().limit(8).toList();
            List<RunReader.EventLine> shown = pageNumber == 0 ? first.subList(0, Math.min(PAGE, first.size()))
                    : reader.events(accountId, pageNumber * PAGE, PAGE);
            CaseWork work = new CaseWork(caseFile);
            return new Loaded(reader.account(runId, accountId), lines, samples, List.copyOf(shown),
                    work.notes(CaseWork.Subject.account(accountId)), work.accountVerdict(accountId).orElse(null));
        }, loaded -> {
            if (asked == request) {
                show(accountId, pageNumber, loaded);
                readTypical(runId);
            }
        });
    }

    /** Reads the case's medians once per run, after the page is shown, and puts them beside the account's features. */
    private void readTypical(long runId) {
        if (session.state() == null) {
            return;
        }
        String key = session.state().path() + "#" + runId;
        if (key.equals(typicalFor)) {
            showFeatures();
            return;
        }
        if (readingTypical) {
            return;
        }
        readingTypical = true;
        session.withCase("Reading the case's typical values", (caseFile, progress) -> new RunReader(caseFile).typicalFeatures(runId),
                medians -> {
                    readingTypical = false;
                    typical = medians;
                    typicalFor = key;
                    CaseState state = session.state();
                    if (state != null && key.equals(state.path() + "#" + session.shownRunProperty().get())) {
                        showFeatures();
                    } else {
                        readTypical(session.shownRunProperty().get());
                    }
                });
    }

    private void show(String accountId, int pageNumber, Loaded loaded) {
        page.set(pageNumber);
        detail = loaded.detail();
        heading.set("Account " + accountId);
        summary.set(String.format(Locale.ROOT, "risk %.3f%s%s · verdict: %s", detail.riskScore(),
                detail.flagged() ? " · flagged" : "", detail.campaignId() == null ? "" : " · campaign " + detail.campaignId(),
                loaded.verdict() == null ? "none" : loaded.verdict().decision().word()
                        + (loaded.verdict().comment() == null ? "" : " (" + loaded.verdict().comment() + ")")));
        showFeatures();
        reasons.setAll(detail.reasons());
        counts.setAll(loaded.counts());
        prompts.setAll(loaded.prompts());
        events.setAll(loaded.events());
        notes.setAll(loaded.notes().stream().map(n -> n.createdAt() + "  " + n.author() + ": " + n.text()).toList());
    }

    /** The account's features, each beside the case's median once that is read (NaN until then). */
    private void showFeatures() {
        if (detail == null) {
            return;
        }
        CaseState state = session.state();
        boolean current = state != null && (state.path() + "#" + session.shownRunProperty().get()).equals(typicalFor);
        typicalRead.set(current);
        Map<String, FeatureLine> lines = new LinkedHashMap<>();
        detail.features().forEach((name, value) -> lines.put(name, new FeatureLine(name,
                value == null ? Double.NaN : value, current ? typical.getOrDefault(name, Double.NaN) : Double.NaN)));
        features.setAll(lines.values());
    }

    /** Reads one page of the account's events, and nothing else. */
    private void loadPage(int pageNumber) {
        String accountId = session.focusedAccountProperty().get();
        if (accountId == null || session.state() == null) {
            return;
        }
        long asked = ++request;
        session.withCase("Reading events of " + accountId, (caseFile, progress) ->
                new RunReader(caseFile).events(accountId, pageNumber * PAGE, PAGE), page -> {
                    if (asked == request) {
                        this.page.set(pageNumber);
                        events.setAll(page);
                    }
                });
    }

    public void nextPage() {
        if (events.size() == PAGE) {
            loadPage(page.get() + 1);
        }
    }

    public void previousPage() {
        if (page.get() > 0) {
            loadPage(page.get() - 1);
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

    /** False while the case's medians for the run shown are still being read (the features show without them). */
    public ReadOnlyBooleanProperty typicalReadProperty() {
        return typicalRead.getReadOnlyProperty();
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
