package dev.quarry.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaseFileTest {

    @Test
    void createsContractTablesInANewCase(@TempDir Path dir) throws Exception {
        try (CaseFile caseFile = CaseFile.open(dir.resolve("new.quarry"));
             Statement statement = caseFile.connection().createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT count(*) FROM sqlite_master WHERE type='table' AND name IN ('events','accounts','sources','rejected_rows')")) {
            rs.next();
            assertEquals(4, rs.getInt(1));
            assertTrue(caseFile.schemaVersion() >= 1);
        }
    }

    @Test
    void reopeningKeepsDataAndSchemaVersion(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("case.quarry");
        int version;
        try (CaseFile caseFile = CaseFile.open(path)) {
            caseFile.audit("created", "test");
            version = caseFile.schemaVersion();
        }
        try (CaseFile caseFile = CaseFile.open(path);
             Statement statement = caseFile.connection().createStatement();
             ResultSet rs = statement.executeQuery("SELECT action FROM audit_log")) {
            assertTrue(rs.next());
            assertEquals("created", rs.getString(1));
            assertEquals(version, caseFile.schemaVersion());
        }
    }

    @Test
    void auditEntriesChainToTheirPredecessor(@TempDir Path dir) throws Exception {
        try (CaseFile caseFile = CaseFile.open(dir.resolve("case.quarry"))) {
            caseFile.audit("first", "a");
            caseFile.audit("second", "b");
            try (Statement statement = caseFile.connection().createStatement();
                 ResultSet rs = statement.executeQuery("SELECT at, action, detail, prev_hash, hash FROM audit_log ORDER BY audit_id")) {
                String previous = "";
                while (rs.next()) {
                    assertEquals(previous, rs.getString("prev_hash"));
                    assertEquals(CaseFile.auditHash(previous, rs.getString("at"), rs.getString("action"), rs.getString("detail")),
                            rs.getString("hash"));
                    previous = rs.getString("hash");
                }
                assertEquals(64, previous.length());
            }
        }
    }
}
