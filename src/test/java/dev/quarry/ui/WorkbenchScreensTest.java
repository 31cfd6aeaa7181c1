package dev.quarry.ui;

import dev.quarry.analysis.RunSummary;
import dev.quarry.ui.session.AccountRow;
import dev.quarry.ui.session.CaseSession;
import dev.quarry.ui.session.Screens;
import dev.quarry.ui.shell.UserSettings;
import dev.quarry.ui.shell.Workbench;
import dev.quarry.ui.task.FxTaskExecutor;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the real screens on a small generated case, as an analyst would, and saves a screenshot of
 * each, at 1366x768 (the smallest screen the workbench must be readable on; the headless screen is set to it in the pom).
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchScreensTest {

    @TempDir
    Path dir;
    private Workbench workbench;
    private CaseSession session;

    @Start
    void start(Stage stage) throws Exception {
        Path settings = Files.createTempDirectory("quarry-settings").resolve("workbench.properties");
        workbench = new Workbench(new FxTaskExecutor(), new UserSettings(settings));
        session = workbench.session();
        stage.setScene(new Scene(workbench.view(), 1366, 768));
        stage.show();
    }

    private void idle(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        try {
            WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> session.tasks().isEmpty());
        } catch (TimeoutException e) {
            throw new AssertionError("still busy: " + session.statusProperty().get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void open(FxRobot robot) throws Exception {
        Path path = GeneratedCase.copy(dir, "case.quarry");
        robot.interact(() -> workbench.start().open(path));
        idle(robot);
    }

    private void go(FxRobot robot, String screen) throws Exception {
        robot.interact(() -> session.screenProperty().set(screen));
        idle(robot);
    }

    @Test
    void overviewRanksTheCampaignsOfTheRun(FxRobot robot) throws Exception {
        Screenshots.save(robot.lookup("#shell").query(), "start");
        open(robot);
        TableView<?> campaigns = robot.lookup("#overview-campaigns").queryTableView();
        assertTrue(campaigns.getItems().size() >= 1, "the planted campaigns are listed");
        Label empty = robot.lookup("#overview-empty").queryAs(Label.class);
        assertTrue(!empty.isVisible(), "no empty-state text when there are campaigns");
        Screenshots.save(robot.lookup("#shell").query(), "overview");
    }

    @Test
    void filtersAndMultiSelectsAccounts(FxRobot robot) throws Exception {
        open(robot);
        go(robot, Screens.ACCOUNTS);
        TableView<AccountRow> table = robot.lookup("#accounts-table").queryTableView();
        assertEquals(400, table.getItems().size());
        robot.interact(() -> robot.lookup("#accounts-flagged").queryAs(javafx.scene.control.CheckBox.class).setSelected(true));
        int flagged = table.getItems().size();
        assertTrue(flagged > 0 && flagged < 400, "flagged filter leaves " + flagged);
        assertTrue(table.getItems().stream().allMatch(AccountRow::flagged));
        robot.interact(() -> table.getSelectionModel().selectRange(0, 3));
        assertEquals(3, session.selectedAccountsProperty().get().size(), "the table's selection is the session's");
        String count = robot.lookup("#accounts-count").queryAs(Label.class).getText();
        assertTrue(count.endsWith("3 selected"), count);
        Screenshots.save(robot.lookup("#shell").query(), "accounts");

        String first = table.getItems().get(0).accountId();
        robot.interact(() -> {
            session.focusedAccountProperty().set(first);
            session.screenProperty().set(Screens.ACCOUNT);
        });
        idle(robot);
        String summary = robot.lookup("#account-summary").queryAs(Label.class).getText();
        assertTrue(summary.startsWith("risk ") && summary.contains("flagged"), summary);
        assertEquals(Math.min(100, table.getItems().get(0).events()),
                robot.lookup("#account-events").queryTableView().getItems().size(), "one page of events");
        Screenshots.save(robot.lookup("#shell").query(), "account-page");
    }

    @Test
    void aCampaignVerdictAndNoteSurviveReanalysisAndAppearInTheCsvExport(FxRobot robot) throws Exception {
        open(robot);
        int campaign = session.state().campaigns().get(0).campaignId();
        robot.interact(() -> {
            session.selectedCampaignProperty().set(campaign);
            session.screenProperty().set(Screens.CAMPAIGN);
        });
        idle(robot);
        robot.interact(() -> {
            robot.lookup("#campaign-decision").queryComboBox().getSelectionModel().select(dev.quarry.store.CaseWork.Decision.ABUSIVE);
            robot.lookup("#campaign-comment").queryAs(TextField.class).setText("one operator, shared cards");
            robot.lookup("#campaign-note").queryAs(TextField.class).setText("escalated to the abuse desk");
        });
        robot.clickOn("#campaign-record");
        idle(robot);
        robot.clickOn("#campaign-add-note");
        idle(robot);
        assertTrue(robot.lookup("#campaign-verdict").queryAs(Label.class).getText().startsWith("Verdict: abusive — by "));
        TableView<?> members = robot.lookup("#campaign-members").queryTableView();
        robot.interact(() -> members.getSelectionModel().select(0));
        String reasons = robot.lookup("#campaign-member-reasons").queryAs(Label.class).getText();
        String first = ((dev.quarry.ui.session.AccountRow) members.getItems().get(0)).accountId();
        assertTrue(reasons.startsWith(first + ", strongest reasons first:\n• "), reasons);
        assertTrue(reasons.contains("campaign " + campaign), "the reasons name what ties the member to the campaign: " + reasons);
        Screenshots.save(robot.lookup("#shell").query(), "campaign");

        robot.interact(() -> workbench.shell().analyse(1));
        idle(robot);
        assertEquals(2L, session.shownRunProperty().get());
        String verdict = robot.lookup("#campaign-verdict").queryAs(Label.class).getText();
        assertTrue(verdict.startsWith("Verdict: abusive (carried from run 1)"), verdict);
        ListView<String> notes = robot.lookup("#campaign-notes").queryListView();
        assertEquals(1, notes.getItems().size(), notes.getItems().toString());
        assertTrue(notes.getItems().get(0).endsWith("(on run 1): escalated to the abuse desk"), notes.getItems().get(0));
        Screenshots.save(robot.lookup("#shell").query(), "campaign-after-reanalysis");

        go(robot, Screens.EXPORT);
        Path packet = dir.resolve("packet");
        robot.interact(() -> robot.lookup("#export-folder").queryAs(TextField.class).setText(packet.toString()));
        robot.clickOn("#export-run");
        idle(robot);
        String campaigns = Files.readString(packet.resolve("campaigns.csv"));
        assertTrue(campaigns.lines().anyMatch(l -> l.startsWith(campaign + ",") && l.contains(",\"abusive\",1,")), campaigns);
        robot.clickOn("#export-verify");
        idle(robot);
        ListView<String> verification = robot.lookup("#export-verification").queryListView();
        assertEquals("OK: " + packet + " is intact", verification.getItems().get(0));
        Screenshots.save(robot.lookup("#shell").query(), "export");

        go(robot, Screens.RUNS);
        TableView<RunSummary> runs = robot.lookup("#runs-table").queryTableView();
        assertEquals(2, runs.getItems().size());
        robot.interact(() -> runs.getSelectionModel().selectAll());
        robot.clickOn("#runs-compare");
        idle(robot);
        ListView<String> changes = robot.lookup("#runs-changes").queryListView();
        assertTrue(changes.getItems().get(0).startsWith("From run 1 to run 2: 0 account(s) newly flagged, 0 cleared"),
                changes.getItems().toString());
        assertTrue(changes.getItems().stream().anyMatch(c -> c.startsWith("kept: campaign " + campaign)), changes.getItems().toString());
        Screenshots.save(robot.lookup("#shell").query(), "runs");
    }

    @Test
    void anAccountFoundInTheGraphIsSelectedForEveryScreen(FxRobot robot) throws Exception {
        open(robot);
        String member = session.state().accounts().stream().filter(AccountRow::flagged).findFirst()
                .orElseThrow(() -> new AssertionError("the generated case has flagged accounts")).accountId();
        go(robot, Screens.GRAPH);
        robot.interact(() -> {
            TextField search = robot.lookup("#graph-search").queryAs(TextField.class);
            search.setText(member);
            search.fireEvent(new javafx.event.ActionEvent());
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(session.selectedAccountsProperty().get().contains(member),
                "the session's selection " + session.selectedAccountsProperty().get() + " holds " + member);
        Screenshots.save(robot.lookup("#shell").query(), "workbench-account-graph");
    }
}
