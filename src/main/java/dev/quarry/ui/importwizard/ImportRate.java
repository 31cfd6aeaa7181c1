package dev.quarry.ui.importwizard;

import dev.quarry.model.ProgressListener;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of an import of several files as one: bytes of all files, with the importer's row count,
 * the read rate (MB/s) and the time left at that rate added to its message, so the task panel shows
 * e.g. "events.csv: 1,200,000 rows · 48.2 MB/s · about 35 s left".
 */
final class ImportRate {

    private final ProgressListener outer;
    private final long totalBytes;
    private final int files;
    private final LongSupplier nanoClock;
    private final long started;
    private long before;
    private long current;
    private int index;

    ImportRate(ProgressListener outer, long totalBytes, int files) {
        this(outer, totalBytes, files, System::nanoTime);
    }

    ImportRate(ProgressListener outer, long totalBytes, int files, LongSupplier nanoClock) {
        this.outer = outer;
        this.totalBytes = totalBytes;
        this.files = files;
        this.nanoClock = nanoClock;
        this.started = nanoClock.getAsLong();
    }

    /** The listener for the next file, of {@code size} bytes. */
    ProgressListener forNextFile(long size) {
        before += current;
        current = size;
        index++;
        int number = index;
        long base = before;
        return new ProgressListener() {
            @Override
            public void progress(long done, long total, String message) {
                outer.progress(done, total, message);
            }

            @Override
            public void progress(long done, long total, String message, String unit) {
                if (!BYTES.equals(unit)) {
                    // index rebuilds and other stages of the file: their own counts
                    outer.progress(done, total, message, unit);
                    return;
                }
                long all = base + done;
                outer.progress(all, totalBytes, describe(message, all, number), BYTES);
            }

            @Override
            public boolean isCancelled() {
                return outer.isCancelled();
            }
        };
    }

    String describe(String message, long doneBytes, int number) {
        double seconds = (nanoClock.getAsLong() - started) / 1e9;
        StringBuilder text = new StringBuilder(message == null ? "" : message);
        if (seconds > 0.5 && doneBytes > 0) {
            double bytesPerSecond = doneBytes / seconds;
            long left = Math.round(Math.max(0, totalBytes - doneBytes) / bytesPerSecond);
            text.append(String.format(Locale.ROOT, " · %.1f MB/s · about %s left", bytesPerSecond / 1e6, duration(left)));
        }
        if (files > 1) {
            text.append(String.format(Locale.ROOT, " · file %d of %d", number, files));
        }
        return text.toString();
    }

    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }
}
