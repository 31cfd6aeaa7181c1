package dev.quarry.ingest;

/**
 * Size limits that keep one bad record from exhausting memory; documented in docs/ingest-aliases.md.
 * A longer field or record is rejected, not truncated.
 */
final class Limits {
    /** Any single field, including the prompt text and the JSON of unmapped columns: 1 MiB of UTF-8. */
    static final int FIELD_BYTES = 1024 * 1024;
    /** One whole record (a CSV row with all its lines, or one JSON line): 8 MiB. */
    static final int RECORD_BYTES = 8 * 1024 * 1024;
    /** How much of an oversized record's text is kept in {@code rejected_rows.raw}. */
    static final int RAW_KEPT_BYTES = 64 * 1024;

    private Limits() {
    }
}
