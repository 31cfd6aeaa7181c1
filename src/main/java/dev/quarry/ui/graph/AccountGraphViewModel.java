package dev.quarry.ui.graph;

import dev.quarry.analysis.AccountGraph;
import dev.quarry.analysis.AccountGraphPicture;
import dev.quarry.analysis.LinkFamily;
import dev.quarry.store.CaseFile;
import dev.quarry.ui.task.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;

/**
 * The account graph screen's state: the laid-out graph, which link families are shown, the weight
 * threshold, the hovered node and the selected accounts. {@link #selectedAccounts} is the set the
 * case session shares with the other screens.
 */
public final class AccountGraphViewModel {
    static final long LAYOUT_SEED = 1;

    private final TaskExecutor executor;
    private final ObjectProperty<AccountGraph> graph = new SimpleObjectProperty<>();
    private final ObservableSet<LinkFamily> shownFamilies = FXCollections.observableSet(EnumSet.allOf(LinkFamily.class));
    private final DoubleProperty minWeight = new SimpleDoubleProperty(0);
    private final IntegerProperty hovered = new SimpleIntegerProperty(-1);
    private final ObservableSet<String> selectedAccounts;
    private final StringProperty status = new SimpleStringProperty("");
    /** The accounts active in the case session's time range (null: no range chosen); the others are drawn faded. */
    private final ObjectProperty<java.util.Set<String>> activeAccounts = new SimpleObjectProperty<>();
    /** Whether a campaign's graph draws every shared value as its own node instead of pooling the values members rotate among. */
    private final BooleanProperty everyValue = new SimpleBooleanProperty(false);
    /** A node the view should bring to the centre (search), -1 for none. */
    private final IntegerProperty centred = new SimpleIntegerProperty(-1);

    public AccountGraphViewModel(TaskExecutor executor, ObservableSet<String> selectedAccounts) {
        this.executor = executor;
        this.selectedAccounts = selectedAccounts;
    }

    /** Loads and lays out the whole case's graph (campaign -1) or a campaign's, off the FX thread. */
    public void load(CaseFile caseFile, long runId, int campaignId) {
        status.set("laying out the graph…");
        executor.execute("Account graph", progress -> {
            AccountGraph g = campaignId < 0 ? AccountGraph.ofCase(caseFile, runId)
                    : AccountGraph.ofCampaign(caseFile, runId, campaignId, everyValue.get());
            g.layOut(caseFile, LAYOUT_SEED, progress);
            return g;
        }, this::show, failure -> status.set("cannot draw the graph: " + failure.getMessage()));
    }

    public void show(AccountGraph laidOut) {
        graph.set(laidOut);
        status.set(String.format(Locale.ROOT, "%,d nodes, %,d links", laidOut.nodeCount(), laidOut.edgeCount()));
    }

    /** Whether an edge is drawn under the toggles and threshold. */
    public boolean edgeShown(int edge) {
        return AccountGraphPicture.shown(graph.get(), edge, shownFamilies, minWeight.get());
    }

    /** Selects the node's account (adding to the selection when {@code extend}); an attribute node selects the accounts holding it. */
    public void select(int node, boolean extend) {
        AccountGraph g = graph.get();
        if (!extend) {
            selectedAccounts.clear();
        }
        if (node < 0 || g == null) {
            return;
        }
        if (!g.isAttribute(node)) {
            selectedAccounts.add(g.node(node));
            return;
        }
        for (int e = 0; e < g.edgeCount(); e++) {
            int other = g.from(e) == node ? g.to(e) : g.to(e) == node ? g.from(e) : -1;
            if (other >= 0 && !g.isAttribute(other) && edgeShown(e)) {
                selectedAccounts.add(g.node(other));
            }
        }
    }

    /** Finds an account (exact id, else the first whose id contains the text), selects and centres it. */
    public boolean search(String text) {
        AccountGraph g = graph.get();
        if (g == null || text == null || text.isBlank()) {
            return false;
        }
        String wanted = text.trim();
        int found = g.indexOf(wanted);
        for (int i = 0; i < g.nodeCount() && found < 0; i++) {
            if (g.label(i).contains(wanted)) {
                found = i;
            }
        }
        if (found < 0) {
            status.set("no account matches \"" + wanted + "\"");
            return false;
        }
        select(found, false);
        centred.set(-1);
        centred.set(found);
        return true;
    }

    public void exportPng(Path file, int width, int height) throws java.io.IOException {
        AccountGraphPicture.writePng(AccountGraphPicture.of(graph.get(), shownFamilies, minWeight.get()), file, width, height);
    }

    public void exportSvg(Path file, int width, int height) throws java.io.IOException {
        AccountGraphPicture.writeSvg(AccountGraphPicture.of(graph.get(), shownFamilies, minWeight.get()), file, width, height);
    }

    public ObjectProperty<AccountGraph> graphProperty() {
        return graph;
    }

    public ObservableSet<LinkFamily> shownFamilies() {
        return shownFamilies;
    }

    public DoubleProperty minWeightProperty() {
        return minWeight;
    }

    public IntegerProperty hoveredProperty() {
        return hovered;
    }

    public ObservableSet<String> selectedAccounts() {
        return selectedAccounts;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<java.util.Set<String>> activeAccountsProperty() {
        return activeAccounts;
    }

    public BooleanProperty everyValueProperty() {
        return everyValue;
    }

    public IntegerProperty centredProperty() {
        return centred;
    }
}
