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
 * An open case: one SQLite file. Opening creates the file when missing and applies any schema
 * migrations it lacks, each in its own transaction, so a case written by an older Quarry stays
 * readable.
 */
public final class CaseFile implements AutoCloseable {

    private static final String MIGRATIONS = "/dev/quarry/store/migrations/V%d.sql";

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
