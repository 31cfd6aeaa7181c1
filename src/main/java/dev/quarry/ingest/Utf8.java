package dev.quarry.ingest;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Byte-level checks run before a record is decoded, since decoding would silently replace bad bytes. */
final class Utf8 {
    static final int VALID = 0;
    static final int HAS_NUL = 1;
    static final int INVALID = 2;

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Utf8() {
    }

    /** {@link #VALID}, {@link #HAS_NUL} or {@link #INVALID} for {@code bytes[from, to)}. */
    static int check(byte[] bytes, int from, int to) {
        int i = from;
        // eight bytes at a time while they are plain ASCII without NUL, the common case
        while (i + 8 <= to) {
            long word = (long) WORDS.get(bytes, i);
            if ((word & 0x8080808080808080L) != 0 || ((word - 0x0101010101010101L) & ~word & 0x8080808080808080L) != 0) {
                break;
            }
            i += 8;
        }
        while (i < to) {
            int b = bytes[i];
            if (b > 0) {
                i++;
                continue;
            }
            if (b == 0) {
                return HAS_NUL;
            }
            int lead = b & 0xFF;
            int continuation;
            int minimum;
            if (lead >= 0xC2 && lead <= 0xDF) {
                continuation = 1;
                minimum = 0x80;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                continuation = 2;
                minimum = 0x800;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                continuation = 3;
                minimum = 0x10000;
            } else {
                return INVALID;
            }
            if (i + continuation >= to) {
                return INVALID;
            }
            int codePoint = lead & (0x3F >> continuation);
            for (int k = 1; k <= continuation; k++) {
                int next = bytes[i + k] & 0xFF;
                if ((next & 0xC0) != 0x80) {
                    return INVALID;
                }
                codePoint = (codePoint << 6) | (next & 0x3F);
            }
            if (codePoint < minimum || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                return INVALID;
            }
            i += continuation + 1;
        }
        return VALID;
    }
}
