package dev.quarry.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What an analyst sees first on opening a case: what was imported from where, how much of it was
 * accepted, and the accounts with their activity.
 */
public record CaseOverview(long events, long accounts, long rejected, Long firstTs, Long lastTs,
                           List<Source> sources, List<AccountActivity> activity) {

    public record Source(long sourceId, String path, String format, String kind, String importedAt,
                         long read, long accepted, long duplicate, long rejected, String sha256) {
    }

    public record AccountActivity(String accountId, long events, Long firstTs, Long lastTs) {
    }

    public static CaseOverview load(CaseFile caseFile) throws StoreException {
        Connection connection = caseFile.connection();
        try (Statement statement = connection.createStatement()) {
            long events = count(statement, "SELECT count(*) FROM events");
            long accounts = count(statement, "SELECT count(*) FROM accounts");
            long rejected = count(statement, "SELECT count(*) FROM rejected_rows");
            Long first = null;
            Long last = null;
            try (ResultSet rs = statement.executeQuery("SELECT min(ts), max(ts) FROM events")) {
                if (rs.next()) {
                    first = nullableLong(rs, 1);
                    last = nullableLong(rs, 2);
                }
            }
            List<Source> sources = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT source_id, path, format, kind, imported_at, rows_read, "
                    + "rows_accepted, rows_duplicate, rows_rejected, sha256 FROM sources ORDER BY source_id")) {
                while (rs.next()) {
                    sources.add(new Source(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getString(10)));
                }
            }
            List<AccountActivity> activity = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT a.account_id, coalesce(e.n, 0), e.first_ts, e.last_ts FROM accounts a LEFT JOIN "
                    // aggregate first: one scan of events, whatever indexes the case has
                    + "(SELECT account_id, count(*) AS n, min(ts) AS first_ts, max(ts) AS last_ts FROM events GROUP BY account_id) e "
                    + "ON e.account_id = a.account_id ORDER BY coalesce(e.n, 0) DESC, a.account_id")) {
                while (rs.next()) {
                    activity.add(new AccountActivity(rs.getString(1), rs.getLong(2),
                            nullableLong(rs, 3), nullableLong(rs, 4)));
                }
            }
            return new CaseOverview(events, accounts, rejected, first, last, List.copyOf(sources), List.copyOf(activity));
        } catch (SQLException e) {
            throw new StoreException("cannot read case " + caseFile.path() + ": " + e.getMessage(), e);
        }
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
