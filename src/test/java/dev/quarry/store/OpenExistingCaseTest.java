package dev.quarry.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OpenExistingCaseTest {

    @TempDir
    Path dir;

    private NotACaseException refused(Path path) {
        return assertThrows(NotACaseException.class, () -> CaseFile.openExisting(path));
    }

    @Test
    void aMissingPathIsReportedAndNotCreated() {
        Path missing = dir.resolve("nowhere/case.quarry");
        assertEquals(NotACaseException.Kind.MISSING, refused(missing).kind());
        assertFalse(Files.exists(missing.getParent()));
    }

    @Test
    void aForeignSqliteDatabaseIsLeftByteForByteUntouched() throws Exception {
        Path foreign = dir.resolve("browser-history.sqlite");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + foreign);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE visits(url TEXT)");
        }
        byte[] before = Files.readAllBytes(foreign);
        NotACaseException e = refused(foreign);
        assertEquals(NotACaseException.Kind.FOREIGN_DATABASE, e.kind());
        assertEquals("browser-history.sqlite is a SQLite database of another program, not a Quarry case; "
                + "Quarry leaves it untouched", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(foreign));
    }

    @Test
    void anExtractGivenAsACaseIsRecognised() throws Exception {
        Path extract = dir.resolve("events.csv");
        Files.writeString(extract, "ts,account_id\n2026-01-01T00:00:00Z,a\n");
        assertEquals(NotACaseException.Kind.EXTRACT, refused(extract).kind());
        assertEquals("ts,account_id\n2026-01-01T00:00:00Z,a\n", Files.readString(extract));
    }

    @Test
    void aFolderIsNotACase() {
        assertEquals(NotACaseException.Kind.FOLDER, refused(dir).kind());
    }

    @Test
    void aCaseCreatedByIngestOpens() throws Exception {
        Path path = dir.resolve("case.quarry");
        CaseFile.open(path).close();
        try (CaseFile caseFile = CaseFile.openExisting(path)) {
            assertEquals(path, caseFile.path());
        }
    }
}
