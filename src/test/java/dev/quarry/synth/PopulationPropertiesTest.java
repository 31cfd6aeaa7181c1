package dev.quarry.synth;

import dev.quarry.model.ProgressListener;
import dev.quarry.synth.ExtractFiles.Account;
import dev.quarry.synth.ExtractFiles.Event;
import dev.quarry.synth.ExtractFiles.Truth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The population an analyst would recognise: every kind present, each campaign's traits, the hard negatives. */
class PopulationPropertiesTest {

    private static final int ACCOUNTS = 600;
    private static final int DAYS = 21;

    @TempDir
    static Path dir;

    static GeneratedExtract extract;
    static List<Event> events;
    static Map<String, Account> accounts;
    static Map<String, Truth> truth;
    static Map<String, List<Event>> byAccount;

    @BeforeAll
    static void generate() throws Exception {
        GeneratorOptions options = GeneratorOptions.defaults(ACCOUNTS, DAYS, 7).withEventsTarget(60_000);
        extract = ExtractGenerator.generate(dir, options, ProgressListener.NONE);
        events = ExtractFiles.events(extract.events());
        accounts = ExtractFiles.accounts(extract.accounts());
        truth = ExtractFiles.truth(extract.truth());
        byAccount = events.stream().collect(Collectors.groupingBy(Event::accountId));
    }

    private static List<String> withLabel(String label) {
        return truth.values().stream().filter(t -> t.label().equals(label)).map(Truth::accountId).toList();
    }

    private static List<Event> eventsOf(Collection<String> accountIds) {
        List<Event> result = new ArrayList<>();
        for (String id : accountIds) {
            result.addAll(byAccount.getOrDefault(id, List.of()));
        }
        return result;
    }

    @Test
    void plantsOneCampaignOfEachKindWithTheDefaultSizes() {
        Map<String, Integer> byLabel = extract.accountsByLabel();
        for (CampaignSpec spec : GeneratorOptions.defaultCampaigns(ACCOUNTS)) {
            assertEquals(spec.accounts(), byLabel.get(spec.kind().label()), spec.kind().label());
        }
        assertEquals(4, extract.campaignCount());
        Set<String> campaignIds = truth.values().stream().map(Truth::campaignId).filter(id -> !id.isEmpty())
                .collect(Collectors.toSet());
        assertEquals(4, campaignIds.size());
    }

    @Test
    void splitsLegitimateAccountsByTheMixWeights() {
        int campaignAccounts = GeneratorOptions.defaultCampaigns(ACCOUNTS).stream().mapToInt(CampaignSpec::accounts).sum();
        int legit = ACCOUNTS - campaignAccounts;
        double total = 0;
        for (LegitKind kind : LegitKind.values()) {
            total += LegitMix.DEFAULT.weight(kind);
        }
        for (LegitKind kind : LegitKind.values()) {
            double expected = legit * LegitMix.DEFAULT.weight(kind) / total;
            int actual = extract.accountsByLabel().getOrDefault(kind.label(), 0);
            assertTrue(Math.abs(actual - expected) <= 1, kind + ": " + actual + " accounts, expected about " + expected);
        }
        assertEquals(ACCOUNTS, truth.size());
        assertEquals(ACCOUNTS, accounts.size());
    }

    @Test
    void marksEveryLegitimateKindButHobbyistsAsHardNegatives() {
        for (Truth t : truth.values()) {
            boolean expected = t.label().startsWith("legit_") && !t.label().equals(LegitKind.HOBBYIST.label());
            assertEquals(expected, t.hardNegative(), t.label());
            assertEquals(t.label().startsWith("campaign_"), !t.campaignId().isEmpty(), t.label());
        }
    }

    @Test
    void keepsTheAnswerKeyOutOfTheExtract() throws Exception {
        String eventsText = Files.readString(extract.events());
        String accountsText = Files.readString(extract.accounts());
        for (String label : new HashSet<>(extract.accountsByLabel().keySet())) {
            assertFalse(eventsText.contains(label), label + " appears in the events file");
            assertFalse(accountsText.contains(label), label + " appears in the accounts file");
        }
        assertFalse(eventsText.contains("C1-"), "a campaign id appears in the events file");
    }

