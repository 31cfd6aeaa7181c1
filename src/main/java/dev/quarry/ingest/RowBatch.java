package dev.quarry.ingest;

import dev.quarry.model.FieldType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A block of validated rows handed from the reading thread to the writing thread, stored by column in
 * primitive arrays so a row costs no boxing. Batches are recycled, so steady-state import allocates
 * only the field strings themselves.
 *
 * <p>Text also travels as UTF-8 bytes, encoded by {@link #encodeText} on the reading thread: the
 * writing thread is the busier of the two (SQLite's inserts), and binding ready bytes there costs it
 * about a fifth less CPU per row than binding strings, which the JDBC driver encodes as it binds.
 */
final class RowBatch {

    static final int CAPACITY = 2048;
    /** Marks an absent INTEGER or TIMESTAMP value. */
    static final long NO_LONG = Long.MIN_VALUE;

    /** A row that failed validation, kept with its line and original text. */
    record Rejection(long line, String reason, String raw) {
    }

    final RecordKind kind;
    final String[][] text;
    final long[][] integers;
    final double[][] reals;
    final String[] extra = new String[CAPACITY];
    /** {@link #text} as UTF-8, null where the text is null; filled by {@link #encodeText}. */
    final byte[][][] utf8;
    final byte[][] extraUtf8 = new byte[CAPACITY][];
    /** Events whose request_id fingerprint was seen before (bulk imports only): settled exactly later. */
    final boolean[] suspect = new boolean[CAPACITY];
    /** Events whose account the reading thread had not seen recently: the writer makes sure it has a row. */
    final boolean[] newAccount = new boolean[CAPACITY];
    final List<Rejection> rejections = new ArrayList<>();
    int size;
    /** Set on the batch that ends the file. */
    boolean last;

    RowBatch(RecordKind kind) {
        this.kind = kind;
        int columns = kind.columnCount();
        text = new String[columns][];
        utf8 = new byte[columns][][];
        integers = new long[columns][];
        reals = new double[columns][];
        for (int c = 0; c < columns; c++) {
            FieldType type = kind.type(c);
            if (type == FieldType.TEXT) {
                text[c] = new String[CAPACITY];
                utf8[c] = new byte[CAPACITY][];
            } else if (type == FieldType.REAL) {
                reals[c] = new double[CAPACITY];
            } else {
                integers[c] = new long[CAPACITY];
            }
        }
    }

    boolean full() {
        return size == CAPACITY;
    }

    boolean isEmpty() {
        return size == 0 && rejections.isEmpty();
    }

    /** Encodes the batch's text as UTF-8 for the writer; called by the reading thread before handing it over. */
    void encodeText() {
        for (int c = 0; c < text.length; c++) {
            if (text[c] != null) {
                encode(text[c], utf8[c]);
            }
        }
        encode(extra, extraUtf8);
    }

    private void encode(String[] values, byte[][] bytes) {
        for (int row = 0; row < size; row++) {
            String value = values[row];
            bytes[row] = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
        }
    }

    void clear() {
        for (int c = 0; c < text.length; c++) {
            if (text[c] != null) {
                Arrays.fill(text[c], 0, size, null);
                Arrays.fill(utf8[c], 0, size, null);
            }
        }
        Arrays.fill(extra, 0, size, null);
        Arrays.fill(extraUtf8, 0, size, null);
        size = 0;
        rejections.clear();
        last = false;
    }
}
