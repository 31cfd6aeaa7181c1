package dev.quarry.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A byte-level RFC 4180 reader: comma, semicolon or tab (detected from the header line), quoted fields
 * with doubled quotes and embedded line breaks, CRLF or LF, UTF-8 with or without BOM. Written by hand
 * because it is the hot loop of every import; it keeps the whole current record in its buffer, so a
 * record that cannot be completed (a quote never closed) can be rejected one line at a time and reading
 * resumes on the next line instead of swallowing the rest of the file.
 */
final class CsvReader {

    interface HeaderHandler {
        /** Called once with the header's column names; returns the assembler rows go to. */
        RowAssembler header(List<String> names, char delimiter) throws IngestException, InterruptedException;
    }

    private static final byte QUOTE = '"';
    private static final int OK = 0;
    private static final int UNTERMINATED = 1;
    private static final int MALFORMED = 2;
    private static final int TOO_LONG = 3;

    private final InputStream in;
    private byte[] buf = new byte[1 << 20];
    private int pos;
    private int limit;
    private boolean eof;
    private long line = 1;
    private byte delimiter = ',';

    private int recordStart;
    private long recordLine;
    private int recordEnd;
    private int status;
    private int fieldCount;
    private int[] fieldStart = new int[64];
    private int[] fieldEnd = new int[64];
    private boolean[] fieldEscaped = new boolean[64];
    private long blankLines;

    CsvReader(InputStream in) {
        this.in = in;
    }

    long blankLines() {
        return blankLines;
    }

    void read(HeaderHandler headerHandler, String fileName) throws IOException, IngestException, InterruptedException {
        fill();
        if (limit >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
            pos = 3;
        }
        while (pos < limit && (buf[pos] == '\n' || buf[pos] == '\r')) {
            if (buf[pos] == '\n') {
                line++;
                blankLines++;
            }
            pos++;
        }
        delimiter = detectDelimiter();
        if (!nextRecord()) {
            headerHandler.header(List.of(), (char) delimiter).flush();
            return;
        }
        if (status != OK || Utf8.check(buf, recordStart, recordEnd) != Utf8.VALID) {
            throw new IngestException(fileName + " line " + recordLine + ": the header line is not readable CSV text "
                    + "(bad quoting, invalid UTF-8 or binary data); check that this is a CSV extract or pass --format");
        }
        List<String> names = new ArrayList<>(fieldCount);
        for (int f = 0; f < fieldCount; f++) {
            String name = field(f).strip();
            names.add(name.isEmpty() ? "column_" + (f + 1) : name);
        }
        RowAssembler rows = headerHandler.header(names, (char) delimiter);
        int columns = names.size();
        ColumnPlan plan = new ColumnPlan(names, rows);
        RawText raw = () -> text(recordStart, recordEnd);
        while (nextRecord()) {
            if (status == UNTERMINATED || status == TOO_LONG) {
                rejectFirstLineAndResync(rows);
                continue;
            }
            if (fieldCount == 1 && recordEnd == recordStart) {
                blankLines++;
                continue;
            }
            if (status == MALFORMED) {
                rows.reject(recordLine, RejectReason.MALFORMED_QUOTE, null, raw.text());
                continue;
            }
            int check = Utf8.check(buf, recordStart, recordEnd);
            if (check != Utf8.VALID) {
                rows.reject(recordLine, check == Utf8.HAS_NUL ? RejectReason.NUL_BYTE : RejectReason.INVALID_UTF8, null, raw.text());
                continue;
            }
            if (fieldCount != columns) {
                rows.reject(recordLine, RejectReason.FIELD_COUNT, "expected " + columns + ", found " + fieldCount, raw.text());
                continue;
            }
            rows.begin(recordLine);
            for (int f = 0; f < columns; f++) {
                int target = plan.target[f];
                if (target >= 0) {
                    rows.set(target, field(f));
                } else {
                    rows.extra(plan.names[f], field(f));
                }
            }
            rows.finish(raw);
        }
        rows.flush();
    }

    /** Where each column goes: a canonical field, or (for unmapped and repeated ones) {@code extra}. */
    private static final class ColumnPlan {
        final int[] target;
        final String[] names;

        ColumnPlan(List<String> header, RowAssembler rows) {
            target = new int[header.size()];
            names = header.toArray(String[]::new);
            boolean[] taken = new boolean[rows.kind().columnCount()];
            ColumnResolver resolver = rows.resolver();
            for (int f = 0; f < target.length; f++) {
                int canonical = resolver.resolve(names[f]);
                if (canonical >= 0 && !taken[canonical]) {
                    taken[canonical] = true;
                    target[f] = canonical;
                } else {
                    target[f] = ColumnResolver.EXTRA;
                }
            }
        }
    }