    @Test
    void naiveFarmSharesAFewCardsDatacenterAddressesAndOneClient() {
        List<String> farm = withLabel(CampaignKind.NAIVE_FARM.label());
        Set<String> cards = farm.stream().map(id -> accounts.get(id).fingerprint()).collect(Collectors.toSet());
        assertTrue(cards.size() <= farm.size() / 12 + 1, "cards: " + cards.size());
        List<Event> farmEvents = eventsOf(farm);
        assertTrue(farmEvents.stream().map(Event::ip).distinct().count() <= 4);
        assertEquals(1, farmEvents.stream().map(Event::userAgent).distinct().count());
        Set<String> datacenters = Set.of("AS16509", "AS15169", "AS8075", "AS14061", "AS24940", "AS16276", "AS63949", "AS20473");
        assertTrue(farmEvents.stream().allMatch(e -> datacenters.contains(e.asn())));
        // patterned sign-ups: the same local part with running numbers
        Set<String> prefixes = farm.stream().map(id -> accounts.get(id).email().replaceAll("[0-9]+@.*", ""))
                .collect(Collectors.toSet());
        assertEquals(1, prefixes.size());
    }

    @Test
    void naiveFarmRunsRoundTheClock() {
        int[] byHour = hourHistogram(eventsOf(withLabel(CampaignKind.NAIVE_FARM.label())));
        int min = java.util.Arrays.stream(byHour).min().orElseThrow();
        int max = java.util.Arrays.stream(byHour).max().orElseThrow();
        assertTrue(min > 0.6 * max, "uniform load expected, hours range " + min + ".." + max);
    }

    @Test
    void proxyFarmAccountsWorkTheSameShiftsFromSharedResidentialProxies() {
        List<String> farm = withLabel(CampaignKind.PROXY_FARM.label());
        List<Event> farmEvents = eventsOf(farm);
        int[] byHour = hourHistogram(farmEvents);
        Set<Integer> shiftHours = new HashSet<>();
        for (int h = 0; h < 24; h++) {
            if (byHour[h] > 0.01 * farmEvents.size()) {
                shiftHours.add(h);
            }
        }
        assertTrue(shiftHours.size() <= 13, "shifts cover " + shiftHours.size() + " hours");
        for (String id : farm) {
            List<Event> own = byAccount.get(id);
            long inShift = own.stream().filter(e -> shiftHours.contains(hour(e))).count();
            assertTrue(inShift >= 0.95 * own.size(), id + " works outside the farm's shifts");
        }
        Set<String> cards = farm.stream().map(id -> accounts.get(id).fingerprint()).collect(Collectors.toSet());
        assertEquals(farm.size(), cards.size(), "each proxy-farm account has its own card");
        assertTrue(farm.stream().map(id -> accounts.get(id).cardBin()).distinct().count() <= 3);
        Map<String, Set<String>> accountsPerIp = new HashMap<>();
        for (Event e : farmEvents) {
            accountsPerIp.computeIfAbsent(e.ip(), k -> new HashSet<>()).add(e.accountId());
        }
        assertTrue(accountsPerIp.values().stream().allMatch(s -> s.size() >= 2), "every proxy serves several accounts");
        assertTrue(farmEvents.stream().map(Event::userAgent).distinct().count() >= 10, "user agents are randomized");
    }

    @Test
    void lowAndSlowAccountsShareOnlyTheirScaffoldAndParameterFingerprint() {
        List<String> campaign = withLabel(CampaignKind.LOW_AND_SLOW.label());
        List<Event> campaignEvents = eventsOf(campaign);
        assertTrue(campaignEvents.stream().allMatch(e -> e.maxTokens().equals("4000") && e.temperature().equals("0.6")));
        Map<String, Set<String>> accountsPerIp = new HashMap<>();
        for (Event e : campaignEvents) {
            accountsPerIp.computeIfAbsent(e.ip(), k -> new HashSet<>()).add(e.accountId());
        }
        assertTrue(accountsPerIp.values().stream().allMatch(s -> s.size() == 1), "no address is shared inside the campaign");
        assertEquals(campaign.size(), campaign.stream().map(id -> accounts.get(id).fingerprint()).distinct().count());
        Map<String, Long> lastLines = campaignEvents.stream().collect(Collectors.groupingBy(
                e -> e.prompt().substring(e.prompt().lastIndexOf('\n') + 1), Collectors.counting()));
        long mostCommon = lastLines.values().stream().max(Long::compare).orElseThrow();
        assertEquals(campaignEvents.size(), mostCommon, "every prompt ends with the shared scaffold");
        for (String id : campaign) {
            long tasks = byAccount.get(id).stream().map(PopulationPropertiesTest::taskOf).distinct().count();
            assertTrue(tasks >= 0.9 * Taxonomy.TASKS.size(), id + " covers only " + tasks + " task types");
        }
    }

