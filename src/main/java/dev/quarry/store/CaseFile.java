package dev.quarry.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * An open case: one SQLite file. {@link #open} creates the file when missing (what {@code ingest}
 * promises); {@link #openExisting} opens only a file that already is a Quarry case and changes
 * nothing else. Both apply any schema migrations the case lacks, each in its own transaction, so a
 * case written by an older Quarry stays readable.
 *
 * <p>{@link #openForImport} opens a case that does not exist yet as <em>provisional</em>: it is built
 * under a temporary name beside the target, without a rollback journal and without waiting for the
 * disk, since nothing in it is worth keeping until an import has finished; {@link #publish} then makes
 * it durable and renames it onto the target. Until then no file exists under the case's name, and
 * {@link #close} (or the end of the process) deletes the temporary file.
 */
public final class CaseFile implements AutoCloseable {

    private static final String MIGRATIONS = "/dev/quarry/store/migrations/V%d.sql";
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final Path path;
    private Connection connection;
    /** The file being built while the case is provisional; null once published, or for an existing case. */
    private volatile Path building;
    private Thread deleteOnExit;

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
            CaseFile caseFile = new CaseFile(path, connect(path));
            caseFile.migrate();
            return caseFile;
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot open case " + path + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(Path path) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + path.toAbsolutePath());
        try (Statement statement = connection.createStatement()) {
            // A rollback journal (not WAL) keeps a case one self-contained file and makes a
            // killed import roll back when the file is next opened.
            statement.execute("PRAGMA journal_mode=DELETE");
            statement.execute("PRAGMA foreign_keys=ON");
            statement.execute("PRAGMA busy_timeout=5000");
        }
        return connection;
    }

    /**
     * Opens the case at {@code path} for importing into: an existing file as {@link #open} does, a missing
     * one as a provisional case (see the class comment) that becomes the file at {@code path} only when
     * {@link #publish} is called after a successful import.
     */
    public static CaseFile openForImport(Path path) throws StoreException {
        if (Files.exists(path)) {
            return open(path);
        }
        CaseFile caseFile = new CaseFile(path, null);
        caseFile.startBuilding();
        return caseFile;
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

    /** Whether this case is still being built under a temporary name (see {@link #openForImport}). */
    public boolean provisional() {
        return building != null;
    }

    /**
     * Makes a provisional case the case file at {@link #path}: syncs it to disk, renames it onto the
     * target and reopens it there with the rollback journal, so every later import is atomic the usual
     * way. Call it outside a transaction. If that fails (the target appeared meanwhile, the disk is
     * full) nothing is kept: the target is left as it was and this case starts again empty.
     */
    public void publish() throws StoreException {
        if (building == null) {
            return;
        }
        try {
            connection.close();
            connection = null;
            // written with synchronous = OFF: nothing has reached the disk for sure until this
            try (FileChannel file = FileChannel.open(building, StandardOpenOption.WRITE)) {
                file.force(true);
            }
            // no REPLACE_EXISTING: a case created under that name by someone else meanwhile is not overwritten
            Files.move(building, path);
            building = null;
            stopDeletingOnExit();
            syncDirectory(path.toAbsolutePath().getParent());
            connection = connect(path);
        } catch (SQLException | IOException e) {
            String why = e instanceof FileAlreadyExistsException
                    ? path + " was created by another program during the import; it was left untouched"
                    : "cannot save the new case " + path + ": " + e.getMessage();
            StoreException failure = new StoreException(why + ", and the import was not kept", e);
            if (building != null) {
                try {
                    discardProvisional();
                } catch (StoreException again) {
                    failure.addSuppressed(again);
                }
            }
            throw failure;
        }
    }

    /**
     * Throws away what a failed import wrote into a provisional case (without a journal it cannot be
     * rolled back) and starts again from an empty case, for the next file.
     */
    public void discardProvisional() throws StoreException {
        if (building == null) {
            return;
        }
        discardQuietly();
        startBuilding();
    }

    private void startBuilding() throws StoreException {
        Path target = path.toAbsolutePath();
        Path file = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID().toString().substring(0, 8) + ".importing");
        try {
            Files.createDirectories(target.getParent());
            building = file;
            if (deleteOnExit == null) {
                // an interrupted command-line import (Ctrl-C, a terminated process) leaves no half-built case behind
                deleteOnExit = new Thread(this::deleteBuildingFiles, "quarry-provisional-case-cleanup");
                Runtime.getRuntime().addShutdownHook(deleteOnExit);
            }
            connection = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement statement = connection.createStatement()) {
                // until publish() a failure discards the whole file, so neither a journal nor fsync buys anything
                statement.execute("PRAGMA journal_mode=OFF");
                statement.execute("PRAGMA synchronous=OFF");
                statement.execute("PRAGMA foreign_keys=ON");
                statement.execute("PRAGMA busy_timeout=5000");
            }
            migrate();
        } catch (SQLException | IOException e) {
            discardQuietly();
            stopDeletingOnExit();
            throw new StoreException("cannot create case " + path + ": " + e.getMessage(), e);
        }
    }

    private void discardQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // the file is deleted next; a close that failed changes nothing about that
            }
            connection = null;
        }
        deleteBuildingFiles();
        building = null;
    }

    private void deleteBuildingFiles() {
        Path file = building;
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-journal"));
        } catch (IOException e) {
            // nothing more to do: the name says what it is (".importing") and it is not the case
        }
    }

    private void stopDeletingOnExit() {
        if (deleteOnExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(deleteOnExit);
            } catch (IllegalStateException e) {
                // the process is already ending and the hook runs anyway; it finds nothing to delete
            }
            deleteOnExit = null;
        }
    }

    /** Makes a rename durable where the platform allows opening a folder (Linux, macOS); elsewhere a no-op. */
    private static void syncDirectory(Path directory) {
        try (FileChannel folder = FileChannel.open(directory, StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            // Windows cannot open a folder as a file; its rename is durable once the file itself was synced
        }
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
        return DriverManager.getConnection("jdbc:sqlite:" + (building != null ? building : path.toAbsolutePath()),
                config.toProperties());
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
        if (building != null) {
            // never published: no import finished, so there is no case to keep
            discardQuietly();
            stopDeletingOnExit();
            return;
        }
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot close case " + path + ": " + e.getMessage(), e);
        }
    }
}
