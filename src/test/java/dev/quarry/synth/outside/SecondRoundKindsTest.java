package dev.quarry.synth.outside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The kinds added in the second round: legitimate platforms, vendors, events and frameworks that look
 * coordinated, and farms using takeovers, rented households, copied formats, office hours and waves.
 * Each test draws a small population with the kind boosted and checks the behaviour that defines it.
 */
class SecondRoundKindsTest {

    /** One rendered event with the planner's coordinates. */
    private record Seen(Account account, long ts, int localDay, int session, int event, String prompt, String apiKey,
                        String ip, String country, String status, int completion, String model, String userAgent,
                        String orgId) {
    }

    private static Population population(OutsideKind kind, double share, long seed) {
        return Population.build(OutsideOptions.of(1500, 14, seed).withMix(OutsideMix.preset("evasive").withShare(kind, share)));
    }

    private static List<Account> accounts(Population p, OutsideKind kind) {
        return Arrays.stream(p.accounts).filter(a -> a.kind == kind).toList();
    }

    private static List<Seen> events(Population p, OutsideKind kind) {
        ActivityPlanner planner = new ActivityPlanner(p);
        EventRenderer renderer = new EventRenderer(p);
        DayPlan plan = new DayPlan(p.options.maxEventsPerDay());
        RenderedEvent e = new RenderedEvent();
        List<Seen> out = new ArrayList<>();
        for (int day = 0; day < p.days(); day++) {
            planner.planDay(day, plan);
            for (int i = 0; i < plan.size(); i++) {
                long key = plan.key(i);
                Account a = p.accounts[DayPlan.account(key)];
                if (a.kind == kind) {
                    renderer.render(day, key, e);
                    out.add(new Seen(a, e.ts, day + DayPlan.delta(key), DayPlan.session(key), DayPlan.event(key), e.prompt,
                            e.apiKey, e.ip, e.country, e.status, e.completionTokens, e.model.name(), e.userAgent, e.orgId));
                }
            }
        }
        return out;
    }

