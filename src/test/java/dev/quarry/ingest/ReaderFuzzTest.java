package dev.quarry.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feeds random and mutated bytes to every reader. Whatever the input, an import either fails cleanly
 * with an {@link IngestException} (the file cannot be read at all) or accounts for every record:
 * read = accepted + duplicate + rejected, what the case holds matches the summary, and for line-based
 * formats every non-blank line is one record.
 */
class ReaderFuzzTest extends IngestCaseTest {

    private static final int ROUNDS = 80;

    enum Input { CSV, JSONL, BEDROCK, GZIP_CSV, GZIP_JSONL }


    private static final String CSV_SAMPLE = "\uFEFFrequest_id,ts,user_id,input_tokens,temp,prompt,extra col\r\n"
            + "a1,2024-03-05T10:15:30Z,u1,10,0.5,\"quoted, with \"\"quotes\"\"\nand a newline\",x\r\n"
            + "a2,1709633731,u2,,,plain,\n"
            + "a3,2024-03-05 10:15:32.5,u3,-1,hot,\"\",y\n"
            + "a1,1709633733000,u1,3,0.1,dup,z\n";
    private static final String JSONL_SAMPLE = "{\"request_id\":\"j1\",\"time\":\"2024-03-05T10:15:30Z\",\"user\":{\"id\":\"u1\"},\"usage\":{\"input_tokens\":3},\"tags\":[1,2]}\n"
            + "{\"request_id\":\"j2\",\"timestamp\":1709633731,\"user_id\":\"u2\",\"prompt\":\"é \\\"x\\\"\\n\"}\n"
            + "\n"
            + "{\"request_id\":\"j1\",\"ts\":1709633731,\"account_id\":\"u1\"}\n";

    @ParameterizedTest
    @EnumSource(Input.class)
    void everyReaderAccountsForEveryRecordOfRandomAndMutatedInput(Input input) throws Exception {
        Random random = new Random(7_000 + input.ordinal());
        int withAccepted = 0;
        int withRejected = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] content = round % 3 == 0 ? randomBytes(random) : mutate(sample(input, random), random);
            boolean gzip = input == Input.GZIP_CSV || input == Input.GZIP_JSONL;
            byte[] file = gzip ? gzip(content) : content;
            if (gzip && round % 5 == 4) {
                file = mutate(file, random); // damaged compression: must fail cleanly or read what it can
            }
            SourceFormat format = switch (input) {
                case CSV, GZIP_CSV -> round % 2 == 0 ? SourceFormat.AUTO : SourceFormat.CSV;
                case JSONL, GZIP_JSONL -> round % 2 == 0 ? SourceFormat.AUTO : SourceFormat.JSONL;
                case BEDROCK -> SourceFormat.BEDROCK;
            };
            Path path = fixture.write("fuzz-" + round, file);
            ImportSummary summary;
            try {
                summary = fixture.importFile(path, new ImportOptions(format, null));
            } catch (IngestException unreadable) {
                assertTrue(unreadable.getMessage().contains(path.getFileName().toString()), unreadable.getMessage());
                continue;
            }
            String context = input + " round " + round + ": " + summary;
            withAccepted += summary.accepted() + summary.duplicate() > 0 ? 1 : 0;
            withRejected += summary.rejected() > 0 ? 1 : 0;
            assertEquals(summary.read(), summary.accepted() + summary.duplicate() + summary.rejected(), context);
            if (summary.alreadyImported()) {
                continue;
            }
            long sourceId = summary.sourceId();
            String table = summary.kind().equals("events") ? "events" : "accounts";
            assertEquals(summary.accepted(), fixture.count("SELECT count(*) FROM " + table + " WHERE source_id = ?", sourceId), context);
            assertEquals(summary.rejected(), fixture.count("SELECT count(*) FROM rejected_rows WHERE source_id = ?", sourceId), context);
            long lines = lines(content);
            assertEquals(0, fixture.count("SELECT count(*) FROM rejected_rows WHERE source_id = ? AND (line < 1 OR line > ?)", sourceId, lines), context);
            SourceFormat read = summary.format();
            if ((read == SourceFormat.JSONL || read == SourceFormat.BEDROCK) && !gzipDamaged(gzip, round)) {
                assertEquals(nonBlankLines(content), summary.read(), context);
            }
        }
        // the inputs exercised both sides: rows that survive mutation (accepted, or duplicates of earlier rounds) and rows that do not
        assertTrue(withAccepted > ROUNDS / 10 && withRejected > ROUNDS / 10, withAccepted + " / " + withRejected);
    }

    private static boolean gzipDamaged(boolean gzip, int round) {
        return gzip && round % 5 == 4;
    }

    private static byte[] sample(Input input, Random random) {
        String text = switch (input) {
            case CSV, GZIP_CSV -> CSV_SAMPLE;
            case JSONL, GZIP_JSONL -> JSONL_SAMPLE;
            case BEDROCK -> ImportFormatsTest.BEDROCK_MESSAGES + "\n" + ImportFormatsTest.BEDROCK_MESSAGES.replace("b-1", "b-2") + "\n";
        };
        return text.repeat(1 + random.nextInt(4)).getBytes(StandardCharsets.UTF_8);
    }

    private static final byte[] STRUCTURE = ",;\t\"\n\r{}[]:\\ 0123456789-TZ.".getBytes(StandardCharsets.US_ASCII);

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(3000)];
        for (int i = 0; i < bytes.length; i++) {
            int pick = random.nextInt(10);
            bytes[i] = pick < 6 ? STRUCTURE[random.nextInt(STRUCTURE.length)]
                    : pick < 9 ? (byte) ('a' + random.nextInt(26)) : (byte) random.nextInt(256);
        }
        return bytes;
    }

    private static byte[] mutate(byte[] original, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = original.clone();
        int mutations = 1 + random.nextInt(6);
        for (int m = 0; m < mutations && bytes.length > 0; m++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(5)) {
                case 0 -> bytes[at] = (byte) random.nextInt(256);
                case 1 -> bytes[at] = STRUCTURE[random.nextInt(STRUCTURE.length)];
                case 2 -> {
                    int end = Math.min(bytes.length, at + random.nextInt(40));
                    byte[] shorter = new byte[bytes.length - (end - at)];
                    System.arraycopy(bytes, 0, shorter, 0, at);
                    System.arraycopy(bytes, end, shorter, at, bytes.length - end);
                    bytes = shorter;
                }
                case 3 -> {
                    int length = Math.min(bytes.length - at, random.nextInt(60));
                    out.reset();
                    out.write(bytes, 0, at + length);
                    out.write(bytes, at, length);
                    out.write(bytes, at + length, bytes.length - at - length);
                    bytes = out.toByteArray();
                }
                default -> bytes = java.util.Arrays.copyOf(bytes, at);
            }
        }
        return bytes;
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        }
        return out.toByteArray();
    }

    private static long lines(byte[] content) {
        long lines = 1;
        for (byte b : content) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines;
    }

    /** Lines with anything but spaces, tabs and carriage returns (a leading byte-order mark does not count). */
    private static long nonBlankLines(byte[] content) {
        long count = 0;
        boolean blank = true;
        int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        for (int i = start; i <= content.length; i++) {
            if (i == content.length || content[i] == '\n') {
                if (!blank) {
                    count++;
                }
                blank = true;
            } else if (content[i] != ' ' && content[i] != '\t' && content[i] != '\r') {
                blank = false;
            }
        }
        return count;
    }
}
