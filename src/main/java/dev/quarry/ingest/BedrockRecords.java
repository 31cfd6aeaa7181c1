package dev.quarry.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Maps one Amazon Bedrock model-invocation log record onto canonical event fields. The caller
 * ({@code identity.arn}) is the account: one AWS account ({@code accountId}, kept as org_id) holds
 * many callers. The prompt lives in {@code input.inputBodyJson}, whose shape depends on the model
 * family: {@code messages} (Anthropic Messages, Converse, Nova, Mistral chat), {@code prompt} (Llama,
 * Mistral, Cohere, AI21, Claude text completions), {@code inputText} (Titan) or {@code message}
 * (Cohere Command R). Everything not mapped is kept in {@code extra}.
 */
final class BedrockRecords {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> MAPPED = Set.of("timestamp", "accountId", "requestId", "modelId", "identity", "input", "output", "errorCode");
    private static final String[] PROMPT_MEMBERS = {"system", "messages", "prompt", "inputText", "message", "chat_history"};

    private BedrockRecords() {
    }

    /** Whether a parsed JSON object looks like a Bedrock invocation record (for format detection). */
    static boolean looksLikeBedrock(JsonNode node) {
        return "ModelInvocationLog".equals(node.path("schemaType").asText(null))
                || (node.has("modelId") && node.path("identity").has("arn") && node.path("input").isObject());
    }

    static void map(JsonNode record, RowAssembler rows) {
        RecordKind events = RecordKind.EVENTS;
        set(rows, events.indexOf("ts"), record.get("timestamp"));
        set(rows, events.indexOf("account_id"), record.path("identity").get("arn"));
        set(rows, events.indexOf("org_id"), record.get("accountId"));
        set(rows, events.indexOf("request_id"), record.get("requestId"));
        set(rows, events.indexOf("model"), record.get("modelId"));
        set(rows, events.indexOf("status"), record.get("errorCode"));
        JsonNode input = record.path("input");
        JsonNode output = record.path("output");
        set(rows, events.indexOf("prompt_tokens"), input.get("inputTokenCount"));
        set(rows, events.indexOf("completion_tokens"), output.get("outputTokenCount"));

        JsonNode body = input.get("inputBodyJson");
        if (body != null && body.isTextual()) {
            body = parseQuietly(body.textValue());
        }
        if (body != null && body.isObject()) {
            String prompt = promptText(body);
            if (prompt != null) {
                rows.set(events.indexOf("prompt_text"), prompt);
            }
            set(rows, events.indexOf("max_tokens"), first(body, "max_tokens", "max_tokens_to_sample", "max_gen_len",
                    "maxTokens", "max_new_tokens", "textGenerationConfig.maxTokenCount", "inferenceConfig.maxTokens",
                    "inferenceConfig.max_new_tokens", "parameters.max_new_tokens"));
            set(rows, events.indexOf("temperature"), first(body, "temperature", "textGenerationConfig.temperature",
                    "inferenceConfig.temperature", "parameters.temperature"));
        }

        for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            if (!MAPPED.contains(member.getKey())) {
                keep(rows, member.getKey(), member.getValue());
            }
        }
        JsonNode identity = record.path("identity");
        if (identity.isObject()) {
            ObjectNode rest = ((ObjectNode) identity).deepCopy();
            rest.remove("arn");
            keepObject(rows, "identity", rest);
        }
        if (input.isObject()) {
            ObjectNode rest = ((ObjectNode) input).deepCopy();
            rest.remove("inputTokenCount");
            if (body != null && body.isObject()) {
                rest.remove("inputBodyJson");
                ObjectNode parameters = ((ObjectNode) body).deepCopy();
                parameters.remove(java.util.List.of(PROMPT_MEMBERS));
                if (!parameters.isEmpty()) {
                    rest.set("inputBodyJson", parameters);
                }
            }
            keepObject(rows, "input", rest);
        }
        if (output.isObject()) {
            ObjectNode rest = ((ObjectNode) output).deepCopy();
            rest.remove("outputTokenCount");
            keepObject(rows, "output", rest);
        }
    }

    /**
     * The prompt as one text: the system prompt (if any) and every message's text parts, in order, one
     * per line. Images and other non-text parts are left out.
     */
    static String promptText(JsonNode body) {
        StringBuilder text = new StringBuilder();
        appendContent(text, body.get("system"));
        JsonNode messages = body.get("messages");
        if (messages != null && messages.isArray()) {
            for (JsonNode message : messages) {
                appendContent(text, message.get("content"));
            }
        }
        appendContent(text, body.get("prompt"));
        appendContent(text, body.get("inputText"));
        appendContent(text, body.get("message"));
        return text.length() == 0 ? null : text.toString();
    }

    /**
     * The text of a chat request: the {@code system} prompt (if any) and the text of every message
     * of {@code messages}, one per line; null when there is none. Anthropic, OpenAI and Converse
     * shapes alike: content as a string or a list of parts with {@code text}.
     */
    static String chatText(JsonNode system, JsonNode messages) {
        StringBuilder text = new StringBuilder();
        appendContent(text, system);
        if (messages != null && messages.isArray()) {
            for (JsonNode message : messages) {
                if (message.isTextual()) {
                    append(text, message.textValue());
                } else {
                    appendContent(text, message.get("content"));
                }
            }
        }
        return text.length() == 0 ? null : text.toString();
    }

    /** Appends a string, or the {@code text} of each part of a content list (Anthropic and Converse shapes). */
    private static void appendContent(StringBuilder text, JsonNode content) {
        if (content == null || content.isNull()) {
            return;
        }
        if (content.isTextual()) {
            append(text, content.textValue());
        } else if (content.isArray()) {
            for (JsonNode part : content) {
                if (part.isTextual()) {
                    append(text, part.textValue());
                } else if (part.path("text").isTextual()) {
                    append(text, part.get("text").textValue());
                }
            }
        } else if (content.path("text").isTextual()) {
            append(text, content.get("text").textValue());
        }
    }

    private static void append(StringBuilder text, String part) {
        if (part.isEmpty()) {
            return;
        }
        if (text.length() > 0) {
            text.append('\n');
        }
        text.append(part);
    }

    private static JsonNode first(JsonNode body, String... paths) {
        for (String path : paths) {
            JsonNode node = body;
            for (String step : path.split("\\.")) {
                node = node.path(step);
            }
            if (!node.isMissingNode() && !node.isNull()) {
                return node;
            }
        }
        return null;
    }

    private static void set(RowAssembler rows, int column, JsonNode value) {
        if (value != null && !value.isNull() && !value.isMissingNode()) {
            rows.set(column, JsonLinesReader.scalarText(value));
        }
    }

    private static void keepObject(RowAssembler rows, String name, ObjectNode rest) {
        if (!rest.isEmpty()) {
            rows.extraJson(name, rest.toString());
        }
    }

    private static void keep(RowAssembler rows, String name, JsonNode value) {
        if (value.isContainerNode()) {
            rows.extraJson(name, value.toString());
        } else if (!value.isNull()) {
            rows.extra(name, JsonLinesReader.scalarText(value));
        }
    }

    private static JsonNode parseQuietly(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
