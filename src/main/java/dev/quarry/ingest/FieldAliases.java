package dev.quarry.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The documented alias table ({@code resources/dev/quarry/ingest/aliases.json}, explained in
 * docs/ingest-aliases.md): common source column names and their canonical field, per kind of file.
 * Names compare after {@link #normalize}, so case, spaces, underscores, dashes and dots do not matter.
 */
final class FieldAliases {

    private static final FieldAliases STANDARD = load();

    private final Map<RecordKind, Map<String, Integer>> byKind;

    private FieldAliases(Map<RecordKind, Map<String, Integer>> byKind) {
        this.byKind = byKind;
    }

    static FieldAliases standard() {
        return STANDARD;
    }

    /** The canonical column index the name maps to in files of this kind, or -1. */
    int lookup(RecordKind kind, String sourceName) {
        Integer index = byKind.get(kind).get(normalize(sourceName));
        return index == null ? -1 : index;
    }

    /** Lower case, letters and digits only: "User ID", "user_id" and "user-id" all become "userid". */
    static String normalize(String name) {
        StringBuilder normalized = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                normalized.append(Character.toLowerCase(c));
            }
        }
        return normalized.toString();
    }

    private static FieldAliases load() {
        try (InputStream in = FieldAliases.class.getResourceAsStream("/dev/quarry/ingest/aliases.json")) {
            if (in == null) {
                throw new IllegalStateException("alias table missing from the build: dev/quarry/ingest/aliases.json");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<RecordKind, Map<String, Integer>> byKind = new EnumMap<>(RecordKind.class);
            for (RecordKind kind : RecordKind.values()) {
                Map<String, Integer> names = new HashMap<>();
                for (int i = 0; i < kind.columnCount(); i++) {
                    names.put(normalize(kind.column(i)), i);
                }
                JsonNode table = root.path(kind.label);
                for (Iterator<Map.Entry<String, JsonNode>> it = table.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    int index = kind.indexOf(entry.getKey());
                    if (index < 0) {
                        throw new IllegalStateException("alias table names unknown " + kind.label + " field " + entry.getKey());
                    }
                    for (JsonNode alias : entry.getValue()) {
                        Integer previous = names.put(normalize(alias.asText()), index);
                        if (previous != null && previous != index) {
                            throw new IllegalStateException("alias " + alias.asText() + " maps to two " + kind.label + " fields");
                        }
                    }
                }
                byKind.put(kind, names);
            }
            return new FieldAliases(byKind);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the alias table", e);
        }
    }
}
