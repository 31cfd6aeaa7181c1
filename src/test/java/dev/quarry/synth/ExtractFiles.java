package dev.quarry.synth;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Reads a generated CSV extract back, as an analyst's tool would, for assertions about the population. */
final class ExtractFiles {

    record Event(String requestId, long ts, String accountId, String orgId, String ip, String asn, String userAgent,
                 String model, String maxTokens, String temperature, String status, String prompt) {
    }

    record Account(String accountId, String createdAt, String email, String fingerprint, String cardBin, String signupIp) {
    }

    record Truth(String accountId, String label, String campaignId, boolean hardNegative) {
    }

    private ExtractFiles() {
    }

    static Reader reader(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    static List<CSVRecord> records(Path file) throws IOException {
        try (CSVParser parser = CSVParser.parse(reader(file),
                CSVFormat.Builder.create(CSVFormat.RFC4180).setHeader().setSkipHeaderRecord(true).get())) {
            return parser.getRecords();
        }
    }

    static List<Event> events(Path file) throws IOException {
        List<Event> events = new ArrayList<>();
        for (CSVRecord r : records(file)) {
            events.add(new Event(r.get("request_id"), Instant.parse(r.get("ts")).toEpochMilli(), r.get("account_id"),
                    r.get("org_id"), r.get("ip"), r.get("asn"), r.get("user_agent"), r.get("model"), r.get("max_tokens"),
                    r.get("temperature"), r.get("status"), r.get("prompt_text")));
        }
        return events;
    }

    static Map<String, Account> accounts(Path file) throws IOException {
        Map<String, Account> accounts = new LinkedHashMap<>();
        for (CSVRecord r : records(file)) {
            accounts.put(r.get("account_id"), new Account(r.get("account_id"), r.get("created_at"), r.get("email"),
                    r.get("payment_fingerprint"), r.get("card_bin"), r.get("signup_ip")));
        }
        return accounts;
    }

    static Map<String, Truth> truth(Path file) throws IOException {
        Map<String, Truth> truth = new LinkedHashMap<>();
        for (CSVRecord r : records(file)) {
            truth.put(r.get("account_id"), new Truth(r.get("account_id"), r.get("label"), r.get("campaign_id"),
                    Boolean.parseBoolean(r.get("hard_negative"))));
        }
        return truth;
    }
}
