package dev.quarry.ingest;

import dev.quarry.model.FieldType;
import dev.quarry.model.ProgressListener;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.ToLongFunction;

/**
 * Writes validated batches into the case inside the import's transaction and counts, exactly, what
 * each row became: accepted or duplicate (its request_id already in the case or earlier in the file).
 *
 * <p>Two ways to settle duplicates, same outcome. For an import that is small next to the case, the
 * unique index on {@code events.request_id} does it: {@code INSERT OR IGNORE}, and a row that changed
 * nothing is a duplicate. For a bulk import (a file as big as the case or bigger), keeping a unique
 * index on random ids up to date row by row costs more than everything else together, so the events
 * indexes are dropped for the duration of the transaction and rebuilt at the end (one sort). Meanwhile
 * each request_id's 64-bit fingerprint is checked against those already in the case and in the file: a
 * new fingerprint proves a new id; a repeated one only makes the row a suspect, parked in a temporary
 * table and inserted with {@code INSERT OR IGNORE} once the unique index is back, which decides it
 * exactly. A hash collision therefore never turns a row into a duplicate.
 *
 * <p>Accounts met in events get an {@code accounts} row (attributes unknown, no source) unless one
 * exists; an accounts file fills those rows in, and only a second file row for an account counts as a
 * duplicate.
 */
final class CaseWriter implements AutoCloseable {

    /** Accounts known to have a row, so events of busy accounts do not re-insert them; bounds memory. */
    private static final int KNOWN_ACCOUNTS = 100_000;
    private static final String SUSPECTS = "temp.ingest_suspects";
    /**
     * SQLite's page cache during a bulk import, in KiB. Appending rows to the table without indexes needs
     * no cache to speak of, and the sorter behind CREATE INDEX keeps runs as large as the page cache in
     * memory: with the import's 256 MiB it sorted all keys in one list far bigger than any CPU cache.
     * Measured (docs/benchmarks/ingest.md, branch ingest4): the three index builds took about half the
     * CPU with 2 MiB, and the whole import less CPU, much of it system time spent filling the big cache.
     */
    static final int BULK_CACHE_KIB = 2 * 1024;

    private final Connection connection;
    private final long sourceId;
    private final boolean bulk;
    private final int cacheKib;
    private final ToLongFunction<String> fingerprint;
    private final PreparedStatement rejectedInsert;
    private final Set<String> knownAccounts = new HashSet<>();
    private RecordKind kind;
    private String columnList;
    private PreparedStatement rowInsert;
    private PreparedStatement suspectInsert;
    private PreparedStatement accountFromEvent;
    private boolean bulkStarted;
    private final List<String> droppedIndexes = new ArrayList<>();
    private long suspects;
    private long accepted;
    private long duplicate;
    private long accountsCreated;

    /**
     * @param bulk         whether to rebuild the events indexes at the end instead of maintaining them per
     *                     row; worth it when the file is large next to the events already in the case
     * @param cacheKib     the page cache for probing the unique request_id index: during a small import,
     *                     and while a bulk import settles its suspected duplicates
     * @param fingerprint  the request-id fingerprint, {@link FingerprintSet#of} but in tests
     */
    CaseWriter(Connection connection, long sourceId, boolean bulk, int cacheKib, ToLongFunction<String> fingerprint) throws SQLException {
        this.fingerprint = fingerprint;
        this.cacheKib = cacheKib;
        this.connection = connection;
        this.sourceId = sourceId;
        this.bulk = bulk;
        this.rejectedInsert = connection.prepareStatement(
                "INSERT INTO rejected_rows(source_id, line, reason, raw) VALUES (?, ?, ?, ?)");
    }

