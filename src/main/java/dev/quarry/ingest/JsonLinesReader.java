package dev.quarry.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON Lines: one object per line. Nested members are addressed by dotted path ({@code usage.input_tokens})
 * and mapped like CSV columns; members that map to nothing are kept in {@code extra} under their path.
 * Amazon Bedrock invocation logs are JSON Lines too, read through {@link BedrockRecords} instead.
 * A line holding anything after its object (a second object, a stray brace, a word) is rejected whole,
 * raw text and all: taking only its first object would drop the rest without a trace.
 */
final class JsonLinesReader {

    private static final byte[] ESCAPED_NUL = "\\u0000".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final LineReader lines;
    private final ObjectMapper mapper = new ObjectMapper();
    private final boolean bedrock;
    private long blankLines;

    JsonLinesReader(InputStream in, boolean bedrock) {
        this.lines = new LineReader(in);
        this.bedrock = bedrock;
    }

    long blankLines() {
        return blankLines;
    }

    void read(RowAssembler rows) throws IOException, InterruptedException {
        RawText raw = lines::text;
        while (lines.next()) {
            if (lines.oversized) {
                rows.reject(lines.line, RejectReason.RECORD_TOO_LARGE, null, lines.text());
                continue;
            }
            byte[] buf = lines.buffer();
            int start = lines.start;
            int end = lines.end;
            if (start == 0 && lines.line == 1 && end >= 3
                    && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
                start = 3;
            }
            if (isBlank(buf, start, end)) {
                blankLines++;
                continue;
            }
            int check = Utf8.check(buf, start, end);
            if (check != Utf8.VALID) {
                rows.reject(lines.line, check == Utf8.HAS_NUL ? RejectReason.NUL_BYTE : RejectReason.INVALID_UTF8, null, raw.text());
                continue;
            }
            JsonNode node;
            long objectEnd;
            boolean trailing;
            try (JsonParser parser = mapper.getFactory().createParser(buf, start, end - start)) {
                node = mapper.readTree(parser);
                objectEnd = parser.currentLocation().getColumnNr();
                trailing = hasMoreText(parser);
            } catch (JsonProcessingException e) {
                rows.reject(lines.line, RejectReason.MALFORMED_JSON, e.getOriginalMessage(), raw.text());
                continue;
            }
            if (trailing) {
                rows.reject(lines.line, RejectReason.TEXT_AFTER_OBJECT, "after column " + objectEnd, raw.text());
                continue;
            }
            if (node == null || !node.isObject()) {
                rows.reject(lines.line, RejectReason.NOT_AN_OBJECT, null, raw.text());
                continue;
            }
            rows.begin(lines.line);
            if (bedrock) {
                BedrockRecords.map(node, rows);
            } else {
                flatten(node, "", rows);
            }
            // cheap test on the bytes first; only then look for a decoded NUL in the values
            if (contains(buf, start, end, ESCAPED_NUL) && rows.containsNulCharacter()) {
                rows.reject(lines.line, RejectReason.NUL_BYTE, "a \\u0000 escape", raw.text());
                continue;
            }
            rows.finish(raw);
        }
        rows.flush();
    }

    /**
     * Maps each scalar member by its dotted path; objects are walked into, arrays kept whole as JSON.
     * A chat request's {@code messages} (with its {@code system} prompt) gives the prompt text, as
     * does a list of messages under a prompt alias ({@code input}); the list itself is kept in
     * {@code extra} as well, roles and all.
     */
    static void flatten(JsonNode object, String prefix, RowAssembler rows) {
        ColumnResolver resolver = rows.resolver();
        int prompt = resolver.promptColumn();
        JsonNode messages = object.get("messages");
        if (prompt >= 0 && messages != null && messages.isArray() && !rows.isSet(prompt)) {
            String text = BedrockRecords.chatText(object.get("system"), messages);
            if (text != null) {
                rows.set(prompt, text);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String path = prefix.isEmpty() ? member.getKey() : prefix + "." + member.getKey();
            JsonNode value = member.getValue();
            if (value.isNull()) {
                continue;
            }
            if (value.isObject()) {
                flatten(value, path, rows);
                continue;
            }
            int target = resolver.resolve(path);
            String chat = prompt >= 0 && target == prompt && value.isArray() ? BedrockRecords.chatText(null, value) : null;
            if (chat != null) {
                if (!rows.isSet(target)) {
                    rows.set(target, chat);
                }
                rows.extraJson(path, value.toString());
            } else if (target >= 0 && !rows.isSet(target)) {
                rows.set(target, scalarText(value));
            } else if (value.isArray()) {
                rows.extraJson(path, value.toString());
            } else {
                rows.extra(path, scalarText(value));
            }
        }
    }

    /** The text of a value as a CSV cell would hold it: numbers without exponent, containers as JSON. */
    static String scalarText(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isFloatingPointNumber()) {
            return value.decimalValue().stripTrailingZeros().toPlainString();
        }
        if (value.isValueNode()) {
            return value.asText();
        }
        return value.toString();
    }

    /** True when the line goes on after its first value, whether with a second value or with text that is no JSON at all. */
    private static boolean hasMoreText(JsonParser parser) throws java.io.IOException {
        try {
            return parser.nextToken() != null;
        } catch (JsonProcessingException e) {
            return true;
        }
    }

    private static boolean isBlank(byte[] buf, int start, int end) {
        for (int i = start; i < end; i++) {
            byte b = buf[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] buf, int start, int end, byte[] needle) {
        outer:
        for (int i = start; i <= end - needle.length; i++) {
            if (buf[i] != needle[0]) {
                continue;
            }
            for (int k = 1; k < needle.length; k++) {
                if (buf[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
