package dev.quarry.analysis.primitives;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Numbers distinct byte strings 0, 1, 2, ... in order of first appearance, looked up straight from
 * a slice of a larger array, so the event pass can number account ids, addresses and client
 * settings from the bytes SQLite hands over without making a String per row. Keys live in one
 * arena rather than one object each: a case can hold millions of distinct values, and a million
 * small objects cost the garbage collector more than the lookups cost.
 */
public final class ByteInterner {
    private byte[] arena = new byte[1 << 12];
    private int arenaSize;
    private int[] starts = new int[256];
    private int[] hashes = new int[256];
    /** Open addressing: id + 1 of the key in each slot, 0 when empty. */
    private int[] table = new int[512];
    private int size;

    /** The id of the slice's bytes, numbering them when new. */
    public int id(byte[] bytes, int from, int to) {
        int hash = hash(bytes, from, to);
        int i = slot(hash, bytes, from, to);
        if (table[i] != 0) {
            return table[i] - 1;
        }
        int id = size++;
        if (id + 1 >= starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
            hashes = Arrays.copyOf(hashes, hashes.length * 2);
        }
        int length = to - from;
        if (arenaSize + length > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + length));
        }
        System.arraycopy(bytes, from, arena, arenaSize, length);
        starts[id] = arenaSize;
        arenaSize += length;
        starts[id + 1] = arenaSize;
        hashes[id] = hash;
        table[i] = id + 1;
        if (size * 2 > table.length) {
            rehash();
        }
        return id;
    }

    /** The id of the slice's bytes, or -1 when they were never numbered. */
    public int find(byte[] bytes, int from, int to) {
        return table[slot(hash(bytes, from, to), bytes, from, to)] - 1;
    }

    /** The table slot holding the slice's bytes, or the empty slot where they would go. */
    private int slot(int hash, byte[] bytes, int from, int to) {
        int mask = table.length - 1;
        int i = hash & mask;
        while (table[i] != 0) {
            int id = table[i] - 1;
            if (hashes[id] == hash && equals(id, bytes, from, to)) {
                return i;
            }
            i = (i + 1) & mask;
        }
        return i;
    }

    public int id(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return id(bytes, 0, bytes.length);
    }

    public String value(int id) {
        return new String(arena, starts[id], starts[id + 1] - starts[id], StandardCharsets.UTF_8);
    }

    public int size() {
        return size;
    }

    private boolean equals(int id, byte[] bytes, int from, int to) {
        return Arrays.equals(arena, starts[id], starts[id + 1], bytes, from, to);
    }

    private void rehash() {
        table = new int[table.length * 2];
        int mask = table.length - 1;
        for (int id = 0; id < size; id++) {
            int i = hashes[id] & mask;
            while (table[i] != 0) {
                i = (i + 1) & mask;
            }
            table[i] = id + 1;
        }
    }

    private static int hash(byte[] bytes, int from, int to) {
        int h = 0x811C9DC5;
        for (int i = from; i < to; i++) {
            h = (h ^ bytes[i]) * 0x01000193;
        }
        return h ^ (h >>> 15);
    }
}
