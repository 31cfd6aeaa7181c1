package dev.quarry.ui.campaign;

import dev.quarry.analysis.Campaign;
import dev.quarry.analysis.RunReader;
import dev.quarry.store.CaseWork;
import dev.quarry.ui.session.AccountRow;
import dev.quarry.ui.session.CaseSession;
import dev.quarry.ui.session.CaseState;
import dev.quarry.ui.session.Screens;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A campaign's page: its members with their reasons, its evidence, and the analyst's verdict (with
 * where a carried one came from), notes and tags. The campaign shown is the session's selected one.
 */
public final class CampaignViewModel {

    /** When the analyst recorded something, to the minute, as the rest of the workbench shows times. */
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final CaseSession session;
    private final StringProperty heading = new SimpleStringProperty("");
    private final StringProperty verdict = new SimpleStringProperty("");
    private final ObservableList<String> evidence = FXCollections.observableArrayList();
    private final ObservableList<AccountRow> members = FXCollections.observableArrayList();
    // set once per campaign shown: an observable map would notify (and the page redraw) once per member
    private final ReadOnlyObjectWrapper<Map<String, List<String>>> memberReasons = new ReadOnlyObjectWrapper<>(Map.of());
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final ObservableList<Campaign> campaigns = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Campaign> shown = new ReadOnlyObjectWrapper<>();
    // the campaign whose members' reasons and notes were read: a new state of the same case and run (a verdict, a tag) leaves both as they were
    private ReadFor readFor;

    private record ReadFor(Path casePath, long runId, int campaignId) {
    }

    public CampaignViewModel(CaseSession session) {
        this.session = session;
        session.selectedCampaignProperty().addListener((o, old, id) -> show());
        session.stateProperty().addListener((o, old, state) -> show());
        session.accountsInTimeRangeProperty().addListener((o, old, active) -> show());
        // A note alone leaves the case's state equal to what it was, so the state listener does not fire for it.
        session.caseWorkRevisionProperty().addListener((o, old, revision) -> loadNotes());
        show();
    }

    private void show() {
        CaseState state = session.state();
        campaigns.setAll(state == null ? List.of() : state.campaigns());
        Integer id = session.selectedCampaignProperty().get();
        Campaign campaign = state == null ? null : state.campaign(id).orElse(null);
        shown.set(campaign);
        if (campaign == null) {
            heading.set(state == null || state.campaigns().isEmpty() ? "No campaigns in the run shown." : "Choose a campaign.");
            verdict.set("");
            evidence.clear();
            members.clear();
            memberReasons.set(Map.of());
            notes.clear();
            readFor = null;
            return;
        }
        long runId = state.run().orElseThrow().runId();
        heading.set(String.format(Locale.ROOT, "Campaign %d of run %d · %d accounts · strength %.3f", campaign.campaignId(),
                runId, campaign.size(), campaign.score()));
        CaseWork.Verdict current = state.campaignVerdicts().get(campaign.campaignId());
        verdict.set(current == null ? "No verdict yet."
                : "Verdict: " + current.display() + " — by " + current.author() + " at " + WHEN.format(current.decidedAt())
                + (current.comment() == null ? "" : ": " + current.comment())
                + (current.carried() ? String.format(Locale.ROOT, " (recorded on campaign %d of run %d, %.0f%% same members)",
                current.carriedFrom().campaignId(), current.carriedFrom().runId(), 100 * current.carriedFrom().overlap()) : ""));
        evidence.setAll(campaign.label());
        evidence.add("Signals: " + String.join(", ", campaign.signalNames()));
        evidence.addAll(campaign.reasons());
        members.setAll(state.accounts().stream().filter(a -> a.campaignId() != null && a.campaignId() == campaign.campaignId()).toList());
        Set<String> active = session.accountsInTimeRangeProperty().get();
        if (active != null) {
            heading.set(heading.get() + String.format(Locale.ROOT, " · %,d active in the chosen time range",
                    members.stream().filter(m -> active.contains(m.accountId())).count()));
        }
        int campaignId = campaign.campaignId();
        ReadFor now = new ReadFor(state.path(), runId, campaignId);
        if (!now.equals(readFor)) {
            readFor = now;
            memberReasons.set(Map.of());
            session.withCase("Reading the reasons of campaign " + campaignId + "'s members", (caseFile, progress) ->
                    new RunReader(caseFile).memberReasons(runId, campaignId), memberReasons::set);
            loadNotes();
        }
    }

