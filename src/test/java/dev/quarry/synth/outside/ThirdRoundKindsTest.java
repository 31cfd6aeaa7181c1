package dev.quarry.synth.outside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The kinds added in the third round: a localisation company, a CI prompt regression suite and an IDE
 * plugin's users (legitimate, coordinated-looking), and farms behind a SaaS front or dividing their sweep
 * across accounts of deliberately different rhythms. Each test draws a small population with the kind
 * boosted and checks the behaviour that defines it.
 */
class ThirdRoundKindsTest {

    @TempDir
    Path dir;

    /** One rendered event with the planner's coordinates. */
    private record Seen(Account account, long ts, int localDay, int session, int event, String prompt, String apiKey,
                        String ip, String status, int completion, String userAgent, String orgId, double temperature) {
    }

    private static Population population(OutsideKind kind, double share, long seed) {
        return Population.build(OutsideOptions.of(1500, 14, seed).withMix(OutsideMix.preset("dev-tools").withShare(kind, share)));
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
                            e.apiKey, e.ip, e.status, e.completionTokens, e.userAgent, e.orgId, e.temperature));
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

    private static DayOfWeek localWeekday(Account a, long ts) {
        return Instant.ofEpochMilli(ts + a.offsetMinutes * Population.MINUTE_MS).atZone(ZoneOffset.UTC).getDayOfWeek();
    }

    private static double localHour(Account a, long ts) {
        long local = ts + a.offsetMinutes * Population.MINUTE_MS;
        return Math.floorMod(local, Population.DAY_MS) / (double) Population.HOUR_MS;
    }

    @Test
    void localisationTranslatesTheSameCatalogueSegmentsIntoOneLocalePerAccountOnBusinessDays() {
        Population p = population(OutsideKind.LEGIT_LOCALISATION, 0.01, 61);
        Group company = accounts(p, OutsideKind.LEGIT_LOCALISATION).get(0).group;
        List<Account> members = accounts(p, OutsideKind.LEGIT_LOCALISATION).stream().filter(a -> a.group == company).toList();
        assertTrue(members.size() >= 2);
        assertEquals(1, members.stream().map(a -> a.orgId).distinct().count(), "one organisation");
        assertEquals(1, members.stream().map(a -> a.card).distinct().count(), "one corporate card");
        assertTrue(members.stream().allMatch(a -> a.hardNegative && !a.kind.campaign()));
        List<Seen> seen = events(p, OutsideKind.LEGIT_LOCALISATION).stream().filter(s -> s.account().group == company).toList();
        assertTrue(seen.size() > 1000, "catalogues are translated in bulk: " + seen.size());
        for (Account a : members) {
            Set<String> locales = seen.stream().filter(s -> s.account() == a && !s.prompt().isEmpty())
                    .map(s -> s.prompt().substring(s.prompt().indexOf("into ") + 5, s.prompt().indexOf(". Keep"))).collect(Collectors.toSet());
            assertTrue(locales.size() <= 1, "one target locale per service account: " + locales);
        }
        // The same source text goes into every locale: strip the instruction, compare what follows the segment line.
        Map<String, Set<Account>> sourceToAccounts = new HashMap<>();
        seen.stream().filter(s -> !s.prompt().isEmpty()).forEach(s -> sourceToAccounts
                .computeIfAbsent(s.prompt().substring(s.prompt().indexOf("[job=")), k -> new HashSet<>()).add(s.account()));
        assertTrue(sourceToAccounts.values().stream().anyMatch(set -> set.size() >= 2), "a segment is translated into several locales");
        assertTrue(seen.stream().allMatch(s -> localWeekday(s.account(), s.ts()).getValue() <= 5), "business days only");
        assertTrue(median(seen.stream().filter(s -> s.status().equals("200")).map(Seen::completion).toList()) > 100,
                "translations are about as long as their source");
        assertEquals(1, seen.stream().map(s -> subnet(s.ip())).distinct().count(), "one office or cloud range");
    }

    @Test
    void ciPipelineRepeatsItsRegressionSuiteExactlyOnEveryMergeAndEveryNight() {
        Population p = population(OutsideKind.LEGIT_CI_PIPELINE, 0.004, 62);
        Account bot = accounts(p, OutsideKind.LEGIT_CI_PIPELINE).get(0);
        int cases = bot.group.suiteCases;
        List<Seen> seen = events(p, OutsideKind.LEGIT_CI_PIPELINE).stream().filter(s -> s.account() == bot).toList();
        Set<String> prompts = seen.stream().map(Seen::prompt).filter(t -> !t.isEmpty()).collect(Collectors.toSet());
        assertTrue(prompts.size() <= cases, "only the suite's " + cases + " cases: " + prompts.size());
        Map<String, Long> perPrompt = seen.stream().filter(s -> !s.prompt().isEmpty())
                .collect(Collectors.groupingBy(Seen::prompt, Collectors.counting()));
        assertTrue(perPrompt.values().stream().allMatch(n -> n >= 10), "every case repeats run after run: " + perPrompt.values());
        assertTrue(seen.stream().allMatch(s -> s.temperature() == 0.0), "deterministic decoding");
        // Nightly runs every day; merge runs only on office days (a rare weekend hotfix aside).
        long nightlyDays = seen.stream().filter(s -> s.session() == ActivityPlanner.SPECIAL).map(Seen::localDay).distinct().count();
        assertTrue(nightlyDays >= p.days() - 1, "a nightly run each day: " + nightlyDays);
        long weekdayMerges = seen.stream().filter(s -> s.session() < ActivityPlanner.SPECIAL && localWeekday(bot, s.ts()).getValue() <= 5).count();
        long weekendMerges = seen.stream().filter(s -> s.session() < ActivityPlanner.SPECIAL && localWeekday(bot, s.ts()).getValue() > 5).count();
        assertTrue(weekdayMerges > 5 * weekendMerges, "merges on office days: " + weekdayMerges + " vs " + weekendMerges);
        // A run sends the whole suite in a burst of minutes.
        List<Seen> run = seen.stream().filter(s -> s.session() == ActivityPlanner.SPECIAL && s.localDay() == 3).toList();
        assertTrue(run.size() >= cases * 0.9, "the whole suite: " + run.size() + " of " + cases);
        long span = run.stream().mapToLong(Seen::ts).max().orElseThrow() - run.stream().mapToLong(Seen::ts).min().orElseThrow();
        assertTrue(span < cases * 3_000L, "in a burst: " + span + " ms");
    }

    @Test
    void idePluginUsersShareOneSystemPromptAndClientButKeepTheirOwnRhythmsAndNetworks() {
        Population p = population(OutsideKind.LEGIT_IDE_PLUGIN, 0.05, 63);
        List<Account> users = accounts(p, OutsideKind.LEGIT_IDE_PLUGIN);
        assertTrue(users.size() >= 50);
        assertEquals(users.size(), users.stream().map(a -> a.orgId).distinct().count(), "unrelated developers");
        List<Seen> seen = events(p, OutsideKind.LEGIT_IDE_PLUGIN);
        assertTrue(seen.stream().filter(s -> !s.prompt().isEmpty()).allMatch(s -> s.prompt().startsWith(PromptBook.IDE_SYSTEM_PROMPT)),
                "every request carries the plugin's system prompt");
        assertTrue(seen.stream().map(Seen::userAgent).filter(ua -> !ua.isEmpty()).allMatch(Catalog.IDE_PLUGINS::contains));
        assertTrue(median(seen.stream().filter(s -> s.status().equals("200")).map(Seen::completion).toList()) < 120,
                "inline completions are short");
        Set<String> subnets = seen.stream().map(s -> subnet(s.ip())).collect(Collectors.toSet());
        assertTrue(subnets.size() > users.size() / 2, "each from their own home or office: " + subnets.size());
        Set<Long> activeHours = seen.stream().map(s -> (s.ts() / Population.HOUR_MS) % 24).collect(Collectors.toSet());
        assertTrue(activeHours.size() >= 20, "developers in many time zones: " + activeHours.size());
        Map<Account, Long> perUser = seen.stream().collect(Collectors.groupingBy(Seen::account, Collectors.counting()));
        long most = perUser.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        long least = perUser.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        assertTrue(most > 5 * least, "individual volumes: " + least + " to " + most);
    }

    @Test
    void saasFrontIsOneOrganisationWhoseKeyPoolCarriesAHarvestUnderItsProductPrompt() {
        Population p = population(OutsideKind.FARM_SAAS_FRONT, 0.01, 64);
        Group front = accounts(p, OutsideKind.FARM_SAAS_FRONT).get(0).group;
        List<Account> members = accounts(p, OutsideKind.FARM_SAAS_FRONT).stream().filter(a -> a.group == front).toList();
        assertTrue(members.size() >= 10);
        assertTrue(!front.campaignId.isEmpty() && members.stream().allMatch(a -> a.kind.campaign()));
        assertEquals(1, members.stream().map(a -> a.orgId).distinct().count(), "one organisation");
        assertEquals(1, members.stream().map(a -> a.card).distinct().count(), "one card");
        assertTrue(members.stream().allMatch(a -> a.email.endsWith("@" + front.mailDomain) && a.apiKeys.length >= 4));
        List<Seen> seen = events(p, OutsideKind.FARM_SAAS_FRONT).stream().filter(s -> s.account().group == front).toList();
        assertTrue(seen.stream().filter(s -> !s.prompt().isEmpty()).allMatch(s -> s.prompt().startsWith("You are " + front.tag)),
                "everything goes through the front's product prompt");
        long harvest = seen.stream().filter(s -> s.prompt().contains("Task ") || s.prompt().contains("Task ID")
                || s.prompt().contains("Q" + front.tag) || s.prompt().contains("item " + front.tag)).count();
        long withPrompt = seen.stream().filter(s -> !s.prompt().isEmpty()).count();
        assertTrue(harvest > withPrompt / 2 && harvest < withPrompt, "mostly harvest, some genuine users: " + harvest + " of " + withPrompt);
        assertTrue(median(seen.stream().filter(s -> s.status().equals("200")).map(Seen::completion).toList()) > 1000, "long answers");
        int[] perHour = new int[24];
        seen.forEach(s -> perHour[(int) (s.ts() / Population.HOUR_MS % 24)]++);
        assertTrue(Arrays.stream(perHour).min().orElseThrow() > 0, "round the clock: " + Arrays.toString(perHour));
        assertEquals(1, seen.stream().map(s -> subnet(s.ip())).distinct().count(), "the front's hosting range");
    }

    @Test
    void splitSweepFarmGivesEachAccountOneCapabilityAndItsOwnVolumeHourAndDays() {
        Population p = population(OutsideKind.FARM_SPLIT_SWEEP, 0.05, 65);
        Group farm = accounts(p, OutsideKind.FARM_SPLIT_SWEEP).get(0).group;
        List<Account> members = accounts(p, OutsideKind.FARM_SPLIT_SWEEP).stream().filter(a -> a.group == farm).toList();
        assertTrue(members.size() >= 30);
        assertEquals(members.size(), members.stream().map(a -> a.orgId).distinct().count(), "no shared organisation");
        assertTrue(members.stream().map(a -> a.country.code()).distinct().count() >= 5, "many countries");
        assertTrue(members.stream().map(a -> a.preferredHour).distinct().count() >= 12, "hours spread over the day");
        List<Seen> seen = events(p, OutsideKind.FARM_SPLIT_SWEEP).stream().filter(s -> s.account().group == farm).toList();
        Map<Account, Set<String>> categories = new HashMap<>();
        seen.stream().filter(s -> !s.prompt().isEmpty())
                .forEach(s -> categories.computeIfAbsent(s.account(), k -> new HashSet<>()).add(capabilityOf(s.prompt())));
        categories.values().forEach(set -> set.remove(""));
        assertTrue(categories.values().stream().allMatch(set -> set.size() <= 1), "each account keeps to one capability");
        Set<String> covered = categories.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        assertTrue(covered.size() >= PromptBook.CAPABILITIES.size() - 1, "together they sweep the list: " + covered);
        assertTrue(seen.stream().noneMatch(s -> s.prompt().contains(farm.tag + "-")), "no operator task ids");
        Map<Account, Long> perAccount = seen.stream().collect(Collectors.groupingBy(Seen::account, Collectors.counting()));
        List<Long> volumes = perAccount.values().stream().sorted().toList();
        assertTrue(volumes.get(volumes.size() * 9 / 10) > 5 * volumes.get(volumes.size() / 10),
                "volumes differ widely: " + volumes);
        Map<Account, Long> activeDays = seen.stream().collect(Collectors.groupingBy(Seen::account,
                Collectors.mapping(Seen::localDay, Collectors.collectingAndThen(Collectors.toSet(), set -> (long) set.size()))));
        assertTrue(activeDays.values().stream().distinct().count() >= 4, "accounts work different numbers of days");
        Set<Integer> firstHours = new HashSet<>();
        perAccount.keySet().forEach(a -> firstHours.add((int) localHour(a, seen.stream().filter(s -> s.account() == a)
                .mapToLong(Seen::ts).min().orElseThrow())));
        assertTrue(firstHours.size() >= 10, "no shared shift: " + firstHours);
        assertTrue(median(seen.stream().filter(s -> s.status().equals("200")).map(Seen::completion).toList()) > 1000, "long answers");
    }

    /** The capability whose task list an item comes from, or blank for cover traffic. */
    private static String capabilityOf(String prompt) {
        String text = prompt.toLowerCase(Locale.ROOT);
        for (int c = 0; c < PromptBook.CAPABILITIES.size(); c++) {
            for (String task : PromptBook.CAPABILITY_TASKS.get(c)) {
                if (text.contains(task.toLowerCase(Locale.ROOT))) {
                    return PromptBook.CAPABILITIES.get(c);
                }
            }
        }
        return "";
    }

    @Test
    void devToolsAndFrontsPresetsAreBuiltAroundTheNewKindsWhileOrdinaryCustomersStayTheMost() {
        Map<OutsideKind, Integer> balanced = OutsideMix.preset("balanced").allot(24_000);
        Map<OutsideKind, Integer> devTools = OutsideMix.preset("dev-tools").allot(24_000);
        Map<OutsideKind, Integer> fronts = OutsideMix.preset("fronts").allot(24_000);
        assertTrue(devTools.get(OutsideKind.LEGIT_IDE_PLUGIN) > 3 * balanced.get(OutsideKind.LEGIT_IDE_PLUGIN));
        assertTrue(devTools.get(OutsideKind.LEGIT_CI_PIPELINE) > 4 * balanced.get(OutsideKind.LEGIT_CI_PIPELINE));
        assertTrue(devTools.get(OutsideKind.FARM_SPLIT_SWEEP) > 2 * balanced.get(OutsideKind.FARM_SPLIT_SWEEP));
        assertTrue(fronts.get(OutsideKind.FARM_SAAS_FRONT) > 4 * balanced.get(OutsideKind.FARM_SAAS_FRONT));
        assertTrue(fronts.get(OutsideKind.LEGIT_LOCALISATION) > 3 * balanced.get(OutsideKind.LEGIT_LOCALISATION));
        assertTrue(fronts.get(OutsideKind.FARM_SPLIT_SWEEP) > 4 * balanced.get(OutsideKind.FARM_SPLIT_SWEEP));
        for (String preset : List.of("dev-tools", "fronts")) {
            OutsideMix mix = OutsideMix.preset(preset);
            assertTrue(mix.campaignShare() > 0.05 && mix.campaignShare() < 0.15, preset + ": farms a minority " + mix.campaignShare());
            Map<OutsideKind, Integer> counts = mix.allot(24_000);
            OutsideKind largest = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            assertEquals(OutsideKind.LEGIT_HOBBYIST, largest, preset + ": ordinary customers are the most");
        }
        // At the seed scale the new kinds' groups grow large (a front's accounts share several cards).
        for (String preset : OutsideMix.presetNames()) {
            assertEquals(24_000, Population.build(OutsideOptions.of(24_000, 14, 67).withMix(OutsideMix.preset(preset))).accounts.length);
        }
    }

    @ParameterizedTest
    @EnumSource(OutsideFormat.class)
    void truthLabelsEveryAccountOfTheNewPresetsOnce(OutsideFormat format) throws IOException {
        for (String preset : List.of("dev-tools", "fronts")) {
            OutsideOptions options = OutsideOptions.of(800, 3, 66).withMix(OutsideMix.preset(preset)).withFormat(format).withReleaseDay(1);
            OutsideExtract x = OutsidePopulation.write(dir.resolve(preset + "-" + format), options);
            Population p = Population.build(options);
            Map<String, String> labels = new HashMap<>();
            try (BufferedReader r = Files.newBufferedReader(x.truth())) {
                assertEquals("account_id,label,campaign_id,hard_negative", r.readLine());
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    String[] fields = line.split(",", -1);
                    assertEquals(null, labels.put(fields[0], fields[1]), "listed once: " + fields[0]);
                    assertEquals(OutsideKind.fromLabel(fields[1]).campaign(), !fields[2].isEmpty(), line);
                }
            }
            assertEquals(p.accounts.length, labels.size(), "every account labelled");
            for (Account a : p.accounts) {
                assertEquals(a.kind.label(), labels.get(a.key(format)), "label of " + a.key(format));
            }
            for (OutsideKind kind : List.of(OutsideKind.LEGIT_LOCALISATION, OutsideKind.LEGIT_CI_PIPELINE, OutsideKind.LEGIT_IDE_PLUGIN,
                    OutsideKind.FARM_SAAS_FRONT, OutsideKind.FARM_SPLIT_SWEEP)) {
                assertTrue(labels.containsValue(kind.label()), preset + " holds " + kind.label());
            }
        }
    }
}
