package dev.quarry.ingest;

import java.util.function.ToLongFunction;

/**
 * A set of 64-bit request-id fingerprints in one open-addressing {@code long[]} (about 12 bytes per id),
 * so de-duplicating a 16-million-row import needs no per-row objects. A fingerprint seen before only
 * marks a row as a suspected duplicate: equal ids always have equal fingerprints, but equal
 * fingerprints may come from different ids, so suspects are settled exactly by the unique index.
 */
final class FingerprintSet {

    private final ToLongFunction<String> fingerprint;
    private long[] table;
    private int size;
    private int resizeAt;

    /** @param fingerprint {@link #of} in production; tests pass a weak one to force collisions */
    FingerprintSet(long expected, ToLongFunction<String> fingerprint) {
        this.fingerprint = fingerprint;
        int capacity = Integer.highestOneBit((int) Math.min(1 << 30, Math.max(1024, expected * 3 / 2))) << 1;
        table = new long[capacity];
        resizeAt = capacity / 4 * 3;
    }

    /** Adds the id's fingerprint; false when that fingerprint was already present (maybe from another id). */
    boolean addId(String id) {
        return add(fingerprint.applyAsLong(id));
    }

    private boolean add(long value) {
        long key = value == 0 ? 1 : value;
        if (size >= resizeAt) {
            grow();
        }
        long[] t = table;
        int mask = t.length - 1;
        int slot = (int) (key ^ (key >>> 32)) & mask;
        while (true) {
            long present = t[slot];
            if (present == 0) {
                t[slot] = key;
                size++;
                return true;
            }
            if (present == key) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        resizeAt = table.length / 4 * 3;
        size = 0;
        for (long key : old) {
            if (key != 0) {
                add(key);
            }
        }
    }

    /** FNV-1a over the id's characters, then a MurmurHash3 finalizer to spread the bits. */
    static long of(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
