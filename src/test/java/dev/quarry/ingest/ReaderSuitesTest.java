package dev.quarry.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The readers against two public suites, kept unchanged under src/test/resources/dev/quarry/ingest
 * (sources and licences in the README there): JSONTestSuite's parsing cases and csv-spectrum's CSVs
 * with the records each one holds.
 */
class ReaderSuitesTest extends IngestCaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path suite(String folder) throws URISyntaxException {
        return Path.of(ReaderSuitesTest.class.getResource(folder).toURI());
    }

    private static List<Path> jsonCases(String prefix) throws Exception {
        try (Stream<Path> files = Files.list(suite("jsontestsuite/test_parsing"))) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }

    /**
     * Each case as the payload of an otherwise valid event, one line per case: a document a parser
     * must accept lands (unless it holds a NUL, which Quarry rejects as documented), one it must
     * reject never does. Line breaks between tokens are blanks to JSON, so a valid case stays valid
     * on one line; the invalid ones keep theirs (a raw line break inside a string is one of them).
     */
    @ParameterizedTest(name = "{0}_ cases")
    @ValueSource(strings = {"y", "n", "i"})
    void everyJsonTestSuiteCaseAsAnEventPayloadLandsOrIsRejectedAsItsPrefixSays(String prefix) throws Exception {
        List<Path> cases = jsonCases(prefix + "_");
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        Map<Long, String> caseOfLine = new HashMap<>();
        long line = 0;
        for (int i = 0; i < cases.size(); i++) {
            byte[] payload = Files.readAllBytes(cases.get(i));
            if (prefix.equals("y")) {
                payload = new String(payload, StandardCharsets.UTF_8).replaceAll("[\r\n]", " ").getBytes(StandardCharsets.UTF_8);
            }
            lines.writeBytes(("{\"ts\":1709633730,\"account_id\":\"case" + i + "\",\"payload\":").getBytes(StandardCharsets.UTF_8));
            lines.writeBytes(payload);
            lines.writeBytes("}\n".getBytes(StandardCharsets.UTF_8));
            long linesOfCase = 1 + countNewlines(payload);
            for (long k = 0; k < linesOfCase; k++) {
                caseOfLine.put(++line, cases.get(i).getFileName().toString());
            }
        }
        ImportSummary summary = fixture.importFile(fixture.write(prefix + ".jsonl", lines.toByteArray()), new ImportOptions(SourceFormat.JSONL, null));

        assertEquals(line, summary.read() + blankLines(summary), "every line is read or counted blank");
        assertEquals(summary.rejected(), fixture.count("SELECT count(*) FROM rejected_rows"));
        List<String> accepted = fixture.strings("SELECT account_id FROM events ORDER BY account_id");
        if (prefix.equals("n")) {
            assertEquals(List.of(), accepted, "cases a parser must reject");
        }
        if (prefix.equals("y")) {
            List<String> rejected = new ArrayList<>();
            for (String reason : fixture.strings("SELECT line || ' ' || reason FROM rejected_rows ORDER BY line")) {
                long at = Long.parseLong(reason.substring(0, reason.indexOf(' ')));
                rejected.add(caseOfLine.get(at) + ": " + reason.substring(reason.indexOf(' ') + 1));
            }
            // the only valid documents Quarry refuses: those holding a NUL, which it never stores
            assertTrue(rejected.stream().allMatch(r -> r.contains("contains a NUL byte")), rejected.toString());
            assertEquals(cases.size(), accepted.size() + rejected.size());
            assertEquals(List.of("y_object_escaped_null_in_key.json: contains a NUL byte: a \\u0000 escape",
                    "y_string_null_escape.json: contains a NUL byte: a \\u0000 escape"), rejected);
        }
    }

    /**
     * Each case's own bytes as a JSON Lines file: none is an event (no account, no time), so every
     * non-blank line must come back as a rejected row with its line number, whatever the parser thought.
     */
    @Test
    void everyLineOfEveryJsonTestSuiteCaseIsAccountedFor() throws Exception {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        for (Path file : jsonCases("")) {
            lines.writeBytes(Files.readAllBytes(file));
            lines.write('\n');
        }
        byte[] content = lines.toByteArray();
        ImportSummary summary = fixture.importFile(fixture.write("all.jsonl", content), new ImportOptions(SourceFormat.JSONL, null));

        assertEquals(0, summary.accepted());
        assertEquals(countNewlines(content), summary.read() + blankLines(summary));
        assertEquals(summary.read(), fixture.count("SELECT count(DISTINCT line) FROM rejected_rows"));
        Map<String, Long> reasons = summary.rejectedByReason();
        assertTrue(reasons.containsKey(RejectReason.MISSING_ACCOUNT_ID.label), reasons.toString());
        assertTrue(reasons.containsKey(RejectReason.TEXT_AFTER_OBJECT.label), reasons.toString());
        assertTrue(reasons.containsKey(RejectReason.MALFORMED_JSON.label), reasons.toString());
        assertTrue(reasons.containsKey(RejectReason.NOT_AN_OBJECT.label), reasons.toString());
    }

    /**
     * csv-spectrum's CSVs read as accounts files whose first column is the account id: every record of
     * the expected JSON lands, the first field as account_id, the others in extra. An empty field is not
     * kept in extra (Quarry stores no empty values), so the expectation drops empty strings.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"comma_in_quotes", "empty", "empty_crlf", "escaped_quotes", "json", "newlines",
            "newlines_crlf", "quotes_and_newlines", "simple", "simple_crlf", "utf8"})
    void csvSpectrumFileHoldsTheRecordsItsJsonSays(String name) throws Exception {
        Path csv = suite("csv-spectrum/csvs").resolve(name + ".csv");
        JsonNode expected = JSON.readTree(suite("csv-spectrum/json").resolve(name + ".json").toFile());
        String firstColumn = expected.get(0).fieldNames().next();
        Path mapping = fixture.write("mapping.json", "{\"kind\":\"accounts\",\"columns\":{\"" + firstColumn + "\":\"account_id\"}}");

        ImportSummary summary = fixture.importFile(csv, new ImportOptions(SourceFormat.CSV, mapping));

        assertEquals(expected.size(), summary.read());
        assertEquals(expected.size(), summary.accepted(), summary.rejectedByReason().toString());
        List<Map<String, String>> landed = new ArrayList<>();
        for (String row : fixture.strings("SELECT json_set(coalesce(extra, '{}'), '$.\"' || ? || '\"', account_id) FROM accounts ORDER BY rowid",
                firstColumn)) {
            landed.add(fields(JSON.readTree(row)));
        }
        List<Map<String, String>> records = new ArrayList<>();
        for (JsonNode record : expected) {
            Map<String, String> fields = fields(record);
            fields.values().removeIf(String::isEmpty);
            records.add(fields);
        }
        assertEquals(records, landed);
    }

    private static Map<String, String> fields(JsonNode object) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            fields.put(field.getKey(), field.getValue().textValue());
        }
        return new java.util.TreeMap<>(fields);
    }

    private static long blankLines(ImportSummary summary) {
        return summary.notes().stream().filter(n -> n.endsWith("blank lines skipped"))
                .mapToLong(n -> Long.parseLong(n.substring(0, n.indexOf(' ')).replace(",", ""))).sum();
    }

    private static long countNewlines(byte[] bytes) {
        long n = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }
}
