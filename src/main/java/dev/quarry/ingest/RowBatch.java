package dev.quarry.ingest;

import dev.quarry.model.FieldType;

import java.util.ArrayList;
import java.util.List;

/**
 * A block of validated rows handed from the reading thread to the writing thread, stored by column in
 * primitive arrays so a row costs no boxing. Batches are recycled, so steady-state import allocates
 * only the field strings themselves.
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
        integers = new long[columns][];
        reals = new double[columns][];
        for (int c = 0; c < columns; c++) {
            FieldType type = kind.type(c);
            if (type == FieldType.TEXT) {
                text[c] = new String[CAPACITY];
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

    void clear() {
        for (String[] column : text) {
            if (column != null) {
                java.util.Arrays.fill(column, 0, size, null);
            }
        }
        java.util.Arrays.fill(extra, 0, size, null);
        size = 0;
        rejections.clear();
        last = false;
    }
}
