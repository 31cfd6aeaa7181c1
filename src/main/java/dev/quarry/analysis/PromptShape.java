package dev.quarry.analysis;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the engine keeps of a prompt: its length, whether it asks for visible reasoning, and a
 * 64-bit hash of its opening "frame" (the first few words, lower-cased, with numbers and quoted
 * parts masked). Prompts written from one template share a frame even when the filled-in parts
 * differ, so frames stand for templates and, across a group, for the task types it covers. The
 * text itself is never held: SQLite hands over only the opening {@link #OPENING_CHARS} characters.
 */
public final class PromptShape {

    /** Words in a frame: enough to carry an instruction ("solve the following problem step by"). */
    static final int FRAME_WORDS = 6;
    static final int OPENING_CHARS = 64;

    /**
     * Generic phrasings that ask a model to show its reasoning (chain-of-thought harvesting),
     * matched case-insensitively by SQLite's LIKE ({@code _} matches any one character, so
     * "step by step" and "step-by-step" are one pattern: each pattern is a pass over the prompt).
     * They describe a request style, not a dataset.
     */
    static final List<String> REASONING_PHRASES = List.of("step_by_step", "chain_of_thought", "show your work",
            "your reasoning", "think through", "let_s think", "thought process");

    private PromptShape() {
    }

    /** SQL expression, 1 when the prompt asks for reasoning, 0 when not. */
    static String reasoningSql(String column) {
        return "(" + REASONING_PHRASES.stream()
                .map(p -> column + " LIKE '%" + p + "%'")
                .collect(Collectors.joining(" OR ")) + ")";
    }

    public static long frame(String prompt) {
        byte[] bytes = prompt.getBytes(StandardCharsets.UTF_8);
        return frame(bytes, 0, bytes.length);
    }

    /** Hash of the masked opening words of a UTF-8 prompt slice, or 0 for an empty prompt. */
    static long frame(byte[] text, int from, int to) {
        long hash = 0x9E3779B97F4A7C15L;
        long word = 0;
        int wordLength = 0;
        int words = 0;
        boolean inQuote = false;
        boolean lastDigit = false;
        for (int i = from; i < to && words < FRAME_WORDS; i++) {
            int c = text[i] & 0xFF;
            if (c == '"' || c == '`') {
                if (wordLength > 0) {
                    hash = mix(hash, word);
                    words++;
                    word = 0;
                    wordLength = 0;
                }
                if (!inQuote) {
                    hash = mix(hash, 'Q');
                    words++;
                }
                inQuote = !inQuote;
                continue;
            }
            if (inQuote) {
                continue;
            }
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80;
            boolean digit = c >= '0' && c <= '9';
            if (digit && lastDigit) {
                continue; // a run of digits is one masked number, whatever its length
            }
            lastDigit = digit;
            if (letter || digit) {
                int folded = digit ? '0' : c >= 'A' && c <= 'Z' ? c + 32 : c;
                word = word * 131 + folded;
                wordLength++;
            } else if (wordLength > 0) {
                hash = mix(hash, word);
                words++;
                word = 0;
                wordLength = 0;
            }
        }
        if (wordLength > 0 && words < FRAME_WORDS) {
            hash = mix(hash, word);
            words++;
        }
        return words == 0 ? 0 : hash;
    }

    static long mix(long h, long v) {
        return Hashing.mix64(h * 31 + v);
    }
}