    /** The delimiter that occurs most often, outside quotes, on the first line; comma when none does. */
    private byte detectDelimiter() {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = pos; i < limit && (quoted || buf[i] != '\n'); i++) {
            byte b = buf[i];
            if (b == QUOTE) {
                quoted = !quoted;
            } else if (!quoted) {
                if (b == ',') {
                    commas++;
                } else if (b == ';') {
                    semicolons++;
                } else if (b == '\t') {
                    tabs++;
                }
            }
        }
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? (byte) ';' : (byte) ',';
    }

    /** Reads the next record into the field arrays; false at the end of input. */
    private boolean nextRecord() throws IOException {
        if (pos == limit && !fill()) {
            return false;
        }
        recordStart = pos;
        recordLine = line;
        fieldCount = 0;
        status = OK;
        final byte delim = delimiter;
        while (true) {
            if (pos == limit) {
                int more = fillWithinLimit();
                if (more <= 0) {
                    status = more < 0 ? TOO_LONG : status;
                    addField(pos - recordStart, pos - recordStart, false);
                    recordEnd = pos;
                    return true;
                }
            }
            if (buf[pos] == QUOTE) {
                pos++;
                int start = pos - recordStart;
                boolean escaped = false;
                while (true) {
                    if (pos == limit) {
                        int more = fillWithinLimit();
                        if (more <= 0) {
                            status = more == 0 ? UNTERMINATED : TOO_LONG;
                            recordEnd = pos;
                            return true;
                        }
                    }
                    // the hot loop of quoted text (prompts): locals only until a quote or the buffer end
                    byte[] bytes = buf;
                    int p = pos;
                    int lim = limit;
                    long newlines = 0;
                    while (p < lim) {
                        byte c = bytes[p];
                        if (c == QUOTE) {
                            break;
                        }
                        if (c == '\n') {
                            newlines++;
                        }
                        p++;
                    }
                    pos = p;
                    line += newlines;
                    if (p == lim) {
                        continue;
                    }
                    // at a quote: doubled it is an escaped quote, single it closes the field
                    if (pos + 1 == limit) {
                        int more = fillWithinLimit();
                        if (more < 0) {
                            status = TOO_LONG;
                            recordEnd = pos;
                            return true;
                        }
                    }
                    if (pos + 1 < limit && buf[pos + 1] == QUOTE) {
                        escaped = true;
                        pos += 2;
                        continue;
                    }
                    break;
                }
                addField(start, pos - recordStart, escaped);
                pos++;
                // after the closing quote: a delimiter, the end of the line or of the input
                if (pos == limit) {
                    int more = fillWithinLimit();
                    if (more <= 0) {
                        status = more < 0 ? TOO_LONG : status;
                        recordEnd = pos;
                        return true;
                    }
                }
                byte after = buf[pos];
                if (after == delim) {
                    pos++;
                    continue;
                }
                if (after == '\n' || (after == '\r' && isCrLf())) {
                    return endLine();
                }
                status = MALFORMED;
                fieldCount--;
                if (!scanUnquoted(start - 1 + recordStart, delim)) {
                    return true;
                }
                if (status == TOO_LONG) {
                    return true;
                }
                if (buf[pos] == delim) {
                    pos++;
                    continue;
                }
                return endLine();
            }
            int start = pos;
            if (!scanUnquoted(start, delim)) {
                return true;
            }
            if (status == TOO_LONG) {
                return true;
            }
            if (buf[pos] == delim) {
                pos++;
                continue;
            }
            return endLine();
        }
    }

    /**
     * Scans an unquoted field from absolute offset {@code start} up to a delimiter or line end (left at
     * {@code pos}) and records it. Returns false when the input ended inside the field (the record is
     * then complete).
     */
    private boolean scanUnquoted(int start, byte delim) throws IOException {
        int startRelative = start - recordStart;
        while (true) {
            byte[] b = buf;
            int p = pos;
            int lim = limit;
            while (p < lim) {
                byte c = b[p];
                if (c == delim || c == '\n') {
                    break;
                }
                if (c == '\r') {
                    pos = p;
                    if (isCrLf()) {
                        addField(startRelative, pos - recordStart, false);
                        return true;
                    }
                    p = pos;
                    b = buf;
                    lim = limit;
                }
                p++;
            }
            pos = p;
            if (p < lim) {
                addField(startRelative, p - recordStart, false);
                return true;
            }
            int more = fillWithinLimit();
            if (more < 0) {
                status = TOO_LONG;
                recordEnd = pos;
                return true;
            }
            if (more == 0) {
                addField(startRelative, pos - recordStart, false);
                recordEnd = pos;
                return false;
            }
        }
    }

    /** Whether the {@code \r} at {@code pos} is followed by {@code \n}; may refill the buffer. */
    private boolean isCrLf() throws IOException {
        if (pos + 1 == limit) {
            fillWithinLimit();
        }
        return pos + 1 < limit && buf[pos + 1] == '\n';
    }

    /** Ends the record at the line break at {@code pos}. */
    private boolean endLine() {
        recordEnd = pos;
        if (buf[pos] == '\r') {
            pos++;
        }
        pos++;
        line++;
        return true;
    }

    private void addField(int start, int end, boolean escaped) {
        if (fieldCount == fieldStart.length) {
            fieldStart = Arrays.copyOf(fieldStart, fieldCount * 2);
            fieldEnd = Arrays.copyOf(fieldEnd, fieldCount * 2);
            fieldEscaped = Arrays.copyOf(fieldEscaped, fieldCount * 2);
        }
        fieldStart[fieldCount] = start;
        fieldEnd[fieldCount] = end;
        fieldEscaped[fieldCount] = escaped;
        fieldCount++;
    }

    private String field(int f) {
        int start = recordStart + fieldStart[f];
        int end = recordStart + fieldEnd[f];
        if (!fieldEscaped[f]) {
            return new String(buf, start, end - start, StandardCharsets.UTF_8);
        }
        byte[] unescaped = new byte[end - start];
        int n = 0;
        for (int i = start; i < end; i++) {
            unescaped[n++] = buf[i];
            if (buf[i] == QUOTE) {
                i++;
            }
        }
        return new String(unescaped, 0, n, StandardCharsets.UTF_8);
    }

    private String text(int from, int to) {
        return new String(buf, from, Math.min(to - from, Limits.RAW_KEPT_BYTES), StandardCharsets.UTF_8);
    }

    /**
     * A record that never completed (unclosed quote, or longer than the record limit): reject its first
     * line and read on from the next one, so one stray quote costs one line, not the rest of the file.
     */
    private void rejectFirstLineAndResync(RowAssembler rows) throws IOException, InterruptedException {
        RejectReason reason = status == TOO_LONG ? RejectReason.RECORD_TOO_LARGE : RejectReason.UNTERMINATED_QUOTE;
        int newline = -1;
        for (int i = recordStart; i < limit; i++) {
            if (buf[i] == '\n') {
                newline = i;
                break;
            }
        }
        if (newline >= 0) {
            int end = newline > recordStart && buf[newline - 1] == '\r' ? newline - 1 : newline;
            rows.reject(recordLine, reason, null, text(recordStart, end));
            pos = newline + 1;
            line = recordLine + 1;
            return;
        }
        // one line longer than the record limit: keep its start, skip the rest of it
        rows.reject(recordLine, RejectReason.RECORD_TOO_LARGE, null, text(recordStart, limit));
        pos = limit;
        while (fill()) {
            for (int i = pos; i < limit; i++) {
                if (buf[i] == '\n') {
                    pos = i + 1;
                    line = recordLine + 1;
                    return;
                }
            }
            pos = limit;
        }
        line = recordLine + 1;
    }

    /**
     * Makes more input available after {@code pos}, keeping the current record in the buffer.
     * Returns the bytes added, 0 at the end of input, -1 when the record would exceed the limit.
     */
    private int fillWithinLimit() throws IOException {
        if (eof) {
            return 0;
        }
        if (recordStart > 0) {
            int keep = limit - recordStart;
            System.arraycopy(buf, recordStart, buf, 0, keep);
            pos -= recordStart;
            limit = keep;
            recordStart = 0;
        }
        if (limit == buf.length) {
            if (buf.length >= Limits.RECORD_BYTES) {
                return -1;
            }
            buf = Arrays.copyOf(buf, Math.min(buf.length * 2, Limits.RECORD_BYTES));
        }
        int n = in.read(buf, limit, buf.length - limit);
        while (n == 0) {
            n = in.read(buf, limit, buf.length - limit);
        }
        if (n < 0) {
            eof = true;
            return 0;
        }
        limit += n;
        return n;
    }

    private boolean fill() throws IOException {
        if (pos == limit) {
            recordStart = pos;
        }
        return fillWithinLimit() > 0;
    }
}
