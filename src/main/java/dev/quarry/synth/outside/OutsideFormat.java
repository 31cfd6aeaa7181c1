package dev.quarry.synth.outside;

/** How the events file is encoded: the shapes real extracts arrive in. */
public enum OutsideFormat {
    /** Canonical column names, comma-delimited, ISO-8601 UTC timestamps, LF line ends. */
    CANONICAL_CSV("events.csv"),
    /**
     * A re-encoded export with another vocabulary: {@code user_id}, {@code client_ip}, {@code input_tokens},
     * epoch-millisecond {@code created}, semicolon delimiter, CRLF line ends.
     */
    RENAMED_CSV("events.csv"),
    /** One nested JSON object per line: account, client, request and response objects. */
    JSONL("events.jsonl"),
    /** Amazon Bedrock model-invocation log records; no IP, user agent or billing data, and no accounts file. */
    BEDROCK("events.jsonl");

    private final String eventsFileName;

    OutsideFormat(String eventsFileName) {
        this.eventsFileName = eventsFileName;
    }

    String eventsFileName(boolean gzip) {
        return gzip ? eventsFileName + ".gz" : eventsFileName;
    }

    boolean hasAccountsFile() {
        return this != BEDROCK;
    }
}