    private static double median(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String subnet(String ip) {
        return ip.substring(0, ip.lastIndexOf('.'));
    }

    @Test
    void resellerCarriesManyCustomersModelsAndParametersThroughFewKeysAndOneEgress() {
        Population p = population(OutsideKind.LEGIT_RESELLER, 0.004, 41);
        Account platform = accounts(p, OutsideKind.LEGIT_RESELLER).get(0);
        List<Seen> seen = events(p, OutsideKind.LEGIT_RESELLER).stream().filter(s -> s.account() == platform).toList();
        assertTrue(seen.size() > 5000, "an aggregator is busy: " + seen.size());
        assertTrue(seen.stream().map(Seen::model).distinct().count() >= 5, "its customers pick every model");
        assertTrue(seen.stream().map(Seen::apiKey).distinct().count() <= platform.apiKeys.length);
        assertEquals(1, seen.stream().map(Seen::userAgent).filter(ua -> !ua.isEmpty()).distinct().count(), "one gateway client");
        assertEquals(1, seen.stream().map(s -> subnet(s.ip())).distinct().count(), "one egress range");
        Map<String, Long> perPrompt = seen.stream().collect(Collectors.groupingBy(Seen::prompt, Collectors.counting()));
        assertTrue(perPrompt.size() > 300, "end customers write their own prompts: " + perPrompt.size());
        assertTrue(perPrompt.values().stream().allMatch(n -> n < seen.size() / 20), "no one template carries the traffic");
        int[] perHour = new int[24];
        seen.forEach(s -> perHour[(int) (s.ts() / Population.HOUR_MS % 24)]++);
        assertTrue(Arrays.stream(perHour).min().orElseThrow() > 0, "round the clock: " + Arrays.toString(perHour));
    }

    @Test
    void evalVendorClientsAreOrganisationsOfTheirOwnOnOneCardSendingThePublicItemsLabsSend() {
        Population p = population(OutsideKind.LEGIT_EVAL_VENDOR, 0.01, 42);
        List<Account> clients = accounts(p, OutsideKind.LEGIT_EVAL_VENDOR).stream()
                .filter(a -> a.group == accounts(p, OutsideKind.LEGIT_EVAL_VENDOR).get(0).group).toList();
        assertTrue(clients.size() >= 3);
        assertEquals(clients.size(), clients.stream().map(a -> a.orgId).distinct().count(), "one organisation per client");
        assertEquals(1, clients.stream().map(a -> a.card).distinct().count(), "billed to the vendor's card");
        Set<String> publicItems = new HashSet<>();
        for (PromptBook.Benchmark b : PromptBook.EVAL_BENCHMARKS) {
            for (int i = 0; i < b.items(); i++) {
                publicItems.add(PromptBook.benchmarkItem(b, i));
            }
        }
        List<Seen> seen = events(p, OutsideKind.LEGIT_EVAL_VENDOR);
        assertTrue(seen.size() > 1000);
        assertTrue(seen.stream().filter(s -> !s.prompt().isEmpty()).allMatch(s -> publicItems.contains(s.prompt())),
                "only public benchmark items");
        assertTrue(seen.stream().map(s -> s.prompt().substring(0, Math.min(30, s.prompt().length()))).distinct().count() >= 5,
                "many benchmarks, not one");
        assertTrue(median(seen.stream().filter(s -> s.status().equals("200")).map(Seen::completion).toList()) < 300,
                "graded answers are short");
    }

    @Test
    void syntheticDataVendorIsLegitimateThoughItTakesLongAnswersOverATaxonomy() {
        Population p = population(OutsideKind.LEGIT_SYNTHETIC_DATA_VENDOR, 0.004, 43);
        List<Account> workers = accounts(p, OutsideKind.LEGIT_SYNTHETIC_DATA_VENDOR);
        assertTrue(workers.stream().allMatch(a -> !a.kind.campaign() && a.hardNegative), "legitimate by contract");
        assertTrue(workers.stream().allMatch(a -> a.plan.equals("enterprise") && a.createdAt < p.windowStart - 20 * Population.DAY_MS));
        assertEquals(workers.stream().map(a -> a.group).distinct().count(), workers.stream().map(a -> a.orgId).distinct().count(),
                "one organisation per vendor");
        List<Seen> seen = events(p, OutsideKind.LEGIT_SYNTHETIC_DATA_VENDOR);
        assertTrue(median(seen.stream().filter(s -> s.status().equals("200")).map(Seen::completion).toList()) > 1500,
                "long generated examples");
        long domains = PromptBook.CAPABILITIES.stream().filter(c -> seen.stream().anyMatch(s -> s.prompt().contains("'" + c + "'"))).count();
        assertEquals(PromptBook.CAPABILITIES.size(), domains, "the contract's taxonomy is swept");
    }

    @Test
    void hackathonAccountsOpenWithinHoursAtOneVenueAndTypeTheSameTutorial() {
        Population p = population(OutsideKind.LEGIT_HACKATHON, 0.08, 44);
        Group event = accounts(p, OutsideKind.LEGIT_HACKATHON).get(0).group;
        List<Account> members = accounts(p, OutsideKind.LEGIT_HACKATHON).stream().filter(a -> a.group == event).toList();
        long first = members.stream().mapToLong(a -> a.createdAt).min().orElseThrow();
        long last = members.stream().mapToLong(a -> a.createdAt).max().orElseThrow();
        assertTrue(members.size() >= 20 && last - first <= 3 * Population.HOUR_MS, "signed up together: " + (last - first));
        assertTrue(first >= p.windowStart, "during the window");
        List<Seen> seen = events(p, OutsideKind.LEGIT_HACKATHON).stream().filter(s -> s.account().group == event).toList();
        List<Seen> tutorial = seen.stream().filter(s -> s.session() == 0 && !s.prompt().isEmpty()).toList();
        assertTrue(tutorial.stream().map(s -> s.account()).distinct().count() > members.size() / 2, "most follow the tutorial");
        assertTrue(tutorial.stream().allMatch(s -> PromptBook.TUTORIAL_STEPS.contains(s.prompt())), "verbatim");
        Set<String> venue = seen.stream().filter(s -> event.active(s.localDay())).map(s -> subnet(s.ip())).collect(Collectors.toSet());
        assertEquals(1, venue.size(), "the venue's network during the event");
        long after = seen.stream().filter(s -> s.localDay() > event.activeTo).count();
        assertTrue(after < seen.size() / 5, "quiet afterwards: " + after + " of " + seen.size());
    }

    @Test
    void universityDepartmentsHoldTheirOwnOrganisationsButOneCardAndOneCampusNetwork() {
        Population p = population(OutsideKind.LEGIT_UNIVERSITY, 0.03, 45);
        Group university = accounts(p, OutsideKind.LEGIT_UNIVERSITY).get(0).group;
        List<Account> staff = accounts(p, OutsideKind.LEGIT_UNIVERSITY).stream().filter(a -> a.group == university).toList();
        assertTrue(staff.stream().map(a -> a.orgId).distinct().count() >= 2, "departments are separate organisations");
        assertEquals(1, staff.stream().map(a -> a.card).distinct().count(), "the procurement card");
        assertTrue(staff.stream().allMatch(a -> a.email.endsWith("." + university.mailDomain)), "department mail subdomains");
        List<Seen> seen = events(p, OutsideKind.LEGIT_UNIVERSITY).stream().filter(s -> s.account().group == university).toList();
        Map<String, Long> bySubnet = seen.stream().collect(Collectors.groupingBy(s -> subnet(s.ip()), Collectors.counting()));
        long campus = bySubnet.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertTrue(campus > seen.size() / 2, "most requests leave through the campus NAT");
    }

    @Test
    void agentFrameworkRetriesAThrottledStepWithTheSamePromptAfterABackoff() {
        Population p = population(OutsideKind.LEGIT_AGENT_FRAMEWORK, 0.1, 46);
        List<Seen> seen = events(p, OutsideKind.LEGIT_AGENT_FRAMEWORK);
        assertTrue(seen.stream().map(Seen::account).distinct().count() > 100, "thousands of unrelated users, in small");
        assertTrue(seen.stream().map(Seen::orgId).distinct().count() > 50, "each their own organisation or none");
        assertTrue(seen.stream().filter(s -> !s.prompt().isEmpty()).allMatch(s -> s.prompt().startsWith(PromptBook.AGENT_SYSTEM_PROMPT)),
                "the framework's default prompt");
        Map<String, Seen> byStep = new HashMap<>();
        seen.forEach(s -> byStep.put(s.account().index + "/" + s.localDay() + "/" + s.session() + "/" + s.event(), s));
        int retries = 0;
        for (Seen s : seen) {
            if (s.status().equals("429")) {
                Seen next = byStep.get(s.account().index + "/" + s.localDay() + "/" + s.session() + "/" + (s.event() + 1));
                if (next != null && !s.prompt().isEmpty() && !next.prompt().isEmpty()) {
                    assertEquals(s.prompt(), next.prompt(), "a retry repeats the step");
                    assertTrue(next.ts() - s.ts() >= 1000 && next.ts() - s.ts() < 20_000, "after a backoff");
                    retries++;
                }
            }
        }
        assertTrue(retries > 50, "throttled steps are retried: " + retries);
    }

    @Test
    void agentFrameworkUsersOnTheLatestAliasSwitchToTheNewModelTogetherAtTheRelease() {
        Population p = Population.build(OutsideOptions.of(1500, 6, 52).withReleaseDay(3)
                .withMix(OutsideMix.preset("evasive").withShare(OutsideKind.LEGIT_AGENT_FRAMEWORK, 0.15)));
        List<Seen> seen = events(p, OutsideKind.LEGIT_AGENT_FRAMEWORK);
        assertTrue(seen.stream().filter(s -> s.ts() < p.releaseAt).noneMatch(s -> s.model().equals(Catalog.NEW_RELEASE.name())));
        Set<Account> switched = seen.stream().filter(s -> s.ts() >= p.releaseAt && s.ts() < p.releaseAt + 6 * Population.HOUR_MS
                && s.model().equals(Catalog.NEW_RELEASE.name())).map(Seen::account).collect(Collectors.toSet());
        assertTrue(switched.size() >= 10, "unrelated users switch within hours of the release: " + switched.size());
        for (Account a : switched) {
            assertTrue(seen.stream().filter(s -> s.account() == a && s.ts() >= p.releaseAt)
                    .allMatch(s -> s.model().equals(Catalog.NEW_RELEASE.name())), "the alias moved for good");
        }
    }

    @Test
    void supportProductLoadRollsRoundTheGlobeWithItsTenantsOfficeHours() {
        Population p = population(OutsideKind.LEGIT_SUPPORT_PRODUCT, 0.004, 53);
        List<Seen> seen = events(p, OutsideKind.LEGIT_SUPPORT_PRODUCT);
        long[] weekdayHours = new long[24];
        long weekday = 0;
        long weekend = 0;
        for (Seen s : seen) {
            ZonedDateTime utc = Instant.ofEpochMilli(s.ts()).atZone(ZoneOffset.UTC);
            if (utc.getDayOfWeek() == DayOfWeek.SATURDAY || utc.getDayOfWeek() == DayOfWeek.SUNDAY) {
                weekend++;
            } else {
                weekday++;
                weekdayHours[utc.getHour()]++;
            }
        }
        assertTrue(Arrays.stream(weekdayHours).filter(n -> n > 0).count() == 24, "someone's office is open: " + Arrays.toString(weekdayHours));
        long peak = Arrays.stream(weekdayHours).max().orElseThrow();
        long trough = Arrays.stream(weekdayHours).min().orElseThrow();
        assertTrue(peak > 2 * trough, "but the load follows the offices: " + Arrays.toString(weekdayHours));
        assertTrue(weekday / 10.0 > 3 * weekend / 4.0, "weekdays carry it: " + weekday + " over 10 days, " + weekend + " over 4");
        Group vendor = accounts(p, OutsideKind.LEGIT_SUPPORT_PRODUCT).get(0).group;
        assertEquals(1, seen.stream().filter(s -> s.account().group == vendor).map(Seen::userAgent).filter(ua -> !ua.isEmpty())
                .distinct().count(), "one vendor, one server client");
    }

    @Test
    void compromisedAccountsKeepTheirOwnersHistoryUntilTheOperatorAddsItsKey() {
        Population p = population(OutsideKind.FARM_COMPROMISED, 0.02, 47);
        List<Account> victims = accounts(p, OutsideKind.FARM_COMPROMISED);
        assertTrue(victims.stream().allMatch(a -> a.kind.campaign() && !a.group.campaignId.isEmpty()));
        assertTrue(victims.stream().allMatch(a -> a.createdAt < p.windowStart), "real, older accounts");
        assertTrue(victims.stream().map(a -> a.card).distinct().count() == victims.size(), "their owners' own cards");
        assertTrue(victims.stream().map(a -> a.createdAt / Population.DAY_MS).distinct().count() > victims.size() / 2,
                "opened on many different days");
        List<Seen> seen = events(p, OutsideKind.FARM_COMPROMISED);
        for (Seen s : seen) {
            if (s.localDay() < s.account().firstDay) {
                assertEquals(s.account().apiKeys[0], s.apiKey().isEmpty() ? s.account().apiKeys[0] : s.apiKey(),
                        "before the takeover only the owner's key");
            }
        }
        List<Seen> harvest = seen.stream().filter(s -> s.apiKey().equals(s.account().apiKeys[1])).toList();
        assertTrue(harvest.size() > seen.size() / 2, "the operator's traffic dominates once it starts");
        assertTrue(harvest.stream().allMatch(s -> s.localDay() >= s.account().firstDay));
        assertTrue(median(harvest.stream().filter(s -> s.status().equals("200")).map(Seen::completion).toList()) > 1500);
    }

    @Test
    void residentialPrepaidFarmGivesEachAccountItsOwnHouseholdCardAndCountry() {
        Population p = population(OutsideKind.FARM_RESIDENTIAL_PREPAID, 0.03, 48);
        Group farm = accounts(p, OutsideKind.FARM_RESIDENTIAL_PREPAID).get(0).group;
        List<Account> members = accounts(p, OutsideKind.FARM_RESIDENTIAL_PREPAID).stream().filter(a -> a.group == farm).toList();
        assertEquals(members.size(), members.stream().map(a -> a.card).distinct().count(), "a prepaid card each");
        assertTrue(members.stream().map(a -> a.bin).distinct().count() >= 4, "from many BINs");
        assertTrue(members.stream().allMatch(a -> Geography.PREPAID_BINS.contains(a.bin)));
        assertTrue(members.stream().map(a -> a.billingCountry).distinct().count() >= 5, "many countries");
        List<Seen> seen = events(p, OutsideKind.FARM_RESIDENTIAL_PREPAID).stream().filter(s -> s.account().group == farm).toList();
        Map<String, Set<String>> addressesPerStretch = seen.stream().collect(Collectors.groupingBy(
                s -> s.account().index + "/" + Math.floorDiv(s.localDay(), 3), Collectors.mapping(Seen::ip, Collectors.toSet())));
        assertTrue(addressesPerStretch.values().stream().allMatch(ips -> ips.size() == 1), "one sticky address for days");
        Map<String, Set<Integer>> accountsPerAddress = seen.stream().collect(Collectors.groupingBy(Seen::ip,
                Collectors.mapping(s -> s.account().index, Collectors.toSet())));
        assertTrue(accountsPerAddress.values().stream().allMatch(a -> a.size() == 1), "no address shared between accounts");
    }

    @Test
    void novelBenchmarkFarmCopiesAPublicFormatButNeverSendsAPublicItemAndSplitsItsItems() {
        Population p = population(OutsideKind.FARM_BENCHMARK_NOVEL, 0.02, 49);
        List<Seen> seen = events(p, OutsideKind.FARM_BENCHMARK_NOVEL).stream()
                .filter(s -> !s.prompt().isEmpty() && s.userAgent().equals(Catalog.HARNESS)).toList();
        assertTrue(seen.size() > 1000);
        Set<String> publicItems = new HashSet<>();
        for (PromptBook.Benchmark b : PromptBook.BENCHMARKS) {
            for (int i = 0; i < b.items(); i++) {
                publicItems.add(PromptBook.benchmarkItem(b, i));
            }
        }
        // gsm8k and mmlu_pro open with their instruction; math500 closes with it.
        String gsm8k = PromptBook.benchmarkItem(PromptBook.BENCHMARKS.get(0), 0).substring(0, 60);
        String mmlu = PromptBook.benchmarkItem(PromptBook.BENCHMARKS.get(1), 0).substring(0, 50);
        String math500 = "Please reason step by step, and put your final answer within \\boxed{}.";
        List<Seen> styled = seen.stream().filter(s -> s.prompt().startsWith(gsm8k) || s.prompt().startsWith(mmlu)
                || s.prompt().endsWith(math500)).toList();
        assertTrue(styled.size() > seen.size() / 2, "in a public benchmark's wrapper: " + styled.size() + " of " + seen.size());
        assertTrue(styled.stream().noneMatch(s -> publicItems.contains(s.prompt())), "never a public item");
        Map<String, Set<Integer>> accountsPerItem = styled.stream().collect(Collectors.groupingBy(Seen::prompt,
                Collectors.mapping(s -> s.account().index, Collectors.toSet())));
        assertTrue(accountsPerItem.values().stream().allMatch(a -> a.size() == 1), "items split across accounts without overlap");
    }

    @Test
    void officeHoursFarmWorksOnlyBusinessHoursOfOneZoneButThroughItsHolidays() {
        Population p = Population.build(OutsideOptions.of(1500, 28, 50).withReleaseDay(28)
                .withMix(OutsideMix.preset("evasive").withShare(OutsideKind.FARM_OFFICE_HOURS, 0.02)));
        Group farm = accounts(p, OutsideKind.FARM_OFFICE_HOURS).get(0).group;
        List<Seen> seen = events(p, OutsideKind.FARM_OFFICE_HOURS).stream().filter(s -> s.account().group == farm).toList();
        assertTrue(seen.size() > 1000);
        for (Seen s : seen) {
            ZonedDateTime local = Instant.ofEpochMilli(s.ts()).atZone(ZoneOffset.ofTotalSeconds(farm.offsetMinutes * 60));
            double hour = local.getHour() + local.getMinute() / 60.0;
            assertTrue(hour >= 9 && hour < 17.5 && !(hour >= 12 && hour < 13), "office hours: " + local);
            assertFalse(local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY, "weekdays: " + local);
        }
        assertEquals(1, seen.stream().map(Seen::orgId).filter(o -> !o.isEmpty()).distinct().count(), "one team organisation");
    }

    @Test
    void waveFarmAccountsLiveAFewDaysAndTheNextWaveOpensAsTheyRetire() {
        Population p = population(OutsideKind.FARM_WAVES, 0.1, 51);
        Group farm = accounts(p, OutsideKind.FARM_WAVES).get(0).group;
        List<Account> members = accounts(p, OutsideKind.FARM_WAVES).stream().filter(a -> a.group == farm).toList();
        Set<Integer> waves = members.stream().map(a -> a.firstDay).collect(Collectors.toSet());
        assertTrue(waves.size() >= 2, "several waves: " + waves);
        List<Seen> seen = events(p, OutsideKind.FARM_WAVES).stream().filter(s -> s.account().group == farm).toList();
        Map<Integer, Set<Integer>> daysPerAccount = seen.stream().collect(Collectors.groupingBy(s -> s.account().index,
                Collectors.mapping(Seen::localDay, Collectors.toSet())));
        assertTrue(daysPerAccount.values().stream().allMatch(d -> d.size() <= 4), "each account lives at most four days");
        for (int wave : waves) {
            List<Long> opened = members.stream().filter(a -> a.firstDay == wave).map(a -> a.createdAt).toList();
            long spread = opened.stream().mapToLong(Long::longValue).max().orElseThrow() - opened.stream().mapToLong(Long::longValue).min().orElseThrow();
            assertTrue(spread < Population.DAY_MS, "a wave is opened within hours: " + spread);
            assertTrue(opened.stream().allMatch(t -> t < p.windowStart + wave * Population.DAY_MS), "before it works");
        }
    }
}
