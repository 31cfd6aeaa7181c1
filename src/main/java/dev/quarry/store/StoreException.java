package dev.quarry.store;

/** The case file could not be opened, read or written; the message names the file and the problem. */
public class StoreException extends Exception {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