    @Test
    void lowAndSlowTimingIsRegularWhereHobbyistsAreNot() {
        assertTrue(medianGapVariation(withLabel(CampaignKind.LOW_AND_SLOW.label())) < 0.3);
        assertTrue(medianGapVariation(withLabel(LegitKind.HOBBYIST.label())) > 0.6);
    }

    @Test
    void modelPivotMovesToTheNewModelWithinADayOfItsRelease() {
        long release = extract.releaseTimestamp();
        assertTrue(events.stream().filter(e -> e.model().equals(Models.NEW_RELEASE.name())).allMatch(e -> e.ts() >= release),
                "the new model appears before its release");
        List<String> campaign = withLabel(CampaignKind.MODEL_PIVOT.label());
        for (String id : campaign) {
            long firstUse = byAccount.get(id).stream().filter(e -> e.model().equals(Models.NEW_RELEASE.name()))
                    .mapToLong(Event::ts).min().orElseThrow();
            assertTrue(firstUse - release < 24 * 3_600_000L, id + " pivoted too late");
            List<Event> after = byAccount.get(id).stream().filter(e -> e.ts() >= firstUse).toList();
            assertTrue(after.stream().allMatch(e -> e.model().equals(Models.NEW_RELEASE.name())));
        }
    }

    @Test
    void enterpriseColleaguesLegitimatelyShareBillingOrgAndEgress() {
        Map<String, List<String>> byOrg = withLabel(LegitKind.ENTERPRISE.label()).stream()
                .filter(byAccount::containsKey)
                .collect(Collectors.groupingBy(id -> byAccount.get(id).get(0).orgId()));
        assertTrue(byOrg.size() >= 3);
        for (List<String> members : byOrg.values()) {
            assertTrue(members.size() >= 2);
            assertEquals(1, members.stream().map(id -> accounts.get(id).fingerprint()).distinct().count());
            Set<String> egress = eventsOf(members).stream().map(Event::ip).collect(Collectors.toSet());
            assertTrue(egress.size() <= 4);
        }
    }

    @Test
    void unrelatedPeopleShareNatAddressesWithoutSharingCards() {
        List<String> natUsers = withLabel(LegitKind.SHARED_NAT.label());
        Map<String, Set<String>> accountsPerIp = new HashMap<>();
        for (Event e : eventsOf(natUsers)) {
            accountsPerIp.computeIfAbsent(e.ip(), k -> new HashSet<>()).add(e.accountId());
        }
        long sharedByMany = accountsPerIp.values().stream().filter(s -> s.size() >= 5).count();
        assertTrue(sharedByMany >= 3, "NAT addresses shared by 5+ accounts: " + sharedByMany);
        assertEquals(natUsers.size(), natUsers.stream().map(id -> accounts.get(id).fingerprint()).distinct().count());
    }

    @Test
    void topOnePercentByVolumeIsLegitimateAndNoCampaignAccountStandsOutAlone() {
        List<String> byVolume = new ArrayList<>(byAccount.keySet());
        byVolume.sort(Comparator.comparingInt((String id) -> byAccount.get(id).size()).reversed());
        List<String> top = byVolume.subList(0, ACCOUNTS / 100);
        assertTrue(top.stream().allMatch(id -> truth.get(id).label().startsWith("legit_")));
        int heaviestCampaignAccount = byAccount.entrySet().stream()
                .filter(e -> truth.get(e.getKey()).label().startsWith("campaign_"))
                .mapToInt(e -> e.getValue().size()).max().orElseThrow();
        long heavierLegit = byAccount.entrySet().stream()
                .filter(e -> truth.get(e.getKey()).label().startsWith("legit_") && e.getValue().size() > heaviestCampaignAccount)
                .count();
        assertTrue(heavierLegit >= ACCOUNTS / 50, "only " + heavierLegit + " legitimate accounts out-request every campaign account");
    }

    @Test
    void labsSweepTheTaxonomyFromOneAddressWithFixedParameters() {
        List<Event> labEvents = eventsOf(withLabel(LegitKind.LAB_BENCHMARK.label()));
        Map<String, Long> perIp = labEvents.stream().collect(Collectors.groupingBy(Event::ip, Collectors.counting()));
        assertTrue(perIp.values().stream().max(Long::compare).orElseThrow() > 0.1 * labEvents.size());
        long tasks = labEvents.stream().map(PopulationPropertiesTest::taskOf).distinct().count();
        assertTrue(tasks >= Taxonomy.TASKS.size() - 2);
    }

