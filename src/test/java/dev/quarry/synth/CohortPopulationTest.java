package dev.quarry.synth;

import dev.quarry.model.ProgressListener;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cohorts share a public artefact across organisations without operational links; mimicking farms copy it. */
class CohortPopulationTest {

    @TempDir
    static Path dir;
    static List<CSVRecord> events;
    static Map<String, String> labelOf = new HashMap<>();
    static GeneratorOptions options;

    @BeforeAll
    static void generate() throws Exception {
        options = GeneratorOptions.defaults(900, 10, 4242).withLegit(LegitMix.INSTITUTIONS).withNewModelReleaseDay(3)
                .withCampaigns(List.of(CampaignSpec.parse("benchmark_mimic:15"), CampaignSpec.parse("app_mimic:15"),
                        CampaignSpec.parse("nat_farm:10")));
        ExtractGenerator.generate(dir.resolve("a"), options, ProgressListener.NONE);
        events = ExtractFiles.records(dir.resolve("a").resolve("events.csv"));
        for (CSVRecord row : ExtractFiles.records(dir.resolve("a").resolve("truth.csv"))) {
            labelOf.put(row.get("account_id"), row.get("label"));
        }
    }

    private static List<CSVRecord> of(LegitKind kind) {
        return of(kind.label());
    }

    private static List<CSVRecord> of(String label) {
        return events.stream().filter(e -> label.equals(labelOf.get(e.get("account_id")))).toList();
    }

    private static double median(List<CSVRecord> rows, String column) {
        double[] values = rows.stream().filter(e -> e.get("status").equals(EventDraft.OK))
                .mapToDouble(e -> Double.parseDouble(e.get(column))).sorted().toArray();
        return values[values.length / 2];
    }

    @Test
    void everyCohortKindHasItsOwnLabelAndMakesRequests() {
        for (LegitKind kind : LegitKind.values()) {
            if (kind.cohort()) {
                assertTrue(labelOf.containsValue(kind.label()), kind.label() + " in truth.csv");
                assertTrue(!of(kind).isEmpty(), kind.label() + " makes requests");
            }
        }
    }

    @Test
    void benchmarkLabsOfDifferentOrganisationsSendTheSameItemsWithTheHarnessParameters() {
        Map<String, Set<String>> orgsByPrompt = new HashMap<>();
        for (CSVRecord e : of(LegitKind.COHORT_BENCHMARK)) {
            if (e.get("user_agent").contains("harness") || e.get("user_agent").contains("evals") || e.get("user_agent").contains("inspect-ai")) {
                assertEquals("0.0", e.get("temperature"), "harness runs at temperature 0");
                orgsByPrompt.computeIfAbsent(e.get("prompt_text"), p -> new HashSet<>()).add(e.get("org_id"));
            }
        }
        long sharedItems = orgsByPrompt.values().stream().filter(orgs -> orgs.size() >= 3).count();
        assertTrue(sharedItems >= 50, "identical items sent by three organisations or more: " + sharedItems);
    }

    @Test
    void benchmarkMimicCopiesTheHarnessButHarvestsLongAnswers() {
        List<CSVRecord> farm = of(CampaignKind.BENCHMARK_MIMIC.label());
        Set<String> harnesses = Set.of(PublicArtefacts.BENCHMARK_HARNESSES);
        assertTrue(farm.stream().allMatch(e -> harnesses.contains(e.get("user_agent"))));
        assertTrue(farm.stream().allMatch(e -> e.get("temperature").equals("0.0")));
        double farmAnswers = median(farm, "completion_tokens");
        double labAnswers = median(of(LegitKind.COHORT_BENCHMARK).stream()
                .filter(e -> harnesses.contains(e.get("user_agent"))).toList(), "completion_tokens");
        assertTrue(farmAnswers > 5 * labAnswers, "farm " + farmAnswers + " vs labs " + labAnswers);
    }

    @Test
    void appMimicSendsTheTemplatesSystemPromptAndSdk() {
        PublicArtefacts.AppTemplate template = PublicArtefacts.APP_TEMPLATES.get(0);
        List<CSVRecord> farm = of(CampaignKind.APP_MIMIC.label());
        assertTrue(farm.stream().allMatch(e -> e.get("user_agent").equals(template.agent())
                && e.get("prompt_text").startsWith("System: " + template.systemPrompt())));
    }

