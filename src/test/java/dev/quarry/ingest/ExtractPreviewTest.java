package dev.quarry.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtractPreviewTest {

    @TempDir
    Path dir;

    private static String field(ExtractPreview preview, String column) {
        return preview.columns().stream().filter(c -> c.name().equals(column)).findFirst()
                .orElseThrow(() -> new AssertionError("no column " + column + " in " + preview.columns())).field();
    }

    @Test
    void showsTheDetectedLayoutAndHowTheAliasTableMapsEachColumn() throws Exception {
        Path file = dir.resolve("export.csv");
        Files.writeString(file, "Zeit;Kunde;user;model\n2024-03-01T10:00:00Z;k1;Anna;m\n2024-03-01T10:00:01Z;k2;\"Bo; Jr\";m\n");
        ExtractPreview preview = ExtractPreview.read(file, ImportOptions.auto(), 10);
        assertEquals(SourceFormat.CSV, preview.format());
        assertEquals("CSV delimited by ';' (detected)", preview.describeFormat());
        assertEquals("events", preview.kind());
        assertNull(field(preview, "Zeit"), "not an alias: kept in extra");
        assertEquals("account_id", field(preview, "user"), "the alias table reads user as the account");
        assertEquals(List.of("2024-03-01T10:00:01Z", "k2", "Bo; Jr", "m"), preview.rows().get(1));
        assertTrue(preview.timestampStyle().startsWith("no column feeds ts"), preview.timestampStyle());
        assertEquals(2, preview.trialRead());
        assertEquals(2, preview.trialRejected(), "without an event time every row is rejected");
    }

    @Test
    void aMappingFileDecidesColumnByColumnAndNullKeepsAColumnOutOfEveryField() throws Exception {
        Path file = dir.resolve("export.csv");
        Files.writeString(file, "Zeit;Kunde;user;model\n2024-03-01 10:00:00;k1;Anna;m\nnot a time;k2;Bo;m\n");
        Path mapping = dir.resolve("mapping.json");
        Files.writeString(mapping, "{\"columns\": {\"Zeit\": \"ts\", \"Kunde\": \"account_id\", \"user\": null}}");
        ExtractPreview preview = ExtractPreview.read(file, new ImportOptions(SourceFormat.AUTO, mapping), 10);
        assertEquals("ts", field(preview, "Zeit"));
        assertEquals("account_id", field(preview, "Kunde"));
        assertNull(field(preview, "user"));
        assertEquals("Zeit: ISO-8601 without a time zone (read as UTC); some values unreadable", preview.timestampStyle());
        assertEquals(1, preview.trialRejected());
        assertEquals(1L, preview.trialRejectedByReason().get("unparseable timestamp"));
    }

    @Test
    void jsonLinesColumnsAreDottedPathsAndEpochTimesAreNamedByUnit() throws Exception {
        Path file = dir.resolve("log.jsonl");
        Files.writeString(file, "{\"time\": 1709287200, \"user\": \"u1\", \"request\": {\"max_tokens\": 50, \"msg\": [1,2]}}\n"
                + "{\"time\": 1709287201, \"user\": \"u2\", \"extra_field\": true}\n");
        ExtractPreview preview = ExtractPreview.read(file, ImportOptions.auto(), 10);
        assertEquals(SourceFormat.JSONL, preview.format());
        assertNull(preview.delimiter());
        assertEquals(List.of("time", "user", "request.max_tokens", "request.msg", "extra_field"),
                preview.columns().stream().map(ExtractPreview.Column::name).toList());
        assertEquals("max_tokens", field(preview, "request.max_tokens"));
        assertEquals("time: epoch seconds", preview.timestampStyle());
        assertEquals(List.of("1709287201", "u2", "", "", "true"), preview.rows().get(1));
        assertEquals(0, preview.trialRejected());
    }

    @Test
    void splitsQuotedFieldsWithDelimitersQuotesAndLineBreaks() {
        List<List<String>> records = ExtractPreview.splitRecords("\uFEFFa,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\n1,2", ',', 10);
        assertEquals(List.of(List.of("a", "b"), List.of("x, \"y\"", "two\nlines"), List.of("1", "2")), records);
        assertEquals(2, ExtractPreview.splitRecords("a\nb\nc\n", ',', 2).size());
    }
}
