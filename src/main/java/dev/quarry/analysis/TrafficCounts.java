package dev.quarry.analysis;

import dev.quarry.analysis.scan.AccountActivity;
import dev.quarry.analysis.scan.CaseData;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Requests per minute of each campaign and of the accounts in none (campaign -1), from which the
 * hour and day counts follow, and each account's requests per hour (for the timeline and heatmap
 * of a selection). Buckets are aligned to UTC: a minute, hour or day starts at a multiple of its
 * length since the epoch.
 */
public final class TrafficCounts {
    public static final long MINUTE_MS = 60_000L;
    public static final long HOUR_MS = 3_600_000L;
    public static final long DAY_MS = 86_400_000L;
    /** Campaign number of the accounts that belong to no campaign. */
    public static final int NO_CAMPAIGN = -1;

    /** Sorted by (campaign, minute); each key packs campaign + 1 in the high 32 bits and the epoch minute in the low. */
    private final long[] minuteKeys;
    private final int[] minuteCounts;
    private final String[] accountIds;
    private final int[] accountEvents;
    private final byte[][] accountHours;

    private TrafficCounts(long[] minuteKeys, int[] minuteCounts, String[] accountIds, int[] accountEvents,
                          byte[][] accountHours) {
        this.minuteKeys = minuteKeys;
        this.minuteCounts = minuteCounts;
        this.accountIds = accountIds;
        this.accountEvents = accountEvents;
        this.accountHours = accountHours;
    }

