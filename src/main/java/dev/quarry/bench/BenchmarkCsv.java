package dev.quarry.bench;

import dev.quarry.model.EventField;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.StringJoiner;

/**
 * The ingest benchmark's input: a canonical-column CSV whose rows look like a gateway extract (random
 * request ids, ISO-8601 timestamps, a few thousand accounts, prompt text of varied length with commas,
 * quotes and line breaks that need RFC 4180 quoting). Deliberately independent of the synthetic
 * campaign generator: it measures reading speed, not detection.
 */
public final class BenchmarkCsv {

    private static final String[] MODELS = {"claude-3-5-sonnet", "claude-3-haiku", "gpt-4o-mini", "llama-3-70b", "mistral-large"};
    private static final String[] COUNTRIES = {"US", "DE", "GB", "IN", "BR", "JP", "FR", "CA", "SG", "NL"};
    private static final String[] STATUSES = {"200", "200", "200", "200", "200", "200", "429", "500", "400"};
    private static final String[] AGENTS = {"python-requests/2.31.0", "openai-python/1.35.3", "anthropic-sdk-python/0.28.0",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0 Safari/537.36",
            "curl/8.5.0", "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)"};
    private static final String[] OPENINGS = {"Explain, step by step, how", "Write a short story about", "Translate into French: \"",
            "Summarize the following text, keeping the key numbers:", "You are a helpful assistant. Answer concisely:",
            "Solve: if a train leaves at 3pm travelling 80 km/h,", "Give three \"pros\" and three \"cons\" of", "Classify the sentiment of"};
    private static final String[] WORDS = ("the model of a system that data quality can be measured against, policy, reasoning, "
            + "review; audit, latency: throughput \"quoted\" answer question context window tokens gradient "
            + "distillation training capability benchmark evaluation").split(" ");

    private BenchmarkCsv() {
    }

    /** Writes {@code rows} data rows (plus a header) to {@code file}; the same seed gives the same bytes. */
    public static void write(Path file, long rows, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        long start = Instant.parse("2025-03-01T00:00:00Z").toEpochMilli();
        int accounts = (int) Math.max(10, Math.min(50_000, rows / 600));
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 20)) {
            StringJoiner header = new StringJoiner(",");
            for (EventField field : EventField.values()) {
                header.add(field.column());
            }
            out.write(header.toString());
            out.write('\n');
            StringBuilder line = new StringBuilder(1024);
            for (long i = 0; i < rows; i++) {
                line.setLength(0);
                int account = random.nextInt(accounts);
                line.append(Long.toHexString(random.nextLong())).append(Long.toHexString(random.nextLong())).append(',');
                line.append(Instant.ofEpochMilli(start + i * 37 + random.nextInt(1000))).append(',');
                line.append("acct_").append(account).append(',');
                line.append("org_").append(account / 20).append(',');
                line.append("key_").append(account).append('_').append(random.nextInt(3)).append(',');
                line.append(random.nextInt(223) + 1).append('.').append(random.nextInt(256)).append('.')
                        .append(random.nextInt(256)).append('.').append(random.nextInt(256)).append(',');
                line.append("AS").append(1000 + random.nextInt(60000)).append(',');
                line.append(COUNTRIES[random.nextInt(COUNTRIES.length)]).append(',');
                quote(line, AGENTS[random.nextInt(AGENTS.length)]).append(',');
                line.append(MODELS[random.nextInt(MODELS.length)]).append(',');
                line.append(20 + random.nextInt(2000)).append(',');
                line.append(random.nextInt(4000)).append(',');
                line.append(random.nextInt(4) == 0 ? "" : Integer.toString(256 << random.nextInt(5))).append(',');
                line.append(random.nextInt(11) / 10.0).append(',');
                line.append(STATUSES[random.nextInt(STATUSES.length)]).append(',');
                quote(line, prompt(random));
                line.append('\n');
                out.append(line);
            }
        }
    }

    private static String prompt(SplittableRandom random) {
        StringBuilder prompt = new StringBuilder(600);
        prompt.append(OPENINGS[random.nextInt(OPENINGS.length)]);
        int words = 4 + random.nextInt(random.nextInt(10) == 0 ? 80 : 24);
        for (int w = 0; w < words; w++) {
            prompt.append(random.nextInt(25) == 0 ? '\n' : ' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        return prompt.toString();
    }

    private static StringBuilder quote(StringBuilder line, String value) {
        boolean needsQuotes = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0;
        if (!needsQuotes) {
            return line.append(value);
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        return line.append('"');
    }
}
