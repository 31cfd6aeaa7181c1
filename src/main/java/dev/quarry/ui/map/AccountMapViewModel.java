package dev.quarry.ui.map;

import dev.quarry.analysis.AccountMap;
import dev.quarry.ui.session.CaseSession;
import dev.quarry.ui.session.CaseState;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The account map screen's state: the run's stored 2-D embedding of the accounts, what the points
 * are coloured by, the point under the pointer, and the lasso, whose accounts become the case
 * session's selection. Points of accounts not active in the session's time range are drawn faded.
 */
public final class AccountMapViewModel {

    /** What a point's colour says. */
    public enum ColourBy {
        CAMPAIGN("Colour by campaign"), CLUSTER("Colour by cluster"), RISK("Colour by risk");

        private final String label;

        ColourBy(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final CaseSession session;
    private final ObjectProperty<AccountMap> map = new SimpleObjectProperty<>();
    private final ObjectProperty<ColourBy> colourBy = new SimpleObjectProperty<>(ColourBy.CAMPAIGN);
    private final IntegerProperty hovered = new SimpleIntegerProperty(-1);
    private final StringProperty status = new SimpleStringProperty("");
    private long shownRun = -1;

    public AccountMapViewModel(CaseSession session) {
        this.session = session;
        session.stateProperty().addListener((observable, old, state) -> load(state));
        session.selectedAccountsProperty().addListener((observable, old, accounts) -> describe());
        load(session.state());
    }

    private void load(CaseState state) {
        if (state == null || state.run().isEmpty()) {
            shownRun = -1;
            map.set(null);
            status.set(state == null ? "" : "no analysis run: analyse the case to place its accounts");
            return;
        }
        long runId = state.run().get().runId();
        if (runId == shownRun) {
            return;
        }
        shownRun = runId;
        status.set("reading the account map of run " + runId + "…");
        session.withCase("Reading the account map of run " + runId, (caseFile, progress) -> AccountMap.load(caseFile, runId), loaded -> {
            if (runId == shownRun) {
                map.set(loaded);
                describe();
            }
        });
    }

    private void describe() {
        AccountMap shown = map.get();
        if (shown == null) {
            return;
        }
        status.set(shown.size() == 0 ? "the run placed no accounts on the map (it stored no coordinates)"
                : String.format(Locale.ROOT, "%,d accounts · %,d selected", shown.size(), session.selectedAccountsProperty().get().size()));
    }

    /**
     * Selects the accounts inside a lasso drawn in map coordinates (adding to the selection when
     * {@code extend}); returns how many the lasso caught.
     */
    public int lasso(double[] polygonX, double[] polygonY, boolean extend) {
        AccountMap shown = map.get();
        if (shown == null) {
            return 0;
        }
        int[] inside = shown.lasso(polygonX, polygonY);
        Set<String> accounts = extend ? new LinkedHashSet<>(session.selectedAccountsProperty().get()) : new HashSet<>();
        for (int i : inside) {
            accounts.add(shown.account(i));
        }
        session.selectedAccountsProperty().set(Set.copyOf(accounts));
        return inside.length;
    }

    /** Selects the account of a point (adding it when {@code extend}); a click on nothing clears the selection. */
    public void select(int point, boolean extend) {
        AccountMap shown = map.get();
        if (shown == null) {
            return;
        }
        Set<String> accounts = extend ? new LinkedHashSet<>(session.selectedAccountsProperty().get()) : new HashSet<>();
        if (point >= 0) {
            accounts.add(shown.account(point));
        }
        session.selectedAccountsProperty().set(Set.copyOf(accounts));
    }

    /** What hovering a point tells. */
    public String describe(int point) {
        AccountMap shown = map.get();
        if (shown == null || point < 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%s  ·  campaign %s  ·  cluster %d  ·  risk %.2f", shown.account(point),
                shown.campaign(point) < 0 ? "none" : Integer.toString(shown.campaign(point)), shown.cluster(point), shown.risk(point));
    }

    /** Opens the account's page. */
    public void open(int point) {
        AccountMap shown = map.get();
        if (shown != null && point >= 0) {
            session.focusedAccountProperty().set(shown.account(point));
            session.screenProperty().set(dev.quarry.ui.session.Screens.ACCOUNT);
        }
    }

    /** The case session's selection. */
    public javafx.beans.value.ObservableValue<Set<String>> selectedAccountsProperty() {
        return session.selectedAccountsProperty();
    }

    /** The accounts active in the session's time range, null when no range is chosen. */
    public javafx.beans.value.ObservableValue<Set<String>> activeInTimeRangeProperty() {
        return session.accountsInTimeRangeProperty();
    }

    public ObjectProperty<AccountMap> mapProperty() {
        return map;
    }

    public ObjectProperty<ColourBy> colourByProperty() {
        return colourBy;
    }

    public IntegerProperty hoveredProperty() {
        return hovered;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
