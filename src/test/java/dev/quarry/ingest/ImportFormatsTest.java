package dev.quarry.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportFormatsTest extends IngestCaseTest {


    private static final String CSV = "request_id,ts,account_id,prompt_tokens,temperature,prompt_text\n"
            + "r1,2024-03-05T10:15:30Z,alice,12,0.7,\"Summarize, briefly: \"\"the report\"\"\nand list\nits risks\"\n"
            + "r2,1709633731,bob,,,plain prompt\n";

    @ParameterizedTest
    @ValueSource(strings = {",", ";", "\t"})
    void readsCsvWithAnyCommonDelimiter(String delimiter) throws Exception {
        String csv = CSV.replace(",", delimiter).replace("0" + delimiter + "7", "0.7");
        ImportSummary summary = fixture.importText("events.csv", csv);

        assertEquals(2, summary.accepted(), summary.toString());
        assertEquals("Summarize" + delimiter + " briefly: \"the report\"\nand list\nits risks",
                fixture.string("SELECT prompt_text FROM events WHERE request_id = 'r1'"));
        assertEquals(Instant.parse("2024-03-05T10:15:30Z").toEpochMilli(), fixture.count("SELECT ts FROM events WHERE request_id = 'r1'"));
        assertEquals(12, fixture.count("SELECT prompt_tokens FROM events WHERE request_id = 'r1'"));
        assertEquals("0.7", fixture.string("SELECT temperature FROM events WHERE request_id = 'r1'"));
        assertNull(fixture.string("SELECT prompt_tokens FROM events WHERE request_id = 'r2'"));
    }

    /**
     * Text is bound as UTF-8 bytes and cast to TEXT: it must land as TEXT, byte for byte, whether the
     * import is a bulk one (fresh case, rows and suspected duplicates) or one into a case with events.
     */
    @Test
    void storesTextAsTextByteForByteInBulkAndIncrementalImports() throws Exception {
        String prompt = "Übersetze: «naïve» — 日本語 😀, \"quoted\"";
        String csv = "request_id,ts,account_id,country,prompt_text,ticket\n"
                + "r1,2024-03-05T10:15:30Z,ålice,DE,\"" + prompt.replace("\"", "\"\"") + "\",T-1\n"
                + "r1,2024-03-05T10:15:31Z,ålice,DE,again,T-2\n";
        ImportSummary bulk = fixture.importText("first.csv", csv);
        ImportSummary incremental = fixture.importText("second.csv", csv.replace("r1", "r2"));

        assertEquals(1, bulk.accepted(), bulk.toString());
        assertEquals(1, bulk.duplicate(), bulk.toString());
        assertEquals(1, incremental.accepted(), incremental.toString());
        assertEquals(1, incremental.duplicate(), incremental.toString());
        for (String column : new String[] {"request_id", "account_id", "country", "prompt_text", "extra"}) {
            assertEquals(2, fixture.count("SELECT count(*) FROM events WHERE typeof(" + column + ") = 'text'"), column);
        }
        assertEquals(prompt, fixture.string("SELECT prompt_text FROM events WHERE request_id = 'r1'"));
        assertEquals(prompt, fixture.string("SELECT prompt_text FROM events WHERE request_id = 'r2'"));
        assertEquals("{\"ticket\":\"T-1\"}", fixture.string("SELECT extra FROM events WHERE request_id = 'r2'"));
        assertEquals(1, fixture.count("SELECT count(*) FROM accounts WHERE account_id = 'ålice'"));
        // a BLOB never equals TEXT in SQLite: lookups by the text itself find both rows
        assertEquals(2, fixture.count("SELECT count(*) FROM events WHERE prompt_text = ?", prompt));
        assertEquals(2, fixture.count("SELECT count(*) FROM events WHERE account_id = ?", "ålice"));
    }

    @Test
    void readsCsvWithByteOrderMarkAndWindowsLineEnds() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = CSV.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, content, 0, 3);
        System.arraycopy(body, 0, content, 3, body.length);

        ImportSummary summary = fixture.importFile(fixture.write("windows.csv", content));

        assertEquals(2, summary.accepted(), summary.toString());
        assertEquals("Summarize, briefly: \"the report\"\r\nand list\r\nits risks",
                fixture.string("SELECT prompt_text FROM events WHERE request_id = 'r1'"));
        assertEquals("plain prompt", fixture.string("SELECT prompt_text FROM events WHERE request_id = 'r2'"));
    }

    @Test
    void numbersRejectedRowsByTheLineTheirRecordStartsOn() throws Exception {
        String csv = CSV + "r3,not a time,carol,1,0.1,x\n";
        fixture.importText("lines.csv", csv);
        // header is line 1, r1 spans lines 2-4, r2 is line 5, r3 line 6
        assertEquals(6, fixture.count("SELECT line FROM rejected_rows"));
        assertEquals("r3,not a time,carol,1,0.1,x", fixture.string("SELECT raw FROM rejected_rows"));
    }

    @Test
    void readsJsonLinesWithNestedFieldsByDottedPath() throws Exception {
        String jsonl = "{\"id\":\"x\",\"request_id\":\"j1\",\"time\":\"2024-03-05T10:15:30Z\",\"user\":{\"id\":\"alice\",\"tier\":\"pro\"},"
                + "\"usage\":{\"input_tokens\":12,\"output_tokens\":340},\"params\":{\"temperature\":0.25},\"prompt\":\"hi\",\"tags\":[\"a\",\"b\"]}\n"
                + "\n"
                + "{\"request_id\":\"j2\",\"timestamp\":1709633731000,\"user_id\":\"bob\"}\n";
        ImportSummary summary = fixture.importText("events.jsonl", jsonl);

        assertEquals(2, summary.accepted(), summary.toString());
        assertEquals(SourceFormat.JSONL, summary.format());
        assertEquals("alice", fixture.string("SELECT account_id FROM events WHERE request_id = 'j1'"));
        assertEquals(12, fixture.count("SELECT prompt_tokens FROM events WHERE request_id = 'j1'"));
        assertEquals(340, fixture.count("SELECT completion_tokens FROM events WHERE request_id = 'j1'"));
        assertEquals("hi", fixture.string("SELECT prompt_text FROM events WHERE request_id = 'j1'"));
        String extra = fixture.string("SELECT extra FROM events WHERE request_id = 'j1'");
        assertTrue(extra.contains("\"user.tier\":\"pro\"") && extra.contains("\"tags\":[\"a\",\"b\"]"), extra);
        assertEquals("0.25", fixture.string("SELECT temperature FROM events WHERE request_id = 'j1'"));
        assertEquals(Instant.parse("2024-03-05T10:15:31Z").toEpochMilli(), fixture.count("SELECT ts FROM events WHERE request_id = 'j2'"));
    }

    @Test
    void readsChatRequestLogsWithTheRequestBodyNested() throws Exception {
        String openAiStyle = "{\"id\":\"chatcmpl-1\",\"created\":1709633730,\"user\":\"alice\",\"model\":\"gpt-4o\","
                + "\"request\":{\"max_tokens\":4096,\"temperature\":1,\"system\":\"You are an expert.\",\"messages\":["
                + "{\"role\":\"user\",\"content\":\"Solve step by step: 2x+3=7\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Show your work.\"},{\"type\":\"image_url\"}]}]},"
                + "\"response\":{\"usage\":{\"prompt_tokens\":30,\"completion_tokens\":900}},"
                + "\"client\":{\"ip\":\"203.0.113.9\",\"user_agent\":\"python-requests/2.31.0\"},"
                + "\"error\":{\"message\":\"none\"}}\n"
                + "{\"id\":\"resp-2\",\"created\":1709633790,\"user\":\"bob\",\"input\":[{\"role\":\"user\","
                + "\"content\":[{\"type\":\"input_text\",\"text\":\"Translate: bonjour\"}]}]}\n";
        ImportSummary summary = fixture.importText("chat.jsonl", openAiStyle);

        assertEquals(2, summary.accepted(), summary.toString());
        assertEquals("You are an expert.\nSolve step by step: 2x+3=7\nShow your work.",
                fixture.string("SELECT prompt_text FROM events WHERE account_id = 'alice'"), "system and message texts, images left out");
        assertEquals(4096, fixture.count("SELECT max_tokens FROM events WHERE account_id = 'alice'"));
        assertEquals("1.0", fixture.string("SELECT temperature FROM events WHERE account_id = 'alice'"));
        assertEquals(900, fixture.count("SELECT completion_tokens FROM events WHERE account_id = 'alice'"));
        assertEquals("python-requests/2.31.0", fixture.string("SELECT user_agent FROM events WHERE account_id = 'alice'"));
        assertEquals("203.0.113.9", fixture.string("SELECT ip FROM events WHERE account_id = 'alice'"));
        assertEquals(Instant.parse("2024-03-05T10:15:30Z").toEpochMilli(), fixture.count("SELECT ts FROM events WHERE account_id = 'alice'"));
        String extra = fixture.string("SELECT extra FROM events WHERE account_id = 'alice'");
        assertTrue(extra.contains("\"request.messages\":[") && extra.contains("\"error.message\":\"none\""),
                "the messages are kept with their roles, and an error's message is no prompt: " + extra);
        assertEquals("Translate: bonjour", fixture.string("SELECT prompt_text FROM events WHERE account_id = 'bob'"),
                "a list of messages under a prompt alias gives its text, not its JSON");
    }

    @Test
    void keepsListsOfAnAccountsFileInJsonLinesAsTheyAre() throws Exception {
        Path mapping = fixture.write("accounts-mapping.json", "{\"kind\":\"accounts\",\"columns\":{}}");
        Path file = fixture.write("accounts.jsonl",
                "{\"account_id\":\"a1\",\"email\":\"x@example.test\",\"notes\":[{\"role\":\"agent\",\"content\":\"called\"}]}\n");
        ImportSummary summary = fixture.importFile(file, new ImportOptions(SourceFormat.JSONL, mapping));
        assertEquals(1, summary.accepted(), summary.toString());
        assertTrue(fixture.string("SELECT extra FROM accounts WHERE account_id = 'a1'").contains("\"notes\":[{"),
                "an accounts file has no prompt: a list of messages in it is kept, not read as one");
    }

    static final String BEDROCK_MESSAGES = "{\"schemaType\":\"ModelInvocationLog\",\"schemaVersion\":\"1.0\","
            + "\"timestamp\":\"2024-03-05T10:15:30Z\",\"accountId\":\"123456789012\","
            + "\"identity\":{\"arn\":\"arn:aws:sts::123456789012:assumed-role/Harvester/session-7\"},\"region\":\"us-east-1\","
            + "\"requestId\":\"b-1\",\"operation\":\"InvokeModel\",\"modelId\":\"anthropic.claude-3-haiku-20240307-v1:0\","
            + "\"input\":{\"inputContentType\":\"application/json\",\"inputBodyJson\":{\"anthropic_version\":\"bedrock-2023-05-31\","
            + "\"max_tokens\":512,\"temperature\":0.2,\"system\":\"You are terse.\",\"messages\":[{\"role\":\"user\",\"content\":"
            + "[{\"type\":\"text\",\"text\":\"List 10 capitals\"},{\"type\":\"image\",\"source\":{}}]}]},\"inputTokenCount\":21},"
            + "\"output\":{\"outputContentType\":\"application/json\",\"outputBodyJson\":{\"content\":[{\"text\":\"Paris...\"}]},"
            + "\"outputTokenCount\":87}}";

    @Test
    void readsBedrockInvocationLogsWithCallerAsAccount() throws Exception {
        String titan = "{\"schemaType\":\"ModelInvocationLog\",\"timestamp\":\"2024-03-05T10:16:00Z\",\"accountId\":\"123456789012\","
                + "\"identity\":{\"arn\":\"arn:aws:iam::123456789012:user/ci\"},\"requestId\":\"b-2\",\"modelId\":\"amazon.titan-text-express-v1\","
                + "\"input\":{\"inputBodyJson\":{\"inputText\":\"Write a haiku\",\"textGenerationConfig\":{\"maxTokenCount\":300,\"temperature\":0.9}},"
                + "\"inputTokenCount\":4},\"output\":{\"outputTokenCount\":17}}";
        String llama = "{\"schemaType\":\"ModelInvocationLog\",\"timestamp\":\"2024-03-05T10:17:00Z\",\"accountId\":\"123456789012\","
                + "\"identity\":{\"arn\":\"arn:aws:iam::123456789012:user/ci\"},\"requestId\":\"b-3\",\"modelId\":\"meta.llama3-70b-instruct-v1:0\","
                + "\"input\":{\"inputBodyJson\":{\"prompt\":\"Explain TCP\",\"max_gen_len\":128},\"inputTokenCount\":3},\"output\":{\"outputTokenCount\":120}}";
        String converse = "{\"schemaType\":\"ModelInvocationLog\",\"timestamp\":\"2024-03-05T10:18:00Z\",\"accountId\":\"123456789012\","
                + "\"identity\":{\"arn\":\"arn:aws:iam::123456789012:user/ci\"},\"requestId\":\"b-4\",\"operation\":\"Converse\",\"modelId\":\"amazon.nova-lite-v1:0\","
                + "\"input\":{\"inputBodyJson\":{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"Hello\"}]}],"
                + "\"inferenceConfig\":{\"maxTokens\":64}},\"inputTokenCount\":1},\"output\":{\"outputTokenCount\":5}}";
        ImportSummary summary = fixture.importFile(fixture.write("bedrock.log", BEDROCK_MESSAGES + "\n" + titan + "\n" + llama + "\n" + converse + "\n"));

        assertEquals(SourceFormat.BEDROCK, summary.format());
        assertEquals(4, summary.accepted(), summary.toString());
        assertEquals("arn:aws:sts::123456789012:assumed-role/Harvester/session-7", fixture.string("SELECT account_id FROM events WHERE request_id = 'b-1'"));
        assertEquals("123456789012", fixture.string("SELECT org_id FROM events WHERE request_id = 'b-1'"));
        assertEquals("anthropic.claude-3-haiku-20240307-v1:0", fixture.string("SELECT model FROM events WHERE request_id = 'b-1'"));
        assertEquals("You are terse.\nList 10 capitals", fixture.string("SELECT prompt_text FROM events WHERE request_id = 'b-1'"));
        assertEquals(21, fixture.count("SELECT prompt_tokens FROM events WHERE request_id = 'b-1'"));
        assertEquals(87, fixture.count("SELECT completion_tokens FROM events WHERE request_id = 'b-1'"));
        assertEquals(512, fixture.count("SELECT max_tokens FROM events WHERE request_id = 'b-1'"));
        assertEquals("0.2", fixture.string("SELECT temperature FROM events WHERE request_id = 'b-1'"));
        String extra = fixture.string("SELECT extra FROM events WHERE request_id = 'b-1'");
        assertTrue(extra.contains("\"region\":\"us-east-1\"") && extra.contains("anthropic_version") && extra.contains("Paris"), extra);

        assertEquals("Write a haiku", fixture.string("SELECT prompt_text FROM events WHERE request_id = 'b-2'"));
        assertEquals(300, fixture.count("SELECT max_tokens FROM events WHERE request_id = 'b-2'"));
        assertEquals("0.9", fixture.string("SELECT temperature FROM events WHERE request_id = 'b-2'"));
        assertEquals("Explain TCP", fixture.string("SELECT prompt_text FROM events WHERE request_id = 'b-3'"));
        assertEquals(128, fixture.count("SELECT max_tokens FROM events WHERE request_id = 'b-3'"));
        assertEquals("Hello", fixture.string("SELECT prompt_text FROM events WHERE request_id = 'b-4'"));
        assertEquals(64, fixture.count("SELECT max_tokens FROM events WHERE request_id = 'b-4'"));
    }

    @Test
    void readsGzipOfEachFormatWhateverTheFileIsCalled() throws Exception {
        ImportSummary csv = fixture.importFile(fixture.writeGzip("events.dat", CSV));
        ImportSummary jsonl = fixture.importFile(fixture.writeGzip("events.gz",
                "{\"request_id\":\"g1\",\"ts\":\"2024-03-05T10:15:30Z\",\"account_id\":\"zed\"}\n"));
        ImportSummary bedrock = fixture.importFile(fixture.writeGzip("bedrock.json.gz", BEDROCK_MESSAGES + "\n"));

        assertEquals(SourceFormat.CSV, csv.format());
        assertEquals(2, csv.accepted());
        assertEquals(SourceFormat.JSONL, jsonl.format());
        assertEquals(1, jsonl.accepted());
        assertEquals(SourceFormat.BEDROCK, bedrock.format());
        assertEquals(1, bedrock.accepted());
        assertTrue(csv.notes().get(0).contains("gzip"), csv.notes().toString());
    }

    @Test
    void detectsFormatByContentNotByExtension() throws Exception {
        ImportSummary csvNamedJson = fixture.importFile(fixture.write("looks.jsonl", CSV));
        ImportSummary jsonNamedCsv = fixture.importFile(fixture.write("looks.csv",
                "{\"request_id\":\"k1\",\"ts\":\"2024-03-05T10:15:30Z\",\"account_id\":\"zed\"}\n"));
        assertEquals(SourceFormat.CSV, csvNamedJson.format());
        assertEquals(SourceFormat.JSONL, jsonNamedCsv.format());
    }

    @Test
    void anExplicitFormatOverridesDetection() throws Exception {
        Path file = fixture.write("bedrock.jsonl", BEDROCK_MESSAGES + "\n");
        ImportSummary asJsonLines = fixture.importFile(file, new ImportOptions(SourceFormat.JSONL, null));
        assertEquals(SourceFormat.JSONL, asJsonLines.format());
        // read as plain JSON Lines, accountId is taken as the account (an alias), not the caller's ARN
        assertEquals(1, asJsonLines.accepted());
        assertEquals("123456789012", fixture.string("SELECT account_id FROM events"));
    }

    @Test
    void refusesAJsonArrayWithAClearMessage() throws Exception {
        Path file = fixture.write("array.json", "[{\"a\":1}]");
        IngestException e = assertThrows(IngestException.class, () -> fixture.importFile(file));
        assertTrue(e.getMessage().contains("JSON Lines"), e.getMessage());
        assertEquals(0, fixture.count("SELECT count(*) FROM sources"));
    }

    @Test
    void failsCleanlyOnAMissingFileOrADamagedGzip() throws Exception {
        IngestException missing = assertThrows(IngestException.class, () -> fixture.importFile(directory.resolve("nope.csv")));
        assertTrue(missing.getMessage().contains("nope.csv"), missing.getMessage());

        byte[] gzip = java.nio.file.Files.readAllBytes(fixture.writeGzip("full.gz", CSV.repeat(200)));
        byte[] truncated = java.util.Arrays.copyOf(gzip, gzip.length / 2);
        IngestException damaged = assertThrows(IngestException.class, () -> fixture.importFile(fixture.write("cut.gz", truncated)));
        assertTrue(damaged.getMessage().contains("cut.gz") && damaged.getMessage().contains("nothing was imported"), damaged.getMessage());
        assertEquals(0, fixture.count("SELECT count(*) FROM events"));
        assertEquals(0, fixture.count("SELECT count(*) FROM sources"));
    }
}
