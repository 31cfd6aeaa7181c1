package dev.quarry.ui.workbench;

import dev.quarry.store.CaseFile;
import dev.quarry.ui.task.SynchronousTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkbenchViewModelTest {

    @Test
    void openingACaseListsEveryAccountIncludingSilentOnes(@TempDir Path dir) throws Exception {
        Path casePath = dir.resolve("case.quarry");
        try (CaseFile caseFile = CaseFile.open(casePath); Statement statement = caseFile.connection().createStatement()) {
            statement.execute("INSERT INTO sources(source_id, path, sha256, bytes, format, kind, imported_at, rows_read, "
                    + "rows_accepted, rows_duplicate, rows_rejected, quarry_version) "
                    + "VALUES (1, 'a.csv', 'h', 1, 'csv', 'events', 'now', 2, 2, 0, 0, 'test')");
            statement.execute("INSERT INTO accounts(account_id) VALUES ('busy'), ('silent')");
            statement.execute("INSERT INTO events(request_id, ts, account_id, source_id) VALUES ('r1', 0, 'busy', 1), ('r2', 1, 'busy', 1)");
        }
        WorkbenchViewModel model = new WorkbenchViewModel(new SynchronousTaskExecutor());
        model.openCase(casePath);

        assertEquals(casePath, model.casePathProperty().get());
        assertEquals("Quarry — case.quarry", model.titleProperty().get());
        assertEquals(2, model.visibleAccounts().size());
        assertEquals(0, model.visibleAccounts().get(1).events(), "an account without events is still listed");
        assertFalse(model.busyProperty().get());

        model.accountFilterProperty().set("SIL");
        assertEquals(1, model.visibleAccounts().size(), "filter ignores case");
        assertEquals("silent", model.visibleAccounts().get(0).accountId());
    }

    @Test
    void aCaseThatCannotBeOpenedSaysWhyAndKeepsTheWindowUsable(@TempDir Path dir) throws Exception {
        Path notACase = Files.writeString(dir.resolve("notes.quarry"), "this is not a database");
        WorkbenchViewModel model = new WorkbenchViewModel(new SynchronousTaskExecutor());
        model.openCase(notACase);

        assertTrue(model.statusProperty().get().startsWith("Opening notes.quarry failed: cannot open case"),
                model.statusProperty().get());
        assertNull(model.casePathProperty().get());
        assertFalse(model.busyProperty().get());
    }
}