    private void loadNotes() {
        CaseState state = session.state();
        Campaign campaign = shown.get();
        if (state == null || campaign == null || state.run().isEmpty()) {
            return;
        }
        long runId = state.run().get().runId();
        int campaignId = campaign.campaignId();
        session.withCase("Reading notes of campaign " + campaignId, (caseFile, progress) ->
                new CaseWork(caseFile).campaignNotes(runId, campaignId), list ->
                notes.setAll(list.stream().map(n -> WHEN.format(n.createdAt()) + "  " + n.author()
                        + (n.subject().runId() == runId ? "" : " (on run " + n.subject().runId() + ")") + ": " + n.text()).toList()));
    }

    public void choose(Integer campaignId) {
        session.selectedCampaignProperty().set(campaignId);
    }

    private CaseWork.Subject subject() {
        CaseState state = session.state();
        Integer id = session.selectedCampaignProperty().get();
        if (state == null || id == null || state.run().isEmpty() || state.campaign(id).isEmpty()) {
            return null;
        }
        return CaseWork.Subject.campaign(state.run().get().runId(), id);
    }

    public void recordVerdict(CaseWork.Decision decision, String comment) {
        CaseWork.Subject subject = subject();
        if (subject == null || decision == null) {
            return;
        }
        session.withCase("Recording verdict on " + subject.describe(), (caseFile, progress) ->
                new CaseWork(caseFile).recordVerdict(subject, decision, comment), v -> session.caseWorkChanged());
    }

    public void addNote(String text) {
        CaseWork.Subject subject = subject();
        if (subject == null || text == null || text.isBlank()) {
            return;
        }
        session.withCase("Adding a note to " + subject.describe(), (caseFile, progress) ->
                new CaseWork(caseFile).addNote(subject, text), n -> session.caseWorkChanged());
    }

    /** Tags every member of the campaign (tags are on accounts, so they outlive the run). */
    public void tagMembers(String tag) {
        if (members.isEmpty() || tag == null || tag.isBlank()) {
            return;
        }
        List<String> ids = members.stream().map(AccountRow::accountId).toList();
        session.withCase("Tagging " + ids.size() + " members", (caseFile, progress) ->
                new CaseWork(caseFile).tagAccounts(ids, tag), n -> session.caseWorkChanged());
    }

    /** Selects the members everywhere and shows them in the accounts table. */
    public void selectMembers() {
        session.selectedAccountsProperty().set(Set.copyOf(members.stream().map(AccountRow::accountId).toList()));
        session.screenProperty().set(Screens.ACCOUNTS);
    }

    /** Shows the campaign's own graph: its members and the values they share. */
    public void openGraph() {
        if (session.selectedCampaignProperty().get() != null) {
            session.screenProperty().set(Screens.CAMPAIGN_GRAPH);
        }
    }

    public void openMember(String accountId) {
        session.focusedAccountProperty().set(accountId);
        session.screenProperty().set(Screens.ACCOUNT);
    }

    /** The campaign shown (of the run shown), or null. */
    public ReadOnlyObjectProperty<Campaign> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public StringProperty headingProperty() {
        return heading;
    }

    public StringProperty verdictProperty() {
        return verdict;
    }

    public ObservableList<String> evidence() {
        return evidence;
    }

    public ObservableList<AccountRow> members() {
        return members;
    }

    /** Each member's reasons in this run, strongest first, by account id; filled shortly after the campaign is shown. */
    public ReadOnlyObjectProperty<Map<String, List<String>>> memberReasonsProperty() {
        return memberReasons.getReadOnlyProperty();
    }

    public ObservableList<String> notes() {
        return notes;
    }

    public ObservableList<Campaign> campaigns() {
        return campaigns;
    }
}
