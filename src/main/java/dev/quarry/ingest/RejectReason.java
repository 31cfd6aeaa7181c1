package dev.quarry.ingest;

/**
 * Why a row was rejected, in words an analyst understands. The label is what the summary counts by;
 * {@code rejected_rows.reason} holds the label followed by the detail for that row.
 */
enum RejectReason {
    MISSING_TS("missing ts (event time)"),
    MISSING_ACCOUNT_ID("missing account_id"),
    BAD_TIMESTAMP("unparseable timestamp"),
    BAD_INTEGER("not a whole number"),
    BAD_NUMBER("not a number"),
    NEGATIVE_TOKENS("negative token count"),
    INVALID_UTF8("invalid UTF-8"),
    NUL_BYTE("contains a NUL byte"),
    FIELD_TOO_LARGE("field over the " + Limits.FIELD_BYTES / (1024 * 1024) + " MiB limit"),
    RECORD_TOO_LARGE("record over the " + Limits.RECORD_BYTES / (1024 * 1024) + " MiB limit"),
    FIELD_COUNT("wrong number of fields"),
    UNTERMINATED_QUOTE("unterminated quoted field"),
    MALFORMED_QUOTE("text after a closing quote"),
    MALFORMED_JSON("malformed JSON"),
    NOT_AN_OBJECT("not a JSON object"),
    TEXT_AFTER_OBJECT("text after the JSON object (one object per line)"),
    NOT_BEDROCK("not a Bedrock invocation record");

    final String label;

    RejectReason(String label) {
        this.label = label;
    }

    String describe(String detail) {
        return detail == null || detail.isEmpty() ? label : label + ": " + detail;
    }
}
