package dev.quarry.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The case's audit log: one entry per analyst action (import, analysis run, verdict, note, tag,
 * export), each numbered and chained to the one before by hash. Recomputing the chain shows an
 * entry edited, removed from the middle, inserted or reordered; it cannot show entries cut from the
 * end, which is why every packet records the head (sequence number and hash) it was made from.
 */
public final class AuditLog {

    /** Entries written before schema 5 hash (previous, at, action, detail); from then on the sequence number too. */
    static final int LEGACY_SCHEME = 1;
    static final int SCHEME = 2;

    public record Entry(long seq, String at, String action, String detail, String prevHash, String hash, int scheme) {

        public String describe() {
            return String.format(Locale.ROOT, "audit entry %d (%s at %s)", seq, action, at);
        }
    }

    /** The newest entry: what a packet pins. Sequence 0 and an empty hash for a log with no entry yet. */
    public record Head(long seq, String hash) {
        public static final Head EMPTY = new Head(0, "");
    }

    /**
     * The outcome of recomputing the chain.
     *
     * @param firstBroken the first entry that does not hold (null when the chain is intact)
     * @param problem     what is wrong with it, in words
     */
    public record ChainCheck(long entries, Head head, Entry firstBroken, String problem) {

        public boolean intact() {
            return firstBroken == null;
        }
    }

    private AuditLog() {
    }

    /** Appends an entry on {@code connection} (inside the caller's transaction, if any) and returns the new head. */
    static Head append(Connection connection, String action, String detail) throws SQLException {
        Head previous = head(connection);
        long seq = previous.seq() + 1;
        String at = Instant.now().toString();
        String hash = hash(SCHEME, seq, previous.hash(), at, action, detail);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_log(seq, at, action, detail, prev_hash, hash, scheme) VALUES (?,?,?,?,?,?,?)")) {
            insert.setLong(1, seq);
            insert.setString(2, at);
            insert.setString(3, action);
            insert.setString(4, detail);
            insert.setString(5, previous.hash());
            insert.setString(6, hash);
            insert.setInt(7, SCHEME);
            insert.executeUpdate();
        }
        return new Head(seq, hash);
    }

    public static Head head(CaseFile caseFile) throws SQLException {
        return head(caseFile.connection());
    }

    private static Head head(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")) {
            return rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : Head.EMPTY;
        }
    }

    public static Optional<Entry> entry(CaseFile caseFile, long seq) throws SQLException {
        try (PreparedStatement query = caseFile.connection().prepareStatement(
                "SELECT seq, at, action, detail, prev_hash, hash, scheme FROM audit_log WHERE seq = ?")) {
            query.setLong(1, seq);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
            }
        }
    }

    /** Every entry, oldest first. */
    public static List<Entry> entries(CaseFile caseFile) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (Statement statement = caseFile.connection().createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT seq, at, action, detail, prev_hash, hash, scheme FROM audit_log ORDER BY seq, audit_id")) {
            while (rs.next()) {
                entries.add(entry(rs));
            }
        }
        return entries;
    }

    /** Recomputes the chain from the first entry and stops at the first one that does not hold. */
    public static ChainCheck verify(CaseFile caseFile) throws SQLException {
        long expectedSeq = 1;
        String previous = "";
        Head head = Head.EMPTY;
        long entries = 0;
        for (Entry entry : entries(caseFile)) {
            entries++;
            if (entry.seq() != expectedSeq) {
                String problem = entry.seq() > expectedSeq
                        ? String.format(Locale.ROOT, "entries %s are missing: the sequence jumps from %d to %d",
                        expectedSeq == entry.seq() - 1 ? Long.toString(expectedSeq) : expectedSeq + " to " + (entry.seq() - 1),
                        expectedSeq - 1, entry.seq())
                        : String.format(Locale.ROOT, "sequence number %d repeats or goes back (expected %d)",
                        entry.seq(), expectedSeq);
                return new ChainCheck(entries, head, entry, problem);
            }
            if (!previous.equals(entry.prevHash())) {
                return new ChainCheck(entries, head, entry, "it does not follow the entry before it (its previous hash is "
                        + abbreviate(entry.prevHash()) + ", the entry before has " + abbreviate(previous)
                        + "): an entry before it was removed, inserted or replaced");
            }
            if (!hash(entry.scheme(), entry.seq(), entry.prevHash(), entry.at(), entry.action(), entry.detail())
                    .equals(entry.hash())) {
                return new ChainCheck(entries, head, entry, "its content does not match its hash: the entry was edited");
            }
            previous = entry.hash();
            head = new Head(entry.seq(), entry.hash());
            expectedSeq++;
        }
        return new ChainCheck(entries, head, null, null);
    }

    /** The hash an entry must carry given its sequence number, its predecessor's hash and its own fields. */
    static String hash(int scheme, long seq, String previousHash, String at, String action, String detail) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            if (scheme != LEGACY_SCHEME) {
                digest.update(Long.toString(seq).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            for (String part : new String[] {previousHash, at, action, detail == null ? "" : detail}) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static String abbreviate(String hash) {
        return hash == null || hash.isEmpty() ? "(none)" : hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getInt(7));
    }
}
