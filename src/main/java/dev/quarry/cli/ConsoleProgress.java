package dev.quarry.cli;

import dev.quarry.model.ProgressListener;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Progress on the terminal: one line on stderr rewritten at most a few times a second with count,
 * rate and time left. Ctrl-C marks it cancelled, and the shutdown waits briefly for the work to
 * notice and roll back, so an interrupted command leaves the case as it was.
 */
final class ConsoleProgress implements ProgressListener, AutoCloseable {

    private static final long REFRESH_NANOS = 250_000_000L;

    private final String unit;
    // rate and ETA are measured from the start of the current phase (a new file, a new stage),
    // so a slow earlier phase does not make a later one look slow
    private long phaseStarted = System.nanoTime();
    private long phaseStartDone;
    private long lastDone;
    private long phaseTotal = Long.MIN_VALUE;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final Thread shutdownHook;
    private final boolean interactive = System.console() != null;
    private long lastPrinted;
    private boolean printed;

    ConsoleProgress(String unit) {
        this.unit = unit;
        Thread worker = Thread.currentThread();
        this.shutdownHook = new Thread(() -> {
            if (finished.get()) {
                return;
            }
            cancelled.set(true);
            try {
                worker.join(10_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "quarry-cancel-on-interrupt");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    @Override
    public void progress(long done, long total, String message) {
        progress(done, total, message, unit);
    }

    /** Bytes are shown as MB and MB/s; any other unit by name. */
    @Override
    public void progress(long done, long total, String message, String unit) {
        long now = System.nanoTime();
        // nothing counted and no total: a new stage of the work (e.g. rebuilding indexes), always shown
        boolean stage = done == 0 && total < 0;
        if (stage) {
            System.err.print(interactive ? "\r" + message + "\033[K" : message + System.lineSeparator());
            printed = true;
            lastPrinted = now;
            return;
        }
        boolean newPhase = done < lastDone || total != phaseTotal;
        if (newPhase) {
            phaseTotal = total;
            phaseStarted = now;
            phaseStartDone = done;
        }
        lastDone = done;
        // the first count of a new phase is always shown, so a new file or stage appears at once
        if (!newPhase && printed && now - lastPrinted < (interactive ? REFRESH_NANOS : 10 * REFRESH_NANOS)) {
            return;
        }
        lastPrinted = now;
        printed = true;
        double seconds = Math.max(1e-9, (now - phaseStarted) / 1e9);
        double rate = (done - phaseStartDone) / seconds;
        StringBuilder line = new StringBuilder();
        line.append(message == null ? "" : message).append("  ");
        if (BYTES.equals(unit)) {
            // byte counts read better, and give a more honest rate and ETA, in megabytes
            line.append(String.format(Locale.ROOT, "%,.1f", done / 1e6));
            if (total > 0) {
                line.append(String.format(Locale.ROOT, " / %,.1f MB (%.0f%%)", total / 1e6, 100.0 * done / total));
            } else {
                line.append(" MB");
            }
            line.append(String.format(Locale.ROOT, "  %,.1f MB/s", rate / 1e6));
        } else {
            line.append(String.format(Locale.ROOT, "%,d", done));
            if (total > 0) {
                line.append(String.format(Locale.ROOT, " / %,d %s (%.0f%%)", total, unit, 100.0 * done / total));
            } else {
                line.append(' ').append(unit);
            }
            line.append(String.format(Locale.ROOT, "  %,.0f %s/s", rate, unit));
        }
        if (total > 0 && rate > 0 && done < total) {
            line.append(String.format(Locale.ROOT, "  ETA %s", duration((total - done) / rate)));
        }
        System.err.print(interactive ? "\r" + line + "   " : line + System.lineSeparator());
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    @Override
    public void close() {
        finish();
    }

    /** Ends the progress line so a summary can follow; safe to call more than once. */
    void finish() {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        if (printed && interactive) {
            System.err.println();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the JVM is exiting; nothing to unregister
        }
    }
}
