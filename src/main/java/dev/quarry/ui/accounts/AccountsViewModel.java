package dev.quarry.ui.accounts;

import dev.quarry.store.CaseWork;
import dev.quarry.ui.session.AccountRow;
import dev.quarry.ui.session.CaseSession;
import dev.quarry.ui.session.CaseState;
import dev.quarry.ui.session.Screens;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Every account of the shown run with filters (risk range, campaign, country, verdict, tag, free
 * text, only the selection) over one in-memory list, so filtering and sorting 24,000 rows never goes
 * back to the case. The table's selection is the session's.
 *
 * <p>The rows shown are filtered and sorted here in one pass and handed to the table as one change:
 * each change of a 24,000-row list makes the table rebuild its visible rows and restyle their
 * cells, so a filtered list and a sorted list over it, each changing on its own, cost the table that
 * work once per filter touched and once more for the sort.
 */
public final class AccountsViewModel {

    /** Marks "accounts with no verdict" in the verdict filter. */
    public static final String NO_VERDICT = "(none)";

    private final CaseSession session;
    private List<AccountRow> all = List.of();
    private final ObservableList<AccountRow> shown = FXCollections.observableArrayList();
    private final ObjectProperty<Comparator<AccountRow>> order = new SimpleObjectProperty<>();
    private boolean updatePending;
    private final DoubleProperty minRisk = new SimpleDoubleProperty(0);
    private final DoubleProperty maxRisk = new SimpleDoubleProperty(1);
    private final ObjectProperty<Integer> campaign = new SimpleObjectProperty<>();
    private final StringProperty country = new SimpleStringProperty("");
    private final StringProperty verdict = new SimpleStringProperty("");
    private final StringProperty tag = new SimpleStringProperty("");
    private final StringProperty text = new SimpleStringProperty("");
    private final BooleanProperty onlySelected = new SimpleBooleanProperty(false);
    private final BooleanProperty onlyFlagged = new SimpleBooleanProperty(false);
    private final StringProperty count = new SimpleStringProperty("");
    private final ObservableList<Integer> campaignChoices = FXCollections.observableArrayList();
    private final ObservableList<String> tagChoices = FXCollections.observableArrayList();

    public AccountsViewModel(CaseSession session) {
        this.session = session;
        session.stateProperty().addListener((observable, old, state) -> show(state));
        for (var property : List.of(minRisk, maxRisk, campaign, country, verdict, tag, text, onlySelected, onlyFlagged, order)) {
            property.addListener((observable, old, value) -> refilterSoon());
        }
        session.selectedAccountsProperty().addListener((observable, old, value) -> {
            if (onlySelected.get()) {
                refilterSoon();
            } else {
                count();
            }
        });
        session.accountsInTimeRangeProperty().addListener((observable, old, value) -> refilterSoon());
        show(session.state());
    }

    private void show(CaseState state) {
        all = state == null ? List.of() : state.accounts();
        campaignChoices.setAll(state == null ? List.of() : state.campaigns().stream().map(c -> c.campaignId()).sorted().toList());
        List<String> tags = new ArrayList<>();
        tags.add("");
        tags.addAll(state == null ? List.of() : state.tagNames());
        tagChoices.setAll(tags);
        refilter();
    }

    /**
     * On the FX thread, filters and sorts once after the current event, however many filters it
     * changed (typing in the filter box, ticking "flagged" and sorting by risk in one go, or Clear
     * filters); elsewhere (the view-model tests) at once.
     */
    private void refilterSoon() {
        if (!Platform.isFxApplicationThread()) {
            refilter();
        } else if (!updatePending) {
            updatePending = true;
            Platform.runLater(this::refilter);
        }
    }

    /** Applies every filter and the order at once: one pass over the in-memory rows, one change of the rows shown. */
    public void refilter() {
        updatePending = false;
        Predicate<AccountRow> keep = predicate();
        List<AccountRow> rows = new ArrayList<>();
        for (AccountRow row : all) {
            if (keep.test(row)) {
                rows.add(row);
            }
        }
        Comparator<AccountRow> comparator = order.get();
        if (comparator != null) {
            rows.sort(comparator);
        }
        shown.setAll(rows);
        count();
    }

    private void count() {
        count.set(String.format(Locale.ROOT, "%,d of %,d accounts%s · %,d selected", shown.size(), all.size(),
                session.accountsInTimeRangeProperty().get() == null ? "" : " (active in the time range)",
                session.selectedAccountsProperty().get().size()));
    }

