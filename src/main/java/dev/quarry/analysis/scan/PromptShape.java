package dev.quarry.analysis.scan;

import dev.quarry.analysis.primitives.Hashing;
import dev.quarry.analysis.primitives.LongSet;

import java.nio.charset.StandardCharsets;

/**
 * What the engine keeps of a prompt, read in one pass over its UTF-8 bytes: its length in
 * characters, 64-bit hashes of its opening and closing "frames" (the first and the last few words,
 * lower-cased, with numbers and quoted parts masked) and of the whole item as written, whether it asks for visible reasoning, and
 * which task category of the {@link TaskTaxonomy} it is about. Prompts written from one template
 * share a frame even when the filled-in parts differ, whether the template's fixed text comes
 * before the question (an instruction) or after it (an answer-format block). The text itself is
 * never kept.
 */
public final class PromptShape {

    /** Words in a frame: enough to carry an instruction ("solve the following problem step by"). */
    static final int FRAME_WORDS = 6;

    /**
     * Generic phrasings that ask a model to show its reasoning (chain-of-thought harvesting), as
     * word sequences; "step-by-step" reads as "step by step". They describe a request style, not a
     * dataset.
     */
    static final String[] REASONING_PHRASES = {"step by step", "chain of thought", "show your work", "your reasoning",
        "think through", "let s think", "thought process", "reason through", "reasoning steps", "show all steps",
        "work through it"};

    private static final LongSet REASONING = LongSet.of(phraseHashes(REASONING_PHRASES));

    /** The result of reading one prompt; reused from row to row by its reader. */
    public static final class Reading {
        long opening;
        long closing;
        long item;
        int chars;
        boolean reasoning;
        int task = -1;

        public long opening() {
            return opening;
        }

        /** Hash of the closing frame, or 0 when the prompt is too short to have one apart from its opening. */
        public long closing() {
            return closing;
        }

        /**
         * Hash of the words between the opening and closing frames as written (numbers and quoted
         * parts included), or of every word when the prompt is too short to have words between them:
         * one item asked twice has one hash, two items of one template have two. A wrapper of
         * another length around the same item shifts the frames and gives another hash.
         */
        public long item() {
            return item;
        }

        public int chars() {
            return chars;
        }

        public boolean reasoning() {
            return reasoning;
        }

        /** Category index in the taxonomy, or -1 when the prompt names none of its keywords. */
        public int task() {
            return task;
        }
    }

    private final TaskTaxonomy taxonomy;
    private final int[] taskHits;
    private final long[] lastFrameWords = new long[FRAME_WORDS];
    private final long[] pending = new long[FRAME_WORDS];

    public PromptShape(TaskTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.taskHits = new int[taxonomy.size()];
    }

    public static long frame(String prompt) {
        Reading reading = new Reading();
        byte[] bytes = prompt.getBytes(StandardCharsets.UTF_8);
        new PromptShape(TaskTaxonomy.standard()).read(bytes, 0, bytes.length, reading);
        return reading.opening;
    }

