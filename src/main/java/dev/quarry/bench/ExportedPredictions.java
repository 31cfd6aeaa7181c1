package dev.quarry.bench;

import dev.quarry.export.CsvPacket;
import dev.quarry.export.SpreadsheetSafe;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads an exported accounts.csv the way an outside scorer would: only the contract columns, with the
 * apostrophe that neutralized a formula-like account id taken off again.
 */
public final class ExportedPredictions {

    private ExportedPredictions() {
    }

    public static Map<String, Prediction> read(Path packetDirectory) throws IOException {
        Path file = packetDirectory.resolve(CsvPacket.ACCOUNTS);
        Map<String, Prediction> predictions = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (CSVRecord row : parser) {
                String campaign = row.get("campaign_id");
                predictions.put(SpreadsheetSafe.original(row.get("account_id")),
                        new Prediction(Boolean.parseBoolean(row.get("flagged")), campaign.isBlank() ? null : campaign));
            }
        }
        return predictions;
    }
}
