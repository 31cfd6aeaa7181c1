package dev.quarry.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.model.EventField;
import dev.quarry.model.ProgressListener;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each format parses as its consumers expect, and the same options give the same bytes. */
class OutputFormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static GeneratorOptions small(long seed) {
        return GeneratorOptions.defaults(200, 7, seed).withEventsTarget(6_000);
    }

    private GeneratedExtract generate(String name, GeneratorOptions options) throws IOException {
        return ExtractGenerator.generate(dir.resolve(name), options, ProgressListener.NONE);
    }

    private static List<String> lines(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(ExtractFiles.reader(file))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        }
        return lines;
    }

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void sameSeedGivesByteIdenticalFiles(OutputFormat format) throws IOException {
        GeneratorOptions options = small(11).withFormat(format).withGzip(true);
        GeneratedExtract first = generate("a", options);
        GeneratedExtract second = generate("b", options);
        assertEquals(-1, Files.mismatch(first.events(), second.events()));
        assertEquals(-1, Files.mismatch(first.truth(), second.truth()));
        if (first.accounts() != null) {
            assertEquals(-1, Files.mismatch(first.accounts(), second.accounts()));
        }
    }

    @Test
    void differentSeedsGiveDifferentExtracts() throws IOException {
        GeneratedExtract first = generate("a", small(11));
        GeneratedExtract second = generate("b", small(12));
        assertNotEquals(-1, Files.mismatch(first.events(), second.events()));
        assertNotEquals(-1, Files.mismatch(first.truth(), second.truth()));
    }

    @Test
    void csvHasTheCanonicalHeaderAndQuotesAwkwardPrompts() throws IOException {
        GeneratedExtract extract = generate("csv", small(3));
        String header = lines(extract.events()).get(0);
        assertEquals(String.join(",", Arrays.stream(EventField.values()).map(EventField::column).toList()), header);
        List<CSVRecord> records = ExtractFiles.records(extract.events());
        assertEquals(extract.eventCount(), records.size());
        for (CSVRecord r : records) {
            assertEquals(EventField.values().length, r.size());
            assertTrue(r.get("ts").matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z"), r.get("ts"));
        }
        assertTrue(records.stream().anyMatch(r -> r.get("prompt_text").contains("\n") && r.get("prompt_text").contains("\"")));
        List<String> accountsHeader = lines(extract.accounts()).subList(0, 1);
        assertEquals(List.of("account_id,created_at,email,payment_fingerprint,card_bin,billing_country,signup_ip,plan"), accountsHeader);
    }

    @Test
    void gzipHoldsTheSameEventsAsThePlainFile() throws IOException {
        GeneratedExtract plain = generate("plain", small(5));
        GeneratedExtract gzip = generate("gzip", small(5).withGzip(true));
        assertTrue(gzip.events().getFileName().toString().endsWith(".csv.gz"));
        assertTrue(Files.size(gzip.events()) < Files.size(plain.events()) / 3);
        assertEquals(lines(plain.events()), lines(gzip.events()));
    }

    @Test
    void jsonLinesHoldOneFlatCanonicalObjectPerLine() throws IOException {
        GeneratedExtract extract = generate("jsonl", small(3).withFormat(OutputFormat.JSONL));
        List<String> lines = lines(extract.events());
        assertEquals(extract.eventCount(), lines.size());
        Set<String> canonical = new HashSet<>();
        for (EventField f : EventField.values()) {
            canonical.add(f.column());
        }
        for (String line : lines) {
            JsonNode event = JSON.readTree(line);
            event.fieldNames().forEachRemaining(name -> assertTrue(canonical.contains(name), name));
            assertTrue(event.get("ts").isTextual());
            assertTrue(event.get("account_id").isTextual());
            assertTrue(event.get("prompt_tokens").isInt());
            assertFalse(event.get("prompt_text").asText().isEmpty());
        }
    }

    @Test
    void bedrockRecordsHaveTheInvocationLogShapeAndNoClientData() throws IOException {
        GeneratedExtract extract = generate("bedrock", small(3).withFormat(OutputFormat.BEDROCK));
        assertNull(extract.accounts(), "Bedrock logs carry no account data");
        Map<String, ExtractFiles.Truth> truth = ExtractFiles.truth(extract.truth());
        List<String> lines = lines(extract.events());
        assertEquals(extract.eventCount(), lines.size());
        Set<String> families = new HashSet<>();
        for (String line : lines) {
            JsonNode r = JSON.readTree(line);
            assertEquals("ModelInvocationLog", r.get("schemaType").asText());
            assertEquals("1.0", r.get("schemaVersion").asText());
            Instant.parse(r.get("timestamp").asText());
            assertTrue(r.get("accountId").asText().matches("\\d{12}"));
            String arn = r.path("identity").path("arn").asText();
            assertTrue(arn.matches("arn:aws:(iam|sts)::" + r.get("accountId").asText() + ":(user|assumed-role)/.+"), arn);
            assertTrue(truth.containsKey(arn), "truth is keyed by the caller ARN");
            assertTrue(Set.of("InvokeModel", "Converse").contains(r.get("operation").asText()));
            JsonNode body = r.path("input").path("inputBodyJson");
            assertEquals("application/json", r.path("input").path("inputContentType").asText());
            assertTrue(r.path("input").path("inputTokenCount").isInt());
            String modelId = r.get("modelId").asText();
            if (r.get("operation").asText().equals("Converse")) {
                assertTrue(body.path("messages").get(0).path("content").get(0).path("text").isTextual());
                assertTrue(body.path("inferenceConfig").path("maxTokens").isInt());
                families.add("converse");
            } else if (modelId.startsWith("anthropic.")) {
                assertTrue(body.path("messages").get(0).path("content").isTextual());
                assertTrue(body.path("max_tokens").isInt());
                families.add("anthropic");
            } else if (modelId.startsWith("meta.")) {
                assertTrue(body.path("prompt").isTextual());
                assertTrue(body.path("max_gen_len").isInt());
                families.add("meta");
            } else {
                assertTrue(modelId.startsWith("amazon.titan"), modelId);
                assertTrue(body.path("inputText").isTextual());
                assertTrue(body.path("textGenerationConfig").path("maxTokenCount").isInt());
                families.add("titan");
            }
            if (!r.has("errorCode")) {
                assertTrue(r.path("output").path("outputTokenCount").isInt());
                assertTrue(r.path("output").path("outputBodyJson").isObject());
            }
            for (String clientField : List.of("ip", "sourceIpAddress", "user_agent", "userAgent")) {
                assertFalse(r.has(clientField), clientField);
            }
        }
        assertEquals(Set.of("converse", "anthropic", "meta", "titan"), families);
    }

    @Test
    void replacesAnEarlierExtractInAnotherFormat() throws IOException {
        Path out = dir.resolve("out");
        generate("out", small(2));
        GeneratedExtract jsonl = generate("out", small(2).withFormat(OutputFormat.JSONL).withGzip(true));
        try (var files = Files.list(out)) {
            assertEquals(Set.of("events.jsonl.gz", "accounts.csv", "truth.csv"),
                    files.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
        assertEquals(out.resolve("events.jsonl.gz"), jsonl.events());
    }

    @Test
    void removesPartialFilesWhenCancelled() throws IOException {
        ProgressListener cancelAfterStart = new ProgressListener() {
            private int calls;

            @Override
            public void progress(long done, long total, String message) {
            }

            @Override
            public boolean isCancelled() {
                return ++calls > 2;
            }
        };
        Path out = dir.resolve("cancelled");
        assertThrows(dev.quarry.model.CancelledException.class,
                () -> ExtractGenerator.generate(out, small(1), cancelAfterStart));
        try (var files = Files.list(out)) {
            assertEquals(0, files.count());
        }
    }
}
