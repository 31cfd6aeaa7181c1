package dev.quarry.analysis.scan;

import dev.quarry.analysis.primitives.ByteInterner;
import dev.quarry.analysis.primitives.IntList;
import dev.quarry.model.CancelledException;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one pass over the events table. The table is read in {@link #PARTS} ranges of event ids, in
 * parallel on separate read-only connections (each range a sequential scan, the cheapest read
 * SQLite can do), and each range is folded into per-account {@link AccountActivity}. Each row arrives
 * as one byte string that SQLite assembles from the needed columns (one JDBC call per row instead of
 * fifteen); the prompt is read where it lies in that string and only its {@link PromptShape} is kept.
 * <p>
 * The result does not depend on how many threads ran: the parts are fixed, and their values are
 * numbered and merged in part order, exactly as one sequential pass would number them.
 */
public final class EventScan {
    /** Ranges the events table is split into; threads = min(this, processors). */
    public static final int PARTS = 4;
    /**
     * Prompts of one account in one part read in full before sampling starts, and the sampling rate
     * after: a busy account's shares are estimated from hundreds of prompts, a quiet one's from all.
     */
    public static final int FULLY_READ = 64;
    public static final int SAMPLE = 4;
    private static final int PROGRESS_EVERY = 20_000;
    private static final byte SEPARATOR = 0x1F;
    private static final int FIELDS = 14;

    // One printf per row: SQLite's || allocates a new string per operator, printf one per row, and
    // prints NULL as an empty field. Temperature travels as an integer in thousandths: SQLite's
    // float-to-text conversion cost more than all other fields together. The fields of each part of
    // a request's context (client: organisation and user agent; network: address, ASN, country;
    // call: model, parameters, status) are contiguous, so each part is looked up as one slice. The
    // prompt comes last, so whatever bytes it holds cannot shift the fields before it.
    private static final String QUERY = "SELECT printf('" + "%s\u001f".repeat(FIELDS - 1) + "%s',"
            + " account_id, ts, prompt_tokens, completion_tokens,"
            + " org_id, user_agent, ip, asn, country, model, max_tokens, CAST(round(temperature * 1000) AS INTEGER), status,"
            + " prompt_text) FROM events WHERE event_id BETWEEN ? AND ?";

    private EventScan() {
    }

    public static CaseData read(CaseFile caseFile, ProgressListener progress) throws SQLException {
        return read(caseFile, progress, Runtime.getRuntime().availableProcessors());
    }

    /** Reads with at most {@code threads} threads; the result is the same for any number. */
    static CaseData read(CaseFile caseFile, ProgressListener progress, int threads) throws SQLException {
        Connection connection = caseFile.connection();
        List<String> ids = new ArrayList<>();
        ByteInterner accountIndex = new ByteInterner();
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
                if (accountIndex.id(id) != ids.size()) {
                    continue; // the accounts table's primary key makes this impossible; keep the ids dense if it ever happens
                }
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

        long[] range = eventIdRange(connection);
        long origin = firstTimestamp(connection);
        TaskTaxonomy taxonomy = TaskTaxonomy.standard();
        Part[] parts = new Part[PARTS];
        long span = range[1] - range[0] + 1;
        for (int p = 0; p < PARTS; p++) {
            long from = range[0] + span * p / PARTS;
            long to = range[0] + span * (p + 1) / PARTS - 1;
            parts[p] = new Part(caseFile, from, to, n, accountIndex, origin, taxonomy);
        }
        runParts(parts, Math.max(0, span), progress, threads);

        // Number event values in part order, as one sequential pass would, then fold every part's
        // activity into the first part's.
        Vocabulary orgs = new Vocabulary();
        Set<String> present = new HashSet<>();
        long unknown = 0;
        AccountActivity[] activity = new AccountActivity[n];
        for (Part part : parts) {
            part.renumber(vocabularies, orgs);
            present.addAll(part.present);
            unknown += part.unknown;
            for (int account = 0; account < n; account++) {
                AccountActivity piece = part.activity[account];
                if (piece == null) {
                    continue;
                }
                part.activity[account] = null;
                if (activity[account] == null) {
                    activity[account] = piece;
                } else {
                    activity[account].merge(piece);
                }
            }
        }
        for (int account = 0; account < n; account++) {
            if (activity[account] == null) {
                activity[account] = new AccountActivity();
            }
            activity[account].seal();
            AccountActivity a = activity[account];
            if (a.promptTokensCount > 0) {
                present.add("prompt_tokens");
            }
            if (a.completionTokensCount > 0) {
                present.add("completion_tokens");
            }
            if (a.prompts > 0) {
                present.add("prompt_text");
            }
        }
        progress.progress(span, span, "events read", ProgressListener.EVENTS);
        return new CaseData(ids, createdAt, accountAttributes, activity, vocabularies,
                vocabularies.get(AttributeKind.MODEL), orgs, origin, present, unknown, taxonomy);
    }

    /** Runs the parts on up to one thread per processor, reporting progress and honouring cancellation from this thread. */
    private static void runParts(Part[] parts, long total, ProgressListener progress, int maxThreads) throws SQLException {
        int threads = Math.max(1, Math.min(PARTS, maxThreads));
        AtomicLong read = new AtomicLong();
        AtomicBoolean cancelled = new AtomicBoolean();
        for (Part part : parts) {
            part.read = read;
            part.cancelled = cancelled;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "quarry-event-scan");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (Part part : parts) {
                futures.add(pool.submit(part));
            }
            for (Future<Void> future : futures) {
                while (true) {
                    try {
                        future.get(200, TimeUnit.MILLISECONDS);
                        break;
                    } catch (java.util.concurrent.TimeoutException e) {
                        progress.progress(read.get(), total, "reading events", ProgressListener.EVENTS);
                        if (progress.isCancelled()) {
                            cancelled.set(true);
                        }
                    }
                }
            }
        } catch (ExecutionException e) {
            cancelled.set(true);
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            cancelled.set(true);
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } finally {
            pool.shutdownNow();
        }
        progress.checkCancelled();
    }

    /** One range of event ids, read on its own connection and folded into its own activity. */
    private static final class Part implements java.util.concurrent.Callable<Void> {
        private static final int ORG = 4;
        private static final int USER_AGENT = 5;
        private static final int IP = 6;
        private static final int COUNTRY = 8;
        private static final int MODEL = 9;
        private static final int MAX_TOKENS = 10;
        private static final int TEMPERATURE = 11;
        private static final int STATUS = 12;
        private static final int PROMPT = 13;

        final CaseFile caseFile;
        final long from;
        final long to;
        final ByteInterner accounts;
        final long origin;
        final int taskCategories;
        final PromptShape promptShape;
        final PromptShape.Reading prompt = new PromptShape.Reading();
        final AccountActivity[] activity;
        /**
         * This part's numbering of request contexts, split where values vary independently (an
         * address, a client, an organisation, the call's settings) so that their combinations do
         * not multiply; each is decoded into values once, when first seen.
         */
        final ByteInterner networks = new ByteInterner();
        final ByteInterner clients = new ByteInterner();
        final ByteInterner calls = new ByteInterner();
        final IntList networkValues = new IntList();
        final IntList clientValues = new IntList();
        final IntList callValues = new IntList();
        final Vocabulary orgs = new Vocabulary();
        final java.util.List<Double> callTemperatures = new ArrayList<>();
        /** This part's own numbering of event values; renumbered in part order after the scan. */
        final Map<AttributeKind, Vocabulary> vocabularies = CaseData.newVocabularies();
        final Set<String> present = new HashSet<>();
        final int[] start = new int[FIELDS];
        final int[] end = new int[FIELDS];
        long unknown;
        AtomicLong read;
        AtomicBoolean cancelled;

        Part(CaseFile caseFile, long from, long to, int accounts, ByteInterner accountIndex, long origin,
             TaskTaxonomy taxonomy) {
            this.caseFile = caseFile;
            this.from = from;
            this.to = to;
            this.accounts = accountIndex;
            this.origin = origin;
            this.taskCategories = taxonomy.size();
            this.promptShape = taxonomy.reader();
            this.activity = new AccountActivity[accounts];
        }

        @Override
        public Void call() throws SQLException {
            if (to < from) {
                return null;
            }
            try (Connection connection = caseFile.openReader();
                 PreparedStatement statement = connection.prepareStatement(QUERY)) {
                statement.setLong(1, from);
                statement.setLong(2, to);
                statement.setFetchSize(10_000);
                long rows = 0;
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        if (++rows % PROGRESS_EVERY == 0) {
                            read.addAndGet(PROGRESS_EVERY);
                            if (cancelled.get()) {
                                throw new CancelledException();
                            }
                        }
                        byte[] row = rs.getBytes(1);
                        if (row != null) {
                            add(row);
                        }
                    }
                }
                read.addAndGet(rows % PROGRESS_EVERY);
            }
            return null;
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
            AccountActivity a = activity[account];
            if (a == null) {
                a = new AccountActivity();
                activity[account] = a;
            }
            int network = -1;
            if (has(IP) || has(IP + 1) || has(COUNTRY)) {
                network = networks.id(row, start[IP], end[COUNTRY]);
                if (network * 4 == networkValues.size()) {
                    decodeNetwork(row);
                }
                network = AccountActivity.contextKey(AccountActivity.NETWORK, network);
            }
            int client = -1;
            if (has(ORG) || has(USER_AGENT)) {
                client = clients.id(row, start[ORG], end[USER_AGENT]);
                if (client * 2 == clientValues.size()) {
                    clientValues.add(has(ORG) ? orgs.id(text(row, ORG)) : -1);
                    clientValues.add(idOf(row, USER_AGENT, AttributeKind.USER_AGENT, "user_agent"));
                    if (has(ORG)) {
                        present.add("org_id");
                    }
                }
                client = AccountActivity.contextKey(AccountActivity.CLIENT, client);
            }
            int call = calls.id(row, start[MODEL], end[STATUS]);
            if (call * 3 == callValues.size()) {
                decodeCall(row);
            }
            a.addRequest(ts, Math.floorDiv(ts - origin, 1000L), callValues.get(3 * call),
                    network, client, AccountActivity.contextKey(AccountActivity.CALL, call));
            if (has(2)) {
                a.promptTokensCount++;
                a.promptTokensSum += parseLong(row, 2);
            }
            if (has(3)) {
                a.completionTokensCount++;
                a.completionTokensSum += parseLong(row, 3);
            }
            if (has(PROMPT)) {
                // every prompt of an account's first FULLY_READ in this part is read in full, then one in SAMPLE:
                // shares of templates, reasoning and tasks are estimated from hundreds of prompts either way
                if (a.prompts < FULLY_READ || a.prompts % SAMPLE == 0) {
                    promptShape.read(row, start[PROMPT], end[PROMPT], prompt);
                    if (prompt.chars() > 0) {
                        a.addPrompt(prompt, taskCategories);
                    }
                } else {
                    int chars = PromptShape.chars(row, start[PROMPT], end[PROMPT]);
                    if (chars > 0) {
                        a.addPromptLength(chars);
                    }
                }
            }
        }

        /** Numbers the address, prefix, ASN and country of a network context seen for the first time. */
        private void decodeNetwork(byte[] row) {
            int ip = -1;
            int prefix = -1;
            if (has(IP)) {
                present.add("ip");
                String address = text(row, IP);
                ip = vocabularies.get(AttributeKind.IP).id(address);
                String p = NetworkAddresses.prefix(address);
                prefix = p == null ? -1 : vocabularies.get(AttributeKind.NETWORK_PREFIX).id(p);
            }
            networkValues.add(ip);
            networkValues.add(prefix);
            networkValues.add(idOf(row, IP + 1, AttributeKind.ASN, "asn"));
            networkValues.add(idOf(row, COUNTRY, AttributeKind.COUNTRY, "country"));
        }

        /** Numbers the model, parameter combination and status of a call context seen for the first time. */
        private void decodeCall(byte[] row) {
            int model = idOf(row, MODEL, AttributeKind.MODEL, "model");
            callValues.add(model >= AccountActivity.NO_MODEL ? -1 : model);
            int parameters = -1;
            if (has(MAX_TOKENS) || has(TEMPERATURE)) {
                present.add("parameters");
                String maxTokens = has(MAX_TOKENS) ? text(row, MAX_TOKENS) : "-";
                String temperature = has(TEMPERATURE)
                        ? BigDecimal.valueOf(parseLong(row, TEMPERATURE), 3).stripTrailingZeros().toPlainString() : "-";
                parameters = vocabularies.get(AttributeKind.PARAMETERS).id("max_tokens " + maxTokens + ", temperature " + temperature);
            }
            callValues.add(parameters);
            int status = -1;
            if (has(STATUS)) {
                RequestStatus s = RequestStatus.of(text(row, STATUS));
                if (s != RequestStatus.UNKNOWN) {
                    present.add("status");
                }
                status = s.ordinal();
            }
            callValues.add(status);
            callTemperatures.add(has(TEMPERATURE) ? parseLong(row, TEMPERATURE) / 1000.0 : Double.NaN);
        }

        private int idOf(byte[] row, int field, AttributeKind kind, String column) {
            if (!has(field)) {
                return -1;
            }
            present.add(column);
            return vocabularies.get(kind).id(text(row, field));
        }

        /**
         * Replaces this part's value ids by ids of the case-wide vocabularies (numbering values new
         * to them in this part's order) and spreads each account's contexts into its tallies.
         */
        void renumber(Map<AttributeKind, Vocabulary> global, Vocabulary globalOrgs) {
            Map<AttributeKind, int[]> maps = new EnumMap<>(AttributeKind.class);
            for (AttributeKind kind : new AttributeKind[] {AttributeKind.IP, AttributeKind.NETWORK_PREFIX, AttributeKind.ASN,
                    AttributeKind.COUNTRY, AttributeKind.USER_AGENT, AttributeKind.MODEL, AttributeKind.PARAMETERS}) {
                Vocabulary local = vocabularies.get(kind);
                int[] map = new int[local.size()];
                for (int id = 0; id < map.length; id++) {
                    map[id] = global.get(kind).id(local.value(id));
                }
                maps.put(kind, map);
            }
            AttributeKind[] networkKinds = {AttributeKind.IP, AttributeKind.NETWORK_PREFIX, AttributeKind.ASN, AttributeKind.COUNTRY};
            int[] network = networkValues.toArray();
            for (int i = 0; i < network.length; i++) {
                network[i] = global(maps.get(networkKinds[i % 4]), network[i]);
            }
            int[] client = clientValues.toArray();
            for (int i = 0; i < client.length; i += 2) {
                client[i] = client[i] < 0 ? -1 : globalOrgs.id(orgs.value(client[i]));
                client[i + 1] = global(maps.get(AttributeKind.USER_AGENT), client[i + 1]);
            }
            int[] call = callValues.toArray();
            for (int i = 0; i < call.length; i += 3) {
                call[i] = global(maps.get(AttributeKind.MODEL), call[i]);
                call[i + 1] = global(maps.get(AttributeKind.PARAMETERS), call[i + 1]);
            }
            double[] temperatures = callTemperatures.stream().mapToDouble(Double::doubleValue).toArray();
            AccountActivity.ContextTables tables = new AccountActivity.ContextTables(network, client, call, temperatures);
            int[] models = maps.get(AttributeKind.MODEL);
            for (AccountActivity a : activity) {
                if (a != null) {
                    a.spreadContexts(tables);
                    a.renumberModels(models);
                }
            }
        }

        private static int global(int[] map, int local) {
            return local < 0 ? -1 : map[local];
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

    private static long[] eventIdRange(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT min(event_id), max(event_id) FROM events")) {
            rs.next();
            long min = rs.getLong(1);
            return rs.wasNull() ? new long[] {1, 0} : new long[] {min, rs.getLong(2)};
        }
    }

    /**
     * The time origin of the pass: the first event's timestamp (any fixed instant would do), floored
     * to a whole second so that times in seconds since it fall in the same UTC minute as the event.
     */
    private static long firstTimestamp(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT ts FROM events ORDER BY event_id LIMIT 1")) {
            return rs.next() ? Math.floorDiv(rs.getLong(1), 1000L) * 1000L : 0;
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
