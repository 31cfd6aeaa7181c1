package dev.quarry.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An open case: one SQLite file. {@link #open} creates the file when missing (what {@code ingest}
 * promises); {@link #openExisting} opens only a file that already is a Quarry case and changes
 * nothing else. Both apply any schema migrations the case lacks, each in its own transaction, so a
 * case written by an older Quarry stays readable.
 */
public final class CaseFile implements AutoCloseable {

    private static final String MIGRATIONS = "/dev/quarry/store/migrations/V%d.sql";
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final Path path;
    private final Connection connection;

    private CaseFile(Path path, Connection connection) {
        this.path = path;
        this.connection = connection;
    }

    /** Opens (creating if missing) the case at {@code path} and brings its schema up to date. */
    public static CaseFile open(Path path) throws StoreException {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + path.toAbsolutePath());
            try (Statement statement = connection.createStatement()) {
                // A rollback journal (not WAL) keeps a case one self-contained file and makes a
                // killed import roll back when the file is next opened.
                statement.execute("PRAGMA journal_mode=DELETE");
                statement.execute("PRAGMA foreign_keys=ON");
                statement.execute("PRAGMA busy_timeout=5000");
            }
            CaseFile caseFile = new CaseFile(path, connection);
            caseFile.migrate();
            return caseFile;
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot open case " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens a case that exists, and refuses (changing nothing) a path that is missing, a folder, a
     * SQLite database of another program, a case of a newer Quarry, or an extract file.
     */
    public static CaseFile openExisting(Path path) throws StoreException {
        requireCase(path);
        return open(path);
    }

    /** Says what {@code path} is when it is not a Quarry case; returns normally when it is one. */
    public static void requireCase(Path path) throws StoreException {
        if (Files.isDirectory(path)) {
            throw new NotACaseException(path, NotACaseException.Kind.FOLDER, path + " is a folder, not a case file");
        }
        if (!Files.isRegularFile(path)) {
            throw new NotACaseException(path, NotACaseException.Kind.MISSING, "case " + path + " not found");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(SQLITE_MAGIC.length);
        } catch (IOException e) {
            throw new StoreException("cannot read " + path + ": " + e.getMessage(), e);
        }
        if (!java.util.Arrays.equals(head, SQLITE_MAGIC)) {
            if (looksLikeExtract(path, head)) {
                throw new NotACaseException(path, NotACaseException.Kind.EXTRACT, path.getFileName()
                        + " is an extract file, not a case: import it into a new case");
            }
            throw new NotACaseException(path, NotACaseException.Kind.UNKNOWN, path.getFileName()
                    + " is neither a Quarry case nor an extract Quarry can read");
        }
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + path.toAbsolutePath(), config.toProperties());
             Statement statement = connection.createStatement()) {
            int version;
            try (ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            int quarryTables;
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                    + "AND name IN ('events', 'accounts', 'sources', 'rejected_rows', 'audit_log')")) {
                quarryTables = rs.next() ? rs.getInt(1) : 0;
            }
            if (version < 1 || quarryTables < 5) {
                throw new NotACaseException(path, NotACaseException.Kind.FOREIGN_DATABASE, path.getFileName()
                        + " is a SQLite database of another program, not a Quarry case; Quarry leaves it untouched");
            }
            if (readMigration(version + 1) == null && readMigration(version) == null) {
                throw new NotACaseException(path, NotACaseException.Kind.NEWER_CASE, path.getFileName()
                        + " was written by a newer Quarry (schema " + version + "); update Quarry to open it");
            }
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static boolean looksLikeExtract(Path path, byte[] head) {
        String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".jsonl") || name.endsWith(".json") || name.endsWith(".gz")
                || name.endsWith(".tsv") || name.endsWith(".log") || name.endsWith(".ndjson")) {
            return true;
        }
        return head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    }

    public Path path() {
        return path;
    }

    public Connection connection() {
        return connection;
    }

    /**
     * A second, read-only connection to the same file, for reading in parallel with this one (the
     * caller closes it). It sees what this connection has committed.
     */
    public Connection openReader() throws SQLException {
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5000);
        return DriverManager.getConnection("jdbc:sqlite:" + path.toAbsolutePath(), config.toProperties());
    }

    public int schemaVersion() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private void migrate() throws SQLException, IOException {
        int version = schemaVersion();
        while (true) {
            String script = readMigration(version + 1);
            if (script == null) {
                return;
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : SqlScript.statements(script)) {
                    statement.execute(sql);
                }
                statement.execute("PRAGMA user_version = " + (version + 1));
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            version++;
        }
    }

    private static String readMigration(int version) throws IOException {
        try (InputStream in = CaseFile.class.getResourceAsStream(String.format(MIGRATIONS, version))) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Appends an entry to the case's audit log, numbered and chained by hash to the one before (see
     * {@link AuditLog}), so any later edit of the log breaks the chain that {@code verify} checks.
     */
    public void audit(String action, String detail) throws SQLException {
        AuditLog.append(connection, action, detail);
    }

    @Override
    public void close() throws StoreException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close case " + path + ": " + e.getMessage(), e);
        }
    }
}
