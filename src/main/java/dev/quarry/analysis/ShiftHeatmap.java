package dev.quarry.analysis;

import dev.quarry.store.StoreException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.Set;

/**
 * Requests by hour of day × day, from stored hourly counts: a crew working in shifts shows as bands,
 * a farm as a full grid, an office as weekday blocks. In UTC, or in each account's inferred local
 * time, where an account's quietest six consecutive hours are taken as its night (01:00–07:00 local);
 * an account without a clear quiet stretch (round the clock, or too few requests) stays in UTC.
 */
public final class ShiftHeatmap {
    private static final int NIGHT_HOURS = 6;
    private static final int NIGHT_STARTS_AT = 1;
    /** Fewer requests than this say nothing about an account's night. */
    private static final int MIN_REQUESTS = 48;
    /** Fewer accounts than this are counted on one core: splitting them would cost more than it saves. */
    private static final int ACCOUNTS_PER_SLICE = 2_048;
    /** A night must hold at most this share of the requests an even spread would put in six hours. */
    private static final double QUIET_SHARE = 0.35;

    /** {@code counts[day][hour]}, day 0 starting at {@code firstDayMs} (UTC midnight). */
    public record Grid(long firstDayMs, long[][] counts, boolean localTime, int accountsShifted) {
        public long max() {
            long max = 0;
            for (long[] day : counts) {
                for (long c : day) {
                    max = Math.max(max, c);
                }
            }
            return max;
        }
    }

    private ShiftHeatmap() {
    }

    /** The heatmap in UTC of the whole case, a campaign or a selection, from the run's hour counts. */
    public static Grid utc(ViewStore store, long runId, Integer onlyCampaign, Set<String> selection) throws StoreException {
        if (selection != null) {
            return fromAccounts(store.accountHours(runId, selection), false);
        }
        long[][] rows = store.traffic(runId, ViewStore.Resolution.HOUR, Long.MIN_VALUE, Long.MAX_VALUE);
        if (rows.length == 0) {
            return new Grid(0, new long[0][24], false, 0);
        }
        long firstDay = Math.floorDiv(rows[0][0], TrafficCounts.DAY_MS);
        long lastDay = Math.floorDiv(rows[rows.length - 1][0], TrafficCounts.DAY_MS);
        long[][] counts = new long[(int) (lastDay - firstDay + 1)][24];
        for (long[] row : rows) {
            if (onlyCampaign == null || onlyCampaign == row[1]) {
                long hour = Math.floorDiv(row[0], TrafficCounts.HOUR_MS);
                counts[(int) (Math.floorDiv(hour, 24) - firstDay)][(int) Math.floorMod(hour, 24)] += row[2];
            }
        }
        return new Grid(firstDay * TrafficCounts.DAY_MS, counts, false, 0);
    }

    /**
     * The heatmap from accounts' encoded hourly counts, in UTC or in each account's inferred local time.
     * Each account is decoded once, straight from its bytes into one scratch buffer, and counted into
     * a grid of days that grows as days appear: the whole case is tens of thousands of accounts and
     * millions of hours, an array pair per account (or a second pass to find the days) would cost
     * more than the counting.
     */
    public static Grid fromAccounts(Map<String, byte[]> accountHours, boolean localTime) {
        return fromHours(accountHours.values(), localTime);
    }

