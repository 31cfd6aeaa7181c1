package dev.quarry.ingest;

/**
 * A file could not be imported at all (unreadable, not a supported format, bad mapping file). The message
 * names the file, the line when there is one, the problem and what to do. Rows that are merely invalid
 * never raise this: they go to {@code rejected_rows}.
 */
public class IngestException extends Exception {
    public IngestException(String message) {
        super(message);
    }

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
