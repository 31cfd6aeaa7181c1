package dev.quarry.synth.outside;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to generate. The extract covers {@code days} UTC days from {@code start}; a new model is released
 * at 17:00 UTC on day {@code releaseDay} (0-based; {@code days} or more means no release in the window).
 *
 * @param maxEventsPerDay the most events one UTC day's plan may hold; planning fails with a clear
 *                        message rather than exhaust memory (each planned event costs 8 bytes)
 */
public record OutsideOptions(int accounts, int days, long seed, OutsideMix mix, OutsideFormat format,
                             boolean gzip, LocalDate start, int releaseDay, int maxEventsPerDay) {

    /** Accounts are packed into 17 bits of a planned event's sort key. */
    static final int MAX_ACCOUNTS = (1 << 17) - 1;
    static final int MAX_DAYS = 366;

    public OutsideOptions {
        Objects.requireNonNull(mix, "mix");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(start, "start");
        if (accounts < 200 || accounts > MAX_ACCOUNTS) {
            throw new IllegalArgumentException("accounts must be between 200 and " + MAX_ACCOUNTS + ", was " + accounts);
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be between 1 and " + MAX_DAYS + ", was " + days);
        }
        if (releaseDay < 0) {
            throw new IllegalArgumentException("release day must be 0 or later, was " + releaseDay);
        }
        if (maxEventsPerDay < 1000) {
            throw new IllegalArgumentException("max events per day must be at least 1000, was " + maxEventsPerDay);
        }
    }

    /** Balanced mix, canonical CSV, no gzip, starting Monday 2026-11-02, release at 55% of the window. */
    public static OutsideOptions of(int accounts, int days, long seed) {
        return new OutsideOptions(accounts, days, seed, OutsideMix.preset("balanced"), OutsideFormat.CANONICAL_CSV,
                false, LocalDate.of(2026, 11, 2), defaultReleaseDay(days), 8_000_000);
    }

    static int defaultReleaseDay(int days) {
        return days < 3 ? days : (int) Math.round(days * 0.55);
    }

    /** The same options over another number of days, the release moved to its default place in the new window. */
    public OutsideOptions withDays(int newDays) {
        return new OutsideOptions(accounts, newDays, seed, mix, format, gzip, start, defaultReleaseDay(newDays), maxEventsPerDay);
    }

    public OutsideOptions withMix(OutsideMix newMix) {
        return new OutsideOptions(accounts, days, seed, newMix, format, gzip, start, releaseDay, maxEventsPerDay);
    }

    public OutsideOptions withFormat(OutsideFormat newFormat) {
        return new OutsideOptions(accounts, days, seed, mix, newFormat, gzip, start, releaseDay, maxEventsPerDay);
    }

    public OutsideOptions withGzip(boolean newGzip) {
        return new OutsideOptions(accounts, days, seed, mix, format, newGzip, start, releaseDay, maxEventsPerDay);
    }

    public OutsideOptions withStart(LocalDate newStart) {
        return new OutsideOptions(accounts, days, seed, mix, format, gzip, newStart, releaseDay, maxEventsPerDay);
    }

    public OutsideOptions withReleaseDay(int newReleaseDay) {
        return new OutsideOptions(accounts, days, seed, mix, format, gzip, start, newReleaseDay, maxEventsPerDay);
    }

    public OutsideOptions withMaxEventsPerDay(int newMax) {
        return new OutsideOptions(accounts, days, seed, mix, format, gzip, start, releaseDay, newMax);
    }
}
