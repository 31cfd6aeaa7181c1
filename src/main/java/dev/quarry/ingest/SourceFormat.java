package dev.quarry.ingest;

/** The shapes of extract Quarry reads; {@link #AUTO} detects one of the others from the file's content. */
public enum SourceFormat {
    AUTO, CSV, JSONL, BEDROCK;

    /** The lower-case name used on the command line and stored in {@code sources.format}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
