package dev.quarry.synth;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;

/** What every account's behaviour shares: the calendar of the extract and the new model's release. */
final class World {
    static final long DAY_MS = 86_400_000L;
    static final long HOUR_MS = 3_600_000L;

    final GeneratorOptions options;
    final long seed;
    final long startMs;
    final int days;
    final int releaseDay;
    /** The new model's release, at 17:00 UTC of the release day. */
    final long releaseMs;

    World(GeneratorOptions options) {
        this.options = options;
        this.seed = options.seed();
        this.startMs = options.start().toEpochMilli();
        this.days = options.days();
        this.releaseDay = options.releaseDay();
        this.releaseMs = dayStart(releaseDay) + 17 * HOUR_MS;
    }

    long dayStart(int day) {
        return startMs + day * DAY_MS;
    }

    boolean weekend(int day, int utcOffsetMinutes) {
        DayOfWeek d = Instant.ofEpochMilli(dayStart(day) + 12 * HOUR_MS + utcOffsetMinutes * 60_000L)
                .atOffset(ZoneOffset.UTC).getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }
}