    void write(RowBatch batch) throws SQLException {
        if (batch.size > 0) {
            prepare(batch.kind);
            int accountColumn = kind.indexOf("account_id");
            int requestColumn = kind.indexOf("request_id");
            int inserted = 0;
            for (int row = 0; row < batch.size; row++) {
                if (bulk && batch.suspect[row]) {
                    bindRow(suspectInsert, batch, row);
                    suspectInsert.addBatch();
                    suspects++;
                } else {
                    bindRow(rowInsert, batch, row);
                    rowInsert.addBatch();
                    inserted++;
                    if (bulk && batch.newAccount[row]) {
                        accountFromEvent.setString(1, batch.text[accountColumn][row]);
                        accountFromEvent.addBatch();
                    }
                }
            }
            if (inserted > 0) {
                int[] changes = rowInsert.executeBatch();
                if (bulk) {
                    // no unique index during a bulk import: a row that is not a suspect is new
                    for (int change : changes) {
                        accepted += change;
                    }
                } else {
                    for (int row = 0; row < changes.length; row++) {
                        if (changes[row] > 0) {
                            accepted++;
                            if (kind == RecordKind.EVENTS) {
                                ensureAccount(batch.text[accountColumn][row]);
                            }
                        } else {
                            duplicate++;
                        }
                    }
                }
            }
            if (suspectInsert != null) {
                suspectInsert.executeBatch();
            }
            if (accountFromEvent != null) {
                for (int change : accountFromEvent.executeBatch()) {
                    accountsCreated += change;
                }
            }
        }
        for (RowBatch.Rejection rejection : batch.rejections) {
            rejectedInsert.setLong(1, sourceId);
            rejectedInsert.setLong(2, rejection.line());
            rejectedInsert.setString(3, rejection.reason());
            rejectedInsert.setString(4, rejection.raw() == null ? "" : rejection.raw());
            rejectedInsert.addBatch();
        }
        if (!batch.rejections.isEmpty()) {
            rejectedInsert.executeBatch();
        }
    }

