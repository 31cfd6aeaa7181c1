package dev.quarry.ui;

import dev.quarry.analysis.AccountGraph;
import dev.quarry.analysis.AccountMap;
import dev.quarry.analysis.LinkFamily;
import dev.quarry.store.CaseFile;
import dev.quarry.ui.graph.AccountGraphView;
import dev.quarry.ui.map.AccountMapView;
import dev.quarry.ui.session.AccountRow;
import dev.quarry.ui.session.CaseSession;
import dev.quarry.ui.session.Screens;
import dev.quarry.ui.session.TimeRange;
import dev.quarry.ui.shell.UserSettings;
import dev.quarry.ui.shell.Workbench;
import dev.quarry.ui.task.FxTaskExecutor;
import dev.quarry.ui.timeline.TimelineView;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the part-2 views in the real workbench on the small generated case: brushing the timeline
 * narrows the accounts table to the accounts active then, a node picked in the graph and a lasso on
 * the map become the table's selection, an edge family is toggled, a campaign's graph opens from its
 * page; a screenshot of each view is saved.
 */
@ExtendWith(ApplicationExtension.class)
class ViewsScreensTest {

    @TempDir
    Path dir;
    private Workbench workbench;
    private CaseSession session;
    private Path casePath;

    @Start
    void start(Stage stage) throws Exception {
        Path settings = Files.createTempDirectory("quarry-settings").resolve("workbench.properties");
        workbench = new Workbench(new FxTaskExecutor(), new UserSettings(settings));
        session = workbench.session();
        stage.setScene(new Scene(workbench.view(), 1280, 720));
        stage.show();
    }

