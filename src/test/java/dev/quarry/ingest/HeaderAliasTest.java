package dev.quarry.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeaderAliasTest {

    @TempDir
    Path directory;

    @ParameterizedTest(name = "events column \"{0}\" -> {1}")
    @CsvSource({
            "user_id, account_id", "customer_id, account_id", "account, account_id", "Account ID, account_id",
            "USER-ID, account_id", "client_id, account_id",
            "client_ip, ip", "source_ip, ip", "remote_addr, ip", "IP Address, ip",
            "ua, user_agent", "User-Agent, user_agent",
            "input_tokens, prompt_tokens", "tokens_in, prompt_tokens", "usage.prompt_tokens, prompt_tokens",
            "output_tokens, completion_tokens", "tokens_out, completion_tokens",
            "prompt, prompt_text", "input, prompt_text",
            "model_id, model", "Model Name, model",
            "req_id, request_id", "Request ID, request_id",
            "organization_id, org_id", "tenant, org_id",
            "api_key, api_key_id", "key_id, api_key_id",
            "as_number, asn", "country_code, country",
            "max_output_tokens, max_tokens", "temp, temperature",
            "http_status, status", "status_code, status",
    })
    void mapsEventColumnAliasOntoCanonicalField(String header, String canonical) throws Exception {
        String value = switch (canonical) {
            case "prompt_tokens", "completion_tokens", "max_tokens" -> "42";
            case "temperature" -> "0.5";
            default -> "v-" + canonical;
        };
        try (IngestFixture fixture = new IngestFixture(directory)) {
            String csv = "\"" + header + "\",ts,account_id\n" + value + ",2024-03-05T10:15:30Z,acct-1\n";
            if (canonical.equals("account_id")) {
                csv = "\"" + header + "\",ts\n" + value + ",2024-03-05T10:15:30Z\n";
            }
            ImportSummary summary = fixture.importText("alias.csv", csv);
            assertEquals(1, summary.accepted(), summary.toString());
            String stored = fixture.string("SELECT " + canonical + " FROM events");
            assertEquals(value, stored);
        }
    }

    @ParameterizedTest(name = "time column \"{0}\"")
    @CsvSource({"timestamp", "time", "event_time", "Event Time", "datetime", "created", "created_at", "@timestamp", "TS"})
    void mapsEventTimeAliasOntoTs(String header) throws Exception {
        try (IngestFixture fixture = new IngestFixture(directory)) {
            ImportSummary summary = fixture.importText("time.csv", "user_id," + header + ",model\nu1,1709633730,m\n");
            assertEquals("events", summary.kind());
            assertEquals(1_709_633_730_000L, fixture.count("SELECT ts FROM events"));
        }
    }

    @ParameterizedTest(name = "accounts column \"{0}\" -> {1}")
    @CsvSource({
            "email_address, email", "E-Mail, email",
            "card_fingerprint, payment_fingerprint", "payment_method_fingerprint, payment_fingerprint",
            "bin, card_bin", "card_country, billing_country", "registration_ip, signup_ip",
            "tier, plan", "subscription_plan, plan",
    })
    void mapsAccountColumnAliasOntoCanonicalField(String header, String canonical) throws Exception {
        try (IngestFixture fixture = new IngestFixture(directory)) {
            ImportSummary summary = fixture.importText("accounts.csv",
                    "customer_id,signup_date,\"" + header + "\"\nc1,2023-01-02,v\n".replace("2023-01-02", "2023-01-02 00:00:00"));
            assertEquals("accounts", summary.kind(), summary.toString());
            assertEquals("v", fixture.string("SELECT " + canonical + " FROM accounts WHERE account_id = 'c1'"));
            assertEquals(1_672_617_600_000L, fixture.count("SELECT created_at FROM accounts WHERE account_id = 'c1'"));
        }
    }

    @Test
    void keepsUnmappedColumnsAsJsonInExtra() throws Exception {
        try (IngestFixture fixture = new IngestFixture(directory)) {
            ImportSummary summary = fixture.importText("extra.csv",
                    "user_id,timestamp,Datacenter,note\nu1,1709633730,\"fra-1\",\"said \"\"hi\"\"\nthen left\"\n");
            assertEquals("{\"Datacenter\":\"fra-1\",\"note\":\"said \\\"hi\\\"\\nthen left\"}", fixture.string("SELECT extra FROM events"));
            assertTrue(summary.notes().stream().anyMatch(n -> n.contains("Datacenter, note")), summary.notes().toString());
        }
    }

    @Test
    void aSecondColumnForTheSameFieldGoesToExtra() throws Exception {
        try (IngestFixture fixture = new IngestFixture(directory)) {
            fixture.importText("twice.csv", "user_id,customer_id,ts\nu1,c1,1709633730\n");
            assertEquals("u1", fixture.string("SELECT account_id FROM events"));
            assertEquals("{\"customer_id\":\"c1\"}", fixture.string("SELECT extra FROM events"));
        }
    }

    @Test
    void mappingFileCoversNamesTheAliasTableDoesNotKnow() throws Exception {
        try (IngestFixture fixture = new IngestFixture(directory)) {
            Path mapping = fixture.write("mapping.json",
                    "{\"kind\":\"events\",\"columns\":{\"Kunden-Nr\":\"account_id\",\"Zeitpunkt\":\"ts\",\"user_id\":\"api_key_id\"}}");
            Path csv = fixture.write("german.csv", "Kunden-Nr;Zeitpunkt;user_id\nK-17;2024-03-05 10:15:30;key-9\n");
            ImportSummary summary = fixture.importFile(csv, new ImportOptions(SourceFormat.AUTO, mapping));
            assertEquals(1, summary.accepted(), summary.toString());
            assertEquals("K-17", fixture.string("SELECT account_id FROM events"));
            assertEquals("key-9", fixture.string("SELECT api_key_id FROM events"));
            assertTrue(fixture.string("SELECT mapping FROM sources").contains("Kunden-Nr"));
        }
    }

    @Test
    void mappingFileNamingAnUnknownFieldIsRefused() throws Exception {
        try (IngestFixture fixture = new IngestFixture(directory)) {
            Path mapping = fixture.write("mapping.json", "{\"columns\":{\"x\":\"acount_id\"}}");
            Path csv = fixture.write("a.csv", "x,ts\n1,2\n");
            IngestException e = assertThrows(IngestException.class,
                    () -> fixture.importFile(csv, new ImportOptions(SourceFormat.AUTO, mapping)));
            assertTrue(e.getMessage().contains("acount_id") && e.getMessage().contains("mapping.json"), e.getMessage());
        }
    }

    @Test
    void recognisesAccountsFilesByTheirColumns() {
        assertEquals(RecordKind.ACCOUNTS, ColumnResolver.detectKind(
                List.of("account_id", "created_at", "email", "payment_fingerprint", "card_bin", "billing_country", "signup_ip", "plan"),
                MappingFile.NONE));
        assertEquals(RecordKind.ACCOUNTS, ColumnResolver.detectKind(List.of("user_id", "signup_date", "email_address", "status"), MappingFile.NONE));
        assertEquals(RecordKind.EVENTS, ColumnResolver.detectKind(List.of("user_id", "timestamp", "email"), MappingFile.NONE));
        assertEquals(RecordKind.EVENTS, ColumnResolver.detectKind(List.of("user_id", "created_at", "model", "prompt", "email"), MappingFile.NONE));
        assertEquals(RecordKind.EVENTS, ColumnResolver.detectKind(List.of("a", "b"), MappingFile.NONE));
    }
}
