package dev.quarry.ui;

import dev.quarry.analysis.Campaign;
import dev.quarry.model.ProgressListener;
import dev.quarry.synth.ExtractGenerator;
import dev.quarry.synth.GeneratorOptions;
import dev.quarry.ui.task.FxTaskExecutor;
import dev.quarry.ui.workbench.AccountRow;
import dev.quarry.ui.workbench.WorkbenchView;
import dev.quarry.ui.workbench.WorkbenchViewModel;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the real main window: open a sample extract, let it import and analyse, inspect a campaign. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchSmokeTest {

    @TempDir
    static Path dir;
    private WorkbenchViewModel model;

    @Start
    void start(Stage stage) {
        model = new WorkbenchViewModel(new FxTaskExecutor());
        stage.setScene(new Scene(new WorkbenchView(model), 1280, 720));
        stage.show();
    }

    @Test
    void opensTheSampleFindsCampaignsAndListsACampaignsMembers(FxRobot robot) throws Exception {
        Path sample = Files.createDirectories(dir.resolve("sample"));
        ExtractGenerator.generate(sample, GeneratorOptions.defaults(400, 7, 11), ProgressListener.NONE);

        robot.interact(() -> model.openSample(sample, dir.resolve("sample.quarry")));
        try {
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !model.busyProperty().get()
                    && !robot.lookup("#accounts-table").queryTableView().getItems().isEmpty());
        } catch (TimeoutException e) {
            throw new AssertionError("sample did not open: " + model.statusProperty().get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();

        Label summary = robot.lookup("#case-summary").queryAs(Label.class);
        assertTrue(summary.getText().matches("[\\d,]+ events from 400 accounts in 2 source file\\(s\\), 0 rows rejected.*"),
                summary.getText());
        Label run = robot.lookup("#run-summary").queryAs(Label.class);
        assertTrue(run.getText().startsWith("Run 1 (seed 1"), run.getText());
        TableView<AccountRow> accounts = robot.lookup("#accounts-table").queryTableView();
        assertEquals(400, accounts.getItems().size());
        assertTrue(accounts.getItems().get(0).flagged(), "riskiest account first, and it is flagged");

        robot.clickOn("Campaigns");
        TableView<Campaign> campaigns = robot.lookup("#campaigns-table").queryTableView();
        assertFalse(campaigns.getItems().isEmpty(), "the planted campaigns are found");
        Campaign first = campaigns.getItems().get(0);
        robot.interact(() -> campaigns.getSelectionModel().select(0));
        TextArea campaignDetail = robot.lookup("#campaign-detail").queryAs(TextArea.class);
        assertTrue(campaignDetail.getText().startsWith("Campaign " + first.campaignId()), campaignDetail.getText());
        Screenshots.save(robot.lookup("#workbench").query(), "workbench-campaigns");

        robot.clickOn("#show-members");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(first.size(), accounts.getItems().size(), "the accounts tab lists exactly the campaign's members");
        assertTrue(accounts.getItems().stream().allMatch(row -> first.campaignId() == row.campaignId()));
        robot.interact(() -> accounts.getSelectionModel().select(0));
        TextArea accountDetail = robot.lookup("#account-detail").queryAs(TextArea.class);
        assertTrue(accountDetail.getText().contains("campaign " + first.campaignId()), accountDetail.getText());
        assertTrue(accountDetail.getText().contains("• "), "the account's reasons are listed");

        Path shot = Screenshots.save(robot.lookup("#workbench").query(), "workbench-campaign-members");
        assertTrue(Files.size(shot) > 1000);
    }
}
