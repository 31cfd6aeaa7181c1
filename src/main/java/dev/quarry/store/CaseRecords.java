package dev.quarry.store;

import dev.quarry.model.EventField;
import dev.quarry.model.FieldType;
import dev.quarry.model.ProgressListener;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The reads of a case's recorded material that export, the benchmarks and the workbench share: the
 * imported sources, each account's activity, and the events themselves, streamed. One place for this
 * SQL, so every consumer counts the same way.
 */
public final class CaseRecords {

    /** One event row, its values in {@link EventField} order (Long, Double or String; null when absent). */
    public record EventRow(long eventId, Object[] values, long sourceId) {

        public Object value(EventField field) {
            return values[field.ordinal()];
        }

        public String text(EventField field) {
            Object value = values[field.ordinal()];
            return value == null ? null : value.toString();
        }

        public String accountId() {
            return (String) values[EventField.ACCOUNT_ID.ordinal()];
        }

        public long ts() {
            return (Long) values[EventField.TS.ordinal()];
        }
    }

    @FunctionalInterface
    public interface EventVisitor {
        void visit(EventRow event) throws Exception;
    }

    private static final String EVENT_COLUMNS = Stream.of(EventField.values()).map(EventField::column)
            .collect(Collectors.joining(", "));

    private CaseRecords() {
    }

    public static List<CaseOverview.Source> sources(CaseFile caseFile) throws SQLException {
        List<CaseOverview.Source> sources = new ArrayList<>();
        try (Statement statement = caseFile.connection().createStatement();
             ResultSet rs = statement.executeQuery("SELECT source_id, path, format, kind, imported_at, rows_read, "
                     + "rows_accepted, rows_duplicate, rows_rejected, sha256, bytes FROM sources ORDER BY source_id")) {
            while (rs.next()) {
                sources.add(new CaseOverview.Source(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getString(10),
                        rs.getLong(11)));
            }
        }
        return sources;
    }

    /**
     * Every account the case knows (the accounts table, which ingest fills from events too) with its
     * request count and first and last request, by account id. One scan of the events table.
     */
    public static List<CaseOverview.AccountActivity> accountActivity(CaseFile caseFile) throws SQLException {
        List<CaseOverview.AccountActivity> activity = new ArrayList<>();
        try (Statement statement = caseFile.connection().createStatement();
             ResultSet rs = statement.executeQuery("SELECT ids.account_id, coalesce(e.n, 0), e.first_ts, e.last_ts FROM "
                     + "(SELECT account_id FROM accounts UNION SELECT account_id FROM events) ids LEFT JOIN "
                     // aggregate first: one scan of events, whatever indexes the case has
                     + "(SELECT account_id, count(*) AS n, min(ts) AS first_ts, max(ts) AS last_ts FROM events "
                     + "GROUP BY account_id) e ON e.account_id = ids.account_id ORDER BY ids.account_id")) {
                while (rs.next()) {
                    activity.add(new CaseOverview.AccountActivity(rs.getString(1), rs.getLong(2),
                            nullableLong(rs, 3), nullableLong(rs, 4)));
                }
        }
        return activity;
    }

    /**
     * Streams every event in the order it was stored, never holding more than one row, and reports
     * progress against {@code total} (the case's event count, or -1).
     */
    public static long events(CaseFile caseFile, long total, ProgressListener progress, EventVisitor visitor)
            throws Exception {
        long seen = 0;
        try (Statement statement = caseFile.connection().createStatement()) {
            statement.setFetchSize(4_096);
            try (ResultSet rs = statement.executeQuery("SELECT event_id, " + EVENT_COLUMNS + ", source_id FROM events "
                    + "ORDER BY event_id")) {
                EventField[] fields = EventField.values();
                while (rs.next()) {
                    Object[] values = new Object[fields.length];
                    for (int i = 0; i < fields.length; i++) {
                        values[i] = read(rs, i + 2, fields[i].type());
                    }
                    visitor.visit(new EventRow(rs.getLong(1), values, rs.getLong(fields.length + 2)));
                    if (++seen % 50_000 == 0) {
                        progress.progress(seen, total, "reading events", ProgressListener.EVENTS);
                        progress.checkCancelled();
                    }
                }
            }
        }
        return seen;
    }

    public static long eventCount(CaseFile caseFile) throws SQLException {
        try (Statement statement = caseFile.connection().createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM events")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static Object read(ResultSet rs, int column, FieldType type) throws SQLException {
        Object value = switch (type) {
            case TIMESTAMP, INTEGER -> rs.getLong(column);
            case REAL -> rs.getDouble(column);
            default -> rs.getString(column);
        };
        return rs.wasNull() ? null : value;
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
