package dev.quarry.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * A user's {@code --mapping} file: source column (or dotted JSON path) to canonical field, and optionally
 * the kind of file. Shape, documented in docs/ingest-aliases.md:
 * <pre>{"kind": "events", "columns": {"Kunden-Nr": "account_id", "usage.in": "prompt_tokens"}}</pre>
 * Entries take precedence over the alias table. Keys match exactly, or failing that after the same
 * normalisation as aliases. A column mapped to {@code null} feeds no field and is kept in {@code extra},
 * even where an alias would map it (the import wizard writes one entry per column, so what the analyst
 * chose is what is read). Other members (a preset's {@code name} and {@code format}) are ignored here.
 */
final class MappingFile {

    static final MappingFile NONE = new MappingFile(null, Map.of(), null);
    /** What {@link #target} returns for a column mapped to {@code null}: kept in {@code extra}. */
    static final String EXTRA = "";

    private final RecordKind kind;
    private final Map<String, String> columns;
    private final Map<String, String> normalizedColumns = new HashMap<>();
    private final String json;

    private MappingFile(RecordKind kind, Map<String, String> columns, String json) {
        this.kind = kind;
        this.columns = columns;
        this.json = json;
        columns.forEach((source, target) -> normalizedColumns.putIfAbsent(FieldAliases.normalize(source), target));
    }

    static MappingFile read(Path path) throws IngestException {
        if (path == null) {
            return NONE;
        }
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new IngestException("cannot read mapping file " + path + ": " + e.getMessage() + "; check the path");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IngestException("mapping file " + path + " line " + e.getLocation().getLineNr()
                    + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.path("columns").isObject()) {
            throw new IngestException("mapping file " + path + " must be a JSON object with a \"columns\" object, "
                    + "e.g. {\"columns\": {\"Customer\": \"account_id\"}}; see docs/ingest-aliases.md");
        }
        RecordKind kind = null;
        if (root.hasNonNull("kind")) {
            kind = RecordKind.fromLabel(root.get("kind").asText());
            if (kind == null) {
                throw new IngestException("mapping file " + path + ": kind must be \"events\" or \"accounts\", not \""
                        + root.get("kind").asText() + "\"");
            }
        }
        Map<String, String> columns = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("columns").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getValue().isNull()) {
                columns.put(entry.getKey(), EXTRA);
                continue;
            }
            String target = entry.getValue().asText();
            boolean known = (kind != RecordKind.ACCOUNTS && RecordKind.EVENTS.indexOf(target) >= 0)
                    || (kind != RecordKind.EVENTS && RecordKind.ACCOUNTS.indexOf(target) >= 0);
            if (!entry.getValue().isTextual() || !known) {
                throw new IngestException("mapping file " + path + ": column \"" + entry.getKey() + "\" maps to \""
                        + entry.getValue().asText() + "\", which is not a canonical field"
                        + (kind == null ? "" : " of " + kind.label) + "; see docs/ingest-aliases.md");
            }
            columns.put(entry.getKey(), target);
        }
        return new MappingFile(kind, columns, text);
    }

    /** The kind the file declares, or null to detect it. */
    RecordKind kind() {
        return kind;
    }

    /** The canonical field name the mapping gives this source name, {@link #EXTRA} for none, or null when it says nothing. */
    String target(String sourceName) {
        String target = columns.get(sourceName);
        return target != null ? target : normalizedColumns.get(FieldAliases.normalize(sourceName));
    }

    /** The mapping file's text, kept with the import so the case records how columns were read. */
    String json() {
        return json;
    }
}
