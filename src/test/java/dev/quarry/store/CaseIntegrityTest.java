package dev.quarry.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaseIntegrityTest {

    private static CaseFile caseWithSource(Path dir, Path source) throws Exception {
        Files.writeString(source, "ts,account_id\n2026-01-01T00:00:00Z,a\n");
        CaseFile caseFile = CaseFile.open(dir.resolve("case.quarry"));
        try (PreparedStatement insert = caseFile.connection().prepareStatement(
                "INSERT INTO sources(path, sha256, bytes, format, kind, imported_at, rows_read, rows_accepted, "
                        + "rows_duplicate, rows_rejected, quarry_version) VALUES (?, ?, 1, 'csv', 'events', "
                        + "'2026-01-02T00:00:00Z', 1, 1, 0, 0, '0.1.0')")) {
            insert.setString(1, source.toString());
            insert.setString(2, Sha256.of(source));
            insert.executeUpdate();
        }
        caseFile.audit("ingest", "events.csv: 1 read, 1 accepted");
        caseFile.audit("analyze", "run 1");
        caseFile.audit("export", "run 1 to packet");
        return caseFile;
    }

    @Test
    void untouchedCaseVerifies(@TempDir Path dir) throws Exception {
        try (CaseFile caseFile = caseWithSource(dir, dir.resolve("events.csv"))) {
            IntegrityReport report = CaseIntegrity.check(caseFile);
            assertTrue(report.ok(), report.differences().toString());
            assertTrue(report.intact().get(0).startsWith("audit log: 3 entries, hash chain intact, head is entry 3 ("),
                    report.intact().get(0));
        }
    }

    @Test
    void detectsAnEditedAuditEntry(@TempDir Path dir) throws Exception {
        try (CaseFile caseFile = caseWithSource(dir, dir.resolve("events.csv"))) {
            try (Statement statement = caseFile.connection().createStatement()) {
                statement.executeUpdate("UPDATE audit_log SET detail = 'run 2' WHERE action = 'analyze'");
            }
            IntegrityReport report = CaseIntegrity.check(caseFile);
            assertEquals(1, report.differences().size());
            assertTrue(report.differences().get(0).matches("audit log: first broken entry is audit entry 2 \\(analyze at .*\\): "
                            + "its content does not match its hash: the entry was edited; entries 1 to 1 hold"),
                    report.differences().get(0));
        }
    }

    @Test
    void detectsARemovedAuditEntry(@TempDir Path dir) throws Exception {
        try (CaseFile caseFile = caseWithSource(dir, dir.resolve("events.csv"))) {
            try (Statement statement = caseFile.connection().createStatement()) {
                statement.executeUpdate("DELETE FROM audit_log WHERE action = 'analyze'");
            }
            IntegrityReport report = CaseIntegrity.check(caseFile);
            assertFalse(report.ok());
            assertTrue(report.differences().get(0).startsWith("audit log: first broken entry is audit entry 3 (export at "),
                    report.differences().get(0));
            assertTrue(report.differences().get(0).contains("entries 2 are missing: the sequence jumps from 1 to 3"),
                    report.differences().get(0));
        }
    }

    @Test
    void detectsAChangedSourceFileAndNotesAMissingOne(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("events.csv");
        try (CaseFile caseFile = caseWithSource(dir, source)) {
            Files.writeString(source, "ts,account_id\n2026-01-01T00:00:00Z,b\n");
            IntegrityReport changed = CaseIntegrity.check(caseFile);
            assertEquals(1, changed.differences().size());
            assertTrue(changed.differences().get(0).startsWith("source 1 (" + source + "): sha256 is "));

            Files.delete(source);
            IntegrityReport missing = CaseIntegrity.check(caseFile);
            assertTrue(missing.ok());
            assertEquals("source 1 (" + source + "): file not found at its recorded path, not checked", missing.notes().get(0));
        }
    }

    @Test
    void aCutTailIsInvisibleToTheChainButNotToThePacketsRecordedHead(@TempDir Path dir) throws Exception {
        try (CaseFile caseFile = caseWithSource(dir, dir.resolve("events.csv"))) {
            AuditLog.Head recorded = AuditLog.head(caseFile);
            CaseIntegrity.PacketRecord packet = new CaseIntegrity.PacketRecord("the packet P", recorded, null);
            assertTrue(CaseIntegrity.check(caseFile, packet).ok());
            try (Statement statement = caseFile.connection().createStatement()) {
                statement.executeUpdate("DELETE FROM audit_log WHERE seq >= 2");
            }
            assertTrue(CaseIntegrity.check(caseFile).ok(), "a chain alone cannot see its tail cut off");
            IntegrityReport against = CaseIntegrity.check(caseFile, packet);
            assertEquals(1, against.differences().size());
            assertTrue(against.differences().get(0).contains("recorded the head entry 3")
                    && against.differences().get(0).contains("the log now ends at entry 1: entries 2 to 3 were removed"),
                    against.differences().get(0));
        }
    }

    @Test
    void aRewrittenHeadIsNamed(@TempDir Path dir) throws Exception {
        try (CaseFile caseFile = caseWithSource(dir, dir.resolve("events.csv"))) {
            CaseIntegrity.PacketRecord packet = new CaseIntegrity.PacketRecord("the packet P",
                    new AuditLog.Head(3, "0".repeat(64)), null);
            IntegrityReport against = CaseIntegrity.check(caseFile, packet);
            assertTrue(against.differences().get(0).contains("recorded entry 3 with hash 000000000000"),
                    against.differences().get(0));
        }
    }

    @Test
    void entriesWrittenBeforeSchemaFiveKeepTheirHashAndGetTheirSequence(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("old.quarry");
        try (CaseFile caseFile = CaseFile.open(file)) {
            try (Statement statement = caseFile.connection().createStatement()) {
                // as an older Quarry wrote them: scheme 1, no sequence number in the hash
                String first = AuditLog.hash(AuditLog.LEGACY_SCHEME, 0, "", "2026-01-01T00:00:00Z", "ingest", "a");
                String second = AuditLog.hash(AuditLog.LEGACY_SCHEME, 0, first, "2026-01-01T00:01:00Z", "analyze", "b");
                statement.executeUpdate("INSERT INTO audit_log(seq, at, action, detail, prev_hash, hash, scheme) VALUES "
                        + "(1, '2026-01-01T00:00:00Z', 'ingest', 'a', '', '" + first + "', 1), "
                        + "(2, '2026-01-01T00:01:00Z', 'analyze', 'b', '" + first + "', '" + second + "', 1)");
            }
            caseFile.audit("export", "c");
            AuditLog.ChainCheck chain = AuditLog.verify(caseFile);
            assertTrue(chain.intact(), chain.problem());
            assertEquals(3, chain.head().seq());
        }
    }
}
