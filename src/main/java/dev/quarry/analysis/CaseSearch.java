package dev.quarry.analysis;

import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import dev.quarry.store.StoreException;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the accounts a searched value points at: an account id (or part of one), a card fingerprint
 * or BIN, an e-mail, a signup IP, or an IP seen in the events. The events have no IP index, so an IP
 * search reads them once, with progress and Cancel.
 */
public final class CaseSearch {

    private CaseSearch() {
    }

    public static Set<String> accounts(CaseFile caseFile, String text, ProgressListener progress) throws StoreException {
        String needle = text.strip();
        Set<String> found = new TreeSet<>();
        try {
            try (PreparedStatement query = caseFile.connection().prepareStatement("SELECT account_id FROM accounts "
                    + "WHERE instr(lower(account_id), lower(?)) > 0 OR payment_fingerprint = ? OR card_bin = ? "
                    + "OR lower(email) = lower(?) OR signup_ip = ?")) {
                for (int i = 1; i <= 5; i++) {
                    query.setString(i, needle);
                }
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
            if (looksLikeAddress(needle)) {
                progress.progress(0, -1, "looking for IP " + needle + " in the events");
                try (PreparedStatement query = caseFile.connection().prepareStatement(
                        "SELECT DISTINCT account_id FROM events WHERE ip = ?")) {
                    query.setString(1, needle);
                    try (ResultSet rs = query.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getString(1));
                        }
                    }
                }
            }
            return found;
        } catch (SQLException e) {
            throw new StoreException("cannot search " + caseFile.path() + " for " + needle + ": " + e.getMessage(), e);
        }
    }

    static boolean looksLikeAddress(String text) {
        return text.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (text.contains(":") && text.matches("[0-9a-fA-F:]+"));
    }
}