    @Test
    void cohortMembersBelongToDifferentOrganisationsAndCards() throws Exception {
        Map<String, String> cardOf = new HashMap<>();
        for (CSVRecord row : ExtractFiles.records(dir.resolve("a").resolve("accounts.csv"))) {
            cardOf.put(row.get("account_id"), row.get("payment_fingerprint"));
        }
        for (LegitKind kind : LegitKind.values()) {
            if (!kind.cohort()) {
                continue;
            }
            Set<String> accounts = of(kind).stream().map(e -> e.get("account_id")).collect(Collectors.toSet());
            Set<String> orgs = of(kind).stream().map(e -> e.get("org_id")).collect(Collectors.toSet());
            Set<String> cards = accounts.stream().map(cardOf::get).collect(Collectors.toSet());
            assertEquals(accounts.size(), orgs.size(), kind + ": one organisation per account");
            assertEquals(accounts.size(), cards.size(), kind + ": one card per account");
        }
    }

    @Test
    void integrationCustomersShareThePartnersEgressAndClient() {
        List<CSVRecord> rows = of(LegitKind.COHORT_INTEGRATION).stream()
                .filter(e -> e.get("prompt_text").contains(" automation step ")).toList();
        Map<String, Set<String>> accountsByIp = new HashMap<>();
        rows.forEach(e -> accountsByIp.computeIfAbsent(e.get("ip"), ip -> new HashSet<>()).add(e.get("account_id")));
        assertTrue(accountsByIp.values().stream().anyMatch(a -> a.size() >= 5), "a partner address serves many customers");
        assertTrue(rows.stream().map(e -> e.get("user_agent")).distinct().count() <= PublicArtefacts.INTEGRATIONS.size());
    }

    @Test
    void scheduledJobsOfCommonHourStartWithinSecondsOfTheHour() {
        List<CSVRecord> rows = of(LegitKind.COHORT_SCHEDULED_JOB);
        Map<String, Long> firstOfAccountDay = new HashMap<>();
        for (CSVRecord e : rows) {
            long ts = Instant.parse(e.get("ts")).toEpochMilli();
            firstOfAccountDay.merge(e.get("account_id") + "/" + ts / 86_400_000L, ts, Math::min);
        }
        long nearTheMinute = firstOfAccountDay.values().stream()
                .filter(ts -> Math.floorMod(ts, 60_000L) < 21_000 && Math.floorMod(ts, 3_600_000L) < 60_000).count();
        // runs of jobs that start on the hour (local hours are whole-hour offsets for most countries)
        assertTrue(nearTheMinute >= firstOfAccountDay.size() / 2, nearTheMinute + " of " + firstOfAccountDay.size());
    }

    @Test
    void institutionDepartmentsHoldTheirOwnOrganisationsButShareOneCardAndEgress() throws Exception {
        Map<String, String> cardOf = new HashMap<>();
        for (CSVRecord row : ExtractFiles.records(dir.resolve("a").resolve("accounts.csv"))) {
            cardOf.put(row.get("account_id"), row.get("payment_fingerprint"));
        }
        Map<String, Set<String>> orgsByCard = new HashMap<>();
        Map<String, Set<String>> orgsByIp = new HashMap<>();
        for (CSVRecord e : of(LegitKind.INSTITUTION)) {
            orgsByCard.computeIfAbsent(cardOf.get(e.get("account_id")), c -> new HashSet<>()).add(e.get("org_id"));
            orgsByIp.computeIfAbsent(e.get("ip"), ip -> new HashSet<>()).add(e.get("org_id"));
        }
        assertTrue(!orgsByCard.isEmpty() && orgsByCard.values().stream().allMatch(orgs -> orgs.size() >= 2),
                "every institution card pays for several departments: " + orgsByCard.values());
        assertTrue(orgsByIp.values().stream().anyMatch(orgs -> orgs.size() >= 3), "departments share the egress");
    }

