package dev.quarry.ui;

import dev.quarry.store.CaseFile;
import dev.quarry.store.CaseOverview;
import dev.quarry.ui.task.FxTaskExecutor;
import dev.quarry.ui.workbench.WorkbenchView;
import dev.quarry.ui.workbench.WorkbenchViewModel;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class WorkbenchSmokeTest {

    @TempDir
    static Path dir;
    private WorkbenchViewModel model;

    @Start
    void start(Stage stage) {
        model = new WorkbenchViewModel(new FxTaskExecutor());
        stage.setScene(new Scene(new WorkbenchView(model), 1100, 600));
        stage.show();
    }

    @Test
    void opensACaseShowsItsAccountsAndFiltersThem(FxRobot robot) throws Exception {
        Path casePath = dir.resolve("smoke.quarry");
        try (CaseFile caseFile = CaseFile.open(casePath); Statement statement = caseFile.connection().createStatement()) {
            statement.execute("INSERT INTO sources(source_id, path, sha256, bytes, format, kind, imported_at, rows_read, "
                    + "rows_accepted, rows_duplicate, rows_rejected, quarry_version) "
                    + "VALUES (1, 'extract.csv', 'abc', 10, 'csv', 'events', '2026-01-01T00:00:00Z', 4, 3, 0, 1, 'test')");
            statement.execute("INSERT INTO accounts(account_id) VALUES ('acct-farm-01'), ('acct-farm-02'), ('hobbyist-7')");
            statement.execute("INSERT INTO events(request_id, ts, account_id, source_id) VALUES "
                    + "('r1', 1767225600000, 'acct-farm-01', 1), ('r2', 1767225660000, 'acct-farm-01', 1), "
                    + "('r3', 1767225720000, 'acct-farm-02', 1)");
        }

        robot.interact(() -> model.openCase(casePath));
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#accounts-table").queryTableView().getItems().size() == 3);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("case did not open: " + model.statusProperty().get(), e);
        }

        Label summary = robot.lookup("#case-summary").queryAs(Label.class);
        assertTrue(summary.getText().startsWith("3 events from 3 accounts in 1 source file(s), 0 rows rejected"), summary.getText());
        TableView<CaseOverview.AccountActivity> accounts = robot.lookup("#accounts-table").queryTableView();
        assertEquals("acct-farm-01", accounts.getItems().get(0).accountId(), "busiest account first");

        robot.clickOn("#account-filter").write("farm");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, accounts.getItems().size());

        Path shot = Screenshots.save(robot.lookup("#workbench").query(), "workbench-smoke");
        assertTrue(Files.size(shot) > 1000);
    }
}
