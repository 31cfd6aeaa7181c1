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
 * instead of fifteen: the per-column calls, not SQLite, dominate a JDBC scan), holding only the
 * prompt's length, its opening words and, for a fixed sample of one row in
 * {@link #REASONING_SAMPLE}, whether it asks for reasoning — so prompt text never crosses into Java.
 */
public final class EventScan {
    /** Reasoning requests are counted on every n-th event (by event id): LIKE over whole prompts is the costliest part of a scan. */
    static final int REASONING_SAMPLE = 4;
    private static final int PROGRESS_EVERY = 100_000;
    private static final byte SEPARATOR = 0x1F;
    private static final int FIELDS = 16;

    private static final String QUERY = "SELECT account_id || x'1f' || ts || x'1f' || ifnull(org_id,'') || x'1f' || ifnull(ip,'')"
            + " || x'1f' || ifnull(asn,'') || x'1f' || ifnull(country,'') || x'1f' || ifnull(user_agent,'')"
            + " || x'1f' || ifnull(model,'') || x'1f' || ifnull(prompt_tokens,'') || x'1f' || ifnull(completion_tokens,'')"
            + " || x'1f' || ifnull(max_tokens,'') || x'1f' || ifnull(temperature,'') || x'1f' || ifnull(status,'')"
            + " || x'1f' || ifnull(length(prompt_text),'')"
            + " || x'1f' || (CASE WHEN prompt_text IS NOT NULL AND event_id % " + REASONING_SAMPLE + " = 0 THEN "
            + PromptShape.reasoningSql("prompt_text") + " ELSE '' END)"
            + " || x'1f' || ifnull(substr(prompt_text, 1, " + PromptShape.OPENING_CHARS + "),'') FROM events";

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
            a.seal();
        }
        progress.progress(total, total, "events read");
        return new CaseData(ids, createdAt, accountAttributes, activity, vocabularies,
                vocabularies.get(AttributeKind.MODEL), fold.orgs, fold.origin == Long.MIN_VALUE ? 0 : fold.origin,
                fold.present, fold.unknown);
    }

    /** Folds one assembled row into its account's activity. */
    private static final class Fold {
        final ByteVocabulary accounts;
        final AccountActivity[] activity;
        final Map<AttributeKind, ByteVocabulary> values = new EnumMap<>(AttributeKind.class);
        final Map<AttributeKind, Vocabulary> vocabularies;
        final Vocabulary orgs = new Vocabulary();
        final ByteVocabulary orgIndex = new ByteVocabulary(orgs);
        final Vocabulary statuses = new Vocabulary();
        final ByteVocabulary statusIndex = new ByteVocabulary(statuses);
        final List<RequestStatus> statusKinds = new ArrayList<>();
        final Set<String> present = new HashSet<>();
        final int[] start = new int[FIELDS];
        final int[] end = new int[FIELDS];
        long origin = Long.MIN_VALUE;
        long unknown;

        Fold(ByteVocabulary accounts, AccountActivity[] activity, Map<AttributeKind, Vocabulary> vocabularies) {
            this.accounts = accounts;
            this.activity = activity;
            this.vocabularies = vocabularies;
            for (AttributeKind kind : List.of(AttributeKind.IP, AttributeKind.NETWORK_PREFIX, AttributeKind.ASN,
                    AttributeKind.COUNTRY, AttributeKind.USER_AGENT, AttributeKind.MODEL, AttributeKind.PARAMETERS)) {
                values.put(kind, new ByteVocabulary(vocabularies.get(kind)));
            }
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
            int model = -1;
            if (has(2)) {
                present.add("org_id");
                if (a.orgs == null) {
                    a.orgs = new IntCounter();
                }
                a.orgs.add(orgIndex.id(row, start[2], end[2]));
            }
            if (has(3)) {
                present.add("ip");
                int ip = values.get(AttributeKind.IP).id(row, start[3], end[3]);
                a.add(AttributeKind.IP, ip);
                String prefix = NetworkAddresses.prefix(vocabularies.get(AttributeKind.IP).value(ip));
                if (prefix != null) {
                    a.add(AttributeKind.NETWORK_PREFIX, vocabularies.get(AttributeKind.NETWORK_PREFIX).id(prefix));
                }
            }
            attribute(a, row, 4, AttributeKind.ASN, "asn");
            attribute(a, row, 5, AttributeKind.COUNTRY, "country");
            attribute(a, row, 6, AttributeKind.USER_AGENT, "user_agent");
            if (has(7)) {
                present.add("model");
                model = values.get(AttributeKind.MODEL).id(row, start[7], end[7]);
                if (model >= AccountActivity.NO_MODEL) {
                    model = -1;
                } else {
                    a.add(AttributeKind.MODEL, model);
                }
            }
            a.addRequest(Math.floorDiv(ts - origin, 1000L), model);
            if (has(8)) {
                present.add("prompt_tokens");
                a.promptTokensCount++;
                a.promptTokensSum += parseDouble(row, 8);
            }
            if (has(9)) {
                present.add("completion_tokens");
                a.completionTokensCount++;
                a.completionTokensSum += parseDouble(row, 9);
            }
            if (has(10) || has(11)) {
                present.add("parameters");
                // max_tokens and temperature are adjacent: their slice, separator included, is the fingerprint
                a.add(AttributeKind.PARAMETERS, values.get(AttributeKind.PARAMETERS).id(row, start[10], end[11]));
                if (has(11)) {
                    a.temperatureCount++;
                    a.temperatureSum += parseDouble(row, 11);
                }
            }
            if (has(12)) {
                int status = statusIndex.id(row, start[12], end[12]);
                while (statusKinds.size() <= status) {
                    statusKinds.add(RequestStatus.of(statuses.value(statusKinds.size())));
                }
                RequestStatus kind = statusKinds.get(status);
                if (kind != RequestStatus.UNKNOWN) {
                    present.add("status");
                    a.statusKnown++;
                    switch (kind) {
                        case REFUSED -> a.refused++;
                        case RATE_LIMITED -> a.rateLimited++;
                        case ERROR -> a.errors++;
                        default -> { }
                    }
                }
            }
            if (has(13)) {
                double length = parseDouble(row, 13);
                if (length > 0) {
                    present.add("prompt_text");
                    a.prompts++;
                    a.promptCharsSum += length;
                    a.promptCharsSquares += length * length;
                    a.frames.add(PromptShape.frame(row, start[15], end[15]));
                    if (has(14)) {
                        a.reasoningSampled++;
                        if (row[start[14]] == '1') {
                            a.reasoningRequests++;
                        }
                    }
                }
            }
        }

        private void attribute(AccountActivity a, byte[] row, int field, AttributeKind kind, String column) {
            if (has(field)) {
                present.add(column);
                a.add(kind, values.get(kind).id(row, start[field], end[field]));
            }
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
                    return (long) Double.parseDouble(new String(row, start[field], end[field] - start[field], StandardCharsets.US_ASCII));
                }
            }
            return negative ? -value : value;
        }

        private double parseDouble(byte[] row, int field) {
            String text = new String(row, start[field], end[field] - start[field], StandardCharsets.US_ASCII);
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return 0;
            }
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
