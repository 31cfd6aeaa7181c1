package dev.quarry.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the analyst records in a case: verdicts, notes and tags (the tables of schema V2). Every
 * write is one transaction together with its audit-log entry, so the log never misses a decision and
 * never records one that was not stored.
 *
 * <p>Accounts are recorded by account id, which every run shares, so their verdicts, notes and tags
 * survive any re-analysis. A campaign id only means something within its run: a campaign's verdict is
 * recorded for (run, campaign) and <em>carried</em> to a campaign of a later run that holds the same
 * members, judged by {@link #CARRY_MIN_OVERLAP}. A carried verdict says where it came from.
 */
public final class CaseWork {

    /**
     * Least Jaccard overlap (shared members / members of either) between an earlier run's campaign
     * and a later run's campaign for the earlier verdict to carry over. 0.9 keeps a verdict on a
     * campaign that gained or lost a member or two in a re-run with another seed, and drops it when
     * a campaign split or merged with another (then at most about half the members are shared).
     */
    public static final double CARRY_MIN_OVERLAP = 0.9;

    public enum Decision {
        /** Confirmed abusive: part of an extraction campaign. */
        ABUSIVE,
        /** Reviewed and legitimate. */
        LEGITIMATE,
        /** Needs review: looked at, no decision yet. */
        UNDECIDED;

        /** The word stored in the case and used on the command line. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Decision fromWord(String word) {
            for (Decision decision : values()) {
                if (decision.word().equalsIgnoreCase(word.trim())) {
                    return decision;
                }
            }
            throw new IllegalArgumentException("unknown decision '" + word + "': use abusive, legitimate or undecided");
        }
    }

    public enum SubjectKind {
        CASE, ACCOUNT, CAMPAIGN;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        static SubjectKind fromWord(String word) {
            return valueOf(word.toUpperCase(Locale.ROOT));
        }
    }

    /** What a verdict, note or tag is about: the case, an account (any run), or a campaign of one run. */
    public record Subject(SubjectKind kind, String id, Long runId) {

        public static Subject wholeCase() {
            return new Subject(SubjectKind.CASE, null, null);
        }

        public static Subject account(String accountId) {
            return new Subject(SubjectKind.ACCOUNT, accountId, null);
        }

        public static Subject campaign(long runId, int campaignId) {
            return new Subject(SubjectKind.CAMPAIGN, Integer.toString(campaignId), runId);
        }

        public Integer campaignId() {
            return kind == SubjectKind.CAMPAIGN ? Integer.valueOf(id) : null;
        }

        /** How the analyst reads it: "account acct-7", "campaign 3 of run 2", "the case". */
        public String describe() {
            return switch (kind) {
                case CASE -> "the case";
                case ACCOUNT -> "account " + id;
                case CAMPAIGN -> "campaign " + id + " of run " + runId;
            };
        }
    }

    /**
     * A decision. {@code carriedFrom} is null for a verdict recorded on this very subject; for a
     * campaign verdict carried from an earlier run it is the campaign it was recorded on, with the
     * share of members the two have in common.
     */
    public record Verdict(long verdictId, Subject subject, Decision decision, String author, Instant decidedAt,
                          String comment, Carry carriedFrom) {

        public boolean carried() {
            return carriedFrom != null;
        }

        /** "abusive", or "abusive (carried from run 1)" — as the screens and exports show it. */
        public String display() {
            return carriedFrom == null ? decision.word() : decision.word() + " (carried from run " + carriedFrom.runId() + ")";
        }
    }

    public record Carry(long runId, int campaignId, double overlap) {
    }

    public record Note(long noteId, Subject subject, String author, Instant createdAt, String text) {
    }

    public record Tag(Subject subject, String tag, String author, Instant createdAt) {
    }

    private final CaseFile caseFile;
    private final String author;

    /** {@code author} is who records (the operating-system user, as a shared case's log should show). */
    public CaseWork(CaseFile caseFile, String author) {
        this.caseFile = caseFile;
        this.author = author == null || author.isBlank() ? "analyst" : author;
    }

    public CaseWork(CaseFile caseFile) {
        this(caseFile, System.getProperty("user.name"));
    }

    // ---------------------------------------------------------------- writing

    public Verdict recordVerdict(Subject subject, Decision decision, String comment) throws StoreException {
        if (subject.kind() == SubjectKind.CASE) {
            throw new IllegalArgumentException("a verdict is on an account or a campaign, not on the whole case");
        }
        String cleanComment = comment == null || comment.isBlank() ? null : comment.strip();
        Instant at = Instant.now();
        return inTransaction("record a verdict on " + subject.describe(), connection -> {
            requireExists(connection, subject);
            long id;
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO verdicts(subject_kind, subject_id, run_id, decision, author, decided_at, comment) "
                            + "VALUES (?,?,?,?,?,?,?)", PreparedStatement.RETURN_GENERATED_KEYS)) {
                bindSubject(insert, subject);
                insert.setString(4, decision.word());
                insert.setString(5, author);
                insert.setString(6, at.toString());
                insert.setString(7, cleanComment);
                insert.executeUpdate();
                id = generatedKey(insert);
            }
            caseFile.audit("verdict", subject.describe() + ": " + decision.word() + " by " + author
                    + (cleanComment == null ? "" : " — " + cleanComment));
            return new Verdict(id, subject, decision, author, at, cleanComment, null);
        });
    }

    public Note addNote(Subject subject, String text) throws StoreException {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a note needs text");
        }
        String clean = text.strip();
        Instant at = Instant.now();
        return inTransaction("add a note on " + subject.describe(), connection -> {
            requireExists(connection, subject);
            long id;
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO notes(subject_kind, subject_id, run_id, author, created_at, text) VALUES (?,?,?,?,?,?)",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                bindSubject(insert, subject);
                insert.setString(4, author);
                insert.setString(5, at.toString());
                insert.setString(6, clean);
                insert.executeUpdate();
                id = generatedKey(insert);
            }
            caseFile.audit("note", subject.describe() + " by " + author + ": " + clean);
            return new Note(id, subject, author, at, clean);
        });
    }

    /** Tags the accounts (all or none: an unknown account stops the whole change); returns how many were newly tagged. */
    public int tagAccounts(Collection<String> accountIds, String tag) throws StoreException {
        return changeTags(accountIds.stream().map(Subject::account).toList(), tag, false);
    }

    /** Removes the tag from the accounts; returns how many carried it. */
    public int untagAccounts(Collection<String> accountIds, String tag) throws StoreException {
        return changeTags(accountIds.stream().map(Subject::account).toList(), tag, true);
    }

    /** Tags or untags any subjects (accounts, or campaigns of a run); returns how many changed. */
    public int changeTags(List<Subject> subjects, String tag, boolean remove) throws StoreException {
        String name = cleanTag(tag);
        if (subjects.isEmpty()) {
            throw new IllegalArgumentException("name at least one account to tag");
        }
        Instant at = Instant.now();
        return inTransaction((remove ? "remove tag " : "tag ") + name, connection -> {
            int changed = 0;
            List<String> described = new ArrayList<>();
            for (Subject subject : subjects) {
                if (subject.kind() == SubjectKind.CASE) {
                    throw new IllegalArgumentException("tags are on accounts or campaigns, not on the whole case");
                }
                requireExists(connection, subject);
                int rows;
                if (remove) {
                    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM tags WHERE subject_kind = ? "
                            + "AND subject_id = ? AND IFNULL(run_id, 0) = IFNULL(?, 0) AND tag = ?")) {
                        bindSubject(delete, subject);
                        delete.setString(4, name);
                        rows = delete.executeUpdate();
                    }
                } else {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO tags(subject_kind, "
                            + "subject_id, run_id, tag, author, created_at) VALUES (?,?,?,?,?,?)")) {
                        bindSubject(insert, subject);
                        insert.setString(4, name);
                        insert.setString(5, author);
                        insert.setString(6, at.toString());
                        rows = insert.executeUpdate();
                    }
                }
                if (rows > 0) {
                    changed++;
                    described.add(subject.describe());
                }
            }
            if (changed > 0) {
                caseFile.audit(remove ? "untag" : "tag", "'" + name + "' " + (remove ? "removed from " : "on ")
                        + String.join(", ", described) + " by " + author);
            }
            return changed;
        });
    }

    // ---------------------------------------------------------------- reading

    /** The current (latest) verdict on each account that has one, by account id. */
    public Map<String, Verdict> accountVerdicts() throws StoreException {
        Map<String, Verdict> latest = new TreeMap<>();
        for (Verdict verdict : read("SELECT verdict_id, subject_kind, subject_id, run_id, decision, author, decided_at, "
                + "comment FROM verdicts WHERE subject_kind = 'account' ORDER BY verdict_id", null)) {
            latest.put(verdict.subject().id(), verdict);
        }
        return latest;
    }

    public Optional<Verdict> accountVerdict(String accountId) throws StoreException {
        List<Verdict> all = read("SELECT verdict_id, subject_kind, subject_id, run_id, decision, author, decided_at, "
                + "comment FROM verdicts WHERE subject_kind = 'account' AND subject_id = ? ORDER BY verdict_id DESC LIMIT 1",
                statement -> statement.setString(1, accountId));
        return all.stream().findFirst();
    }

    /**
     * The current verdict on each campaign of {@code runId}, by campaign id: the latest recorded on it,
     * or else one carried from the latest-decided campaign of an earlier run with the same members.
     */
    public Map<Integer, Verdict> campaignVerdicts(long runId) throws StoreException {
        Map<Integer, Verdict> current = new TreeMap<>();
        List<Verdict> earlier = new ArrayList<>();
        for (Verdict verdict : read("SELECT verdict_id, subject_kind, subject_id, run_id, decision, author, decided_at, "
                + "comment FROM verdicts WHERE subject_kind = 'campaign' AND run_id <= ? ORDER BY verdict_id", s -> s.setLong(1, runId))) {
            if (verdict.subject().runId() == runId) {
                current.put(verdict.subject().campaignId(), verdict);
            } else {
                earlier.add(verdict);
            }
        }
        if (earlier.isEmpty()) {
            return current;
        }
        // Only the latest decision on each earlier campaign can be carried.
        Map<Subject, Verdict> latestEarlier = new LinkedHashMap<>();
        earlier.forEach(v -> latestEarlier.put(v.subject(), v));
        try {
            Map<Integer, Set<String>> members = campaignMembers(runId);
            Map<Subject, Set<String>> earlierMembers = new HashMap<>();
            for (Subject subject : latestEarlier.keySet()) {
                earlierMembers.put(subject, members(subject.runId(), subject.campaignId()));
            }
            for (Map.Entry<Integer, Set<String>> campaign : members.entrySet()) {
                if (current.containsKey(campaign.getKey())) {
                    continue;
                }
                Verdict best = null;
                double bestOverlap = 0;
                for (Verdict candidate : latestEarlier.values()) {
                    double overlap = jaccard(campaign.getValue(), earlierMembers.get(candidate.subject()));
                    if (overlap >= CARRY_MIN_OVERLAP && (best == null || candidate.decidedAt().isAfter(best.decidedAt())
                            || (candidate.decidedAt().equals(best.decidedAt()) && candidate.verdictId() > best.verdictId()))) {
                        best = candidate;
                        bestOverlap = overlap;
                    }
                }
                if (best != null) {
                    current.put(campaign.getKey(), new Verdict(best.verdictId(), Subject.campaign(runId, campaign.getKey()),
                            best.decision(), best.author(), best.decidedAt(), best.comment(),
                            new Carry(best.subject().runId(), best.subject().campaignId(), bestOverlap)));
                }
            }
            return current;
        } catch (SQLException e) {
            throw new StoreException("cannot read campaign members of " + caseFile.path() + ": " + e.getMessage(), e);
        }
    }

    public Optional<Verdict> campaignVerdict(long runId, int campaignId) throws StoreException {
        return Optional.ofNullable(campaignVerdicts(runId).get(campaignId));
    }

    /** Every verdict ever recorded, oldest first: the record of how the case evolved. */
    public List<Verdict> verdictHistory() throws StoreException {
        return read("SELECT verdict_id, subject_kind, subject_id, run_id, decision, author, decided_at, comment "
                + "FROM verdicts ORDER BY verdict_id", null);
    }

    /** Notes on one subject, oldest first. */
    public List<Note> notes(Subject subject) throws StoreException {
        return notes().stream().filter(n -> n.subject().equals(subject)).toList();
    }

    /**
     * A campaign's notes, oldest first: those on it and those on the campaigns of earlier runs with the
     * same members (by {@link #CARRY_MIN_OVERLAP}), so a note survives re-analysis as its verdict does.
     */
    public List<Note> campaignNotes(long runId, int campaignId) throws StoreException {
        List<Note> all = notes();
        List<Note> earlier = all.stream().filter(n -> n.subject().kind() == SubjectKind.CAMPAIGN
                && n.subject().runId() < runId).toList();
        List<Note> notes = new ArrayList<>();
        try {
            Set<String> members = earlier.isEmpty() ? Set.of() : members(runId, campaignId);
            Map<Subject, Boolean> same = new HashMap<>();
            for (Note note : all) {
                Subject subject = note.subject();
                if (subject.equals(Subject.campaign(runId, campaignId))) {
                    notes.add(note);
                } else if (earlier.contains(note) && same.computeIfAbsent(subject, s -> {
                    try {
                        return jaccard(members, members(s.runId(), s.campaignId())) >= CARRY_MIN_OVERLAP;
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                })) {
                    notes.add(note);
                }
            }
            return notes;
        } catch (SQLException | IllegalStateException e) {
            throw new StoreException("cannot read campaign notes of " + caseFile.path() + ": " + e.getMessage(), e);
        }
    }

    /** Every note in the case, oldest first. */
    public List<Note> notes() throws StoreException {
        List<Note> notes = new ArrayList<>();
        try (PreparedStatement query = caseFile.connection().prepareStatement(
                "SELECT note_id, subject_kind, subject_id, run_id, author, created_at, text FROM notes ORDER BY note_id");
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                notes.add(new Note(rs.getLong(1), subject(rs, 2), rs.getString(5), Instant.parse(rs.getString(6)),
                        rs.getString(7)));
            }
            return notes;
        } catch (SQLException e) {
            throw new StoreException("cannot read notes of " + caseFile.path() + ": " + e.getMessage(), e);
        }
    }

    /** Each tagged account's tags, alphabetically, by account id. */
    public Map<String, List<String>> accountTags() throws StoreException {
        Map<String, List<String>> tags = new TreeMap<>();
        for (Tag tag : tags()) {
            if (tag.subject().kind() == SubjectKind.ACCOUNT) {
                tags.computeIfAbsent(tag.subject().id(), k -> new ArrayList<>()).add(tag.tag());
            }
        }
        return tags;
    }

    /** Every tag in the case, by subject then name. */
    public List<Tag> tags() throws StoreException {
        List<Tag> tags = new ArrayList<>();
        try (PreparedStatement query = caseFile.connection().prepareStatement(
                "SELECT subject_kind, subject_id, run_id, tag, author, created_at FROM tags "
                        + "ORDER BY subject_kind, subject_id, run_id, tag");
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                tags.add(new Tag(subject(rs, 1), rs.getString(4), rs.getString(5), Instant.parse(rs.getString(6))));
            }
            return tags;
        } catch (SQLException e) {
            throw new StoreException("cannot read tags of " + caseFile.path() + ": " + e.getMessage(), e);
        }
    }

    /** Every tag name in use, alphabetically: what a tag filter offers. */
    public List<String> tagNames() throws StoreException {
        return tags().stream().map(Tag::tag).distinct().sorted().toList();
    }

    // ---------------------------------------------------------------- plumbing

    private interface Work<T> {
        T run(Connection connection) throws SQLException, StoreException;
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private <T> T inTransaction(String what, Work<T> work) throws StoreException {
        Connection connection = caseFile.connection();
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | StoreException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot " + what + " in " + caseFile.path() + ": " + e.getMessage(), e);
        }
    }

    private void requireExists(Connection connection, Subject subject) throws SQLException {
        switch (subject.kind()) {
            case CASE -> {
            }
            case ACCOUNT -> {
                // The accounts table holds every account, from an accounts file or created from events.
                if (!exists(connection, "SELECT 1 FROM accounts WHERE account_id = ? UNION ALL "
                        + "SELECT 1 FROM run_accounts WHERE account_id = ? LIMIT 1", subject.id(), subject.id())) {
                    throw new IllegalArgumentException("the case has no account " + subject.id());
                }
            }
            case CAMPAIGN -> {
                if (!exists(connection, "SELECT 1 FROM run_campaigns WHERE run_id = ? AND campaign_id = ?",
                        subject.runId(), subject.campaignId())) {
                    throw new IllegalArgumentException("run " + subject.runId() + " of the case has no campaign " + subject.id());
                }
            }
        }
    }

    private static boolean exists(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                query.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void bindSubject(PreparedStatement statement, Subject subject) throws SQLException {
        statement.setString(1, subject.kind().word());
        statement.setString(2, subject.id());
        if (subject.runId() == null) {
            statement.setNull(3, Types.INTEGER);
        } else {
            statement.setLong(3, subject.runId());
        }
    }

    private static long generatedKey(PreparedStatement statement) throws SQLException {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private static Subject subject(ResultSet rs, int firstColumn) throws SQLException {
        SubjectKind kind = SubjectKind.fromWord(rs.getString(firstColumn));
        String id = rs.getString(firstColumn + 1);
        long run = rs.getLong(firstColumn + 2);
        Long runId = rs.wasNull() || kind != SubjectKind.CAMPAIGN ? null : run;
        return new Subject(kind, id, runId);
    }

    private List<Verdict> read(String sql, Binder binder) throws StoreException {
        List<Verdict> verdicts = new ArrayList<>();
        try (PreparedStatement query = caseFile.connection().prepareStatement(sql)) {
            if (binder != null) {
                binder.bind(query);
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    verdicts.add(new Verdict(rs.getLong(1), subject(rs, 2), Decision.fromWord(rs.getString(5)),
                            rs.getString(6), Instant.parse(rs.getString(7)), rs.getString(8), null));
                }
            }
            return verdicts;
        } catch (SQLException e) {
            throw new StoreException("cannot read verdicts of " + caseFile.path() + ": " + e.getMessage(), e);
        }
    }

    private Map<Integer, Set<String>> campaignMembers(long runId) throws SQLException {
        Map<Integer, Set<String>> members = new TreeMap<>();
        try (PreparedStatement query = caseFile.connection().prepareStatement(
                "SELECT c.campaign_id, a.account_id FROM run_campaigns c LEFT JOIN run_accounts a "
                        + "ON a.run_id = c.run_id AND a.campaign_id = c.campaign_id WHERE c.run_id = ?")) {
            query.setLong(1, runId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    Set<String> set = members.computeIfAbsent(rs.getInt(1), k -> new HashSet<>());
                    String account = rs.getString(2);
                    if (account != null) {
                        set.add(account);
                    }
                }
            }
        }
        return members;
    }

    private Set<String> members(long runId, int campaignId) throws SQLException {
        Set<String> members = new LinkedHashSet<>();
        try (PreparedStatement query = caseFile.connection().prepareStatement(
                "SELECT account_id FROM run_accounts WHERE run_id = ? AND campaign_id = ?")) {
            query.setLong(1, runId);
            query.setInt(2, campaignId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    members.add(rs.getString(1));
                }
            }
        }
        return members;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String member : a.size() <= b.size() ? a : b) {
            if ((a.size() <= b.size() ? b : a).contains(member)) {
                shared++;
            }
        }
        return (double) shared / (a.size() + b.size() - shared);
    }

    private static String cleanTag(String tag) {
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("a tag needs a name");
        }
        String clean = tag.strip();
        if (clean.length() > 64 || clean.chars().anyMatch(c -> Character.isISOControl(c) || c == '|')) {
            throw new IllegalArgumentException("tag '" + clean + "' must be at most 64 characters, without '|' "
                    + "(it separates tags in exports) or control characters");
        }
        return clean;
    }
}
