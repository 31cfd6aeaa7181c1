package dev.quarry.analysis.scan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The task categories a capability sweep is measured over, each defined by keywords (see
 * {@code task-taxonomy.txt} among the resources, which documents the format). A keyword list, not a
 * trained classifier: an investigator can read why a prompt was counted as, say, "law", and the
 * list can be edited for other traffic.
 */
public final class TaskTaxonomy {
    private static final String RESOURCE = "/dev/quarry/analysis/task-taxonomy.txt";
    private static TaskTaxonomy standard;

    private final List<String> names;
    private final long[] keys;
    private final int[] categories;
    /**
     * One bit per slice of the hash space holding a keyword: nearly every word of a prompt is no
     * keyword, and one bit test tells most of them apart without touching the table.
     */
    private final long[] filter = new long[FILTER_WORDS];
    /** The same for the first words of two-word keywords, so pairs are looked up only after one. */
    private final long[] pairStarts = new long[FILTER_WORDS];
    private static final int FILTER_WORDS = 256;

    private TaskTaxonomy(List<String> names, List<long[]> keywords, List<Long> firstWords) {
        this.names = List.copyOf(names);
        int capacity = Integer.highestOneBit(Math.max(16, keywords.size() * 4)) * 2;
        keys = new long[capacity];
        categories = new int[capacity];
        Arrays.fill(categories, -1);
        for (long[] keyword : keywords) {
            int i = slot(keyword[0]);
            while (categories[i] >= 0 && keys[i] != keyword[0]) {
                i = (i + 1) & (capacity - 1);
            }
            if (categories[i] < 0) { // the first category to name a keyword keeps it
                keys[i] = keyword[0];
                categories[i] = (int) keyword[1];
            }
            set(filter, keyword[0]);
        }
        for (long first : firstWords) {
            set(pairStarts, first);
        }
    }

    private static void set(long[] bits, long hash) {
        int bit = (int) (hash >>> 50);
        bits[bit >>> 6] |= 1L << bit;
    }

    private static boolean test(long[] bits, long hash) {
        int bit = (int) (hash >>> 50);
        return (bits[bit >>> 6] & 1L << bit) != 0;
    }

    /** Whether a word may begin a two-word keyword (false is certain, true is likely). */
    boolean mayStartPair(long wordHash) {
        return test(pairStarts, wordHash);
    }

    /** The taxonomy shipped with Quarry. */
    public static synchronized TaskTaxonomy standard() {
        if (standard == null) {
            try (InputStream in = TaskTaxonomy.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                standard = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return standard;
    }

    /** Reads "name: keyword keyword_pair ..." lines; '#' starts a comment line. */
    public static TaskTaxonomy parse(String text) {
        List<String> names = new ArrayList<>();
        List<long[]> keywords = new ArrayList<>();
        List<Long> firstWords = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new java.io.StringReader(text))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int colon = trimmed.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("task taxonomy line " + number + ": expected 'name: keywords'");
                }
                int category = names.size();
                names.add(trimmed.substring(0, colon).strip());
                for (String keyword : trimmed.substring(colon + 1).strip().split("\\s+")) {
                    if (!keyword.isEmpty()) {
                        String[] words = keyword.split("_");
                        keywords.add(new long[] {PromptShape.sequenceHash(words), category});
                        if (words.length > 1) {
                            firstWords.add(PromptShape.wordHash(words[0]));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TaskTaxonomy(names, keywords, firstWords);
    }

    public int size() {
        return names.size();
    }

    public String name(int category) {
        return names.get(category);
    }

    /** The category a keyword hash belongs to, or -1. */
    int category(long hash) {
        if (!test(filter, hash)) {
            return -1;
        }
        int mask = keys.length - 1;
        int i = slot(hash);
        while (categories[i] >= 0) {
            if (keys[i] == hash) {
                return categories[i];
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    private int slot(long hash) {
        return (int) (hash ^ hash >>> 32) & (keys.length - 1);
    }

    /** One reader per thread: it keeps per-prompt scratch space. */
    public PromptShape reader() {
        return new PromptShape(this);
    }

    @Override
    public String toString() {
        return "TaskTaxonomy" + names;
    }
}
