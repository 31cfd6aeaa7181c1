package dev.quarry.bench;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A generator's truth.csv ({@code account_id,label,campaign_id}): an account with a campaign id is a
 * campaign member (a positive); any other account is legitimate, of the kind its label names.
 */
public record GroundTruth(Map<String, Entry> accounts) {

    public record Entry(String accountId, String label, String campaignId) {
        public boolean positive() {
            return campaignId != null;
        }
    }

    public static GroundTruth read(Path truthCsv) throws IOException {
        Map<String, Entry> accounts = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(truthCsv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (CSVRecord row : parser) {
                String campaign = row.get("campaign_id");
                accounts.put(row.get("account_id"), new Entry(row.get("account_id"), row.get("label"),
                        campaign == null || campaign.isBlank() ? null : campaign));
            }
        } catch (IllegalArgumentException e) {
            throw new IOException(truthCsv + ": not a truth file with account_id,label,campaign_id (" + e.getMessage() + ")", e);
        }
        return new GroundTruth(accounts);
    }
}
