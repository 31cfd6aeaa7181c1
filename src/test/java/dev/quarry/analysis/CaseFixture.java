package dev.quarry.analysis;

import dev.quarry.store.CaseFile;
import dev.quarry.store.StoreException;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

/** Builds small cases row by row for signal tests: accounts and events inserted with plain SQL. */
public final class CaseFixture implements AutoCloseable {
    public static final long DAY = 86_400_000L;
    public static final long START = 1_767_225_600_000L; // 2026-01-01T00:00Z

    private final CaseFile caseFile;
    private final PreparedStatement event;
    private final PreparedStatement account;
    private long requests;

    public CaseFixture(Path path) throws Exception {
        caseFile = CaseFile.open(path);
        try (Statement s = caseFile.connection().createStatement()) {
            s.execute("INSERT INTO sources(source_id, path, sha256, bytes, format, kind, imported_at, rows_read, rows_accepted,"
                    + " rows_duplicate, rows_rejected, quarry_version) VALUES (1, 'fixture', 'x', 0, 'csv', 'events', '2026-01-01', 0, 0, 0, 0, 'test')");
        }
        caseFile.connection().setAutoCommit(false);
        event = caseFile.connection().prepareStatement("INSERT INTO events(request_id, ts, account_id, org_id, ip, asn, country,"
                + " user_agent, model, prompt_tokens, completion_tokens, max_tokens, temperature, status, prompt_text, source_id)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1)");
        account = caseFile.connection().prepareStatement("INSERT INTO accounts(account_id, created_at, email, payment_fingerprint,"
                + " card_bin, billing_country, signup_ip, plan) VALUES (?,?,?,?,?,?,?,?)");
    }

    public CaseFixture account(String id, String email, String payment, String cardBin, String signupIp) throws SQLException {
        return account(id, email, payment, cardBin, signupIp, START - 30 * DAY);
    }

    /** An account opened at {@code createdAt} (epoch milliseconds). */
    public CaseFixture account(String id, String email, String payment, String cardBin, String signupIp, long createdAt)
            throws SQLException {
        account.setString(1, id);
        account.setLong(2, createdAt);
        account.setString(3, email);
        account.setString(4, payment);
        account.setString(5, cardBin);
        account.setString(6, "US");
        account.setString(7, signupIp);
        account.setString(8, "pay-as-you-go");
        account.executeUpdate();
        return this;
    }

    /** An account known only by its id, as events without an accounts file give it (no creation time, billing or signup). */
    public CaseFixture bareAccount(String id) throws SQLException {
        account.setString(1, id);
        for (int column = 2; column <= 8; column++) {
            account.setObject(column, null);
        }
        account.executeUpdate();
        return this;
    }

    /** One request; null for columns the extract lacks. */
    public CaseFixture event(String accountId, long ts, String org, String ip, String userAgent, String model,
                             Integer maxTokens, Double temperature, String status, String prompt) throws SQLException {
        return event(accountId, ts, org, ip, userAgent, model, maxTokens, temperature, status, prompt, 200);
    }

    /** One request whose answer ran to {@code completionTokens} tokens; null for columns the extract lacks. */
    public CaseFixture event(String accountId, long ts, String org, String ip, String userAgent, String model,
                             Integer maxTokens, Double temperature, String status, String prompt, int completionTokens)
            throws SQLException {
        event.setString(1, "r" + requests++);
        event.setLong(2, ts);
        event.setString(3, accountId);
        event.setString(4, org);
        event.setString(5, ip);
        event.setString(6, ip == null ? null : "AS" + (ip.hashCode() & 0xff));
        event.setString(7, ip == null ? null : "US");
        event.setString(8, userAgent);
        event.setString(9, model);
        event.setObject(10, prompt == null ? null : prompt.length() / 4);
        event.setObject(11, completionTokens);
        event.setObject(12, maxTokens);
        event.setObject(13, temperature);
        event.setString(14, status);
        event.setString(15, prompt);
        event.executeUpdate();
        return this;
    }

    public CaseFile done() throws SQLException {
        caseFile.connection().commit();
        caseFile.connection().setAutoCommit(true);
        return caseFile;
    }

    @Override
    public void close() throws StoreException {
        caseFile.close();
    }

    /** A word that differs per call, for prompts people write themselves. */
    public static String freeText(Random random, int words) {
        String[] vocabulary = {"please", "summarize", "my", "notes", "about", "the", "meeting", "draft", "email", "to",
                "client", "fix", "this", "bug", "in", "function", "recipe", "for", "dinner", "plan", "trip", "explain",
                "why", "sky", "blue", "translate", "into", "french", "poem", "cat", "budget", "spreadsheet", "review",
                "code", "essay", "history", "rome", "garden", "tips", "workout"};
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            s.append(vocabulary[random.nextInt(vocabulary.length)]).append(' ');
        }
        return s.toString().trim();
    }
}