    private void waitFor(String what, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        try {
            WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        } catch (TimeoutException e) {
            throw new AssertionError("waited in vain for " + what + "; status: " + session.statusProperty().get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void idle() throws Exception {
        waitFor("the tasks to end", () -> session.tasks().isEmpty());
    }

    private void open(FxRobot robot) throws Exception {
        casePath = GeneratedCase.copy(dir, "case.quarry");
        robot.interact(() -> workbench.start().open(casePath));
        idle();
    }

    private void go(FxRobot robot, String screen) throws Exception {
        robot.interact(() -> session.screenProperty().set(screen));
        idle();
    }

    private List<AccountRow> tableRows(FxRobot robot) {
        TableView<AccountRow> table = robot.lookup("#accounts-table").queryTableView();
        return List.copyOf(table.getItems());
    }

    /** The accounts with an event in the range, straight from the events table. */
    private Set<String> activeAccordingToEvents(TimeRange range) throws Exception {
        Set<String> active = new HashSet<>();
        try (CaseFile caseFile = CaseFile.openExisting(casePath);
             PreparedStatement query = caseFile.connection().prepareStatement(
                     "SELECT DISTINCT account_id FROM events WHERE ts >= ? AND ts < ?")) {
            query.setLong(1, range.fromMillis());
            query.setLong(2, range.toMillis());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    active.add(rs.getString(1));
                }
            }
        }
        return active;
    }

    @Test
    void brushingTheTimelineNarrowsTheAccountsTableToTheAccountsActiveThen(FxRobot robot) throws Exception {
        open(robot);
        int everyone = session.state().accounts().size();
        go(robot, Screens.TIMELINE);
        Label status = robot.lookup("#timeline-status").queryAs(Label.class);
        waitFor("the traffic chart", () -> status.getText().contains("requests"));
        TimelineView timeline = robot.lookup("#timeline").queryAs(TimelineView.class);
        Node chart = robot.lookup("#timeline-chart").query();
        long[] extent = timeline.model().extentProperty().get();
        long span = extent[1] - extent[0];
        long from = extent[0] + span * 2 / 5;
        long to = extent[0] + span / 2;
        Point2D start = timeline.localToScreen(timeline.chartX(from), timeline.chartMiddleY());
        Point2D end = timeline.localToScreen(timeline.chartX(to), timeline.chartMiddleY());
        robot.drag(start, MouseButton.PRIMARY).moveTo(end).release(MouseButton.PRIMARY);
        waitFor("the accounts active in the brushed range", () -> session.accountsInTimeRangeProperty().get() != null);
        TimeRange brushed = session.selectedTimeRangeProperty().get();
        assertTrue(Math.abs(brushed.fromMillis() - from) < span / 50 && Math.abs(brushed.toMillis() - to) < span / 50,
                "the brushed range " + brushed + " is what was dragged across, about " + from + "–" + to);
        waitFor("the events of the range", () -> !robot.lookup("#timeline-events").queryTableView().getItems().isEmpty());
        for (Object row : robot.lookup("#timeline-events").queryTableView().getItems()) {
            long ts = ((dev.quarry.analysis.TrafficTimeline.EventRow) row).ts();
            assertTrue(brushed.contains(ts), "event at " + ts + " lies in the brushed range");
        }
        Screenshots.save(robot.lookup("#shell").query(), "timeline");
        robot.clickOn("#timeline-heatmap-tab");
        waitFor("the heatmap", () -> robot.lookup("#heatmap-status").queryAs(Label.class).getText().equals("UTC"));
        Screenshots.save(robot.lookup("#shell").query(), "heatmap");
        assertTrue(chart.isVisible());

        go(robot, Screens.ACCOUNTS);
        Set<String> listed = new HashSet<>();
        tableRows(robot).forEach(r -> listed.add(r.accountId()));
        Set<String> expected = activeAccordingToEvents(brushed);
        expected.retainAll(session.state().accounts().stream().map(AccountRow::accountId).collect(java.util.stream.Collectors.toSet()));
        assertTrue(listed.size() < everyone, "the table narrowed from " + everyone + " to " + listed.size());
        assertFalse(listed.isEmpty(), "accounts were active in a tenth of the extract");
        assertEquals(expected, listed, "the table lists exactly the accounts with an event in the range");

        robot.interact(() -> session.selectedTimeRangeProperty().set(null));
        waitFor("the whole case again", () -> tableRows(robot).size() == everyone);
    }

    @Test
    void aNodePickedInTheGraphIsSelectedInTheAccountsTable(FxRobot robot) throws Exception {
        open(robot);
        go(robot, Screens.GRAPH);
        AccountGraphView view = robot.lookup("#account-graph").queryAs(AccountGraphView.class);
        waitFor("the laid-out graph", () -> view.lastFrameMs() > 0);
        AccountGraph graph = view.model().graphProperty().get();
        int node = -1;
        for (int e = 0; e < graph.edgeCount() && node < 0; e++) {
            if (graph.campaign(graph.from(e)) >= 0) {
                node = graph.from(e);
            }
        }
        assertTrue(node >= 0, "a campaign member has links");
        String account = graph.node(node);
        robot.clickOn("#graph-search").write(account).type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> session.selectedAccountsProperty().set(Set.of()));
        double[] at = view.screenPosition(node);
        robot.clickOn(view.localToScreen(at[0], at[1] + view.getCenter().getLayoutY()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Set.of(account), session.selectedAccountsProperty().get(), "the clicked node is the session's selection");

        CheckBox timing = robot.lookup("#family-" + LinkFamily.TIMING.stored()).queryAs(CheckBox.class);
        robot.clickOn(timing);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(timing.isSelected(), "the timing family is hidden");
        Screenshots.save(robot.lookup("#shell").query(), "account-graph-selection");

        go(robot, Screens.ACCOUNTS);
        TableView<AccountRow> table = robot.lookup("#accounts-table").queryTableView();
        List<String> selectedRows = table.getSelectionModel().getSelectedItems().stream().map(AccountRow::accountId).toList();
        assertEquals(List.of(account), selectedRows, "the table shows the graph's pick as its selected row");
        CheckBox selectionOnly = robot.lookup(".check-box").queryAllAs(CheckBox.class).stream()
                .filter(c -> "selection only".equals(c.getText())).findFirst().orElseThrow();
        robot.clickOn(selectionOnly);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(account), tableRows(robot).stream().map(AccountRow::accountId).toList());
    }