    /**
     * {@link #fromAccounts} from the encoded hours alone (the whole case: no account ids to read). The
     * whole case is counted in one slice of accounts per core, each into its own grid, added up after:
     * counts are whole numbers, so the grid is the same however the accounts are sliced.
     */
    public static Grid fromHours(java.util.Collection<byte[]> accountHours, boolean localTime) {
        List<byte[]> accounts = new ArrayList<>(accountHours);
        int slices = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), accounts.size() / ACCOUNTS_PER_SLICE));
        Days[] counted = IntStream.range(0, slices).parallel()
                .mapToObj(slice -> count(accounts.subList(slice * accounts.size() / slices, (slice + 1) * accounts.size() / slices), localTime))
                .toArray(Days[]::new);
        Days days = new Days();
        for (Days part : counted) {
            days.add(part);
        }
        if (days.counts.length == 0) {
            return new Grid(0, new long[0][24], localTime, 0);
        }
        return new Grid(days.first * TrafficCounts.DAY_MS, days.counts, localTime, days.shifted);
    }

    private static Days count(List<byte[]> accountHours, boolean localTime) {
        Hours scratch = new Hours();
        Days days = new Days();
        for (byte[] encoded : accountHours) {
            scratch.decode(encoded);
            if (scratch.size == 0) {
                continue;
            }
            int offset = localTime ? offsetHours(scratch.hour, scratch.count, scratch.size) : 0;
            if (offset != 0) {
                days.shifted++;
            }
            days.cover(Math.floorDiv(scratch.hour[0] + offset, 24), Math.floorDiv(scratch.hour[scratch.size - 1] + offset, 24));
            for (int i = 0; i < scratch.size; i++) {
                long local = scratch.hour[i] + offset;
                days.counts[(int) (Math.floorDiv(local, 24) - days.first)][(int) Math.floorMod(local, 24)] += scratch.count[i];
            }
        }
        return days;
    }

    /** Rows of 24 hourly counts from day {@code first} (days since the epoch), widened to cover each account's days. */
    private static final class Days {
        long first;
        long[][] counts = new long[0][];
        int shifted;

        /** Adds another slice's counts (and its accounts shifted) to these. */
        void add(Days other) {
            shifted += other.shifted;
            if (other.counts.length == 0) {
                return;
            }
            cover(other.first, other.first + other.counts.length - 1);
            for (int d = 0; d < other.counts.length; d++) {
                long[] into = counts[(int) (other.first + d - first)];
                for (int h = 0; h < 24; h++) {
                    into[h] += other.counts[d][h];
                }
            }
        }

        void cover(long fromDay, long toDay) {
            if (counts.length == 0) {
                first = fromDay;
                counts = new long[(int) (toDay - fromDay + 1)][24];
                return;
            }
            long last = first + counts.length - 1;
            if (fromDay >= first && toDay <= last) {
                return;
            }
            long newFirst = Math.min(first, fromDay);
            long newLast = Math.max(last, toDay);
            long[][] wider = new long[(int) (newLast - newFirst + 1)][];
            System.arraycopy(counts, 0, wider, (int) (first - newFirst), counts.length);
            for (int d = 0; d < wider.length; d++) {
                if (wider[d] == null) {
                    wider[d] = new long[24];
                }
            }
            first = newFirst;
            counts = wider;
        }
    }

    /** One account's hours and counts, decoded into buffers reused from account to account. */
    private static final class Hours {
        long[] hour = new long[1024];
        long[] count = new long[1024];
        int size;

        void decode(byte[] encoded) {
            size = TrafficCounts.decodeHours(encoded, this::atLeast);
        }

        long[][] atLeast(int runs) {
            if (hour.length < runs) {
                hour = new long[Math.max(runs, hour.length * 2)];
                count = new long[hour.length];
            }
            return new long[][] {hour, count};
        }
    }

    /** Hours to add to UTC for the account's local time, in [-11, 12]; 0 when its night cannot be told. */
    static int offsetHours(long[] hour, long[] count, int size) {
        long[] byHour = new long[24];
        long total = 0;
        for (int i = 0; i < size; i++) {
            byHour[(int) Math.floorMod(hour[i], 24)] += count[i];
            total += count[i];
        }
        if (total < MIN_REQUESTS) {
            return 0;
        }
        int quietest = 0;
        long least = Long.MAX_VALUE;
        for (int start = 0; start < 24; start++) {
            long night = 0;
            for (int h = 0; h < NIGHT_HOURS; h++) {
                night += byHour[(start + h) % 24];
            }
            if (night < least) {
                least = night;
                quietest = start;
            }
        }
        if (least > QUIET_SHARE * total * NIGHT_HOURS / 24.0) {
            return 0;
        }
        int offset = Math.floorMod(NIGHT_STARTS_AT - quietest, 24);
        return offset > 12 ? offset - 24 : offset;
    }
}
