package dev.quarry.ingest;

import dev.quarry.model.FieldType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Writes validated batches into the case inside the import's transaction, counting what each insert
 * did: an event whose request_id is already in the case is ignored by the unique index and counted as
 * a duplicate, exactly. Accounts met in events get an {@code accounts} row (attributes unknown, no
 * source) unless one exists; an accounts file fills those rows in, and only a second file row for the
 * same account counts as a duplicate.
 */
final class CaseWriter implements AutoCloseable {

    /** Accounts known to have a row, so events of busy accounts do not re-insert them. */
    private static final int KNOWN_ACCOUNTS = 100_000;

    private final Connection connection;
    private final long sourceId;
    private final PreparedStatement rejectedInsert;
    private PreparedStatement rowInsert;
    private PreparedStatement accountFromEvent;
    private RecordKind kind;
    private final Map<String, Boolean> knownAccounts = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > KNOWN_ACCOUNTS;
        }
    };
    private long accepted;
    private long duplicate;
    private long accountsCreated;

    CaseWriter(Connection connection, long sourceId) throws SQLException {
        this.connection = connection;
        this.sourceId = sourceId;
        this.rejectedInsert = connection.prepareStatement(
                "INSERT INTO rejected_rows(source_id, line, reason, raw) VALUES (?, ?, ?, ?)");
    }

    void write(RowBatch batch) throws SQLException {
        if (batch.size > 0) {
            prepare(batch.kind);
            int columns = kind.columnCount();
            for (int row = 0; row < batch.size; row++) {
                for (int c = 0; c < columns; c++) {
                    bind(batch, c, row);
                }
                String extra = batch.extra[row];
                if (extra == null) {
                    rowInsert.setNull(columns + 1, Types.VARCHAR);
                } else {
                    rowInsert.setString(columns + 1, extra);
                }
                rowInsert.setLong(columns + 2, sourceId);
                rowInsert.addBatch();
            }
            int[] changes = rowInsert.executeBatch();
            int accountColumn = kind.indexOf("account_id");
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
            if (kind == RecordKind.EVENTS) {
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

    private void bind(RowBatch batch, int column, int row) throws SQLException {
        int parameter = column + 1;
        FieldType type = kind.type(column);
        if (type == FieldType.TEXT) {
            String value = batch.text[column][row];
            if (value == null) {
                rowInsert.setNull(parameter, Types.VARCHAR);
            } else {
                rowInsert.setString(parameter, value);
            }
        } else if (type == FieldType.REAL) {
            double value = batch.reals[column][row];
            if (Double.isNaN(value)) {
                rowInsert.setNull(parameter, Types.REAL);
            } else {
                rowInsert.setDouble(parameter, value);
            }
        } else {
            long value = batch.integers[column][row];
            if (value == RowBatch.NO_LONG) {
                rowInsert.setNull(parameter, Types.INTEGER);
            } else {
                rowInsert.setLong(parameter, value);
            }
        }
    }

    private void ensureAccount(String accountId) throws SQLException {
        if (knownAccounts.put(accountId, Boolean.TRUE) == null) {
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
            marks.add("?");
        }
        names.add("extra").add("source_id");
        marks.add("?").add("?");
        if (kind == RecordKind.EVENTS) {
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
        if (rowInsert != null) {
            rowInsert.close();
        }
        if (accountFromEvent != null) {
            accountFromEvent.close();
        }
    }
}