    @Test
    void aLassoOnTheMapSelectsTheAccountsInside(FxRobot robot) throws Exception {
        open(robot);
        go(robot, Screens.MAP);
        AccountMapView view = robot.lookup("#account-map").queryAs(AccountMapView.class);
        waitFor("the map", () -> view.lastFrameMs() > 0 && robot.lookup("#map-status").queryAs(Label.class).getText().contains("accounts"));
        AccountMap map;
        try (CaseFile caseFile = CaseFile.openExisting(casePath)) {
            map = AccountMap.load(caseFile, session.state().run().orElseThrow().runId());
        }
        // a rectangle a quarter of the canvas wide around the campaign member nearest the canvas's middle
        int anchor = 0;
        double nearest = Double.MAX_VALUE;
        for (int i = 0; i < map.size(); i++) {
            double[] p = view.screenPosition(i);
            double d = Math.hypot(p[0] - view.canvas().getWidth() / 2, p[1] - view.canvas().getHeight() / 2);
            if (map.campaign(i) >= 0 && d < nearest) {
                nearest = d;
                anchor = i;
            }
        }
        double[] centre = view.screenPosition(anchor);
        double w = view.canvas().getWidth() / 8;
        double h = view.canvas().getHeight() / 8;
        double left = Math.max(4, centre[0] - w);
        double right = Math.min(view.canvas().getWidth() - 4, centre[0] + w);
        double top = Math.max(4, centre[1] - h);
        double bottom = Math.min(view.canvas().getHeight() - 4, centre[1] + h);
        double[] xs = {left, right, right, left};
        double[] ys = {top, top, bottom, bottom};
        robot.drag(view.canvas().localToScreen(xs[0], ys[0]), MouseButton.PRIMARY);
        for (int corner = 1; corner <= 4; corner++) {
            robot.moveTo(view.canvas().localToScreen(xs[corner % 4], ys[corner % 4]));
        }
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Set<String> inside = new HashSet<>();
        for (int i = 0; i < map.size(); i++) {
            double[] p = view.screenPosition(i);
            if (p[0] > xs[0] + 1 && p[0] < xs[1] - 1 && p[1] > ys[0] + 1 && p[1] < ys[2] - 1) {
                inside.add(map.account(i));
            }
        }
        Set<String> selected = session.selectedAccountsProperty().get();
        assertTrue(selected.contains(map.account(anchor)), "the lasso caught the account it was drawn around");
        assertTrue(selected.containsAll(inside), "every account well inside the lasso is selected");
        for (String account : selected) {
            double[] p = view.screenPosition(indexOf(map, account));
            assertTrue(p[0] >= xs[0] - 1 && p[0] <= xs[1] + 1 && p[1] >= ys[0] - 1 && p[1] <= ys[2] + 1,
                    account + " at " + p[0] + "," + p[1] + " lies within the lasso");
        }
        // the legend names every campaign on the map in the colour its points have, and the accounts in none
        Set<String> legend = new HashSet<>();
        for (javafx.scene.Node entry : robot.lookup("#map-legend").queryAs(javafx.scene.layout.FlowPane.class).getChildren()) {
            Label label = (Label) entry;
            legend.add(label.getText().replaceAll(" \\(.*", ""));
            if (label.getText().startsWith("campaign ")) {
                int campaign = Integer.parseInt(label.getText().split(" ")[1]);
                assertEquals(dev.quarry.graph.GraphPicture.campaignColour(campaign), label.getUserData(), label.getText());
            }
        }
        assertTrue(legend.contains("no campaign"), legend.toString());
        for (var campaign : session.state().campaigns()) {
            assertTrue(legend.contains("campaign " + campaign.campaignId()), "campaign " + campaign.campaignId() + " in " + legend);
        }
        Screenshots.save(robot.lookup("#shell").query(), "account-map");

        go(robot, Screens.ACCOUNTS);
        TableView<AccountRow> table = robot.lookup("#accounts-table").queryTableView();
        assertEquals(selected.size(), table.getSelectionModel().getSelectedItems().size(), "the lasso's accounts are the table's selected rows");
    }

    private static int indexOf(AccountMap map, String account) {
        for (int i = 0; i < map.size(); i++) {
            if (map.account(i).equals(account)) {
                return i;
            }
        }
        throw new AssertionError(account + " is not on the map");
    }

