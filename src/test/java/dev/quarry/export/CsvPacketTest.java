package dev.quarry.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.analysis.RunStore;
import dev.quarry.analysis.StoredRun;
import dev.quarry.fixtures.SmallCase;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import dev.quarry.store.Sha256;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
        try (CaseFile caseFile = CaseFile.open(dir.resolve("case.quarry"))) {
            source = SmallCase.populate(caseFile, dir);
            RunStore runs = new RunStore(caseFile);
            long runId = runs.save(SmallCase.result(42, 0.0), Instant.parse("2026-03-01T10:00:00Z"),
                    Instant.parse("2026-03-01T10:01:00Z"), ProgressListener.NONE);
            StoredRun run = runs.load(runId);
            return new CsvPacket(caseFile).write(run, dir.resolve("packet"), campaign, ProgressListener.NONE);
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
        assertEquals("shared_payment | synchronized", campaign.get("signals"));
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
        assertEquals("0.1.0", manifest.path("quarry_version").asText());
        assertFalse(manifest.path("exported_at").asText().isEmpty());
        assertEquals(64, manifest.path("case_audit_head").asText().length());
        JsonNode files = manifest.path("files");
        assertEquals(2, files.size());
        for (JsonNode file : files) {
            Path exported = packet.resolve(file.path("name").asText());
            assertEquals(Sha256.of(exported), file.path("sha256").asText());
            assertEquals(Files.size(exported), file.path("bytes").asLong());
        }
        assertEquals(4, report.files().get(0).rows());
        try (var listing = Files.list(packet)) {
            assertEquals(List.of("accounts.csv", "campaigns.csv", "manifest.json"),
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
        assertEquals(1, manifest.path("campaign").asInt());
    }

    @Test
    void refusesACampaignTheRunDoesNotHave() {
        Exception e = assertThrows(IllegalArgumentException.class, () -> export(7));
        assertEquals("run 1 has no campaign 7 (it has [1])", e.getMessage());
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
            rs.next();
            assertEquals("export", rs.getString(1));
        }
    }
}