    @Test
    void earlyAdoptersMoveToTheNewModelWithinADayAndDrawLongAnswers() {
        List<CSVRecord> rows = of(LegitKind.COHORT_EARLY_ADOPTER);
        long releaseDay = options.start().toEpochMilli() / 86_400_000L + 3;
        Map<String, Long> firstOnNewModel = new HashMap<>();
        for (CSVRecord e : rows) {
            if (e.get("model").equals(Models.NEW_RELEASE.name())) {
                firstOnNewModel.merge(e.get("account_id"), Instant.parse(e.get("ts")).toEpochMilli() / 86_400_000L, Math::min);
            }
        }
        long members = rows.stream().map(e -> e.get("account_id")).distinct().count();
        long withinADay = firstOnNewModel.values().stream().filter(day -> day <= releaseDay + 1).count();
        assertTrue(withinADay >= members * 3 / 4, withinADay + " of " + members + " on the new model within a day");
        double hobbyistAnswers = median(of(LegitKind.HOBBYIST), "completion_tokens");
        assertTrue(median(rows, "completion_tokens") > 1.8 * hobbyistAnswers, "long answers");
        List<CSVRecord> onNewModel = rows.stream().filter(e -> e.get("model").equals(Models.NEW_RELEASE.name())).toList();
        long phrased = onNewModel.stream().filter(e -> Arrays.stream(PublicArtefacts.LAUNCH_PROMPTS)
                .anyMatch(p -> e.get("prompt_text").startsWith(p))).count();
        assertTrue(phrased >= onNewModel.size() * 7 / 10, phrased + " of " + onNewModel.size() + " in the launch post's phrasing");
    }

    @Test
    void natFarmWorksFromTheCampusNatStudentsUseOnCardsOfItsOwn() throws Exception {
        List<CSVRecord> farm = of(CampaignKind.NAT_FARM.label());
        Set<String> farmIps = farm.stream().map(e -> e.get("ip")).collect(Collectors.toSet());
        Set<String> studentIps = of(LegitKind.SHARED_NAT).stream().map(e -> e.get("ip")).collect(Collectors.toSet());
        assertEquals(1, farmIps.size());
        assertTrue(studentIps.containsAll(farmIps), "the farm's address is a campus NAT students use");
        Set<String> cards = new HashSet<>();
        Set<String> members = farm.stream().map(e -> e.get("account_id")).collect(Collectors.toSet());
        for (CSVRecord row : ExtractFiles.records(dir.resolve("a").resolve("accounts.csv"))) {
            if (members.contains(row.get("account_id"))) {
                cards.add(row.get("payment_fingerprint"));
            }
        }
        assertEquals(members.size(), cards.size(), "one card per account");
    }

    @Test
    void sameOptionsSameBytes() throws Exception {
        ExtractGenerator.generate(dir.resolve("b"), options, ProgressListener.NONE);
        for (String file : List.of("events.csv", "accounts.csv", "truth.csv")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(file)), Files.readAllBytes(dir.resolve("b").resolve(file)), file);
        }
    }

    @Test
    void defaultMixHasNoCohortsAndTheCohortPresetHasThemAll() {
        List<LegitKind> cohortKinds = Arrays.stream(LegitKind.values()).filter(LegitKind::cohort).toList();
        assertEquals(8, cohortKinds.size());
        cohortKinds.forEach(k -> assertEquals(0.0, LegitMix.DEFAULT.weight(k), k.name()));
        // the preset of session 3 stays as it was, so its suite's extracts do not change
        cohortKinds.stream().filter(k -> k != LegitKind.COHORT_EARLY_ADOPTER)
                .forEach(k -> assertTrue(LegitMix.COHORTS.weight(k) > 0, k.name()));
        assertEquals(0.0, LegitMix.COHORTS.weight(LegitKind.INSTITUTION));
        Arrays.stream(LegitKind.values()).forEach(k -> assertTrue(LegitMix.INSTITUTIONS.weight(k) > 0, k.name()));
        assertEquals(LegitMix.COHORTS.withCohortSize(50).withWeight(LegitKind.COHORT_VIRAL, 0.2),
                LegitMix.parse("cohorts,cohort_size=50,cohort_viral=0.2"));
        assertThrows(IllegalArgumentException.class, () -> LegitMix.parse("cohorts,cohort_size=1"));
        assertEquals(LegitMix.INSTITUTIONS, LegitMix.parse("institutions"));
        assertThrows(IllegalArgumentException.class, () -> LegitMix.parse("cohort_robots=0.1"));
        assertEquals(CampaignKind.APP_MIMIC, CampaignSpec.parse("app_mimic:20:ips=3").kind());
        assertThrows(IllegalArgumentException.class, () -> CampaignSpec.parse("benchmark_mimic:0"));
    }
}
