package dev.quarry.synth.outside;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/** Writes events in one of the {@link OutsideFormat}s. */
abstract class EventSink implements Closeable {

    static final String[] CANONICAL_HEADER = {"request_id", "ts", "account_id", "org_id", "api_key_id", "ip", "asn",
            "country", "user_agent", "model", "prompt_tokens", "completion_tokens", "max_tokens", "temperature",
            "status", "prompt_text"};
    static final String[] RENAMED_HEADER = {"id", "created", "user_id", "organization", "key_id", "client_ip",
            "as_number", "geo_country", "agent", "model_name", "input_tokens", "output_tokens", "max_output_tokens",
            "temp", "http_status", "prompt"};

    abstract void write(RenderedEvent e) throws IOException;

    static EventSink open(OutsideFormat format, OutputStream out) throws IOException {
        return switch (format) {
            case CANONICAL_CSV -> new Csv(out, false);
            case RENAMED_CSV -> new Csv(out, true);
            case JSONL -> new NestedJson(out);
            case BEDROCK -> new Bedrock(out);
        };
    }

    static String temperature(double t) {
        if (Double.isNaN(t)) {
            return "";
        }
        return String.format(Locale.ROOT, "%.1f", t);
    }

    static CSVFormat csvFormat(boolean renamed, String[] header) {
        return CSVFormat.DEFAULT.builder()
                .setDelimiter(renamed ? ';' : ',')
                .setRecordSeparator(renamed ? "\r\n" : "\n")
                .setQuoteMode(QuoteMode.MINIMAL)
                .setHeader(header)
                .get();
    }

    private static final class Csv extends EventSink {
        private final boolean renamed;
        private final CSVPrinter printer;
        private final IsoClock clock = new IsoClock();

        Csv(OutputStream out, boolean renamed) throws IOException {
            this.renamed = renamed;
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            this.printer = new CSVPrinter(w, csvFormat(renamed, renamed ? RENAMED_HEADER : CANONICAL_HEADER));
        }

        @Override
        void write(RenderedEvent e) throws IOException {
            CSVPrinter p = printer;
            p.print(e.requestId);
            p.print(renamed ? Long.toString(e.ts) : clock.format(e.ts, true));
            p.print(e.account.id);
            p.print(e.orgId);
            p.print(e.apiKey);
            p.print(e.ip);
            // The renamed export writes the bare AS number, as many warehouse tables do.
            p.print(renamed && e.asn.startsWith("AS") ? e.asn.substring(2) : e.asn);
            p.print(e.country);
            p.print(e.userAgent);
            p.print(e.model.name());
            p.print(Integer.toString(e.promptTokens));
            p.print(Integer.toString(e.completionTokens));
            p.print(e.maxTokens < 0 ? "" : Integer.toString(e.maxTokens));
            p.print(temperature(e.temperature));
            p.print(e.status);
            p.print(e.prompt);
            p.println();
        }

        @Override
        public void close() throws IOException {
            printer.close(true);
        }
    }

