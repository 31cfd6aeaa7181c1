package dev.quarry.synth;

import dev.quarry.model.ProgressListener;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Farms that hide among ordinary customers show none of the old fleet signs (equal quotas, sign-up
 * bursts, lockstep) but do what real ones do: split one worklist, take over aged accounts together,
 * pay with prepaid cards through rotating residential proxies.
 */
class QuietFarmPopulationTest {

    @TempDir
    static Path dir;
    static List<CSVRecord> events;
    static Map<String, CSVRecord> accounts = new HashMap<>();
    static Map<String, String> labelOf = new HashMap<>();
    static GeneratorOptions options;

    @BeforeAll
    static void generate() throws Exception {
        options = GeneratorOptions.defaults(700, 10, 7007).withLegit(LegitMix.INSTITUTIONS)
                .withCampaigns(List.of(CampaignSpec.parse("compromised_aged:12"), CampaignSpec.parse("office_hours:12"),
                        CampaignSpec.parse("backend_mimic:12"), CampaignSpec.parse("prepaid_proxy:12"),
                        CampaignSpec.parse("novel_benchmark:12")));
        ExtractGenerator.generate(dir.resolve("a"), options, ProgressListener.NONE);
        events = ExtractFiles.records(dir.resolve("a").resolve("events.csv"));
        for (CSVRecord row : ExtractFiles.records(dir.resolve("a").resolve("accounts.csv"))) {
            accounts.put(row.get("account_id"), row);
        }
        for (CSVRecord row : ExtractFiles.records(dir.resolve("a").resolve("truth.csv"))) {
            labelOf.put(row.get("account_id"), row.get("label"));
        }
    }

    private static List<CSVRecord> of(CampaignKind kind) {
        return events.stream().filter(e -> kind.label().equals(labelOf.get(e.get("account_id")))).toList();
    }

    private static Map<String, Long> requestsPerAccount(List<CSVRecord> rows) {
        return rows.stream().collect(Collectors.groupingBy(e -> e.get("account_id"), Collectors.counting()));
    }

    @Test
    void quietFarmAccountsMakeVolumesOfTheirOwn() {
        for (CampaignKind kind : List.of(CampaignKind.COMPROMISED_AGED, CampaignKind.OFFICE_HOURS,
                CampaignKind.BACKEND_MIMIC, CampaignKind.PREPAID_PROXY, CampaignKind.NOVEL_BENCHMARK)) {
            Map<String, Long> volume = requestsPerAccount(of(kind));
            long most = volume.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            long least = volume.values().stream().mapToLong(Long::longValue).min().orElseThrow();
            assertTrue(most > 2 * least, kind + ": volumes from " + least + " to " + most);
        }
    }

    @Test
    void takenOverAccountsAreOldButTheirHarvestStartsWithinHoursOfEachOther() {
        List<CSVRecord> farm = of(CampaignKind.COMPROMISED_AGED);
        Map<String, Long> firstHarvest = new HashMap<>();
        for (CSVRecord e : farm) {
            if (e.get("prompt_text").contains("\nTopic: ")) {
                firstHarvest.merge(e.get("account_id"), Instant.parse(e.get("ts")).toEpochMilli(), Math::min);
            }
        }
        assertEquals(12, firstHarvest.size(), "every account is taken over");
        long spread = firstHarvest.values().stream().mapToLong(Long::longValue).max().orElseThrow()
                - firstHarvest.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        assertTrue(spread < 4 * 3_600_000L, "harvest starts within hours: " + spread / 60_000 + " minutes");
        long start = options.start().toEpochMilli();
        for (String account : firstHarvest.keySet()) {
            long created = Instant.parse(accounts.get(account).get("created_at")).toEpochMilli();
            assertTrue(start - created >= 89 * 86_400_000L, account + " opened months before");
        }
        long ownersUse = farm.stream().filter(e -> Instant.parse(e.get("ts")).toEpochMilli()
                < firstHarvest.get(e.get("account_id"))).count();
        assertTrue(ownersUse >= 12, "the owners used their accounts before: " + ownersUse);
    }

    @Test
    void prepaidFarmPaysWithFewBinsAndGetsANewAddressOnNearlyEveryRequest() {
        List<CSVRecord> farm = of(CampaignKind.PREPAID_PROXY);
        Set<String> bins = farm.stream().map(e -> accounts.get(e.get("account_id")).get("card_bin")).collect(Collectors.toSet());
        assertTrue(bins.size() <= 3, "prepaid BINs: " + bins);
        Map<String, Set<String>> ipsOf = new HashMap<>();
        farm.forEach(e -> ipsOf.computeIfAbsent(e.get("account_id"), a -> new HashSet<>()).add(e.get("ip")));
        Map<String, Long> volume = requestsPerAccount(farm);
        for (Map.Entry<String, Set<String>> account : ipsOf.entrySet()) {
            assertTrue(account.getValue().size() >= 0.9 * volume.get(account.getKey()),
                    account.getKey() + ": " + account.getValue().size() + " addresses for " + volume.get(account.getKey()));
        }
    }

    @Test
    void quietFarmsSplitTheirWorklistSoNoItemIsAskedByTwoMembers() {
        for (CampaignKind kind : List.of(CampaignKind.OFFICE_HOURS, CampaignKind.BACKEND_MIMIC, CampaignKind.PREPAID_PROXY,
                CampaignKind.NOVEL_BENCHMARK)) {
            Map<String, Set<String>> accountsByItem = new HashMap<>();
            for (CSVRecord e : of(kind)) {
                accountsByItem.computeIfAbsent(e.get("prompt_text"), p -> new HashSet<>()).add(e.get("account_id"));
            }
            long shared = accountsByItem.values().stream().filter(a -> a.size() > 1).count();
            assertTrue(shared <= accountsByItem.size() / 100, kind + ": " + shared + " of " + accountsByItem.size()
                    + " items asked by two members");
        }
    }

    @Test
    void officeWorkersKeepWeekdayHoursOfOneCity() {
        List<CSVRecord> farm = of(CampaignKind.OFFICE_HOURS);
        Set<String> countries = farm.stream().map(e -> e.get("country")).collect(Collectors.toSet());
        assertEquals(1, countries.size(), "one city: " + countries);
        assertTrue(farm.stream().map(e -> e.get("ip")).distinct().count() >= 12, "each from home");
    }
}
