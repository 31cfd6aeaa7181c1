package dev.quarry.model;

/**
 * Where long work reports how far it got and learns whether it should stop. The GUI binds it to a
 * progress bar and a cancel button, the command line to a progress line and Ctrl-C.
 */
public interface ProgressListener {

    /**
     * @param done  units of work done so far (rows, bytes, stages)
     * @param total total units, or -1 when unknown
     * @param message what is happening, for a person
     */
    void progress(long done, long total, String message);

    /**
     * The same, naming what is counted ({@link #EVENTS}, {@link #BYTES}, {@link #ACCOUNTS},
     * {@link #STAGES}), for listeners that show counts with their unit; the others ignore it.
     */
    default void progress(long done, long total, String message, String unit) {
        progress(done, total, message);
    }

    String EVENTS = "events";
    String BYTES = "bytes";
    String ACCOUNTS = "accounts";
    String STAGES = "stages";

    boolean isCancelled();

    /** Throws {@link CancelledException} when the user asked to stop; call it between units of work. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    ProgressListener NONE = new ProgressListener() {
        @Override
        public void progress(long done, long total, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
