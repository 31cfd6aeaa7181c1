package dev.quarry.synth;

/** How the events file is written. Accounts are always CSV; Bedrock logs carry no account data. */
public enum OutputFormat {
    /** Canonical CSV with a header row, RFC 4180 quoting. */
    CSV("events.csv"),
    /** One flat JSON object per line with the canonical field names. */
    JSONL("events.jsonl"),
    /** Amazon Bedrock model-invocation log records, one per line. */
    BEDROCK("bedrock-invocations.jsonl");

    private final String fileName;

    OutputFormat(String fileName) {
        this.fileName = fileName;
    }

    public String fileName(boolean gzip) {
        return gzip ? fileName + ".gz" : fileName;
    }
}
