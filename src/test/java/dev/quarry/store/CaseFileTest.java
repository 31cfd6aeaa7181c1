package dev.quarry.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
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
    void auditEntriesAreNumberedAndChainToTheirPredecessor(@TempDir Path dir) throws Exception {
        try (CaseFile caseFile = CaseFile.open(dir.resolve("case.quarry"))) {
            caseFile.audit("first", "a");
            caseFile.audit("second", "b");
            List<AuditLog.Entry> entries = AuditLog.entries(caseFile);
            assertEquals(List.of(1L, 2L), entries.stream().map(AuditLog.Entry::seq).toList());
            assertEquals("", entries.get(0).prevHash());
            assertEquals(entries.get(0).hash(), entries.get(1).prevHash());
            assertEquals(AuditLog.hash(AuditLog.SCHEME, 2, entries.get(0).hash(), entries.get(1).at(), "second", "b"),
                    entries.get(1).hash());
            assertEquals(new AuditLog.Head(2, entries.get(1).hash()), AuditLog.head(caseFile));
            assertTrue(AuditLog.verify(caseFile).intact());
        }
    }
}
