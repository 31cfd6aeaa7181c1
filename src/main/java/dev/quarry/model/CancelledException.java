package dev.quarry.model;

/** Long work stopped because the user cancelled it; whatever it was writing has been rolled back. */
public class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled by the user");
    }
}