    @Test
    void aCampaignsGraphOpensFromItsPage(FxRobot robot) throws Exception {
        open(robot);
        int campaign = session.state().campaigns().get(0).campaignId();
        int members = session.state().campaigns().get(0).size();
        robot.interact(() -> session.selectedCampaignProperty().set(campaign));
        go(robot, Screens.CAMPAIGN);
        robot.clickOn("#campaign-graph");
        idle();
        assertEquals(Screens.CAMPAIGN_GRAPH, session.screenProperty().get());
        AccountGraphView view = robot.lookup("#account-graph").queryAs(AccountGraphView.class);
        waitFor("the campaign's graph", () -> view.lastFrameMs() > 0);
        AccountGraph graph = view.model().graphProperty().get();
        assertEquals(campaign, graph.campaignId());
        int accounts = 0;
        int attributes = 0;
        for (int i = 0; i < graph.nodeCount(); i++) {
            if (graph.isAttribute(i)) {
                attributes++;
            } else {
                accounts++;
            }
        }
        assertEquals(members, accounts, "every member is a node");
        assertTrue(attributes > 0, "the values the members share are nodes");
        Screenshots.save(robot.lookup("#shell").query(), "campaign-graph");
    }

    @Test
    void everyValueDrawsEachPooledValueOfACampaignsGraphAndUntickingPoolsThemAgain(FxRobot robot) throws Exception {
        open(robot);
        long runId = session.state().run().get().runId();
        int campaign = -1;
        int pooled = 0;
        try (CaseFile caseFile = CaseFile.openExisting(casePath)) {
            for (var c : session.state().campaigns()) {
                int values = AccountGraph.ofCampaign(caseFile, runId, c.campaignId()).valuesInPools();
                if (values > 0) {
                    campaign = c.campaignId();
                    pooled = values;
                    break;
                }
            }
        }
        assertTrue(campaign >= 0, "the sample case has a campaign whose members rotate among shared values");
        int chosen = campaign;
        int valuesInPools = pooled;
        robot.interact(() -> session.selectedCampaignProperty().set(chosen));
        go(robot, Screens.CAMPAIGN);
        robot.clickOn("#campaign-graph");
        idle();
        AccountGraphView view = robot.lookup("#account-graph").queryAs(AccountGraphView.class);
        waitFor("the campaign's pooled graph", () -> view.lastFrameMs() > 0 && view.model().graphProperty().get().campaignId() == chosen);
        AccountGraph pooledGraph = view.model().graphProperty().get();
        assertEquals(pooled, pooledGraph.valuesInPools());
        CheckBox everyValue = robot.lookup("#graph-every-value").queryAs(CheckBox.class);
        assertTrue(everyValue.isVisible(), "a campaign's graph offers to draw every value");
        Label legend = robot.lookup("#graph-legend").queryAs(Label.class);
        waitFor("the legend to name the pools", () -> legend.getText().contains("drawn as pools"));

        robot.clickOn("#graph-every-value");
        waitFor("the graph with every value", () -> view.model().graphProperty().get() != pooledGraph
                && view.model().graphProperty().get().valuesInPools() == 0);
        idle();
        AccountGraph everyGraph = view.model().graphProperty().get();
        assertEquals(chosen, everyGraph.campaignId());
        assertTrue(attributeNodes(everyGraph) > attributeNodes(pooledGraph),
                "each pooled value is its own node: " + attributeNodes(everyGraph) + " vs " + attributeNodes(pooledGraph));
        waitFor("the legend of the graph at rest", () -> legend.getText().contains("links drawn"));
        assertFalse(legend.getText().contains("drawn as pools"), legend.getText());
        Screenshots.save(robot.lookup("#shell").query(), "campaign-graph-every-value");

        robot.clickOn("#graph-every-value");
        waitFor("the pooled graph again", () -> view.model().graphProperty().get() != everyGraph
                && view.model().graphProperty().get().valuesInPools() == valuesInPools);
        assertEquals(attributeNodes(pooledGraph), attributeNodes(view.model().graphProperty().get()));
    }

    private static int attributeNodes(AccountGraph graph) {
        int attributes = 0;
        for (int i = 0; i < graph.nodeCount(); i++) {
            if (graph.isAttribute(i)) {
                attributes++;
            }
        }
        return attributes;
    }
}
