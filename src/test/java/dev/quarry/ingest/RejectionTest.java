package dev.quarry.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RejectionTest extends IngestCaseTest {

    private static final String HEADER = "request_id,ts,account_id,prompt_tokens,completion_tokens,temperature,prompt_text\n";


    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "r2,,acct,1,1,0.1,p                   | missing ts (event time)  | rejectsRowMissingTs",
            "r2,1709633730,,1,1,0.1,p             | missing account_id       | rejectsRowMissingAccountId",
            "r2,5 March 2024,acct,1,1,0.1,p       | unparseable timestamp    | rejectsRowWithUnparseableTimestamp",
            "r2,1709633730,acct,twelve,1,0.1,p    | not a whole number       | rejectsRowWithUnparseableTokenCount",
            "r2,1709633730,acct,1,1,warm,p        | not a number             | rejectsRowWithUnparseableTemperature",
            "r2,1709633730,acct,1,-5,0.1,p        | negative token count     | rejectsRowWithNegativeTokenCount",
            "r2,1709633730,acct,1,1,0.1           | wrong number of fields   | rejectsRowWithMissingField",
            "r2,1709633730,acct,1,1,0.1,p,extra   | wrong number of fields   | rejectsRowWithExtraField",
            "r2,1709633730,acct,1,1,0.1,\"p\"x    | text after a closing quote | rejectsRowWithTextAfterClosingQuote",
    })
    void rejectsInvalidRowWithReasonLineAndRawText(String row, String reason, String name) throws Exception {
        ImportSummary summary = fixture.importText("bad.csv", HEADER + "r1,1709633730,acct,1,1,0.1,fine\n" + row + "\n");

        assertEquals(2, summary.read());
        assertEquals(1, summary.accepted());
        assertEquals(1, summary.rejected());
        assertEquals(1L, summary.rejectedByReason().get(reason), summary.rejectedByReason().toString());
        assertEquals(3, fixture.count("SELECT line FROM rejected_rows"));
        assertTrue(fixture.string("SELECT reason FROM rejected_rows").startsWith(reason));
        assertEquals(row, fixture.string("SELECT raw FROM rejected_rows"));
    }

    @Test
    void rejectsRowWithInvalidUtf8() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((HEADER + "r1,1709633730,acct,1,1,0.1,caf").getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9); // Latin-1 é: not UTF-8
        bytes.writeBytes("\nr2,1709633731,acct,1,1,0.1,café\n".getBytes(StandardCharsets.UTF_8));
        ImportSummary summary = fixture.importFile(fixture.write("latin1.csv", bytes.toByteArray()));

        assertEquals(1, summary.accepted());
        assertEquals(1L, summary.rejectedByReason().get("invalid UTF-8"));
        assertEquals(2, fixture.count("SELECT line FROM rejected_rows"));
        assertEquals("café", fixture.string("SELECT prompt_text FROM events"));
    }

    @Test
    void rejectsRowWithNulByte() throws Exception {
        ImportSummary summary = fixture.importText("nul.csv", HEADER + "r1,1709633730,acct,1,1,0.1,a\u0000b\n");
        assertEquals(1L, summary.rejectedByReason().get("contains a NUL byte"));
    }

    @Test
    void rejectsJsonValueWithEscapedNul() throws Exception {
        ImportSummary summary = fixture.importText("nul.jsonl", "{\"ts\":1709633730,\"account_id\":\"a\",\"prompt\":\"x\\u0000y\"}\n");
        assertEquals(1L, summary.rejectedByReason().get("contains a NUL byte"));
    }

    @Test
    void rejectsFieldOverTheSizeLimit() throws Exception {
        String huge = "x".repeat(Limits.FIELD_BYTES + 1);
        ImportSummary summary = fixture.importText("huge.csv", HEADER + "r1,1709633730,acct,1,1,0.1," + huge + "\nr2,1709633730,acct,1,1,0.1,ok\n");
        assertEquals(1, summary.accepted());
        assertEquals(1L, summary.rejectedByReason().get(RejectReason.FIELD_TOO_LARGE.label));
        assertTrue(fixture.string("SELECT reason FROM rejected_rows").contains("prompt_text"));
    }

    @Test
    void rejectsRecordOverTheRecordLimitKeepingItsBeginningAndReadsOn() throws Exception {
        String huge = "{\"ts\":1709633730,\"account_id\":\"a\",\"prompt\":\"" + "y".repeat(Limits.RECORD_BYTES + 10) + "\"}";
        ImportSummary json = fixture.importText("huge.jsonl", huge + "\n{\"ts\":1709633731,\"account_id\":\"b\"}\n");
        assertEquals(2, json.read());
        assertEquals(1, json.accepted());
        assertEquals(1L, json.rejectedByReason().get(RejectReason.RECORD_TOO_LARGE.label));
        assertEquals(Limits.RAW_KEPT_BYTES, fixture.string("SELECT raw FROM rejected_rows").length());

        ImportSummary csv = fixture.importText("huge.csv", HEADER + "r1,1709633730,acct,1,1,0.1,\"" + "z".repeat(Limits.RECORD_BYTES)
                + "\"\nr2,1709633731,acct,1,1,0.1,ok\n");
        assertEquals(1, csv.accepted(), csv.toString());
        assertEquals(1L, csv.rejectedByReason().get(RejectReason.RECORD_TOO_LARGE.label), csv.toString());
    }

    @Test
    void rejectsMalformedJsonAndNonObjectLines() throws Exception {
        ImportSummary summary = fixture.importText("bad.jsonl", "{\"ts\":1709633730,\"account_id\":\"a\"}\n{\"ts\": oops}\n[1,2]\n");
        assertEquals(1, summary.accepted());
        assertEquals(1L, summary.rejectedByReason().get("malformed JSON"));
        assertEquals(1L, summary.rejectedByReason().get("not a JSON object"));
        assertEquals(java.util.List.of("2", "3"), fixture.strings("SELECT line FROM rejected_rows ORDER BY line"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"ts\":1709633731,\"account_id\":\"a1\"} {\"ts\":1709633732,\"account_id\":\"a2\"} | two objects on one line",
            "{\"ts\":1709633731,\"account_id\":\"a1\"}garbage                               | a word after the object",
            "{\"ts\":1709633731,\"account_id\":\"a1\"}}                                     | a stray closing brace",
            "{\"ts\":1709633731,\"account_id\":\"a1\"} \"x\"                              | a string after the object",
            "{\"ts\":1709633731,\"account_id\":\"a1\"},                                     | a comma after the object",
    })
    void rejectsJsonLineWithTextAfterItsObjectWhole(String line, String name) throws Exception {
        ImportSummary summary = fixture.importText("two.jsonl", "{\"ts\":1709633730,\"account_id\":\"a0\"}\n" + line + "\n");

        assertEquals(2, summary.read());
        assertEquals(1, summary.accepted());
        assertEquals(1L, summary.rejectedByReason().get(RejectReason.TEXT_AFTER_OBJECT.label), summary.rejectedByReason().toString());
        assertEquals(java.util.List.of("a0"), fixture.strings("SELECT account_id FROM events"));
        assertEquals(2, fixture.count("SELECT line FROM rejected_rows"));
        assertEquals(line, fixture.string("SELECT raw FROM rejected_rows"));
    }

    @Test
    void keepsTheSixCharactersBackslashU0000AsTextInAnUnmappedField() throws Exception {
        // in JSON, "\\u0000" is the text backslash-u-0000, not a NUL
        String line = "{\"ts\":1709633730,\"account_id\":\"a\",\"note\":\"C:\\\\u0000\",\"list\":[\"\\\\u0000\"]}";
        ImportSummary summary = fixture.importText("text.jsonl", line + "\n");

        assertEquals(1, summary.accepted(), summary.rejectedByReason().toString());
        String extra = fixture.string("SELECT extra FROM events");
        assertEquals("C:\\u0000", new com.fasterxml.jackson.databind.ObjectMapper().readTree(extra).get("note").textValue());
        assertEquals("\\u0000", new com.fasterxml.jackson.databind.ObjectMapper().readTree(extra).get("list").get(0).textValue());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"ts\":1709633730,\"account_id\":\"a\",\"note\":\"x\\u0000\"}",
            "{\"ts\":1709633730,\"account_id\":\"a\",\"list\":[\"\\\\\\u0000\"]}",
            "{\"ts\":1709633730,\"account_id\":\"a\",\"k\\u0000\":\"v\"}",
    })
    void rejectsARealNulEscapeInAnUnmappedField(String line) throws Exception {
        ImportSummary summary = fixture.importText("nul.jsonl", line + "\n");
        assertEquals(1L, summary.rejectedByReason().get("contains a NUL byte"), summary.rejectedByReason().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty.csv        | the file holds no rows: it is empty (or holds only a byte-order mark)",
            "bom.csv          | the file holds no rows: it is empty (or holds only a byte-order mark)",
            "header.csv       | the file holds no rows: only a header line",
            "bom-header.csv   | the file holds no rows: only a header line",
            "blank-lines.csv  | the file holds no rows: only blank lines",
            "empty.jsonl      | the file holds no rows: it is empty (or holds only a byte-order mark)",
            "bom.jsonl        | the file holds no rows: it is empty (or holds only a byte-order mark)",
    })
    void saysWhenAFileHoldsNoRows(String name, String note) throws Exception {
        String content = switch (name.substring(0, name.indexOf('.'))) {
            case "empty" -> "";
            case "bom" -> "\uFEFF";
            case "header" -> "request_id,ts,account_id\n";
            case "bom-header" -> "\uFEFFrequest_id,ts,account_id";
            case "blank-lines" -> "\n\r\n\n";
            default -> throw new IllegalArgumentException(name);
        };
        ImportSummary summary = fixture.importText(name, content);
        assertEquals(0, summary.read());
        assertTrue(summary.notes().contains(note), summary.notes().toString());
    }

    /** 99,998 is the file of issue 13, whose note listed every name (789 KB of text). */
    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {5_000, 99_998})
    void summarisesAnImportNoteOfThousandsOfUnmappedColumns(int columns) throws Exception {
        // values in the first 5,000 only: all of them would make extra bigger than a field may be
        int filled = Math.min(columns, 5_000);
        StringBuilder header = new StringBuilder("request_id,ts,account_id");
        StringBuilder row = new StringBuilder("r1,1709633730,acct");
        for (int i = 0; i < columns; i++) {
            header.append(",col").append(i);
            row.append(',').append(i < filled ? "v" + i : "");
        }
        ImportSummary summary = fixture.importText("wide.csv", header + "\n" + row + "\n");

        assertEquals(1, summary.accepted(), summary.rejectedByReason().toString());
        String note = summary.notes().stream().filter(n -> n.contains("kept in extra")).findFirst().orElseThrow();
        assertTrue(note.startsWith(String.format(java.util.Locale.ROOT, "%,d columns kept in extra (no canonical field), the first 20: col0, col1,", columns)), note);
        assertTrue(note.endsWith(String.format(java.util.Locale.ROOT, "col19 and %,d more", columns - 20)), note);
        assertTrue(note.length() < 400, note);
        String extra = fixture.string("SELECT extra FROM events");
        assertTrue(extra.contains("\"col" + (filled - 1) + "\":\"v" + (filled - 1) + "\""), extra.substring(0, 200));
    }

    @Test
    void anUnclosedQuoteCostsOneLineNotTheRestOfTheFile() throws Exception {
        ImportSummary summary = fixture.importText("quote.csv", HEADER
                + "r1,1709633730,acct,1,1,0.1,\"never closed\n"
                + "r2,1709633731,acct,1,1,0.1,fine\n"
                + "r3,1709633732,acct,1,1,0.1,fine\n");
        // the stray quote swallows everything after it; the reader rejects its first line and re-reads the rest
        assertEquals(3, summary.read());
        assertEquals(2, summary.accepted());
        assertEquals(1L, summary.rejectedByReason().get("unterminated quoted field"));
        assertEquals(2, fixture.count("SELECT line FROM rejected_rows"));
    }

    @Test
    void rejectedRowsDoNotStopTheImport() throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 5000; i++) {
            csv.append("r").append(i).append(',').append(i % 2 == 0 ? "1709633730" : "never").append(",acct,1,1,0.1,p\n");
        }
        ImportSummary summary = fixture.importText("half.csv", csv.toString());
        assertEquals(5000, summary.read());
        assertEquals(2500, summary.accepted());
        assertEquals(2500, summary.rejected());
        assertEquals(2500, fixture.count("SELECT count(*) FROM rejected_rows"));
        assertEquals(2500, fixture.count("SELECT rows_rejected FROM sources"));
    }
}
