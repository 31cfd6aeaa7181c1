package dev.quarry.synth;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.quarry.model.EventField;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes events one at a time in one of the output formats; nothing is buffered beyond the stream. */
abstract class EventSink implements Closeable {

    final IsoTime time = new IsoTime();

    static final CSVFormat CSV = CSVFormat.Builder.create(CSVFormat.RFC4180).setRecordSeparator("\n").get();

    abstract void write(EventDraft e) throws IOException;

    static OutputStream open(Path file, boolean gzip) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        // GZIPOutputStream writes a fixed header (no file name, zero mtime), so output stays byte-identical
        return gzip ? new GZIPOutputStream(out, 1 << 16) : new BufferedOutputStream(out, 1 << 16);
    }

    static EventSink open(Path file, OutputFormat format, boolean gzip) throws IOException {
        OutputStream out = open(file, gzip);
        return switch (format) {
            case CSV -> new CsvSink(out);
            case JSONL -> new JsonlSink(out);
            case BEDROCK -> new BedrockSink(out);
        };
    }

    static final class CsvSink extends EventSink {
        private final CSVPrinter printer;

        CsvSink(OutputStream out) throws IOException {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            printer = new CSVPrinter(writer, CSV);
            for (EventField f : EventField.values()) {
                printer.print(f.column());
            }
            printer.println();
        }

        @Override
        void write(EventDraft e) throws IOException {
            printer.print(requestId(e.ordinal));
            printer.print(time.format(e.ts));
            printer.print(e.account.accountId);
            printer.print(e.account.orgId);
            printer.print(e.apiKeyId);
            printer.print(e.endpoint.ip());
            printer.print(e.endpoint.asn().number());
            printer.print(e.endpoint.country());
            printer.print(e.userAgent);
            printer.print(e.model.name());
            printer.print(Integer.toString(e.promptTokens));
            printer.print(Integer.toString(e.completionTokens));
            printer.print(e.maxTokens > 0 ? Integer.toString(e.maxTokens) : "");
            printer.print(e.temperature >= 0 ? Double.toString(e.temperature) : "");
            printer.print(e.status);
            printer.print(e.promptText);
            printer.println();
        }

        @Override
        public void close() throws IOException {
            printer.close();
        }
    }

    private static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        g.setRootValueSeparator(new SerializedString(""));
        return g;
    }

    static final class JsonlSink extends EventSink {
        private final JsonGenerator g;

        JsonlSink(OutputStream out) throws IOException {
            g = generator(out);
        }

        @Override
        void write(EventDraft e) throws IOException {
            g.writeStartObject();
            g.writeStringField("request_id", requestId(e.ordinal));
            g.writeStringField("ts", time.format(e.ts));
            g.writeStringField("account_id", e.account.accountId);
            g.writeStringField("org_id", e.account.orgId);
            g.writeStringField("api_key_id", e.apiKeyId);
            g.writeStringField("ip", e.endpoint.ip());
            g.writeStringField("asn", e.endpoint.asn().number());
            g.writeStringField("country", e.endpoint.country());
            g.writeStringField("user_agent", e.userAgent);
            g.writeStringField("model", e.model.name());
            g.writeNumberField("prompt_tokens", e.promptTokens);
            g.writeNumberField("completion_tokens", e.completionTokens);
            if (e.maxTokens > 0) {
                g.writeNumberField("max_tokens", e.maxTokens);
            }
            if (e.temperature >= 0) {
                g.writeNumberField("temperature", e.temperature);
            }
            g.writeStringField("status", e.status);
            g.writeStringField("prompt_text", e.promptText);
            g.writeEndObject();
            g.writeRaw('\n');
        }

        @Override
        public void close() throws IOException {
            g.close();
        }
    }

    /**
     * Amazon Bedrock model-invocation log records. The request body has the shape of the model family;
     * throttled and failed calls carry an errorCode and no output body. No IP, user agent or billing.
     */
    static final class BedrockSink extends EventSink {
        private final JsonGenerator g;

        BedrockSink(OutputStream out) throws IOException {
            g = generator(out);
        }

        @Override
        void write(EventDraft e) throws IOException {
            Persona a = e.account;
            g.writeStartObject();
            g.writeStringField("schemaType", "ModelInvocationLog");
            g.writeStringField("schemaVersion", "1.0");
            g.writeStringField("timestamp", time.format(e.ts));
            g.writeStringField("accountId", a.awsAccount);
            g.writeObjectFieldStart("identity");
            g.writeStringField("arn", a.arn);
            g.writeEndObject();
            g.writeStringField("region", a.region);
            g.writeStringField("requestId", uuid(e.ordinal));
            g.writeStringField("operation", a.bedrockConverse ? "Converse" : "InvokeModel");
            g.writeStringField("modelId", e.model.bedrockId());
            if (e.status.equals(EventDraft.RATE_LIMITED)) {
                g.writeStringField("errorCode", "ThrottlingException");
            } else if (e.status.equals(EventDraft.ERROR)) {
                g.writeStringField("errorCode", "ModelErrorException");
            }
            g.writeObjectFieldStart("input");
            g.writeStringField("inputContentType", "application/json");
            g.writeObjectFieldStart("inputBodyJson");
            writeRequestBody(e);
            g.writeEndObject();
            g.writeNumberField("inputTokenCount", e.promptTokens);
            g.writeEndObject();
            if (e.status.equals(EventDraft.OK) || e.status.equals(EventDraft.REFUSED)) {
                g.writeObjectFieldStart("output");
                g.writeStringField("outputContentType", "application/json");
                g.writeObjectFieldStart("outputBodyJson");
                writeResponseBody(e);
                g.writeEndObject();
                g.writeNumberField("outputTokenCount", e.completionTokens);
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeRaw('\n');
        }

        private int maxTokens(EventDraft e) {
            return e.maxTokens > 0 ? e.maxTokens : 1024;
        }

        private void writeRequestBody(EventDraft e) throws IOException {
            if (e.account.bedrockConverse) {
                // the Converse API has one shape for every model family
                g.writeArrayFieldStart("messages");
                g.writeStartObject();
                g.writeStringField("role", "user");
                g.writeArrayFieldStart("content");
                g.writeStartObject();
                g.writeStringField("text", e.promptText);
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndArray();
                g.writeObjectFieldStart("inferenceConfig");
                g.writeNumberField("maxTokens", maxTokens(e));
                if (e.temperature >= 0) {
                    g.writeNumberField("temperature", e.temperature);
                }
                g.writeEndObject();
                return;
            }
            switch (e.model.family()) {
                case ANTHROPIC -> {
                    g.writeStringField("anthropic_version", "bedrock-2023-05-31");
                    g.writeNumberField("max_tokens", maxTokens(e));
                    if (e.temperature >= 0) {
                        g.writeNumberField("temperature", e.temperature);
                    }
                    g.writeArrayFieldStart("messages");
                    g.writeStartObject();
                    g.writeStringField("role", "user");
                    g.writeStringField("content", e.promptText);
                    g.writeEndObject();
                    g.writeEndArray();
                }
                case LLAMA -> {
                    g.writeStringField("prompt", e.promptText);
                    g.writeNumberField("max_gen_len", Math.min(2048, maxTokens(e)));
                    if (e.temperature >= 0) {
                        g.writeNumberField("temperature", e.temperature);
                    }
                }
                case TITAN -> {
                    g.writeStringField("inputText", e.promptText);
                    g.writeObjectFieldStart("textGenerationConfig");
                    g.writeNumberField("maxTokenCount", Math.min(8192, maxTokens(e)));
                    if (e.temperature >= 0) {
                        g.writeNumberField("temperature", e.temperature);
                    }
                    g.writeEndObject();
                }
            }
        }

        private void writeResponseBody(EventDraft e) throws IOException {
            String text = e.status.equals(EventDraft.REFUSED) ? "I can't help with that request."
                    : "Here is a step-by-step answer. (" + e.completionTokens + " tokens, truncated in this log)";
            if (e.account.bedrockConverse) {
                g.writeObjectFieldStart("output");
                g.writeObjectFieldStart("message");
                g.writeStringField("role", "assistant");
                g.writeArrayFieldStart("content");
                g.writeStartObject();
                g.writeStringField("text", text);
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
                g.writeEndObject();
                g.writeStringField("stopReason", "end_turn");
                g.writeObjectFieldStart("usage");
                g.writeNumberField("inputTokens", e.promptTokens);
                g.writeNumberField("outputTokens", e.completionTokens);
                g.writeEndObject();
                return;
            }
            switch (e.model.family()) {
                case ANTHROPIC -> {
                    g.writeStringField("type", "message");
                    g.writeStringField("role", "assistant");
                    g.writeArrayFieldStart("content");
                    g.writeStartObject();
                    g.writeStringField("type", "text");
                    g.writeStringField("text", text);
                    g.writeEndObject();
                    g.writeEndArray();
                    g.writeStringField("stop_reason", e.maxTokens > 0 && e.completionTokens >= e.maxTokens ? "max_tokens" : "end_turn");
                    g.writeObjectFieldStart("usage");
                    g.writeNumberField("input_tokens", e.promptTokens);
                    g.writeNumberField("output_tokens", e.completionTokens);
                    g.writeEndObject();
                }
                case LLAMA -> {
                    g.writeStringField("generation", text);
                    g.writeNumberField("prompt_token_count", e.promptTokens);
                    g.writeNumberField("generation_token_count", e.completionTokens);
                    g.writeStringField("stop_reason", "stop");
                }
                case TITAN -> {
                    g.writeNumberField("inputTextTokenCount", e.promptTokens);
                    g.writeArrayFieldStart("results");
                    g.writeStartObject();
                    g.writeNumberField("tokenCount", e.completionTokens);
                    g.writeStringField("outputText", text);
                    g.writeStringField("completionReason", "FINISH");
                    g.writeEndObject();
                    g.writeEndArray();
                }
            }
        }

        @Override
        public void close() throws IOException {
            g.close();
        }
    }

    private static final long ID_KEY = 0x2545f4914f6cdd1dL;

    /** Distinct for every event: the mix is a bijection of the event's running number. */
    static String requestId(long ordinal) {
        return "req_" + hex16(Draws.mix(ordinal + ID_KEY));
    }

    static String uuid(long ordinal) {
        String a = hex16(Draws.mix(ordinal + ID_KEY));
        String b = hex16(Draws.mix(Draws.mix(ordinal + ID_KEY)));
        return a.substring(0, 8) + "-" + a.substring(8, 12) + "-4" + a.substring(13, 16) + "-a" + b.substring(1, 4)
                + "-" + b.substring(4, 16);
    }

    private static String hex16(long value) {
        String h = Long.toHexString(value);
        return "0000000000000000".substring(h.length()) + h;
    }
}
