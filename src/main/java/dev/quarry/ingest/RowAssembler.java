package dev.quarry.ingest;

import dev.quarry.model.FieldType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns one record's values, already mapped onto canonical fields by a reader, into a typed row of a
 * {@link RowBatch} or a rejection. Readers call {@link #begin}, {@link #set}/{@link #extra}, then
 * {@link #finish}; or {@link #reject} when the record cannot even be split into fields. Counts every
 * record it sees, so the import can prove {@code read = accepted + duplicate + rejected}.
 */
final class RowAssembler {

    /** Receives full batches and hands back an empty one. */
    interface BatchSink {
        /** Takes a filled batch (null at the start) and returns an empty one for rows of {@code kind}. */
        RowBatch exchange(RowBatch full, RecordKind kind) throws InterruptedException;
    }

    private static final HexFormat HEX = HexFormat.of();
    /** How many account ids the reader remembers to flag first sightings; bounds memory. */
    private static final int RECENT_ACCOUNTS = 100_000;

    private final RecordKind kind;
    private final ColumnResolver resolver;
    private final BatchSink sink;
    private final String[] values;
    private final StringBuilder extra = new StringBuilder();
    private final TimestampParser timestamps = new TimestampParser();
    private final Map<String, Long> rejectedByReason = new LinkedHashMap<>();
    private final MessageDigest rowDigest;
    private final int tsColumn;
    private final int accountColumn;
    private final int requestColumn;
    private final boolean[] tokenColumn;
    private final FingerprintSet seenRequestIds;
    private final Set<String> recentAccounts = new HashSet<>();
    private RowBatch batch;
    private long line;
    private long read;
    private long rejected;
    private long derivedRequestIds;

    /**
     * @param seenRequestIds fingerprints of the request ids in the case, for a bulk import (see
     *                       {@link CaseWriter}); rows whose fingerprint is already there are marked suspect.
     *                       Null when the unique index settles duplicates on insert.
     */
    RowAssembler(ColumnResolver resolver, BatchSink sink, FingerprintSet seenRequestIds) throws InterruptedException {
        this.seenRequestIds = resolver.kind() == RecordKind.EVENTS ? seenRequestIds : null;
        this.kind = resolver.kind();
        this.resolver = resolver;
        this.sink = sink;
        this.batch = sink.exchange(null, kind);
        this.values = new String[kind.columnCount()];
        this.tsColumn = kind.indexOf("ts");
        this.accountColumn = kind.indexOf("account_id");
        this.requestColumn = kind.indexOf("request_id");
        this.tokenColumn = new boolean[kind.columnCount()];
        for (int c = 0; c < kind.columnCount(); c++) {
            tokenColumn[c] = kind.column(c).endsWith("_tokens");
        }
        try {
            this.rowDigest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    RecordKind kind() {
        return kind;
    }

    ColumnResolver resolver() {
        return resolver;
    }

    void begin(long line) {
        this.line = line;
        Arrays.fill(values, null);
        extra.setLength(0);
    }

    /** Whether the canonical column already holds a value in this record. */
    boolean isSet(int column) {
        return values[column] != null;
    }

    void set(int column, String value) {
        values[column] = value;
    }

    /** Whether any value of the current record holds a NUL character (possible only from JSON escapes). */
    boolean containsNulCharacter() {
        for (String value : values) {
            if (value != null && value.indexOf('\0') >= 0) {
                return true;
            }
        }
        return hasNulEscape(extra);
    }

    /**
     * True when JSON text holds an escape that decodes to NUL: backslash, u, four zeros, where the
     * backslash is not itself escaped. Those six characters as text are written with a doubled
     * backslash and are ordinary text.
     */
    static boolean hasNulEscape(CharSequence json) {
        int backslashes = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\\') {
                backslashes++;
                continue;
            }
            if (c == 'u' && backslashes % 2 == 1 && i + 4 < json.length()
                    && json.charAt(i + 1) == '0' && json.charAt(i + 2) == '0' && json.charAt(i + 3) == '0' && json.charAt(i + 4) == '0') {
                return true;
            }
            backslashes = 0;
        }
        return false;
    }

    /** Keeps a value that maps to no canonical field, as a member of the row's {@code extra} JSON object. */
    void extra(String name, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        extra.append(extra.length() == 0 ? '{' : ',');
        Json.appendQuoted(extra, name);
        extra.append(':');
        Json.appendQuoted(extra, value);
    }

    /** Keeps an unmapped value that is already JSON (an object or array from a JSON record). */
    void extraJson(String name, String json) {
        extra.append(extra.length() == 0 ? '{' : ',');
        Json.appendQuoted(extra, name);
        extra.append(':').append(json);
    }

    /** Counts and rejects a record that could not be read into fields. */
    void reject(long line, RejectReason reason, String detail, String raw) throws InterruptedException {
        read++;
        rejectInternal(line, reason, detail, raw);
    }

    /** Validates the record begun last and adds it to the batch, or rejects it with its raw text. */
    void finish(RawText raw) throws InterruptedException {
        read++;
        for (int c = 0; c < values.length; c++) {
            String value = values[c];
            if (value != null && c != promptColumn() && !value.isEmpty()
                    && (value.charAt(0) <= ' ' || value.charAt(value.length() - 1) <= ' ')) {
                value = value.strip();
                values[c] = value;
            }
            if (value != null && value.isEmpty()) {
                values[c] = null;
            } else if (value != null && value.length() > Limits.FIELD_BYTES / 3 && utf8Length(value) > Limits.FIELD_BYTES) {
                rejectInternal(line, RejectReason.FIELD_TOO_LARGE, kind.column(c) + " has " + utf8Length(value) + " bytes", raw.text());
                return;
            }
        }
        if (extra.length() > Limits.FIELD_BYTES / 3 && utf8Length(extra) > Limits.FIELD_BYTES) {
            rejectInternal(line, RejectReason.FIELD_TOO_LARGE, "unmapped columns (extra) have " + utf8Length(extra) + " bytes", raw.text());
            return;
        }
        if (values[accountColumn] == null) {
            rejectInternal(line, RejectReason.MISSING_ACCOUNT_ID, null, raw.text());
            return;
        }
        if (tsColumn >= 0 && values[tsColumn] == null) {
            rejectInternal(line, RejectReason.MISSING_TS, null, raw.text());
            return;
        }
        int row = batch.size;
        for (int c = 0; c < values.length; c++) {
            FieldType type = kind.type(c);
            String value = values[c];
            if (type == FieldType.TEXT) {
                batch.text[c][row] = value;
            } else if (value == null) {
                if (type == FieldType.REAL) {
                    batch.reals[c][row] = Double.NaN;
                } else {
                    batch.integers[c][row] = RowBatch.NO_LONG;
                }
            } else if (type == FieldType.TIMESTAMP) {
                long millis = timestamps.parse(value);
                if (millis == TimestampParser.INVALID) {
                    rejectInternal(line, RejectReason.BAD_TIMESTAMP, kind.column(c) + " = " + quote(value), raw.text());
                    return;
                }
                batch.integers[c][row] = millis;
            } else if (type == FieldType.INTEGER) {
                long number = parseLong(value);
                if (number == RowBatch.NO_LONG) {
                    rejectInternal(line, RejectReason.BAD_INTEGER, kind.column(c) + " = " + quote(value), raw.text());
                    return;
                }
                if (number < 0 && tokenColumn[c]) {
                    rejectInternal(line, RejectReason.NEGATIVE_TOKENS, kind.column(c) + " = " + number, raw.text());
                    return;
                }
                batch.integers[c][row] = number;
            } else {
                double number = parseDouble(value);
                if (Double.isNaN(number)) {
                    rejectInternal(line, RejectReason.BAD_NUMBER, kind.column(c) + " = " + quote(value), raw.text());
                    return;
                }
                batch.reals[c][row] = number;
            }
        }
        batch.extra[row] = extra.length() == 0 ? null : extra.append('}').toString();
        if (requestColumn >= 0 && values[requestColumn] == null) {
            batch.text[requestColumn][row] = derivedRequestId(row);
            derivedRequestIds++;
        }
        if (requestColumn >= 0) {
            // done here rather than by the writer, which is the busier of the two threads
            boolean suspect = seenRequestIds != null && !seenRequestIds.addId(batch.text[requestColumn][row]);
            batch.suspect[row] = suspect;
            if (recentAccounts.size() == RECENT_ACCOUNTS) {
                recentAccounts.clear();
            }
            // suspects are settled (and their accounts added) at the end; only certain rows count as sightings
            batch.newAccount[row] = !suspect && recentAccounts.add(values[accountColumn]);
        }
        batch.size++;
        if (batch.full()) {
            batch = sink.exchange(batch, kind);
        }
    }

    /** Hands over the last, partly filled batch. */
    void flush() throws InterruptedException {
        batch.last = true;
        sink.exchange(batch, kind);
        batch = null;
    }

    long read() {
        return read;
    }

    long rejected() {
        return rejected;
    }

    long derivedRequestIds() {
        return derivedRequestIds;
    }

    Map<String, Long> rejectedByReason() {
        return rejectedByReason;
    }

    boolean sawZonelessTimestamps() {
        return timestamps.sawZoneless();
    }

    private int promptColumn() {
        return kind == RecordKind.EVENTS ? values.length - 1 : -1;
    }

    private void rejectInternal(long line, RejectReason reason, String detail, String raw) throws InterruptedException {
        rejected++;
        rejectedByReason.merge(reason.label, 1L, Long::sum);
        batch.rejections.add(new RowBatch.Rejection(line, reason.describe(detail), raw));
        if (batch.rejections.size() >= RowBatch.CAPACITY) {
            batch = sink.exchange(batch, kind);
        }
    }

    /**
     * A request id for a row whose source has none: 128 bits of SHA-256 over the row's canonical values,
     * so the same row imported again from any file, with any column order or names, gets the same id
     * and is counted as a duplicate. A cryptographic hash, because prompt text is attacker-controlled.
     */
    private String derivedRequestId(int row) {
        for (int c = 0; c < values.length; c++) {
            if (c == requestColumn) {
                continue;
            }
            String value = kind.type(c) == FieldType.TIMESTAMP ? Long.toString(batch.integers[c][row]) : values[c];
            if (value == null) {
                rowDigest.update((byte) 2);
            } else {
                rowDigest.update(value.getBytes(StandardCharsets.UTF_8));
            }
            rowDigest.update((byte) 1);
        }
        String extraJson = batch.extra[row];
        if (extraJson != null) {
            rowDigest.update(extraJson.getBytes(StandardCharsets.UTF_8));
        }
        return "derived-" + HEX.formatHex(rowDigest.digest(), 0, 16);
    }

    /** Parses an optionally signed decimal integer; a fraction of zeros ("12.0") is accepted. */
    static long parseLong(String s) {
        int n = s.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        if (i == n || n - i > 18) {
            return RowBatch.NO_LONG;
        }
        long value = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
            } else if (c == '.' && i > (negative ? 1 : 0)) {
                for (int k = i + 1; k < n; k++) {
                    if (s.charAt(k) != '0') {
                        return RowBatch.NO_LONG;
                    }
                }
                break;
            } else {
                return RowBatch.NO_LONG;
            }
        }
        return negative ? -value : value;
    }

    /** A finite decimal number, or NaN. */
    static double parseDouble(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return Double.NaN;
            }
        }
        try {
            double value = Double.parseDouble(s);
            return Double.isFinite(value) ? value : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static int utf8Length(CharSequence s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static String quote(String value) {
        return "'" + (value.length() > 60 ? value.substring(0, 60) + "…" : value) + "'";
    }
}
