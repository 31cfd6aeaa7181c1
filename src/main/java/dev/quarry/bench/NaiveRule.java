package dev.quarry.bench;

import dev.quarry.store.CaseFile;
import dev.quarry.store.CaseOverview;
import dev.quarry.store.CaseRecords;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The baseline a detector must beat: flag every account that shares an IP address or a payment
 * fingerprint (card) with another account, or whose request volume is in the top 1% of accounts.
 */
public final class NaiveRule {

    private NaiveRule() {
    }

    public static Set<String> flagged(CaseFile caseFile) throws SQLException {
        Set<String> flagged = new HashSet<>();
        try (Statement statement = caseFile.connection().createStatement()) {
            sharers(statement, "SELECT ip, account_id FROM events WHERE ip IS NOT NULL AND ip <> '' "
                    + "GROUP BY ip, account_id ORDER BY ip", flagged);
            sharers(statement, "SELECT payment_fingerprint, account_id FROM accounts WHERE payment_fingerprint IS NOT NULL "
                    + "AND payment_fingerprint <> '' ORDER BY payment_fingerprint", flagged);
            // per-account volume is read where every screen and packet reads it (accounts with events only)
            List<String> byVolume = CaseRecords.accountActivity(caseFile).stream()
                    .filter(account -> account.events() > 0)
                    .sorted(Comparator.comparingLong(CaseOverview.AccountActivity::events).reversed()
                            .thenComparing(CaseOverview.AccountActivity::accountId))
                    .map(CaseOverview.AccountActivity::accountId)
                    .toList();
            int top = (int) Math.ceil(byVolume.size() * 0.01);
            flagged.addAll(byVolume.subList(0, top));
        }
        return flagged;
    }

    /** Rows are (value, account) sorted by value; every account whose value another account also has is added. */
    private static void sharers(Statement statement, String sql, Set<String> flagged) throws SQLException {
        String value = null;
        List<String> holders = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                if (!rs.getString(1).equals(value)) {
                    addIfShared(holders, flagged);
                    value = rs.getString(1);
                    holders.clear();
                }
                holders.add(rs.getString(2));
            }
        }
        addIfShared(holders, flagged);
    }

    private static void addIfShared(List<String> holders, Set<String> flagged) {
        if (holders.size() > 1) {
            flagged.addAll(holders);
        }
    }
}
