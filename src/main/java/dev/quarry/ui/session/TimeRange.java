package dev.quarry.ui.session;

/** A selected span of time, epoch milliseconds UTC, start inclusive, end exclusive. */
public record TimeRange(long fromMillis, long toMillis) {
    public TimeRange {
        if (toMillis < fromMillis) {
            throw new IllegalArgumentException("a time range ends after it starts: " + fromMillis + " > " + toMillis);
        }
    }

    public boolean contains(long millis) {
        return millis >= fromMillis && millis < toMillis;
    }
}