    @Test
    void fieldsLookLikeRealTraffic() {
        assertTrue(events.stream().anyMatch(e -> e.ip().contains(":")), "some IPv6");
        assertTrue(events.stream().anyMatch(e -> e.ip().contains(".")), "mostly IPv4");
        Map<String, Long> statuses = new TreeMap<>(events.stream().collect(Collectors.groupingBy(Event::status, Collectors.counting())));
        assertEquals(Set.of("ok", "refused", "rate_limited", "error"), statuses.keySet());
        assertTrue(statuses.get("ok") > 0.9 * events.size());
        assertTrue(events.stream().anyMatch(e -> e.prompt().contains("\n")));
        assertTrue(events.stream().anyMatch(e -> e.prompt().contains("\"")));
        assertTrue(events.stream().anyMatch(e -> e.prompt().contains(",")));
        assertEquals(events.size(), events.stream().map(Event::requestId).distinct().count(), "request ids are unique");
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i).ts() >= events.get(i - 1).ts(), "events are in time order");
        }
    }

    @Test
    void holdsAtMostOneDayOfRequestsInMemory() {
        Map<Long, Long> perDay = events.stream().collect(Collectors.groupingBy(e -> e.ts() / 86_400_000L, Collectors.counting()));
        long busiestDay = perDay.values().stream().max(Long::compare).orElseThrow();
        assertEquals(busiestDay, extract.peakBufferedEvents());
        assertTrue(extract.peakBufferedEvents() < extract.eventCount() / 10);
    }

    @Test
    void scalesRatesToTheEventsTarget() throws Exception {
        // lab benchmark runs are few and large, so one extract lands within several percent of the target
        assertEquals(60_000, extract.eventCount(), 60_000 * 0.08);
        assertEquals(extract.eventCount(), events.size());
        GeneratedExtract half = ExtractGenerator.generate(dir.resolve("half"),
                GeneratorOptions.defaults(ACCOUNTS, DAYS, 7).withEventsTarget(30_000), ProgressListener.NONE);
        assertEquals(2.0, extract.eventCount() / (double) half.eventCount(), 0.05);
    }

    private static int hour(Event e) {
        return (int) (e.ts() / 3_600_000L % 24);
    }

    private static int[] hourHistogram(List<Event> events) {
        int[] byHour = new int[24];
        for (Event e : events) {
            byHour[hour(e)]++;
        }
        return byHour;
    }

    /** The task type a prompt was built from, recognised by its subject. */
    private static String taskOf(Event e) {
        for (Taxonomy.Task task : Taxonomy.TASKS) {
            for (String subject : task.subjects()) {
                if (e.prompt().contains(subject) && !task.category().equals("translation")) {
                    return task.id();
                }
            }
            if (task.category().equals("translation") && e.prompt().contains(task.title().replace("translation ", "").split(" to ")[1])
                    && e.prompt().toLowerCase().contains("translat")) {
                return task.id();
            }
        }
        return "unknown";
    }

    /**
     * Median over account-days with 5+ requests of the coefficient of variation of the gaps between them,
     * leaving out the longest gap (a local day straddles two UTC days).
     */
    private static double medianGapVariation(List<String> ids) {
        List<Double> variations = new ArrayList<>();
        for (String id : ids) {
            Map<Long, List<Long>> days = byAccount.getOrDefault(id, List.of()).stream()
                    .collect(Collectors.groupingBy(e -> e.ts() / 86_400_000L, Collectors.mapping(Event::ts, Collectors.toList())));
            for (List<Long> ts : days.values()) {
                if (ts.size() < 5) {
                    continue;
                }
                ts.sort(null);
                double[] all = new double[ts.size() - 1];
                for (int i = 1; i < ts.size(); i++) {
                    all[i - 1] = ts.get(i) - ts.get(i - 1);
                }
                java.util.Arrays.sort(all);
                double[] gaps = java.util.Arrays.copyOf(all, all.length - 1);
                double mean = java.util.Arrays.stream(gaps).average().orElseThrow();
                double sd = Math.sqrt(java.util.Arrays.stream(gaps).map(g -> (g - mean) * (g - mean)).average().orElseThrow());
                variations.add(sd / mean);
            }
        }
        variations.sort(null);
        return variations.get(variations.size() / 2);
    }
}