    /** Reads the UTF-8 slice into {@code out}. */
    public void read(byte[] text, int from, int to, Reading out) {
        long opening = 0x9E3779B97F4A7C15L;
        long item = 0;
        long whole = 0;
        int words = 0;
        int frameWords = 0;
        long word = 0;          // masked: digit runs are one '0'; for frames
        long plain = 0;         // as written, lower-cased; for keywords and phrases
        int wordLength = 0;
        long previous = 0;
        long beforePrevious = 0;
        int chars = 0;
        boolean inQuote = false;
        byte quote = 0;
        boolean lastDigit = false;
        boolean reasoning = false;
        java.util.Arrays.fill(taskHits, 0);
        for (int i = from; i <= to; i++) {
            int c = i < to ? text[i] & 0xFF : ' ';
            if (i < to && (c & 0xC0) != 0x80) {
                chars++;
            }
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80;
            boolean digit = c >= '0' && c <= '9';
            if (letter || digit) {
                if (digit && lastDigit) {
                    plain = plain * 131 + c;
                    continue; // a run of digits is one masked number, whatever its length
                }
                lastDigit = digit;
                int folded = c >= 'A' && c <= 'Z' ? c + 32 : c;
                word = word * 131 + (digit ? '0' : folded);
                plain = plain * 131 + folded;
                wordLength++;
                continue;
            }
            lastDigit = false;
            if (wordLength > 0) {
                // the item is the words between the frames: a harness that stamps a run id or date
                // in its first or last words still sends one item
                whole = fold(whole, plain);
                if (words >= 2 * FRAME_WORDS) {
                    item = fold(item, pending[words % FRAME_WORDS]);
                }
                pending[words % FRAME_WORDS] = plain;
                words++;
                if (!inQuote) {
                    opening = frameWords < FRAME_WORDS ? mix(opening, word) : opening;
                    lastFrameWords[frameWords % FRAME_WORDS] = word;
                    frameWords++;
                    long hash = Hashing.mix64(plain);
                    long bigram = sequence(previous, hash);
                    if (!reasoning) {
                        reasoning = REASONING.contains(bigram) || REASONING.contains(sequence(sequence(beforePrevious, previous), hash));
                    }
                    int task = taxonomy.category(hash);
                    if (task < 0 && previous != 0 && taxonomy.mayStartPair(previous)) {
                        task = taxonomy.category(bigram);
                    }
                    if (task >= 0) {
                        taskHits[task]++;
                    }
                    beforePrevious = previous;
                    previous = hash;
                }
                word = 0;
                plain = 0;
                wordLength = 0;
            }
            // A quoted or fenced part is what the template is filled with: one masked word. A run of
            // backticks is one fence; a double quote does not reach past the end of its line.
            if (c == '"' || c == '`') {
                if (c == '`' && i > from && text[i - 1] == '`') {
                    continue;
                }
                if (!inQuote) {
                    inQuote = true;
                    quote = (byte) c;
                    opening = frameWords < FRAME_WORDS ? mix(opening, 'Q') : opening;
                    lastFrameWords[frameWords % FRAME_WORDS] = 'Q';
                    frameWords++;
                } else if (c == quote) {
                    inQuote = false;
                }
            } else if (c == '\n' && inQuote && quote == '"') {
                inQuote = false;
            }
        }
        out.chars = chars;
        out.item = Hashing.mix64(words > 2 * FRAME_WORDS ? item : whole);
        out.opening = frameWords == 0 ? 0 : opening;
        out.closing = frameWords <= 2 * FRAME_WORDS ? 0 : closingFrame(frameWords);
        out.reasoning = reasoning;
        int best = -1;
        for (int t = 0; t < taskHits.length; t++) {
            if (taskHits[t] > 0 && (best < 0 || taskHits[t] > taskHits[best])) {
                best = t;
            }
        }
        out.task = best;
    }

    private long closingFrame(int frameWords) {
        long closing = 0xC2B2AE3D27D4EB4FL;
        for (int k = 0; k < FRAME_WORDS; k++) {
            closing = mix(closing, lastFrameWords[(frameWords + k) % FRAME_WORDS]);
        }
        return closing == 0 ? 1 : closing;
    }

    /** Characters of a UTF-8 slice (bytes that start a character). */
    static int chars(byte[] text, int from, int to) {
        int chars = 0;
        for (int i = from; i < to; i++) {
            if ((text[i] & 0xC0) != 0x80) {
                chars++;
            }
        }
        return chars;
    }

    private static long fold(long h, long word) {
        return Long.rotateLeft(h, 23) * 0x9E3779B97F4A7C15L ^ word;
    }

    static long mix(long h, long v) {
        return Hashing.mix64(h * 31 + v);
    }

    /** Hash of a word as the reader sees it (lower-case letters and digits), for keyword tables. */
    static long wordHash(String word) {
        long plain = 0;
        for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            plain = plain * 131 + (c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        return Hashing.mix64(plain);
    }

    /** Hash of a word sequence of two or three words, as {@link #read} forms it. */
    static long sequenceHash(String[] words) {
        long h = wordHash(words[0]);
        for (int i = 1; i < words.length; i++) {
            h = sequence(h, wordHash(words[i]));
        }
        return h;
    }

    /** Combines the hash of a word sequence with the next word's (word hashes are already well mixed). */
    private static long sequence(long sequence, long word) {
        return Long.rotateLeft(sequence, 21) * 0x9E3779B97F4A7C15L ^ word;
    }

    private static long[] phraseHashes(String[] phrases) {
        long[] hashes = new long[phrases.length];
        for (int i = 0; i < phrases.length; i++) {
            hashes[i] = sequenceHash(phrases[i].split(" "));
        }
        return hashes;
    }
}
