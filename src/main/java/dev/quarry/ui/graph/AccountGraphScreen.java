package dev.quarry.ui.graph;

import dev.quarry.analysis.AccountGraph;
import dev.quarry.ui.session.CaseSession;
import dev.quarry.ui.session.CaseState;
import dev.quarry.ui.task.TaskExecutor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;

import java.util.Set;

/**
 * The account graph as a workbench screen: the graph of the run shown, laid out off the FX thread
 * (once per run: the layout is stored in the case), with its selection kept equal to the case
 * session's, so nodes picked here are the accounts selected everywhere.
 */
public final class AccountGraphScreen {

    private AccountGraphScreen() {
    }

    public static AccountGraphView create(CaseSession session, TaskExecutor executor) {
        ObservableSet<String> selection = FXCollections.observableSet();
        AccountGraphViewModel model = new AccountGraphViewModel(executor, selection);
        boolean[] syncing = {false};
        selection.addListener((SetChangeListener<String>) change -> {
            if (!syncing[0]) {
                syncing[0] = true;
                session.selectedAccountsProperty().set(Set.copyOf(selection));
                syncing[0] = false;
            }
        });
        session.selectedAccountsProperty().addListener((observable, old, accounts) -> {
            if (!syncing[0] && !selection.equals(accounts)) {
                syncing[0] = true;
                selection.retainAll(accounts);
                selection.addAll(accounts);
                syncing[0] = false;
            }
        });
        long[] shownRun = {-1};
        Runnable loadShownRun = () -> {
            CaseState state = session.state();
            if (state == null || state.run().isEmpty()) {
                shownRun[0] = -1;
                model.graphProperty().set(null);
                model.statusProperty().set("no analysis run to draw: analyse the case first");
                return;
            }
            long runId = state.run().get().runId();
            if (runId == shownRun[0]) {
                return;
            }
            shownRun[0] = runId;
            model.statusProperty().set("laying out the graph of run " + runId + "…");
            session.withCase("Laying out the account graph of run " + runId, (caseFile, progress) -> {
                AccountGraph graph = AccountGraph.ofCase(caseFile, runId);
                graph.layOut(caseFile, AccountGraphViewModel.LAYOUT_SEED, progress);
                return graph;
            }, model::show);
        };
        session.stateProperty().addListener((observable, old, state) -> loadShownRun.run());
        loadShownRun.run();
        return new AccountGraphView(model);
    }
}