    /** Completes a bulk import: rebuilds the indexes, then settles the suspected duplicates exactly. */
    void finish(ProgressListener progress, String file) throws SQLException {
        if (!bulkStarted) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            progress.progress(0, -1, file + ": rebuilding the events indexes");
            for (String sql : droppedIndexes) {
                statement.execute(sql);
            }
            // settling suspects probes the unique index at random: that wants the big cache back
            statement.execute("PRAGMA cache_size = -" + cacheKib);
            if (suspects > 0) {
                progress.progress(0, -1, file + ": settling " + suspects + " possible duplicates");
                int inserted = statement.executeUpdate("INSERT OR IGNORE INTO events(" + columnList + ") SELECT "
                        + columnList + " FROM " + SUSPECTS + " ORDER BY rowid");
                accepted += inserted;
                duplicate += suspects - inserted;
                try (PreparedStatement accounts = connection.prepareStatement("INSERT OR IGNORE INTO accounts(account_id)"
                        + " SELECT DISTINCT s.account_id FROM " + SUSPECTS + " s JOIN events e ON e.request_id = s.request_id"
                        + " WHERE e.source_id = ? AND e.account_id = s.account_id")) {
                    accounts.setLong(1, sourceId);
                    accountsCreated += accounts.executeUpdate();
                }
            }
            statement.execute("DROP TABLE IF EXISTS " + SUSPECTS);
        }
    }

    private void bindRow(PreparedStatement insert, RowBatch batch, int row) throws SQLException {
        int columns = kind.columnCount();
        for (int c = 0; c < columns; c++) {
            bind(insert, batch, c, row);
        }
        bindText(insert, columns + 1, batch.extra[row], batch.extraUtf8[row]);
    }

    /**
     * Binds text as the UTF-8 bytes the reading thread prepared; the statement casts them to TEXT (see
     * {@link #textMark}), so the stored value is the same text as {@code setString} would store. The
     * empty string is bound as a string: the driver may bind an empty byte array as NULL.
     */
    private static void bindText(PreparedStatement insert, int parameter, String value, byte[] utf8) throws SQLException {
        if (value == null) {
            insert.setNull(parameter, Types.VARCHAR);
        } else if (utf8 == null || utf8.length == 0) {
            insert.setString(parameter, value);
        } else {
            insert.setBytes(parameter, utf8);
        }
    }

    private void bind(PreparedStatement insert, RowBatch batch, int column, int row) throws SQLException {
        int parameter = column + 1;
        FieldType type = kind.type(column);
        if (type == FieldType.TEXT) {
            bindText(insert, parameter, batch.text[column][row], batch.utf8[column][row]);
        } else if (type == FieldType.REAL) {
            double value = batch.reals[column][row];
            if (Double.isNaN(value)) {
                insert.setNull(parameter, Types.REAL);
            } else {
                insert.setDouble(parameter, value);
            }
        } else {
            long value = batch.integers[column][row];
            if (value == RowBatch.NO_LONG) {
                insert.setNull(parameter, Types.INTEGER);
            } else {
                insert.setLong(parameter, value);
            }
        }
    }

    /** The parameter of a text column: bound as UTF-8 bytes (a BLOB), stored as TEXT. */
    private static String textMark() {
        return "CAST(? AS TEXT)";
    }

    private void ensureAccount(String accountId) throws SQLException {
        if (knownAccounts.size() == KNOWN_ACCOUNTS) {
            knownAccounts.clear();
        }
        if (knownAccounts.add(accountId)) {
            accountFromEvent.setString(1, accountId);
            accountFromEvent.addBatch();
        }
    }

    private void prepare(RecordKind batchKind) throws SQLException {
        if (kind == batchKind) {
            return;
        }
        kind = batchKind;
        StringJoiner names = new StringJoiner(", ");
        StringJoiner marks = new StringJoiner(", ");
        for (int c = 0; c < kind.columnCount(); c++) {
            names.add(kind.column(c));
            marks.add(kind.type(c) == FieldType.TEXT ? textMark() : "?");
        }
        names.add("extra").add("source_id");
        // the source id is our own number, not input: written into the statement, it saves a bind per row
        marks.add(textMark()).add(Long.toString(sourceId));
        columnList = names.toString();
        if (kind == RecordKind.EVENTS) {
            if (bulk) {
                dropIndexes();
                suspectInsert = connection.prepareStatement("INSERT INTO " + SUSPECTS + "(" + names + ") VALUES (" + marks + ")");
            }
            rowInsert = connection.prepareStatement("INSERT OR IGNORE INTO events(" + names + ") VALUES (" + marks + ")");
            accountFromEvent = connection.prepareStatement("INSERT OR IGNORE INTO accounts(account_id) VALUES (?)");
        } else {
            // A row created from events (no source) is filled in; a row from an accounts file is kept.
            StringJoiner updates = new StringJoiner(", ");
            for (int c = 1; c < kind.columnCount(); c++) {
                updates.add(kind.column(c) + " = excluded." + kind.column(c));
            }
            updates.add("extra = excluded.extra").add("source_id = excluded.source_id");
            rowInsert = connection.prepareStatement("INSERT INTO accounts(" + names + ") VALUES (" + marks + ")"
                    + " ON CONFLICT(account_id) DO UPDATE SET " + updates + " WHERE accounts.source_id IS NULL");
        }
    }

    /**
     * For a bulk import: the fingerprints of the request ids already in the case, for the reading thread
     * to mark suspected duplicates with (see {@link RowAssembler}).
     */
    FingerprintSet loadFingerprints(long expectedRows) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            long existing;
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM events")) {
                existing = rs.next() ? rs.getLong(1) : 0;
            }
            FingerprintSet fingerprints = new FingerprintSet(existing + expectedRows, fingerprint);
            try (ResultSet rs = statement.executeQuery("SELECT request_id FROM events")) {
                while (rs.next()) {
                    fingerprints.addId(rs.getString(1));
                }
            }
            return fingerprints;
        }
    }

    /** Drops the events indexes, rebuilt by {@link #finish}, and makes room for suspects. */
    private void dropIndexes() throws SQLException {
        List<String[]> indexes = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL")) {
                while (rs.next()) {
                    indexes.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] index : indexes) {
                statement.execute("DROP INDEX \"" + index[0].replace("\"", "\"\"") + "\"");
                droppedIndexes.add(index[1]);
            }
            statement.execute("DROP TABLE IF EXISTS " + SUSPECTS);
            statement.execute("CREATE TABLE " + SUSPECTS + " AS SELECT " + columnList + " FROM events WHERE 0");
            // tests pass a tinier cache still, to make SQLite spill mid-import
            statement.execute("PRAGMA cache_size = -" + Math.min(cacheKib, BULK_CACHE_KIB));
            bulkStarted = true;
        }
    }

    long accepted() {
        return accepted;
    }

    long duplicate() {
        return duplicate;
    }

    long accountsCreated() {
        return accountsCreated;
    }

    @Override
    public void close() throws SQLException {
        rejectedInsert.close();
        for (PreparedStatement statement : new PreparedStatement[] {rowInsert, suspectInsert, accountFromEvent}) {
            if (statement != null) {
                statement.close();
            }
        }
    }
}
