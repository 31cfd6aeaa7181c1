package dev.quarry.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows an import rejected, one page at a time (a bad extract may have millions), in file order:
 * line, reason and the raw text as it was in the file. The raw text is untrusted; callers show it as
 * plain text.
 */
public final class RejectedRows {

    public record Row(long line, String reason, String raw) {
    }

    private RejectedRows() {
    }

    /** Up to {@code limit} rejected rows of one source from the {@code offset}-th on. */
    public static List<Row> page(CaseFile caseFile, long sourceId, int offset, int limit) throws StoreException {
        try (PreparedStatement query = caseFile.connection().prepareStatement(
                "SELECT line, reason, raw FROM rejected_rows WHERE source_id = ? ORDER BY line, rejected_id LIMIT ? OFFSET ?")) {
            query.setLong(1, sourceId);
            query.setInt(2, limit);
            query.setInt(3, offset);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("cannot read the rejected rows of source " + sourceId + " in " + caseFile.path()
                    + ": " + e.getMessage(), e);
        }
    }
}
