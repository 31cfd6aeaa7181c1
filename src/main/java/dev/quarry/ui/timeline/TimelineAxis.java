package dev.quarry.ui.timeline;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Tick spacing and labels of the timeline's UTC time axis, from whole days down to seconds. */
final class TimelineAxis {
    private static final long SECOND = 1_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    /** Tick steps a person reads easily, finest first. */
    private static final long[] STEPS = {SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND,
            MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE,
            HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY};
    private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("d MMM", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE_LABEL = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND_LABEL = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private TimelineAxis() {
    }

    /** The tick step for a span so that at most {@code maxTicks} ticks fit. */
    static long step(long spanMs, int maxTicks) {
        for (long step : STEPS) {
            if (spanMs / step <= maxTicks) {
                return step;
            }
        }
        return STEPS[STEPS.length - 1] * Math.max(1, spanMs / (STEPS[STEPS.length - 1] * maxTicks) + 1);
    }

    /** A tick's label: the day alone at whole days, with minutes at hours and minutes, seconds below a minute. */
    static String label(long ms, long step) {
        Instant at = Instant.ofEpochMilli(ms);
        if (step >= DAY) {
            return DAY_LABEL.format(at);
        }
        return step >= MINUTE ? MINUTE_LABEL.format(at) : SECOND_LABEL.format(at);
    }

    /** A bucket or span length in words: "1 s", "10 s", "1 min", "1 h", "1 day", "3 days". */
    static String duration(long ms) {
        if (ms >= DAY) {
            long days = ms / DAY;
            return days == 1 ? "1 day" : days + " days";
        }
        if (ms >= HOUR) {
            return ms / HOUR + " h";
        }
        if (ms >= MINUTE) {
            return ms / MINUTE + " min";
        }
        return ms / SECOND + " s";
    }
}
