package dev.quarry.synth.outside;

import java.time.LocalDate;

/** ISO-8601 UTC text for epoch milliseconds without allocating a date object per event. */
final class IsoClock {

    private long cachedDay = Long.MIN_VALUE;
    private String cachedPrefix;

    /** {@code 2026-11-02T13:45:07.123Z}, or with {@code millis} false {@code 2026-11-02T13:45:07Z}. */
    String format(long epochMillis, boolean millis) {
        long day = Math.floorDiv(epochMillis, Population.DAY_MS);
        if (day != cachedDay) {
            cachedDay = day;
            cachedPrefix = LocalDate.ofEpochDay(day) + "T";
        }
        int inDay = (int) (epochMillis - day * Population.DAY_MS);
        int ms = inDay % 1000;
        int s = inDay / 1000;
        StringBuilder b = new StringBuilder(24).append(cachedPrefix);
        two(b, s / 3600).append(':');
        two(b, s / 60 % 60).append(':');
        two(b, s % 60);
        if (millis) {
            b.append('.').append((char) ('0' + ms / 100)).append((char) ('0' + ms / 10 % 10)).append((char) ('0' + ms % 10));
        }
        return b.append('Z').toString();
    }

    private static StringBuilder two(StringBuilder b, int v) {
        return b.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }
}
