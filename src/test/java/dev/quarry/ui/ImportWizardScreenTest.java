package dev.quarry.ui;

import dev.quarry.ingest.ImportSummary;
import dev.quarry.store.RejectedRows;
import dev.quarry.ui.importwizard.ImportPresets;
import dev.quarry.ui.importwizard.ImportWizardViewModel;
import dev.quarry.ui.importwizard.WizardExtracts;
import dev.quarry.ui.session.CaseSession;
import dev.quarry.ui.session.Screens;
import dev.quarry.ui.shell.UserSettings;
import dev.quarry.ui.shell.Workbench;
import dev.quarry.ui.task.FxTaskExecutor;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the import wizard as an analyst would on an extract of an unfamiliar shape: drop it on the
 * window, fix the mapping in the field choosers, save it as a preset, import, read the summary and
 * the rejected row, analyse. 1366x768, the smallest screen the workbench must be readable on.
 */
@ExtendWith(ApplicationExtension.class)
class ImportWizardScreenTest {

    @TempDir
    Path dir;
    private Workbench workbench;
    private CaseSession session;
    private Path settingsDir;

    @Start
    void start(Stage stage) throws Exception {
        settingsDir = Files.createTempDirectory("quarry-settings");
        workbench = new Workbench(new FxTaskExecutor(), new UserSettings(settingsDir.resolve("workbench.properties")));
        session = workbench.session();
        stage.setScene(new Scene(workbench.view(), 1366, 768));
        stage.show();
    }

    private void idle() {
        WaitForAsyncUtils.waitForFxEvents();
        try {
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> session.tasks().isEmpty() && session.quietWorkProperty().get() == 0);
        } catch (TimeoutException e) {
            throw new AssertionError("still busy: " + session.statusProperty().get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private void chooseField(FxRobot robot, int row, String field) {
        ComboBox<String> chooser = robot.lookup("#import-field-" + row).queryAs(ComboBox.class);
        robot.interact(() -> chooser.getSelectionModel().select(field));
        idle();
    }

    @Test
    void importsAnExtractWithAChangedMappingAndASavedPresetThenAnalysesIt(FxRobot robot) throws Exception {
        Path extract = WizardExtracts.write(dir, "bi-export.csv", 300, true, "r");
        robot.interact(() -> workbench.start().dropped(List.of(extract)));
        idle();
        assertEquals(Screens.IMPORT, session.screenProperty().get(), "a dropped extract opens the wizard");
        String details = robot.lookup("#import-details").queryAs(Label.class).getText();
        assertTrue(details.startsWith("CSV delimited by ';' (detected) · events"), details);
        assertTrue(robot.lookup("#import-problems").queryAs(Label.class).getText().startsWith("No column feeds ts"));
        TableView<?> preview = robot.lookup("#import-preview").queryTableView();
        assertEquals(20, preview.getItems().size(), "the first rows");
        assertEquals("Zeit\n→ extra", preview.getColumns().get(0).getText());
        Screenshots.save(robot.lookup("#shell").query(), "import-wizard-detected");

        chooseField(robot, 0, "ts");
        chooseField(robot, 1, "account_id");
        assertEquals("Zeit\n→ ts", preview.getColumns().get(0).getText());
        assertEquals("user\n→ extra", preview.getColumns().get(2).getText(), "account_id moved to Kunde");
        assertEquals("", robot.lookup("#import-problems").queryAs(Label.class).getText());
        assertEquals("Of the first 301 rows, 300 would be accepted and 1 rejected (unparseable timestamp: 1).",
                robot.lookup("#import-trial").queryAs(Label.class).getText());

        robot.interact(() -> robot.lookup("#import-preset-name").queryAs(TextField.class).setText("BI export"));
        robot.clickOn("#import-save-preset");
        idle();
        assertEquals("Mapping: preset BI export", robot.lookup("#import-preset-in-use").queryAs(Label.class).getText());
        assertTrue(new ImportPresets(settingsDir.resolve("presets")).all().stream()
                .anyMatch(p -> p.name().equals("BI export") && !p.shipped()), "the preset is stored with the user's settings");
        assertEquals(dir.resolve("bi-export.quarry").toString(), robot.lookup("#import-case-path").queryAs(TextField.class).getText());
        Screenshots.save(robot.lookup("#shell").query(), "import-wizard");

        robot.clickOn("#import-start");
        idle();
        assertTrue(robot.lookup("#import-summary").query().isVisible());
        assertEquals("Import finished into bi-export.quarry: 1 file(s) imported",
                robot.lookup("#import-summary-title").queryAs(Label.class).getText());
        TableView<ImportSummary> summaries = robot.lookup("#import-summaries").queryTableView();
        ImportSummary summary = summaries.getItems().get(0);
        assertEquals(List.of(301L, 300L, 0L, 1L), List.of(summary.read(), summary.accepted(), summary.duplicate(), summary.rejected()));
        TableView<RejectedRows.Row> rejected = robot.lookup("#import-rejected").queryTableView();
        assertEquals(1, rejected.getItems().size());
        assertEquals(302L, rejected.getItems().get(0).line());
        robot.interact(() -> rejected.getSelectionModel().select(0));
        String raw = robot.lookup("#import-rejected-raw").queryAs(TextArea.class).getText();
        assertEquals("yesterday at noon;kd-001;Person 1;claude-3-haiku;5;5;r-bad;\"<script>x</script>\"", raw,
                "the raw text, as plain text");
        assertEquals("Line 302: " + rejected.getItems().get(0).reason(),
                robot.lookup("#import-rejected-reason").queryAs(Label.class).getText(), "the reason whole, however long");
        Screenshots.save(robot.lookup("#shell").query(), "import-summary");

        robot.clickOn("#import-analyse");
        idle();
        assertEquals(Screens.OVERVIEW, session.screenProperty().get());
        assertEquals(1L, session.shownRunProperty().get());
        assertEquals(WizardExtracts.ACCOUNTS, session.state().accounts().size(), "accounts read from Kunde");

        // the next extract of the same shape: the preset is applied without touching the mapping
        Path april = WizardExtracts.write(dir, "bi-export-april.csv", 30, false, "april");
        robot.interact(() -> workbench.start().newCaseFrom(List.of(april)));
        idle();
        assertEquals("Mapping: preset BI export", robot.lookup("#import-preset-in-use").queryAs(Label.class).getText());
        assertEquals("", robot.lookup("#import-problems").queryAs(Label.class).getText());
        robot.interact(() -> robot.lookup("#import-into-open-case").queryAs(javafx.scene.control.RadioButton.class).setSelected(true));
        robot.clickOn("#import-start");
        idle();
        assertEquals("Import finished into bi-export.quarry: 1 file(s) imported",
                robot.lookup("#import-summary-title").queryAs(Label.class).getText());
        assertEquals(ImportWizardViewModel.Step.SUMMARY, workbench.importWizard().stepProperty().get());
    }
}
