package dev.quarry.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One table of a packet, written as it is produced (never held whole) to two files: {@code NAME.csv},
 * every text cell quoted and neutralised for spreadsheets ({@link SpreadsheetSafe}), and
 * {@code NAME.jsonl}, one JSON object per row with the same values unmodified, for re-analysis.
 * Numbers go out as numbers in both (six decimals for fractions), an absent value as an empty cell
 * and a JSON null. When the packet is redacted, text passes through {@link Redaction} first, in both.
 */
final class PacketTable implements Closeable {

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.NON_NUMERIC).get();
    private static final JsonFactory JSON = new JsonFactory();

    private final String name;
    private final List<String> columns;
    private final Set<String> promptColumns;
    private final Redaction redaction;
    private final Path csvFile;
    private final Path jsonFile;
    private final Writer csvWriter;
    private final CSVPrinter csv;
    private final OutputStream jsonOut;
    private final JsonGenerator json;
    private long rows;
    private boolean closed;

    PacketTable(Path directory, String name, List<String> columns, Set<String> promptColumns, Redaction redaction)
            throws IOException {
        this.name = name;
        this.columns = columns;
        this.promptColumns = promptColumns;
        this.redaction = redaction;
        this.csvFile = directory.resolve(name + ".csv");
        this.jsonFile = directory.resolve(name + ".jsonl");
        this.csvWriter = Files.newBufferedWriter(csvFile, StandardCharsets.UTF_8);
        this.csv = new CSVPrinter(csvWriter, CSV);
        this.jsonOut = Files.newOutputStream(jsonFile);
        this.json = JSON.createGenerator(jsonOut, JsonEncoding.UTF8);
        // one object per line, a newline between them
        this.json.setPrettyPrinter(new MinimalPrettyPrinter("\n"));
        csv.printRecord(columns);
    }

    String csvName() {
        return csvFile.getFileName().toString();
    }

    String jsonName() {
        return jsonFile.getFileName().toString();
    }

    long rows() {
        return rows;
    }

    /** One row, its values in column order: String, Number (Long, Integer, Double), Boolean, or null. */
    void row(Object... values) throws IOException {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(name + ": " + values.length + " values for " + columns.size() + " columns");
        }
        List<Object> cells = new ArrayList<>(values.length);
        json.writeStartObject();
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            String column = columns.get(i);
            if (value instanceof String text) {
                String shown = promptColumns.contains(column) ? redaction.prompt(text) : redaction.text(text);
                cells.add(SpreadsheetSafe.text(shown));
                json.writeStringField(column, shown);
            } else if (value instanceof Double number) {
                if (Double.isFinite(number)) {
                    BigDecimal decimal = BigDecimal.valueOf(number).setScale(6, RoundingMode.HALF_EVEN);
                    cells.add(decimal);
                    json.writeFieldName(column);
                    json.writeNumber(decimal);
                } else {
                    cells.add(null);
                    json.writeNullField(column);
                }
            } else if (value instanceof Number number) {
                cells.add(number.longValue());
                json.writeNumberField(column, number.longValue());
            } else if (value instanceof Boolean flag) {
                cells.add(flag.toString());
                json.writeBooleanField(column, flag);
            } else if (value == null) {
                cells.add(null);
                json.writeNullField(column);
            } else {
                throw new IllegalArgumentException(name + "." + column + ": cannot write a " + value.getClass().getSimpleName());
            }
        }
        json.writeEndObject();
        csv.printRecord(cells);
        rows++;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (csvWriter; jsonOut) {
            csv.close(true);
            if (rows > 0) {
                json.writeRaw('\n');
            }
            json.close();
        }
    }
}
