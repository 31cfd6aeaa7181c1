package dev.quarry.analysis;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShiftHeatmapTest {
    private static final long FIRST_HOUR = 20_000 * 24L; // a UTC midnight, in hours since the epoch

    /** Accounts' hourly counts encoded as the run stores them: pairs of unsigned varints (hours since the previous, count). */
    private static byte[] encode(long[] hours, long[] counts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long previous = 0;
        for (int i = 0; i < hours.length; i++) {
            varint(out, hours[i] - previous);
            varint(out, counts[i]);
            previous = hours[i];
        }
        return out.toByteArray();
    }

    private static void varint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) (value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write((int) value);
    }

    /** Thousands of accounts each awake in its own eighteen hours a day over thirty days, a few round the clock. */
    private static List<byte[]> accounts(int n) {
        Random random = new Random(11);
        List<byte[]> out = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            int wakes = random.nextInt(24);
            boolean roundTheClock = a % 10 == 0;
            List<long[]> runs = new ArrayList<>();
            for (long h = FIRST_HOUR + random.nextInt(48); h < FIRST_HOUR + 30 * 24; h++) {
                boolean awake = roundTheClock || Math.floorMod(h - wakes, 24) < 18;
                if (awake && random.nextInt(3) > 0) {
                    runs.add(new long[] {h, 1 + random.nextInt(9)});
                }
            }
            out.add(encode(runs.stream().mapToLong(r -> r[0]).toArray(), runs.stream().mapToLong(r -> r[1]).toArray()));
        }
        return out;
    }

    @Test
    void wholeCaseHeatmapCountedInSlicesIsEveryAccountShiftedByItsOwnNight() {
        List<byte[]> accounts = accounts(6_000);
        ShiftHeatmap.Grid local = ShiftHeatmap.fromHours(accounts, true);

        long firstDay = Long.MAX_VALUE;
        long lastDay = Long.MIN_VALUE;
        List<long[][]> decoded = new ArrayList<>();
        int[] offsets = new int[accounts.size()];
        int shifted = 0;
        for (int a = 0; a < accounts.size(); a++) {
            long[][] hours = TrafficCounts.decodeHours(accounts.get(a));
            decoded.add(hours);
            offsets[a] = ShiftHeatmap.offsetHours(hours[0], hours[1], hours[0].length);
            shifted += offsets[a] != 0 ? 1 : 0;
            firstDay = Math.min(firstDay, Math.floorDiv(hours[0][0] + offsets[a], 24));
            lastDay = Math.max(lastDay, Math.floorDiv(hours[0][hours[0].length - 1] + offsets[a], 24));
        }
        long[][] expected = new long[(int) (lastDay - firstDay + 1)][24];
        for (int a = 0; a < accounts.size(); a++) {
            long[][] hours = decoded.get(a);
            for (int i = 0; i < hours[0].length; i++) {
                long h = hours[0][i] + offsets[a];
                expected[(int) (Math.floorDiv(h, 24) - firstDay)][(int) Math.floorMod(h, 24)] += hours[1][i];
            }
        }
        assertTrue(shifted > 1_000 && shifted < accounts.size(), shifted + " accounts shifted: most have a night, the round-the-clock ones not");
        assertEquals(shifted, local.accountsShifted());
        assertEquals(firstDay * 24 * 3_600_000L, local.firstDayMs());
        assertArrayEquals(expected, local.counts());
    }
}
