package dev.quarry.synth;

import java.time.LocalDate;

/**
 * ISO-8601 UTC with milliseconds (2026-03-01T12:34:56.789Z), fast enough for millions of rows: the
 * date part is formatted once per day. One instance per writer; not thread-safe.
 */
final class IsoTime {
    private long cachedDay = Long.MIN_VALUE;
    private String cachedDate;

    String format(long epochMs) {
        long day = Math.floorDiv(epochMs, World.DAY_MS);
        if (day != cachedDay) {
            cachedDay = day;
            cachedDate = LocalDate.ofEpochDay(day).toString();
        }
        int ms = (int) (epochMs - day * World.DAY_MS);
        int h = ms / 3_600_000;
        int m = ms / 60_000 % 60;
        int s = ms / 1000 % 60;
        int milli = ms % 1000;
        char[] c = new char[14];
        c[0] = 'T';
        c[1] = (char) ('0' + h / 10);
        c[2] = (char) ('0' + h % 10);
        c[3] = ':';
        c[4] = (char) ('0' + m / 10);
        c[5] = (char) ('0' + m % 10);
        c[6] = ':';
        c[7] = (char) ('0' + s / 10);
        c[8] = (char) ('0' + s % 10);
        c[9] = '.';
        c[10] = (char) ('0' + milli / 100);
        c[11] = (char) ('0' + milli / 10 % 10);
        c[12] = (char) ('0' + milli % 10);
        c[13] = 'Z';
        return cachedDate + new String(c);
    }
}
