package dev.quarry.analysis;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the engine keeps of a prompt: its length, whether it asks for visible reasoning, and a
 * 64-bit hash of its opening "frame" (the first few words with numbers and quoted parts masked).
 * Prompts written from one template share a frame even when the filled-in parts differ, so frames
 * stand for templates and, across a group, for the task types it covers. The text itself is not
 * kept, so millions of prompts cost a few counters per account.
 */
public final class PromptShape {

    /** Words in a frame: enough to carry an instruction ("solve the following problem step by"). */
    static final int FRAME_WORDS = 6;

    // Generic phrasings that ask a model to show its reasoning; they describe a request style
    // (chain-of-thought harvesting), not any one dataset.
    private static final Pattern REASONING_REQUEST = Pattern.compile(
            "step[- ]by[- ]step|chain[- ]of[- ]thought|show (your|all|the) (work|reasoning|steps)|"
                    + "explain your reasoning|think (it )?through|reason(ing)? (carefully|step)|let'?s think|"
                    + "walk me through|detailed reasoning|thought process",
            Pattern.CASE_INSENSITIVE);

    private PromptShape() {
    }

    public static boolean asksForReasoning(String prompt) {
        return REASONING_REQUEST.matcher(prompt).find();
    }

    /** Hash of the masked opening words, or 0 for an empty prompt. */
    public static long frame(String prompt) {
        long hash = 0x9E3779B97F4A7C15L;
        int words = 0;
        int i = 0;
        int n = prompt.length();
        StringBuilder word = new StringBuilder(16);
        boolean inQuote = false;
        while (i < n && words < FRAME_WORDS) {
            char c = prompt.charAt(i++);
            if (c == '"' || c == '\u201c' || c == '\u201d' || c == '`') {
                if (!inQuote) {
                    words++;
                    hash = mix(hash, 'Q');
                }
                inQuote = !inQuote;
                continue;
            }
            if (inQuote) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                word.append(Character.isDigit(c) ? '0' : Character.toLowerCase(c));
            } else if (word.length() > 0) {
                hash = mix(hash, word.toString().toLowerCase(Locale.ROOT).hashCode());
                words++;
                word.setLength(0);
            }
        }
        if (word.length() > 0 && words < FRAME_WORDS) {
            hash = mix(hash, word.toString().hashCode());
            words++;
        }
        return words == 0 ? 0 : hash;
    }

    static long mix(long h, long v) {
        return Hashing.mix64(h * 31 + v);
    }
}
