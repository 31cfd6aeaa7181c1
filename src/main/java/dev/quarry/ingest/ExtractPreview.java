package dev.quarry.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How an import would read a file, from its first rows only: the detected format, delimiter and kind,
 * each source column with the canonical field it feeds (by the same mapping file and alias rules as
 * {@link Importer}), the first rows as the file holds them, the timestamp style, and a trial read of
 * the file's head through the real readers, so a changed mapping shows at once how many rows it would
 * reject and why. For the import wizard; nothing is written anywhere.
 */
public final class ExtractPreview {

    /** How much of the (decompressed) file is read: enough for many rows, little enough to be instant. */
    static final int HEAD_BYTES = 256 * 1024;

    /** The fields Bedrock invocation records are read into, by their fixed layout ({@link BedrockRecords#map}). */
    private static final Map<String, String> BEDROCK_FIELDS = Map.of(
            "timestamp", "ts", "identity.arn", "account_id", "accountId", "org_id", "requestId", "request_id",
            "modelId", "model", "errorCode", "status", "input.inputTokenCount", "prompt_tokens",
            "output.outputTokenCount", "completion_tokens", "input.inputBodyJson", "prompt_text");

    /** A source column (or dotted JSON path) and the canonical field it feeds, or null when it is kept in {@code extra}. */
    public record Column(String name, String field) {
    }

    private final Path file;
    private final SourceFormat format;
    private final boolean detected;
    private final boolean gzip;
    private final Character delimiter;
    private final String kind;
    private final List<Column> columns;
    private final List<List<String>> rows;
    private final String timestampStyle;
    private final long trialRead;
    private final long trialRejected;
    private final Map<String, Long> trialRejectedByReason;

    private ExtractPreview(Path file, SourceFormat format, boolean detected, boolean gzip, Character delimiter, String kind,
                           List<Column> columns, List<List<String>> rows, String timestampStyle, RowAssembler trial) {
        this.file = file;
        this.format = format;
        this.detected = detected;
        this.gzip = gzip;
        this.delimiter = delimiter;
        this.kind = kind;
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
        this.timestampStyle = timestampStyle;
        this.trialRead = trial.read();
        this.trialRejected = trial.rejected();
        this.trialRejectedByReason = Map.copyOf(trial.rejectedByReason());
    }

    /**
     * Reads the head of {@code file} as {@link Importer#importFile} would read all of it with these options.
     *
     * @param maxRows how many rows to return for display
     */
    public static ExtractPreview read(Path file, ImportOptions options, int maxRows) throws IngestException {
        MappingFile mapping = MappingFile.read(options.mappingFile());
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IngestException(file + ": no such readable file; check the path");
        }
        try (ExtractStream input = ExtractStream.open(file)) {
            boolean detect = options.format() == SourceFormat.AUTO;
            SourceFormat format = detect ? input.detectFormat(file) : options.format();
            byte[] head = input.content().readNBytes(HEAD_BYTES);
            boolean cut = head.length == HEAD_BYTES;
            int end = head.length;
            if (cut) {
                // a record cut by the head's end would be reported as malformed: stop at the last full line
                while (end > 0 && head[end - 1] != '\n') {
                    end--;
                }
            }
            byte[] whole = java.util.Arrays.copyOf(head, end);
            return format == SourceFormat.CSV ? csv(file, whole, detect, input.gzip(), mapping, maxRows)
                    : json(file, whole, format, detect, input.gzip(), mapping, maxRows);
        } catch (IOException e) {
            throw new IngestException(file + ": cannot be read: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestException(file + ": preview interrupted");
        }
    }

    private static ExtractPreview csv(Path file, byte[] head, boolean detected, boolean gzip, MappingFile mapping, int maxRows)
            throws IOException, IngestException, InterruptedException {
        AtomicReference<RowAssembler> trial = new AtomicReference<>();
        AtomicReference<List<String>> header = new AtomicReference<>(List.of());
        char[] delimiter = {','};
        new CsvReader(new ByteArrayInputStream(head)).read((names, delim) -> {
            header.set(names);
            delimiter[0] = delim;
            trial.set(new RowAssembler(new ColumnResolver(ColumnResolver.detectKind(names, mapping), mapping), discard(), null));
            return trial.get();
        }, file.toString());
        ColumnResolver resolver = trial.get().resolver();
        // as the reader plans it: the first column that resolves to a field takes it, a repeat goes to extra
        boolean[] taken = new boolean[resolver.kind().columnCount()];
        List<Column> columns = new ArrayList<>();
        for (String name : header.get()) {
            int target = resolver.resolve(name);
            boolean feeds = target >= 0 && !taken[target];
            if (feeds) {
                taken[target] = true;
            }
            columns.add(new Column(name, feeds ? resolver.kind().column(target) : null));
        }
        List<List<String>> records = splitRecords(new String(head, StandardCharsets.UTF_8), delimiter[0], maxRows + 1);
        List<List<String>> rows = records.isEmpty() ? List.of() : records.subList(1, records.size());
        return new ExtractPreview(file, SourceFormat.CSV, detected, gzip, delimiter[0], resolver.kind().label, columns, rows,
                timestampStyle(columns, rows, resolver.kind()), trial.get());
    }

