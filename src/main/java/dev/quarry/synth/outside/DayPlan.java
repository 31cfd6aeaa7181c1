package dev.quarry.synth.outside;

import java.util.Arrays;

/**
 * The planned events of one UTC day, eight bytes each: time of day, account, and which session and
 * event of which local day it is, packed into one sortable long. Rendering the fields of an event
 * needs only its key, so a day costs 8 bytes per event whatever the number of days.
 *
 * <p>Layout: 27 bits milliseconds of the day, 17 bits account, 2 bits local-day delta (UTC day −1..+1),
 * 7 bits session, 10 bits event within the session; the sign bit stays clear.
 */
final class DayPlan {

    static final int MAX_SESSIONS = 128;
    static final int MAX_SESSION_EVENTS = 1024;

    private final int capacityLimit;
    private long[] keys = new long[1 << 14];
    private int size;
    private int day;

    DayPlan(int capacityLimit) {
        this.capacityLimit = capacityLimit;
    }

    void reset(int newDay) {
        day = newDay;
        size = 0;
    }

    int day() {
        return day;
    }

    void add(long msInDay, int account, int delta, int session, int event) {
        if (size == keys.length) {
            if (size >= capacityLimit) {
                throw new IllegalStateException("day " + day + " of the extract plans more than " + capacityLimit
                        + " events; raise the per-day limit (max events per day) or generate fewer accounts");
            }
            keys = Arrays.copyOf(keys, (int) Math.min(capacityLimit, 2L * keys.length));
        }
        keys[size++] = (msInDay << 36) | ((long) account << 19) | ((long) (delta + 1) << 17) | ((long) session << 10) | event;
    }

    void sort() {
        Arrays.sort(keys, 0, size);
    }

    int size() {
        return size;
    }

    /** Slots currently held: grows to the busiest day's events, never with the number of days. */
    int capacity() {
        return keys.length;
    }

    long key(int i) {
        return keys[i];
    }

    static long msInDay(long key) {
        return key >>> 36;
    }

    static int account(long key) {
        return (int) ((key >>> 19) & 0x1FFFF);
    }

    static int delta(long key) {
        return (int) ((key >>> 17) & 3) - 1;
    }

    static int session(long key) {
        return (int) ((key >>> 10) & 0x7F);
    }

    static int event(long key) {
        return (int) (key & 0x3FF);
    }
}
