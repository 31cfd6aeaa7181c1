package dev.quarry.analysis;

import dev.quarry.model.ProgressListener;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one pass over the events table. Events are read in storage order (a sequential scan, the
 * cheapest read SQLite can do) and folded into per-account {@link AccountActivity}; prompts are
 * reduced on the fly to a frame hash, a length and a reasoning-request flag, so prompt text is never
 * held in memory.
 */
public final class EventScan {
    private static final String[] EVENT_COLUMNS = {"org_id", "ip", "asn", "country", "user_agent", "model",
            "prompt_tokens", "completion_tokens", "max_tokens", "temperature", "status", "prompt_text"};
    private static final int PROGRESS_EVERY = 100_000;

    private EventScan() {
    }

    public static CaseData read(Connection connection, ProgressListener progress) throws SQLException {
        List<String> ids = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        List<long[]> created = new ArrayList<>();
        Map<AttributeKind, Vocabulary> vocabularies = CaseData.newVocabularies();
        Map<AttributeKind, List<Integer>> tableValues = new EnumMap<>(AttributeKind.class);
        AttributeKind[] tableKinds = {AttributeKind.PAYMENT, AttributeKind.CARD_BIN, AttributeKind.SIGNUP_IP,
                AttributeKind.SIGNUP_PREFIX, AttributeKind.EMAIL_PATTERN};
        for (AttributeKind kind : tableKinds) {
            tableValues.put(kind, new ArrayList<>());
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT account_id, created_at, email, payment_fingerprint, card_bin, signup_ip FROM accounts ORDER BY account_id")) {
            while (rs.next()) {
                String id = rs.getString(1);
                index.put(id, ids.size());
                ids.add(id);
                long createdAt = rs.getLong(2);
                created.add(new long[] {rs.wasNull() ? Long.MIN_VALUE : createdAt});
                String signupIp = clean(rs.getString(6));
                tableValues.get(AttributeKind.PAYMENT).add(idOf(vocabularies, AttributeKind.PAYMENT, clean(rs.getString(4))));
                tableValues.get(AttributeKind.CARD_BIN).add(idOf(vocabularies, AttributeKind.CARD_BIN, clean(rs.getString(5))));
                tableValues.get(AttributeKind.SIGNUP_IP).add(idOf(vocabularies, AttributeKind.SIGNUP_IP, signupIp));
                tableValues.get(AttributeKind.SIGNUP_PREFIX).add(
                        idOf(vocabularies, AttributeKind.SIGNUP_PREFIX, NetworkAddresses.prefix(signupIp)));
                tableValues.get(AttributeKind.EMAIL_PATTERN).add(
                        idOf(vocabularies, AttributeKind.EMAIL_PATTERN, NetworkAddresses.emailPattern(clean(rs.getString(3)))));
            }
        }
        int n = ids.size();
        long[] createdAt = new long[n];
        for (int i = 0; i < n; i++) {
            createdAt[i] = created.get(i)[0];
        }
        Map<AttributeKind, int[]> accountAttributes = new EnumMap<>(AttributeKind.class);
        for (AttributeKind kind : tableKinds) {
            accountAttributes.put(kind, tableValues.get(kind).stream().mapToInt(Integer::intValue).toArray());
        }

        AccountActivity[] activity = new AccountActivity[n];
        for (int i = 0; i < n; i++) {
            activity[i] = new AccountActivity();
        }
        Vocabulary models = vocabularies.get(AttributeKind.MODEL);
        Vocabulary orgs = new Vocabulary();
        Set<String> present = new HashSet<>();
        long total = maxEventId(connection);
        long read = 0;
        long unknown = 0;
        long origin = Long.MIN_VALUE;
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(10_000);
            try (ResultSet rs = statement.executeQuery("SELECT account_id, ts, org_id, ip, asn, country, user_agent, model, "
                    + "prompt_tokens, completion_tokens, max_tokens, temperature, status, prompt_text FROM events")) {
                while (rs.next()) {
                    if (++read % PROGRESS_EVERY == 0) {
                        progress.checkCancelled();
                        progress.progress(read, total, "reading events");
                    }
                    Integer account = index.get(rs.getString(1));
                    if (account == null) {
                        unknown++;
                        continue;
                    }
                    long ts = rs.getLong(2);
                    if (origin == Long.MIN_VALUE) {
                        origin = ts;
                    }
                    AccountActivity a = activity[account];
                    String org = clean(rs.getString(3));
                    String ip = clean(rs.getString(4));
                    String asn = clean(rs.getString(5));
                    String country = clean(rs.getString(6));
                    String userAgent = clean(rs.getString(7));
                    String model = clean(rs.getString(8));
                    int modelId = model == null ? -1 : models.id(model);
                    if (modelId >= AccountActivity.NO_MODEL) {
                        modelId = -1;
                    }
                    a.addRequest(Math.floorDiv(ts - origin, 1000L), modelId);
                    if (org != null) {
                        present.add("org_id");
                        if (a.orgs == null) {
                            a.orgs = new IntCounter();
                        }
                        a.orgs.add(orgs.id(org));
                    }
                    if (ip != null) {
                        present.add("ip");
                        a.add(AttributeKind.IP, vocabularies.get(AttributeKind.IP).id(ip));
                        String prefix = NetworkAddresses.prefix(ip);
                        if (prefix != null) {
                            a.add(AttributeKind.NETWORK_PREFIX, vocabularies.get(AttributeKind.NETWORK_PREFIX).id(prefix));
                        }
                    }
                    if (asn != null) {
                        present.add("asn");
                        a.add(AttributeKind.ASN, vocabularies.get(AttributeKind.ASN).id(asn));
                    }
                    if (country != null) {
                        present.add("country");
                        a.add(AttributeKind.COUNTRY, vocabularies.get(AttributeKind.COUNTRY).id(country));
                    }
                    if (userAgent != null) {
                        present.add("user_agent");
                        a.add(AttributeKind.USER_AGENT, vocabularies.get(AttributeKind.USER_AGENT).id(userAgent));
                    }
                    if (modelId >= 0) {
                        present.add("model");
                        a.add(AttributeKind.MODEL, modelId);
                    }
                    long promptTokens = rs.getLong(9);
                    if (!rs.wasNull()) {
                        present.add("prompt_tokens");
                        a.promptTokensCount++;
                        a.promptTokensSum += promptTokens;
                    }
                    long completionTokens = rs.getLong(10);
                    if (!rs.wasNull()) {
                        present.add("completion_tokens");
                        a.completionTokensCount++;
                        a.completionTokensSum += completionTokens;
                    }
                    long maxTokens = rs.getLong(11);
                    boolean hasMaxTokens = !rs.wasNull();
                    double temperature = rs.getDouble(12);
                    boolean hasTemperature = !rs.wasNull();
                    if (hasMaxTokens || hasTemperature) {
                        present.add("parameters");
                        String fingerprint = (hasMaxTokens ? Long.toString(maxTokens) : "-") + " / "
                                + (hasTemperature ? String.format(java.util.Locale.ROOT, "%.2f", temperature) : "-");
                        a.add(AttributeKind.PARAMETERS, vocabularies.get(AttributeKind.PARAMETERS).id(fingerprint));
                        if (hasTemperature) {
                            a.temperatureCount++;
                            a.temperatureSum += temperature;
                        }
                        if (hasMaxTokens) {
                            a.maxTokensCount++;
                        }
                    }
                    RequestStatus status = RequestStatus.of(rs.getString(13));
                    if (status != RequestStatus.UNKNOWN) {
                        present.add("status");
                        a.statusKnown++;
                        switch (status) {
                            case REFUSED -> a.refused++;
                            case RATE_LIMITED -> a.rateLimited++;
                            case ERROR -> a.errors++;
                            default -> { }
                        }
                    }
                    String prompt = rs.getString(14);
                    if (prompt != null && !prompt.isBlank()) {
                        present.add("prompt_text");
                        a.prompts++;
                        a.promptCharsSum += prompt.length();
                        a.promptCharsSquares += (double) prompt.length() * prompt.length();
                        if (PromptShape.asksForReasoning(prompt)) {
                            a.reasoningRequests++;
                        }
                        a.frames.add(PromptShape.frame(prompt));
                    }
                }
            }
        }
        for (AccountActivity a : activity) {
            a.seal();
        }
        progress.progress(total, total, "events read");
        return new CaseData(ids, createdAt, accountAttributes, activity, vocabularies, models, orgs,
                origin == Long.MIN_VALUE ? 0 : origin, present, unknown);
    }

    private static long maxEventId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT max(event_id) FROM events")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static int idOf(Map<AttributeKind, Vocabulary> vocabularies, AttributeKind kind, String value) {
        return value == null ? -1 : vocabularies.get(kind).id(value);
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() || trimmed.equalsIgnoreCase("null") || trimmed.equals("-") ? null : trimmed;
    }
}
