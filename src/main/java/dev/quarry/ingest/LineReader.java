package dev.quarry.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines for the JSON Lines readers (a JSON Lines record never spans lines).
 * A line longer than the record limit is reported as oversized with only its beginning kept, and the
 * rest of it skipped, so memory stays bounded whatever the input.
 */
final class LineReader {

    private final InputStream in;
    private byte[] buf = new byte[1 << 20];
    private int pos;
    private int limit;
    private boolean eof;
    private long nextLine = 1;
    private String oversizedText;

    /** The current line: bytes {@code [start, end)} of {@link #buffer()}, without its line break. */
    int start;
    int end;
    /** The current line's 1-based number. */
    long line;
    /** The current line exceeded {@link Limits#RECORD_BYTES}; only {@link #text()} is available. */
    boolean oversized;

    LineReader(InputStream in) {
        this.in = in;
    }

    byte[] buffer() {
        return buf;
    }

    boolean next() throws IOException {
        oversized = false;
        line = nextLine;
        int scan = pos;
        while (true) {
            for (int i = scan; i < limit; i++) {
                if (buf[i] == '\n') {
                    start = pos;
                    end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                    pos = i + 1;
                    nextLine++;
                    return true;
                }
            }
            int scanned = limit - pos;
            if (scanned >= Limits.RECORD_BYTES) {
                skipRestOfLine();
                return true;
            }
            if (!fill()) {
                if (limit == pos) {
                    return false;
                }
                start = pos;
                end = buf[limit - 1] == '\r' ? limit - 1 : limit;
                pos = limit;
                nextLine++;
                return true;
            }
            scan = pos + scanned;
        }
    }

    String text() {
        if (oversized) {
            return oversizedText;
        }
        return new String(buf, start, Math.min(end - start, Limits.RAW_KEPT_BYTES), StandardCharsets.UTF_8);
    }

    private void skipRestOfLine() throws IOException {
        oversized = true;
        oversizedText = new String(buf, pos, Limits.RAW_KEPT_BYTES, StandardCharsets.UTF_8);
        nextLine++;
        while (true) {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                eof = true;
                pos = 0;
                limit = 0;
                return;
            }
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    pos = i + 1;
                    limit = n;
                    return;
                }
            }
        }
    }

    /** Moves the unread bytes to the front and reads more after them; false at the end of input. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int keep = limit - pos;
        System.arraycopy(buf, pos, buf, 0, keep);
        pos = 0;
        limit = keep;
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, Math.min(buf.length * 2, Limits.RECORD_BYTES + 1));
        }
        int n;
        do {
            n = in.read(buf, limit, buf.length - limit);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }
}