    Predicate<AccountRow> predicate() {
        double low = minRisk.get();
        double high = maxRisk.get();
        Integer inCampaign = campaign.get();
        String countryCode = country.get() == null ? "" : country.get().strip().toUpperCase(Locale.ROOT);
        String decision = verdict.get() == null ? "" : verdict.get();
        String tagName = tag.get() == null ? "" : tag.get();
        String needle = text.get() == null ? "" : text.get().strip().toLowerCase(Locale.ROOT);
        Set<String> selection = onlySelected.get() ? session.selectedAccountsProperty().get() : null;
        boolean flaggedOnly = onlyFlagged.get();
        Set<String> activeInRange = session.accountsInTimeRangeProperty().get();
        boolean riskFiltered = low > 0 || high < 1;
        return row -> (!riskFiltered || (row.scored() && row.riskScore() >= low && row.riskScore() <= high))
                && (!flaggedOnly || row.flagged())
                && (inCampaign == null || Objects.equals(inCampaign, row.campaignId()))
                && (countryCode.isEmpty() || row.countries().contains(countryCode))
                && (decision.isEmpty() || (decision.equals(NO_VERDICT) ? row.verdict() == null
                : row.verdict() != null && row.verdict().word().equals(decision)))
                && (tagName.isEmpty() || row.tags().contains(tagName))
                && (selection == null || selection.contains(row.accountId()))
                && (activeInRange == null || activeInRange.contains(row.accountId()))
                && (needle.isEmpty() || row.accountId().toLowerCase(Locale.ROOT).contains(needle)
                || (row.mainModel() != null && row.mainModel().toLowerCase(Locale.ROOT).contains(needle)));
    }

    /** The table's selection becomes the session's, so every screen sees it. */
    public void select(List<AccountRow> rows) {
        session.selectedAccountsProperty().set(Set.copyOf(rows.stream().map(AccountRow::accountId).toList()));
    }

    public void openAccount(String accountId) {
        session.focusedAccountProperty().set(accountId);
        session.screenProperty().set(Screens.ACCOUNT);
    }

    /** Tags every selected account (audit-logged), then refreshes every screen. */
    public void tagSelection(String name, boolean remove) {
        Set<String> selected = session.selectedAccountsProperty().get();
        if (selected.isEmpty() || name == null || name.isBlank()) {
            return;
        }
        session.withCase((remove ? "Untagging " : "Tagging ") + selected.size() + " account(s)", (caseFile, progress) -> {
            CaseWork work = new CaseWork(caseFile);
            return remove ? work.untagAccounts(selected, name) : work.tagAccounts(selected, name);
        }, changed -> session.caseWorkChanged());
    }

    public void clearFilters() {
        minRisk.set(0);
        maxRisk.set(1);
        campaign.set(null);
        country.set("");
        verdict.set("");
        tag.set("");
        text.set("");
        onlySelected.set(false);
        onlyFlagged.set(false);
    }

    /** The case session's selection, which the table shows as its selected rows. */
    public javafx.beans.value.ObservableValue<Set<String>> sessionSelectionProperty() {
        return session.selectedAccountsProperty();
    }

    /** The accounts that pass the filters, in the order asked for. */
    public ObservableList<AccountRow> rows() {
        return shown;
    }

    /** The order of the rows (the table's sort, by its columns), or null for the run's order: riskiest first. */
    public ObjectProperty<Comparator<AccountRow>> orderProperty() {
        return order;
    }

    public DoubleProperty minRiskProperty() {
        return minRisk;
    }

    public DoubleProperty maxRiskProperty() {
        return maxRisk;
    }

    public ObjectProperty<Integer> campaignProperty() {
        return campaign;
    }

    public StringProperty countryProperty() {
        return country;
    }

    public StringProperty verdictProperty() {
        return verdict;
    }

    public StringProperty tagProperty() {
        return tag;
    }

    public StringProperty textProperty() {
        return text;
    }

    public BooleanProperty onlySelectedProperty() {
        return onlySelected;
    }

    public BooleanProperty onlyFlaggedProperty() {
        return onlyFlagged;
    }

    public StringProperty countProperty() {
        return count;
    }

    public ObservableList<Integer> campaignChoices() {
        return campaignChoices;
    }

    /** The tags of the case to filter by, after "" (any tag). */
    public ObservableList<String> tagChoices() {
        return tagChoices;
    }
}