    private static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        g.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
        return g;
    }

    private static final class NestedJson extends EventSink {
        private final JsonGenerator g;
        private final IsoClock clock = new IsoClock();

        NestedJson(OutputStream out) throws IOException {
            this.g = generator(out);
        }

        private void field(String name, String value) throws IOException {
            if (!value.isEmpty()) {
                g.writeStringField(name, value);
            }
        }

        @Override
        void write(RenderedEvent e) throws IOException {
            g.writeStartObject();
            g.writeStringField("id", e.requestId);
            g.writeStringField("timestamp", clock.format(e.ts, true));
            g.writeObjectFieldStart("account");
            g.writeStringField("id", e.account.id);
            field("org_id", e.orgId);
            field("api_key_id", e.apiKey);
            g.writeEndObject();
            g.writeObjectFieldStart("client");
            field("ip", e.ip);
            field("asn", e.asn);
            field("country", e.country);
            field("user_agent", e.userAgent);
            g.writeEndObject();
            g.writeObjectFieldStart("request");
            g.writeStringField("model", e.model.name());
            if (e.maxTokens >= 0) {
                g.writeNumberField("max_tokens", e.maxTokens);
            }
            if (!Double.isNaN(e.temperature)) {
                g.writeNumberField("temperature", Math.round(e.temperature * 10) / 10.0);
            }
            if (!e.prompt.isEmpty()) {
                g.writeArrayFieldStart("messages");
                g.writeStartObject();
                g.writeStringField("role", "user");
                g.writeStringField("content", e.prompt);
                g.writeEndObject();
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeObjectFieldStart("response");
            g.writeNumberField("status", Integer.parseInt(e.status));
            g.writeObjectFieldStart("usage");
            g.writeNumberField("prompt_tokens", e.promptTokens);
            g.writeNumberField("completion_tokens", e.completionTokens);
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        }

        @Override
        public void close() throws IOException {
            g.writeRaw('\n');
            g.close();
        }
    }

    /** Bedrock model-invocation log records; the caller is the IAM identity, not an account id. */
    private static final class Bedrock extends EventSink {
        private final JsonGenerator g;
        private final IsoClock clock = new IsoClock();

        Bedrock(OutputStream out) throws IOException {
            this.g = generator(out);
        }

        private static String uuid(long eventKey) {
            String hex = Keyed.hex(Keyed.mix(eventKey ^ 0xB3D40CL), 16) + Keyed.hex(Keyed.mix(eventKey + 0x5EEDL), 16);
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-a"
                    + hex.substring(17, 20) + "-" + hex.substring(20, 32);
        }

        @Override
        void write(RenderedEvent e) throws IOException {
            Account a = e.account;
            Catalog.Model m = e.model;
            int maxTokens = e.maxTokens > 0 ? e.maxTokens : Math.min(4096, m.maxOutput());
            g.writeStartObject();
            g.writeStringField("schemaType", "ModelInvocationLog");
            g.writeStringField("schemaVersion", "1.0");
            g.writeStringField("timestamp", clock.format(e.ts, false));
            g.writeStringField("accountId", a.awsAccount);
            g.writeObjectFieldStart("identity");
            g.writeStringField("arn", a.arn);
            g.writeEndObject();
            g.writeStringField("region", a.country == null ? "us-east-1" : a.country.awsRegion());
            g.writeStringField("requestId", uuid(e.eventKey));
            g.writeStringField("operation", e.streamed ? "InvokeModelWithResponseStream" : "InvokeModel");
            g.writeStringField("modelId", m.bedrockId());
            if (!e.status.equals("200")) {
                g.writeStringField("errorCode", switch (e.status) {
                    case "429" -> "ThrottlingException";
                    case "400" -> "ValidationException";
                    case "503" -> "ServiceUnavailableException";
                    case "504" -> "ModelTimeoutException";
                    default -> "InternalServerException";
                });
            }
            g.writeObjectFieldStart("input");
            g.writeStringField("inputContentType", "application/json");
            g.writeObjectFieldStart("inputBodyJson");
            String text = e.prompt;
            switch (m.bodyShape()) {
                case "prompt" -> {
                    g.writeStringField("prompt", "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\n" + text
                            + "<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n");
                    g.writeNumberField("max_gen_len", Math.min(maxTokens, 2048));
                    if (!Double.isNaN(e.temperature)) {
                        g.writeNumberField("temperature", Math.round(e.temperature * 10) / 10.0);
                    }
                }
                case "inputText" -> {
                    g.writeStringField("inputText", text);
                    g.writeObjectFieldStart("textGenerationConfig");
                    g.writeNumberField("maxTokenCount", Math.min(maxTokens, 3072));
                    if (!Double.isNaN(e.temperature)) {
                        g.writeNumberField("temperature", Math.round(e.temperature * 10) / 10.0);
                    }
                    g.writeEndObject();
                }
                default -> {
                    g.writeStringField("anthropic_version", "bedrock-2023-05-31");
                    g.writeNumberField("max_tokens", maxTokens);
                    if (!Double.isNaN(e.temperature)) {
                        g.writeNumberField("temperature", Math.round(e.temperature * 10) / 10.0);
                    }
                    g.writeArrayFieldStart("messages");
                    g.writeStartObject();
                    g.writeStringField("role", "user");
                    g.writeArrayFieldStart("content");
                    g.writeStartObject();
                    g.writeStringField("type", "text");
                    g.writeStringField("text", text);
                    g.writeEndObject();
                    g.writeEndArray();
                    g.writeEndObject();
                    g.writeEndArray();
                }
            }
            g.writeEndObject();
            g.writeNumberField("inputTokenCount", e.promptTokens);
            g.writeEndObject();
            if (e.status.equals("200")) {
                g.writeObjectFieldStart("output");
                g.writeStringField("outputContentType", "application/json");
                g.writeObjectFieldStart("outputBodyJson");
                switch (m.bodyShape()) {
                    case "prompt" -> {
                        g.writeStringField("generation", e.answer);
                        g.writeNumberField("prompt_token_count", e.promptTokens);
                        g.writeNumberField("generation_token_count", e.completionTokens);
                        g.writeStringField("stop_reason", e.completionTokens >= Math.min(maxTokens, 2048) ? "length" : "stop");
                    }
                    case "inputText" -> {
                        g.writeNumberField("inputTextTokenCount", e.promptTokens);
                        g.writeArrayFieldStart("results");
                        g.writeStartObject();
                        g.writeNumberField("tokenCount", e.completionTokens);
                        g.writeStringField("outputText", e.answer);
                        g.writeStringField("completionReason", e.refusal ? "CONTENT_FILTERED" : "FINISH");
                        g.writeEndObject();
                        g.writeEndArray();
                    }
                    default -> {
                        g.writeStringField("id", "msg_bdrk_" + e.requestId.substring(4));
                        g.writeStringField("type", "message");
                        g.writeStringField("role", "assistant");
                        g.writeArrayFieldStart("content");
                        g.writeStartObject();
                        g.writeStringField("type", "text");
                        g.writeStringField("text", e.answer);
                        g.writeEndObject();
                        g.writeEndArray();
                        g.writeStringField("stop_reason", e.completionTokens >= maxTokens ? "max_tokens" : "end_turn");
                        g.writeObjectFieldStart("usage");
                        g.writeNumberField("input_tokens", e.promptTokens);
                        g.writeNumberField("output_tokens", e.completionTokens);
                        g.writeEndObject();
                    }
                }
                g.writeEndObject();
                g.writeNumberField("outputTokenCount", e.completionTokens);
                g.writeEndObject();
            }
            g.writeEndObject();
        }

        @Override
        public void close() throws IOException {
            g.writeRaw('\n');
            g.close();
        }
    }
}
