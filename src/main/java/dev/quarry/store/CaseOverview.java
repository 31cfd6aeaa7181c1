package dev.quarry.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What an analyst sees first on opening a case: what was imported from where, how much of it was
 * accepted, and the accounts with their activity.
 */
public record CaseOverview(long events, long accounts, long rejected, Long firstTs, Long lastTs,
                           List<Source> sources, List<AccountActivity> activity) {

    public record Source(long sourceId, String path, String format, String kind, String importedAt,
                         long read, long accepted, long duplicate, long rejected, String sha256, long bytes) {
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
            List<Source> sources = CaseRecords.sources(caseFile);
            // busiest accounts first, as the overview lists them
            List<AccountActivity> activity = new ArrayList<>(CaseRecords.accountActivity(caseFile));
            activity.sort(Comparator.comparingLong(AccountActivity::events).reversed()
                    .thenComparing(AccountActivity::accountId));
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