    private static ExtractPreview json(Path file, byte[] head, SourceFormat format, boolean detected, boolean gzip,
                                       MappingFile mapping, int maxRows) throws IOException, InterruptedException {
        boolean bedrock = format == SourceFormat.BEDROCK;
        RecordKind kind = bedrock || mapping.kind() == null ? RecordKind.EVENTS : mapping.kind();
        ColumnResolver resolver = new ColumnResolver(kind, mapping);
        RowAssembler trial = new RowAssembler(resolver, discard(), null);
        new JsonLinesReader(new ByteArrayInputStream(head), bedrock).read(trial);

        ObjectMapper mapper = new ObjectMapper();
        List<Map<String, String>> records = new ArrayList<>();
        Set<String> paths = new LinkedHashSet<>();
        for (String line : new String(head, StandardCharsets.UTF_8).split("\n")) {
            if (records.size() == maxRows) {
                break;
            }
            if (line.isBlank()) {
                continue;
            }
            Map<String, String> record = new LinkedHashMap<>();
            try {
                JsonNode node = mapper.readTree(line.startsWith("\uFEFF") ? line.substring(1) : line);
                if (node != null && node.isObject()) {
                    flatten(node, "", record);
                } else {
                    record.put("(line)", line);
                }
            } catch (JsonProcessingException e) {
                record.put("(line)", line);
            }
            paths.addAll(record.keySet());
            records.add(record);
        }
        boolean[] taken = new boolean[kind.columnCount()];
        List<Column> columns = new ArrayList<>();
        for (String path : paths) {
            String field;
            if (bedrock) {
                field = BEDROCK_FIELDS.get(path);
            } else {
                int target = path.equals("(line)") ? -1 : resolver.resolve(path);
                field = target >= 0 && !taken[target] ? kind.column(target) : null;
                if (target >= 0) {
                    taken[target] = true;
                }
            }
            columns.add(new Column(path, field));
        }
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, String> record : records) {
            List<String> row = new ArrayList<>(paths.size());
            for (String path : paths) {
                row.add(record.getOrDefault(path, ""));
            }
            rows.add(row);
        }
        return new ExtractPreview(file, format, detected, gzip, null, kind.label, columns, rows,
                timestampStyle(columns, rows, kind), trial);
    }

    /** Dotted paths to text, as {@link JsonLinesReader#flatten} addresses members: objects walked, arrays whole. */
    private static void flatten(JsonNode object, String prefix, Map<String, String> into) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            String path = prefix.isEmpty() ? member.getKey() : prefix + "." + member.getKey();
            JsonNode value = member.getValue();
            if (value.isObject()) {
                flatten(value, path, into);
            } else if (!value.isNull()) {
                into.put(path, JsonLinesReader.scalarText(value));
            }
        }
    }

    /** A sink that keeps nothing: the trial read only counts. */
    private static RowAssembler.BatchSink discard() {
        return (full, kind) -> new RowBatch(kind);
    }

    /**
     * Splits the first {@code limit} records of CSV text (RFC 4180: quoted fields, doubled quotes, line
     * breaks inside quotes), skipping a byte-order mark and leading blank lines as the reader does.
     */
    static List<List<String>> splitRecords(String text, char delimiter, int limit) {
        List<List<String>> records = new ArrayList<>();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        while (i < text.length() && (text.charAt(i) == '\n' || text.charAt(i) == '\r')) {
            i++;
        }
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (; i < text.length() && records.size() < limit; i++) {
            char c = text.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                int last = field.length() - 1;
                if (last >= 0 && field.charAt(last) == '\r') {
                    field.setLength(last);
                }
                record.add(field.toString());
                field.setLength(0);
                if (!(record.size() == 1 && record.get(0).isEmpty())) {
                    records.add(record);
                }
                record = new ArrayList<>();
                any = false;
            } else {
                field.append(c);
            }
        }
        if (any && records.size() < limit) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    /** What the time column's first values look like, in words, as {@link TimestampParser} will read them. */
    private static String timestampStyle(List<Column> columns, List<List<String>> rows, RecordKind kind) {
        String timeField = kind == RecordKind.EVENTS ? "ts" : "created_at";
        int column = -1;
        for (int c = 0; c < columns.size(); c++) {
            if (timeField.equals(columns.get(c).field())) {
                column = c;
            }
        }
        if (column < 0) {
            return kind == RecordKind.EVENTS ? "no column feeds ts (the event time): every row would be rejected"
                    : "no column feeds created_at";
        }
        Set<String> styles = new LinkedHashSet<>();
        String unreadable = null;
        for (List<String> row : rows) {
            String value = column < row.size() ? row.get(column).strip() : "";
            if (value.isEmpty()) {
                continue;
            }
            TimestampParser parser = new TimestampParser();
            if (parser.parse(value) == TimestampParser.INVALID) {
                unreadable = value;
                continue;
            }
            styles.add(style(value, parser.sawZoneless()));
        }
        String name = columns.get(column).name();
        if (styles.isEmpty()) {
            return unreadable == null ? name + ": no values in the first rows" : name + ": not a timestamp Quarry reads (\""
                    + (unreadable.length() > 40 ? unreadable.substring(0, 40) + "…" : unreadable) + "\")";
        }
        return name + ": " + String.join(", ", styles) + (unreadable == null ? "" : "; some values unreadable");
    }

    private static String style(String value, boolean zoneless) {
        char first = value.charAt(0);
        if (Character.isLetter(first)) {
            return "RFC 1123 (HTTP date)";
        }
        if (value.length() >= 16 && (value.charAt(4) == '-' || value.charAt(4) == '/')) {
            return zoneless ? "ISO-8601 without a time zone (read as UTC)" : "ISO-8601 with a time zone";
        }
        int dot = value.indexOf('.');
        String whole = dot < 0 ? value : value.substring(0, dot);
        int digits = whole.startsWith("-") ? whole.length() - 1 : whole.length();
        String unit = digits <= 11 ? "seconds" : digits <= 14 ? "milliseconds" : digits <= 17 ? "microseconds" : "nanoseconds";
        return "epoch " + unit;
    }

    /** The canonical fields of a kind of file ({@code "events"} or {@code "accounts"}), in contract order. */
    public static List<String> fields(String kind) {
        RecordKind recordKind = RecordKind.fromLabel(kind);
        if (recordKind == null) {
            throw new IllegalArgumentException("kind must be events or accounts, not " + kind);
        }
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < recordKind.columnCount(); i++) {
            fields.add(recordKind.column(i));
        }
        return fields;
    }

    /** The fields a file of this kind cannot be imported without: its rows would all be rejected. */
    public static List<String> requiredFields(String kind) {
        return kind.equals(RecordKind.ACCOUNTS.label) ? List.of("account_id") : List.of("ts", "account_id");
    }

    public Path file() {
        return file;
    }

    public SourceFormat format() {
        return format;
    }

    /** True when the format was detected from the content rather than given. */
    public boolean detected() {
        return detected;
    }

    public boolean gzip() {
        return gzip;
    }

    /** The CSV delimiter, or null for JSON. */
    public Character delimiter() {
        return delimiter;
    }

    /** {@code "events"} or {@code "accounts"}. */
    public String kind() {
        return kind;
    }

    public List<Column> columns() {
        return columns;
    }

    /** The first rows, one value per column (empty where a JSON record lacks the member). */
    public List<List<String>> rows() {
        return rows;
    }

    public String timestampStyle() {
        return timestampStyle;
    }

    /** Records the trial read of the file's head went through. */
    public long trialRead() {
        return trialRead;
    }

    public long trialRejected() {
        return trialRejected;
    }

    public Map<String, Long> trialRejectedByReason() {
        return trialRejectedByReason;
    }

    /** The format and layout in words, e.g. "CSV delimited by ';'" or "gzip-compressed JSON Lines". */
    public String describeFormat() {
        String how = switch (format) {
            case BEDROCK -> "Amazon Bedrock invocation log";
            case JSONL -> "JSON Lines";
            default -> "CSV";
        };
        if (delimiter != null) {
            how += " delimited by " + (delimiter == '\t' ? "tab" : "'" + delimiter + "'");
        }
        return (gzip ? "gzip-compressed " : "") + how + (detected ? " (detected)" : "");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %s, %s, %d columns", file.getFileName(), describeFormat(), kind, columns.size());
    }
}
