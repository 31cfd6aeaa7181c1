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
 * The account graph as a workbench screen: the graph of the run shown (or of the campaign selected,
 * its members and the values they share), laid out off the FX thread (once per run and campaign:
 * the layout is stored in the case), with its selection kept equal to the case session's, so nodes
 * picked here are the accounts selected everywhere; accounts outside the chosen time range fade.
 */
public final class AccountGraphScreen {

    private AccountGraphScreen() {
    }

    /** The whole case's graph. */
    public static AccountGraphView create(CaseSession session, TaskExecutor executor) {
        return create(session, executor, false);
    }

    /** The graph of the campaign selected in the session (a campaign's page opens it). */
    public static AccountGraphView createForCampaign(CaseSession session, TaskExecutor executor) {
        return create(session, executor, true);
    }

    private static AccountGraphView create(CaseSession session, TaskExecutor executor, boolean ofCampaign) {
        ObservableSet<String> selection = FXCollections.observableSet();
        AccountGraphViewModel model = new AccountGraphViewModel(executor, selection);
        boolean[] syncing = {false};
        boolean[] handing = {false};
        // a pick in the graph changes the set one account at a time: hand the session the result once, after the last change
        selection.addListener((SetChangeListener<String>) change -> {
            if (!syncing[0] && !handing[0]) {
                handing[0] = true;
                javafx.application.Platform.runLater(() -> {
                    handing[0] = false;
                    syncing[0] = true;
                    session.selectedAccountsProperty().set(Set.copyOf(selection));
                    syncing[0] = false;
                });
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
        session.accountsInTimeRangeProperty().addListener((observable, old, active) -> model.activeAccountsProperty().set(active));
        model.activeAccountsProperty().set(session.accountsInTimeRangeProperty().get());
        long[] shown = {-1, Long.MIN_VALUE, 0}; // run, campaign and detail (1: every value) of the graph shown or being laid out
        Runnable loadShownRun = () -> {
            CaseState state = session.state();
            Integer selectedCampaign = session.selectedCampaignProperty().get();
            if (state == null || state.run().isEmpty()) {
                shown[0] = -1;
                model.graphProperty().set(null);
                model.statusProperty().set("no analysis run to draw: analyse the case first");
                return;
            }
            if (ofCampaign && (selectedCampaign == null || state.campaign(selectedCampaign).isEmpty())) {
                shown[0] = -1;
                model.graphProperty().set(null);
                model.statusProperty().set("no campaign selected: open one on the Campaign screen");
                return;
            }
            long runId = state.run().get().runId();
            int campaign = ofCampaign ? selectedCampaign : AccountGraph.WHOLE_CASE;
            boolean everyValue = model.everyValueProperty().get();
            if (runId == shown[0] && campaign == shown[1] && (everyValue ? 1 : 0) == shown[2]) {
                return;
            }
            shown[0] = runId;
            shown[1] = campaign;
            shown[2] = everyValue ? 1 : 0;
            String what = ofCampaign ? "the graph of campaign " + campaign : "the account graph";
            model.statusProperty().set("laying out " + what + " of run " + runId + "…");
            session.withCase("Laying out " + what + " of run " + runId, (caseFile, progress) -> {
                AccountGraph graph = ofCampaign ? AccountGraph.ofCampaign(caseFile, runId, campaign, everyValue)
                        : AccountGraph.ofCase(caseFile, runId);
                graph.layOut(caseFile, AccountGraphViewModel.LAYOUT_SEED, progress);
                return graph;
            }, graph -> {
                if (graph.runId() == shown[0] && graph.campaignId() == shown[1] && (everyValue ? 1 : 0) == shown[2]) {
                    model.show(graph);
                }
            });
        };
        session.stateProperty().addListener((observable, old, state) -> loadShownRun.run());
        if (ofCampaign) {
            session.selectedCampaignProperty().addListener((observable, old, campaign) -> loadShownRun.run());
            model.everyValueProperty().addListener((observable, old, every) -> loadShownRun.run());
        }
        loadShownRun.run();
        return new AccountGraphView(model);
    }
}
