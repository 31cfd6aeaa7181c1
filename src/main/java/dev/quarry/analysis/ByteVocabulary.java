package dev.quarry.analysis;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A {@link Vocabulary} looked up by UTF-8 byte slices, so the event pass can number IPs, user
 * agents and models straight from the bytes SQLite hands over; a value's String is made once,
 * when it is first seen.
 */
final class ByteVocabulary {
    private final Vocabulary values;
    private byte[][] keys = new byte[1024][];
    private int[] ids = new int[1024];
    private int size;

    ByteVocabulary(Vocabulary values) {
        this.values = values;
    }

    /** The id of the slice's value, numbering it when new. */
    int id(byte[] bytes, int from, int to) {
        int existing = find(bytes, from, to);
        if (existing >= 0) {
            return existing;
        }
        byte[] key = Arrays.copyOfRange(bytes, from, to);
        int id = values.id(new String(key, StandardCharsets.UTF_8));
        insert(key, id);
        return id;
    }

    /** The id of the slice's value, or -1 when it was never numbered. */
    int find(byte[] bytes, int from, int to) {
        int mask = keys.length - 1;
        int i = hash(bytes, from, to) & mask;
        while (keys[i] != null) {
            if (Arrays.equals(keys[i], 0, keys[i].length, bytes, from, to)) {
                return ids[i];
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    void put(String value, int id) {
        insert(value.getBytes(StandardCharsets.UTF_8), id);
    }

    private void insert(byte[] key, int id) {
        if ((size + 1) * 2 > keys.length) {
            byte[][] oldKeys = keys;
            int[] oldIds = ids;
            keys = new byte[oldKeys.length * 2][];
            ids = new int[oldKeys.length * 2];
            size = 0;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] != null) {
                    insert(oldKeys[j], oldIds[j]);
                }
            }
        }
        int mask = keys.length - 1;
        int i = hash(key, 0, key.length) & mask;
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        ids[i] = id;
        size++;
    }

    private static int hash(byte[] bytes, int from, int to) {
        int h = 0x811C9DC5;
        for (int i = from; i < to; i++) {
            h = (h ^ bytes[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}
