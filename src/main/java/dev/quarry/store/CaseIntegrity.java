package dev.quarry.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a case: that its audit log is an unbroken hash chain (an edited, removed or reordered entry
 * breaks it) and that each imported source file that is still where it was imported from has the
 * bytes it had then. The chain cannot show entries removed from its end; the newest hash is written
 * into every export manifest so a packet pins the chain as it was.
 */
public final class CaseIntegrity {

    private CaseIntegrity() {
    }

    public static IntegrityReport check(CaseFile caseFile) throws StoreException {
        List<String> intact = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try {
            checkAuditChain(caseFile, intact, differences);
            checkSources(caseFile, intact, differences, notes);
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot verify case " + caseFile.path() + ": " + e.getMessage(), e);
        }
        return new IntegrityReport(intact, differences, notes);
    }

    private static void checkAuditChain(CaseFile caseFile, List<String> intact, List<String> differences)
            throws SQLException {
        int entries = 0;
        int broken = 0;
        String previous = "";
        try (Statement statement = caseFile.connection().createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT audit_id, at, action, detail, prev_hash, hash FROM audit_log ORDER BY audit_id")) {
            while (rs.next()) {
                entries++;
                long id = rs.getLong(1);
                String at = rs.getString(2);
                String action = rs.getString(3);
                String prevHash = rs.getString(5);
                String hash = rs.getString(6);
                String entry = String.format(Locale.ROOT, "audit entry %d (%s at %s)", id, action, at);
                if (!previous.equals(prevHash)) {
                    differences.add(entry + " does not follow the entry before it: an entry was removed, "
                            + "inserted or reordered");
                    broken++;
                }
                if (!CaseFile.auditHash(prevHash, at, action, rs.getString(4)).equals(hash)) {
                    differences.add(entry + " does not match its hash: the entry was edited");
                    broken++;
                }
                previous = hash;
            }
        }
        if (broken == 0) {
            intact.add(String.format(Locale.ROOT, "audit log: %d entries, hash chain intact", entries));
        }
    }

    private static void checkSources(CaseFile caseFile, List<String> intact, List<String> differences,
                                     List<String> notes) throws SQLException, IOException {
        try (Statement statement = caseFile.connection().createStatement();
             ResultSet rs = statement.executeQuery("SELECT source_id, path, sha256 FROM sources ORDER BY source_id")) {
            while (rs.next()) {
                String recorded = rs.getString(2);
                String expected = rs.getString(3);
                Path file = locate(caseFile, recorded);
                String source = "source " + rs.getLong(1) + " (" + recorded + ")";
                if (file == null) {
                    notes.add(source + ": file not found at its recorded path, not checked");
                    continue;
                }
                String actual = Sha256.of(file);
                if (actual.equals(expected)) {
                    intact.add(source + ": sha256 matches");
                } else {
                    differences.add(source + ": sha256 is " + actual + ", recorded at import " + expected);
                }
            }
        }
    }

    /** The recorded path as is, or, when relative and not found, relative to the case file. */
    private static Path locate(CaseFile caseFile, String recorded) {
        Path path = Path.of(recorded);
        if (Files.isRegularFile(path)) {
            return path;
        }
        Path caseDir = caseFile.path().toAbsolutePath().getParent();
        if (!path.isAbsolute() && caseDir != null && Files.isRegularFile(caseDir.resolve(path))) {
            return caseDir.resolve(path);
        }
        return null;
    }
}
