package dev.quarry.ui.importwizard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.ingest.ExtractPreview;
import dev.quarry.ingest.SourceFormat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Named column mappings for extracts of one shape: a few shipped with Quarry, the analyst's own kept
 * as JSON files in the settings folder ({@code presets/}). A preset file is a mapping file as
 * {@code quarry ingest --mapping} reads it, plus its name and format, so the command line reads an
 * extract the way the wizard did. A user preset of the same name replaces a shipped one.
 */
public final class ImportPresets {

    private static final String SHIPPED_FOLDER = "/dev/quarry/ui/importwizard/presets/";
    private static final List<String> SHIPPED = List.of("quarry-events-csv.json", "quarry-accounts-csv.json",
            "renamed-header-export.json", "bedrock-invocation-logs.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One preset.
     *
     * @param kind    {@code "events"}, {@code "accounts"}, or null to detect it
     * @param columns source column to canonical field; a null field keeps the column in {@code extra}
     * @param file    where a user preset is stored; null for a shipped one
     */
    public record Preset(String name, SourceFormat format, String kind, Map<String, String> columns, Path file) {

        public Preset {
            columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        }

        public boolean shipped() {
            return file == null;
        }

        /** Whether an extract of this shape is what the preset was made for: same format, and every column it names is there. */
        public boolean fits(ExtractPreview preview) {
            if (format != SourceFormat.AUTO && format != preview.format()) {
                return false;
            }
            if (columns.isEmpty()) {
                return format == preview.format();
            }
            List<String> names = preview.columns().stream().map(ExtractPreview.Column::name).toList();
            return names.containsAll(columns.keySet());
        }

        /** The preset as a mapping file's JSON text. */
        public String json() {
            ObjectNode root = JSON.createObjectNode();
            root.put("name", name);
            root.put("format", format.label());
            if (kind != null) {
                root.put("kind", kind);
            }
            ObjectNode mapped = root.putObject("columns");
            columns.forEach((column, field) -> {
                if (field == null) {
                    mapped.putNull(column);
                } else {
                    mapped.put(column, field);
                }
            });
            try {
                return JSON.writeValueAsString(root);
            } catch (IOException e) {
                throw new IllegalStateException("a tree of strings always serialises", e);
            }
        }

        @Override
        public String toString() {
            return name + (shipped() ? " (shipped)" : "");
        }
    }

    private final Path directory;

    /** @param directory the folder of the analyst's presets (created when the first is saved) */
    public ImportPresets(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** Shipped presets, then the analyst's by name; a preset file that cannot be read is left out. */
    public List<Preset> all() {
        List<Preset> user = new ArrayList<>();
        if (Files.isDirectory(directory)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.json")) {
                for (Path file : files) {
                    try {
                        user.add(parse(Files.readString(file), file));
                    } catch (IOException | IllegalArgumentException e) {
                        // another program's or a hand-broken file: not a preset, and no reason to stop the wizard
                    }
                }
            } catch (IOException e) {
                // an unreadable settings folder leaves the shipped presets
            }
        }
        user.sort(Comparator.comparing(preset -> preset.name().toLowerCase(Locale.ROOT)));
        List<Preset> all = new ArrayList<>();
        for (String resource : SHIPPED) {
            Preset shipped = shipped(resource);
            if (user.stream().noneMatch(p -> p.name().equalsIgnoreCase(shipped.name()))) {
                all.add(shipped);
            }
        }
        all.addAll(user);
        return all;
    }

    /** The preset made for an extract of this shape, the analyst's own first, the one naming most columns next. */
    public Optional<Preset> bestFor(ExtractPreview preview) {
        return all().stream().filter(preset -> preset.fits(preview))
                .max(Comparator.comparing((Preset preset) -> !preset.shipped())
                        .thenComparingInt(preset -> preset.columns().size()));
    }

    /** Saves (or replaces) the analyst's preset of this name. */
    public Preset save(String name, SourceFormat format, String kind, Map<String, String> columns) throws IOException {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("Give the preset a name.");
        }
        Files.createDirectories(directory);
        Path file = directory.resolve(fileName(trimmed));
        Preset preset = new Preset(trimmed, format, kind, columns, file);
        Files.writeString(file, preset.json(), StandardCharsets.UTF_8);
        return preset;
    }

    /**
     * The file a preset is stored in: its name reduced to letters, digits and dashes, so a name is
     * never a path (no separators, no "..") whatever the analyst typed.
     */
    static String fileName(String name) {
        StringBuilder slug = new StringBuilder();
        for (int i = 0; i < name.length() && slug.length() < 60; i++) {
            char c = Character.toLowerCase(name.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                slug.append(c);
            } else if (slug.length() > 0 && slug.charAt(slug.length() - 1) != '-') {
                slug.append('-');
            }
        }
        while (slug.length() > 0 && slug.charAt(slug.length() - 1) == '-') {
            slug.setLength(slug.length() - 1);
        }
        // names of only other scripts still get a file of their own
        return (slug.length() == 0 ? "preset" : slug) + "-" + Integer.toHexString(name.hashCode()) + ".json";
    }

    private static Preset shipped(String resource) {
        try (InputStream in = ImportPresets.class.getResourceAsStream(SHIPPED_FOLDER + resource)) {
            if (in == null) {
                throw new IllegalStateException("shipped import preset missing from the build: " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the shipped import preset " + resource, e);
        }
    }

    static Preset parse(String text, Path file) throws IOException {
        JsonNode root = JSON.readTree(text);
        if (root == null || !root.isObject() || !root.path("name").isTextual() || !root.path("columns").isObject()) {
            throw new IllegalArgumentException("not an import preset: needs a name and a columns object");
        }
        SourceFormat format;
        try {
            format = SourceFormat.valueOf(root.path("format").asText("auto").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format " + root.path("format").asText());
        }
        Map<String, String> columns = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("columns").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            columns.put(entry.getKey(), entry.getValue().isNull() ? null : entry.getValue().asText());
        }
        String kind = root.hasNonNull("kind") ? root.get("kind").asText() : null;
        return new Preset(root.get("name").asText(), format, kind, columns, file);
    }
}
