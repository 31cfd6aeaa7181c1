package dev.quarry.analysis;

import dev.quarry.model.ProgressListener;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one pass over the events table. Events are read in storage order (a sequential scan, the
 * cheapest read SQLite can do) and folded into per-account {@link AccountActivity}. Each row
 * arrives as one byte string that SQLite assembles from the needed columns (one JDBC call per row
 * instead of sixteen), holding only the
 * prompt's length, its opening words and, for a fixed sample of one row in
 * {@link #REASONING_SAMPLE}, whether it asks for reasoning — so prompt text never crosses into Java.
 */
public final class EventScan {
    /** Reasoning requests are counted on every n-th event (by event id): LIKE over whole prompts is the costliest part of a scan. */
    static final int REASONING_SAMPLE = 8;
    private static final int PROGRESS_EVERY = 100_000;
    private static final byte SEPARATOR = 0x1F;
    private static final int FIELDS = 16;

    // One printf per row: SQLite's || allocates a new string per operator, printf one per row, and
    // prints NULL as an empty field. Field order matters: fields 6..14 are contiguous so that their
    // joint slice, the request's context (organisation, network, client, model, parameters,
    // status), is looked up once per row.
    private static final String QUERY = "SELECT printf('" + "%s\u001f".repeat(FIELDS - 1) + "%s',"
            + " account_id, ts, prompt_tokens, completion_tokens, length(prompt_text),"
            + " CASE WHEN prompt_text IS NOT NULL AND event_id % " + REASONING_SAMPLE + " = 0 THEN "
            + PromptShape.reasoningSql("prompt_text") + " END,"
            + " org_id, ip, asn, country, user_agent, model, max_tokens, temperature, status,"
            + " substr(prompt_text, 1, " + PromptShape.OPENING_CHARS + ")) FROM events";

    private EventScan() {
    }

    public static CaseData read(Connection connection, ProgressListener progress) throws SQLException {
        List<String> ids = new ArrayList<>();
        ByteVocabulary accountIndex = new ByteVocabulary(new Vocabulary());
        List<Long> created = new ArrayList<>();
        Map<AttributeKind, Vocabulary> vocabularies = CaseData.newVocabularies();
        AttributeKind[] tableKinds = {AttributeKind.PAYMENT, AttributeKind.CARD_BIN, AttributeKind.SIGNUP_IP,
                AttributeKind.SIGNUP_PREFIX, AttributeKind.EMAIL_PATTERN};
        Map<AttributeKind, List<Integer>> tableValues = new EnumMap<>(AttributeKind.class);
        for (AttributeKind kind : tableKinds) {
            tableValues.put(kind, new ArrayList<>());
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT account_id, created_at, email, payment_fingerprint, card_bin, signup_ip FROM accounts ORDER BY account_id")) {
            while (rs.next()) {
                String id = rs.getString(1);
                accountIndex.put(id, ids.size());
                ids.add(id);
                long createdAt = rs.getLong(2);
                created.add(rs.wasNull() ? Long.MIN_VALUE : createdAt);
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
        long[] createdAt = created.stream().mapToLong(Long::longValue).toArray();
        Map<AttributeKind, int[]> accountAttributes = new EnumMap<>(AttributeKind.class);
        for (AttributeKind kind : tableKinds) {
            accountAttributes.put(kind, tableValues.get(kind).stream().mapToInt(Integer::intValue).toArray());
        }
        AccountActivity[] activity = new AccountActivity[n];
        for (int i = 0; i < n; i++) {
            activity[i] = new AccountActivity();
        }
        Fold fold = new Fold(accountIndex, activity, vocabularies);
        long total = maxEventId(connection);
        long read = 0;
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(10_000);
            try (ResultSet rs = statement.executeQuery(QUERY)) {
                while (rs.next()) {
                    if (++read % PROGRESS_EVERY == 0) {
                        progress.checkCancelled();
                        progress.progress(read, total, "reading events");
                    }
                    byte[] row = rs.getBytes(1);
                    if (row != null) {
                        fold.add(row);
                    }
                }
            }
        }
        for (AccountActivity a : activity) {
            a.seal(fold.contextValues, fold.contextTemperature);
        }
        for (AccountActivity a : activity) {
            if (a.promptTokensCount > 0) {
                fold.present.add("prompt_tokens");
            }
            if (a.completionTokensCount > 0) {
                fold.present.add("completion_tokens");
            }
            if (a.prompts > 0) {
                fold.present.add("prompt_text");
            }
        }
        progress.progress(total, total, "events read");
        return new CaseData(ids, createdAt, accountAttributes, activity, vocabularies,
                vocabularies.get(AttributeKind.MODEL), fold.orgs, fold.origin == Long.MIN_VALUE ? 0 : fold.origin,
                fold.present, fold.unknown);
    }

    /** Folds one assembled row into its account's activity. */
    private static final class Fold {
        private static final int ORG = 6;
        private static final int IP = 7;
        private static final int MAX_TOKENS = 12;
        private static final int TEMPERATURE = 13;
        private static final int STATUS = 14;
        private static final AttributeKind[] CONTEXT_KINDS = {null, AttributeKind.IP, AttributeKind.ASN,
                AttributeKind.COUNTRY, AttributeKind.USER_AGENT, AttributeKind.MODEL};
        private static final String[] CONTEXT_COLUMNS = {"org_id", "ip", "asn", "country", "user_agent", "model"};

        final ByteVocabulary accounts;
        final AccountActivity[] activity;
        final Map<AttributeKind, Vocabulary> vocabularies;
        final Vocabulary orgs = new Vocabulary();
        final Vocabulary contexts = new Vocabulary();
        final ByteVocabulary contextIndex = new ByteVocabulary(contexts);
        /** Per context id: org, ip, prefix, asn, country, user agent, model, parameters, status kind (-1 = none). */
        final List<int[]> contextValues = new ArrayList<>();
        final List<Double> contextTemperature = new ArrayList<>();
        final Set<String> present = new HashSet<>();
        final int[] start = new int[FIELDS];
        final int[] end = new int[FIELDS];
        long origin = Long.MIN_VALUE;
        long unknown;

        Fold(ByteVocabulary accounts, AccountActivity[] activity, Map<AttributeKind, Vocabulary> vocabularies) {
            this.accounts = accounts;
            this.activity = activity;
            this.vocabularies = vocabularies;
        }

        void add(byte[] row) {
            int field = 0;
            start[0] = 0;
            for (int i = 0; i < row.length && field < FIELDS - 1; i++) {
                if (row[i] == SEPARATOR) {
                    end[field] = i;
                    start[++field] = i + 1;
                }
            }
            if (field < FIELDS - 1) {
                return; // a row SQLite assembled itself always has every separator
            }
            end[FIELDS - 1] = row.length;
            int account = accounts.find(row, start[0], end[0]);
            if (account < 0) {
                unknown++;
                return;
            }
            long ts = parseLong(row, 1);
            if (origin == Long.MIN_VALUE) {
                origin = ts;
            }
            AccountActivity a = activity[account];
            int context = contextIndex.id(row, start[ORG], end[STATUS]);
            if (context == contextValues.size()) {
                contextValues.add(decodeContext(row));
                contextTemperature.add(has(TEMPERATURE) ? parseTemperature(row) : Double.NaN);
            }
            int[] values = contextValues.get(context);
            a.addRequest(Math.floorDiv(ts - origin, 1000L), values[6], context);
            if (has(2)) {
                a.promptTokensCount++;
                a.promptTokensSum += parseLong(row, 2);
            }
            if (has(3)) {
                a.completionTokensCount++;
                a.completionTokensSum += parseLong(row, 3);
            }
            if (has(4)) {
                long length = parseLong(row, 4);
                if (length > 0) {
                    a.prompts++;
                    a.promptCharsSum += length;
                    a.promptCharsSquares += (double) length * length;
                    a.frames.add(PromptShape.frame(row, start[15], end[15]));
                    if (has(5)) {
                        a.reasoningSampled++;
                        if (row[start[5]] == '1') {
                            a.reasoningRequests++;
                        }
                    }
                }
            }
        }

        /** Numbers the values of a context seen for the first time; runs once per distinct context, not per row. */
        private int[] decodeContext(byte[] row) {
            int[] values = new int[9];
            java.util.Arrays.fill(values, -1);
            for (int k = 0; k < CONTEXT_KINDS.length; k++) {
                int f = ORG + k;
                if (!has(f)) {
                    continue;
                }
                present.add(CONTEXT_COLUMNS[k]);
                String value = new String(row, start[f], end[f] - start[f], StandardCharsets.UTF_8);
                if (k == 0) {
                    values[0] = orgs.id(value);
                } else {
                    int id = vocabularies.get(CONTEXT_KINDS[k]).id(value);
                    values[k == 1 ? 1 : k + 1] = id;
                }
            }
            if (values[1] >= 0) {
                String prefix = NetworkAddresses.prefix(vocabularies.get(AttributeKind.IP).value(values[1]));
                values[2] = prefix == null ? -1 : vocabularies.get(AttributeKind.NETWORK_PREFIX).id(prefix);
            }
            if (values[6] >= AccountActivity.NO_MODEL) {
                values[6] = -1;
            }
            if (has(MAX_TOKENS) || has(TEMPERATURE)) {
                present.add("parameters");
                String maxTokens = has(MAX_TOKENS) ? text(row, MAX_TOKENS) : "-";
                String temperature = has(TEMPERATURE) ? text(row, TEMPERATURE) : "-";
                values[7] = vocabularies.get(AttributeKind.PARAMETERS).id("max_tokens " + maxTokens + ", temperature " + temperature);
            }
            if (has(STATUS)) {
                RequestStatus status = RequestStatus.of(text(row, STATUS));
                if (status != RequestStatus.UNKNOWN) {
                    present.add("status");
                }
                values[8] = status.ordinal();
            }
            return values;
        }

        private double parseTemperature(byte[] row) {
            try {
                return Double.parseDouble(text(row, TEMPERATURE));
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        private String text(byte[] row, int field) {
            return new String(row, start[field], end[field] - start[field], StandardCharsets.UTF_8);
        }

        private boolean has(int field) {
            return end[field] > start[field];
        }

        private long parseLong(byte[] row, int field) {
            long value = 0;
            boolean negative = false;
            for (int i = start[field]; i < end[field]; i++) {
                byte c = row[i];
                if (c == '-') {
                    negative = true;
                } else if (c >= '0' && c <= '9') {
                    value = value * 10 + (c - '0');
                } else {
                    // a REAL stored in an INTEGER column: fall back to the exact parser
                    return (long) Double.parseDouble(text(row, field));
                }
            }
            return negative ? -value : value;
        }
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