    static TrafficCounts count(CaseData data, Integer[] campaignOf) {
        LongCountTable minutes = new LongCountTable();
        int n = data.size();
        String[] ids = new String[n];
        int[] events = new int[n];
        byte[][] hours = new byte[n][];
        long origin = data.originMs();
        for (int account = 0; account < n; account++) {
            AccountActivity activity = data.activity(account);
            long group = (campaignOf[account] == null ? NO_CAMPAIGN : campaignOf[account]) + 1L;
            HourRuns runs = new HourRuns();
            for (int i = 0; i < activity.events(); i++) {
                long ms = origin + activity.time(i) * 1000;
                minutes.add(group << 32 | Math.floorDiv(ms, MINUTE_MS));
                runs.add(Math.floorDiv(ms, HOUR_MS));
            }
            ids[account] = data.accountId(account);
            events[account] = activity.events();
            hours[account] = runs.encoded();
        }
        long[] keys = minutes.sortedKeys();
        int[] counts = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            counts[i] = minutes.get(keys[i]);
        }
        return new TrafficCounts(keys, counts, ids, events, hours);
    }

    public int minuteRows() {
        return minuteKeys.length;
    }

    public int minuteCampaign(int row) {
        return (int) (minuteKeys[row] >>> 32) - 1;
    }

    public long minuteStartMs(int row) {
        return (minuteKeys[row] & 0xFFFF_FFFFL) * MINUTE_MS;
    }

    public int minuteEvents(int row) {
        return minuteCounts[row];
    }

    public int accounts() {
        return accountIds.length;
    }

    public String accountId(int account) {
        return accountIds[account];
    }

    public int accountEvents(int account) {
        return accountEvents[account];
    }

    /** The account's requests per hour, encoded by {@link #decodeHours}. */
    public byte[] accountHours(int account) {
        return accountHours[account];
    }

    /**
     * Decodes an account's hourly counts into parallel arrays of epoch hours (ascending) and counts.
     * The encoding is pairs of unsigned varints: hours since the previous run (since the epoch for
     * the first), then the count.
     */
    public static long[][] decodeHours(byte[] encoded) {
        long[] hour = new long[encoded.length / 2 + 1];
        long[] count = new long[hour.length];
        int runs = 0;
        int[] position = {0};
        long previous = 0;
        while (position[0] < encoded.length) {
            previous += readVarint(encoded, position);
            hour[runs] = previous;
            count[runs] = readVarint(encoded, position);
            runs++;
        }
        return new long[][] {Arrays.copyOf(hour, runs), Arrays.copyOf(count, runs)};
    }

    /** Room for decoded hours: given the most runs the bytes can hold, returns {hours, counts} arrays at least that long. */
    public interface HourBuffers {
        long[][] atLeast(int runs);
    }

    /** Decodes like {@link #decodeHours(byte[])} into buffers the caller reuses; returns how many runs were filled. */
    public static int decodeHours(byte[] encoded, HourBuffers buffers) {
        long[][] into = buffers.atLeast(encoded.length / 2 + 1);
        long[] hour = into[0];
        long[] count = into[1];
        int runs = 0;
        int[] position = {0};
        long previous = 0;
        while (position[0] < encoded.length) {
            previous += readVarint(encoded, position);
            hour[runs] = previous;
            count[runs] = readVarint(encoded, position);
            runs++;
        }
        return runs;
    }

    /** Whether an account's encoded hourly counts hold a request in epoch hours [fromHour, toHour); stops at the first. */
    public static boolean anyHourIn(byte[] encoded, long fromHour, long toHour) {
        int[] position = {0};
        long hour = 0;
        while (position[0] < encoded.length) {
            hour += readVarint(encoded, position);
            if (hour >= toHour) {
                return false;
            }
            long count = readVarint(encoded, position);
            if (hour >= fromHour && count > 0) {
                return true;
            }
        }
        return false;
    }

    private static long readVarint(byte[] in, int[] position) {
        long value = 0;
        int shift = 0;
        while (true) {
            byte b = in[position[0]++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
            shift += 7;
        }
    }

    /** Run-length of an account's time-sorted requests per hour. */
    private static final class HourRuns {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private long hour = Long.MIN_VALUE;
        private long previousWritten;
        private long count;

        void add(long epochHour) {
            if (epochHour != hour) {
                flush();
                hour = epochHour;
            }
            count++;
        }

        private void flush() {
            if (count > 0) {
                writeVarint(hour - previousWritten);
                writeVarint(count);
                previousWritten = hour;
            }
            count = 0;
        }

        byte[] encoded() {
            flush();
            return out.toByteArray();
        }

        private void writeVarint(long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) (value & 0x7F) | 0x80);
                value >>>= 7;
            }
            out.write((int) value);
        }
    }

    /** Counts per long key in an open-addressing table: one entry per busy minute of a group. */
    private static final class LongCountTable {
        private static final long EMPTY = Long.MIN_VALUE;
        private long[] keys = new long[1 << 12];
        private int[] counts = new int[1 << 12];
        private int size;

        LongCountTable() {
            Arrays.fill(keys, EMPTY);
        }

        void add(long key) {
            if ((size + 1) * 4 > keys.length * 3) {
                grow();
            }
            int i = slot(keys, key);
            if (keys[i] == EMPTY) {
                keys[i] = key;
                size++;
            }
            counts[i]++;
        }

        int get(long key) {
            int i = slot(keys, key);
            return keys[i] == EMPTY ? 0 : counts[i];
        }

        long[] sortedKeys() {
            long[] out = new long[size];
            int k = 0;
            for (long key : keys) {
                if (key != EMPTY) {
                    out[k++] = key;
                }
            }
            Arrays.sort(out);
            return out;
        }

        private static int slot(long[] table, long key) {
            int mask = table.length - 1;
            int i = (int) (Long.hashCode(key * 0x9E3779B97F4A7C15L)) & mask;
            while (table[i] != EMPTY && table[i] != key) {
                i = (i + 1) & mask;
            }
            return i;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldCounts = counts;
            keys = new long[oldKeys.length * 2];
            counts = new int[oldKeys.length * 2];
            Arrays.fill(keys, EMPTY);
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != EMPTY) {
                    int j = slot(keys, oldKeys[i]);
                    keys[j] = oldKeys[i];
                    counts[j] = oldCounts[i];
                }
            }
        }
    }
}
