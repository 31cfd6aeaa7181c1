package dev.quarry.synth.outside;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.model.AccountField;
import dev.quarry.model.EventField;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutsidePopulationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static OutsideOptions small(OutsideFormat format) {
        return OutsideOptions.of(300, 3, 11).withFormat(format).withReleaseDay(1);
    }

    private static Reader reader(Path path) throws IOException {
        InputStream in = Files.newInputStream(path);
        if (path.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static List<CSVRecord> csv(Path path, char delimiter) throws IOException {
        try (CSVParser p = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .get().parse(reader(path))) {
            return p.getRecords();
        }
    }

    private static List<String> header(Path path, char delimiter) throws IOException {
        try (CSVParser p = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().get().parse(reader(path))) {
            return p.getHeaderNames();
        }
    }

    private static List<JsonNode> jsonLines(Path path) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(reader(path))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty()) {
                    out.add(JSON.readTree(line));
                }
            }
        }
        return out;
    }

    private static Map<String, CSVRecord> truth(OutsideExtract x) throws IOException {
        Map<String, CSVRecord> byAccount = new HashMap<>();
        for (CSVRecord r : csv(x.truth(), ',')) {
            assertEquals(null, byAccount.put(r.get("account_id"), r), "truth lists " + r.get("account_id") + " twice");
        }
        return byAccount;
    }

    /** The account key of every event, whatever the format. */
    private static List<String> eventAccounts(OutsideExtract x) throws IOException {
        List<String> keys = new ArrayList<>();
        switch (x.format()) {
            case CANONICAL_CSV -> csv(x.events(), ',').forEach(r -> keys.add(r.get("account_id")));
            case RENAMED_CSV -> csv(x.events(), ';').forEach(r -> keys.add(r.get("user_id")));
            case JSONL -> jsonLines(x.events()).forEach(n -> keys.add(n.at("/account/id").asText()));
            case BEDROCK -> jsonLines(x.events()).forEach(n -> keys.add(n.at("/identity/arn").asText()));
        }
        return keys;
    }

    @ParameterizedTest
    @EnumSource(OutsideFormat.class)
    void sameSeedAndOptionsWriteIdenticalBytes(OutsideFormat format) throws IOException {
        OutsideOptions options = small(format).withGzip(format == OutsideFormat.BEDROCK);
        OutsideExtract first = OutsidePopulation.write(dir.resolve("a"), options);
        OutsideExtract second = OutsidePopulation.write(dir.resolve("b"), options);
        assertArrayEquals(Files.readAllBytes(first.events()), Files.readAllBytes(second.events()));
        assertArrayEquals(Files.readAllBytes(first.truth()), Files.readAllBytes(second.truth()));
        if (first.accounts().isPresent()) {
            assertArrayEquals(Files.readAllBytes(first.accounts().get()), Files.readAllBytes(second.accounts().get()));
        }
        assertTrue(first.eventCount() > 1000, "a 300-account, 3-day extract should not be nearly empty: " + first.eventCount());
    }

    @Test
    void anotherSeedWritesAnotherExtract() throws IOException {
        OutsideExtract a = OutsidePopulation.write(dir.resolve("a"), small(OutsideFormat.CANONICAL_CSV));
        OutsideExtract b = OutsidePopulation.write(dir.resolve("b"),
                OutsideOptions.of(300, 3, 12).withReleaseDay(1));
        assertFalse(Arrays.equals(Files.readAllBytes(a.truth()), Files.readAllBytes(b.truth())));
        assertNotEquals(Files.size(a.events()), Files.size(b.events()));
    }

    @ParameterizedTest
    @EnumSource(OutsideFormat.class)
    void truthCoversEveryAccountInTheEvents(OutsideFormat format) throws IOException {
        OutsideExtract x = OutsidePopulation.write(dir, small(format));
        Map<String, CSVRecord> truth = truth(x);
        List<String> keys = eventAccounts(x);
        assertEquals(x.eventCount(), keys.size());
        Set<String> missing = new HashSet<>(keys);
        missing.removeAll(truth.keySet());
        assertTrue(missing.isEmpty(), "accounts in events but not in truth: " + missing);
        assertEquals(x.accountsWithEvents(), new HashSet<>(keys).size());
        for (CSVRecord r : truth.values()) {
            OutsideKind kind = OutsideKind.fromLabel(r.get("label"));
            assertEquals(kind.campaign(), !r.get("campaign_id").isEmpty(), "campaign id iff positive: " + r);
            if (kind.campaign()) {
                assertEquals("false", r.get("hard_negative"));
            }
        }
        assertTrue(truth.values().stream().anyMatch(r -> r.get("hard_negative").equals("true")));
        assertTrue(truth.values().stream().anyMatch(r -> r.get("label").equals("legit_hobbyist") && r.get("hard_negative").equals("false")));
        if (format == OutsideFormat.BEDROCK) {
            assertTrue(truth.keySet().stream().allMatch(k -> k.startsWith("arn:aws:")), "Bedrock truth is keyed by caller ARN");
        }
    }

    @Test
    void canonicalCsvCarriesEveryFieldAndParsesPromptsWithNewlinesAndQuotes() throws IOException {
        OutsideExtract x = OutsidePopulation.write(dir, small(OutsideFormat.CANONICAL_CSV));
        List<String> expected = Arrays.stream(EventField.values()).map(EventField::column).toList();
        assertEquals(expected, header(x.events(), ','));
        List<CSVRecord> rows = csv(x.events(), ',');
        assertEquals(x.eventCount(), rows.size());
        Map<String, Long> created = new HashMap<>();
        for (CSVRecord r : csv(x.accounts().orElseThrow(), ',')) {
            created.put(r.get("account_id"), Instant.parse(r.get("created_at")).toEpochMilli());
        }
        boolean newline = false;
        boolean quote = false;
        long previous = Long.MIN_VALUE;
        Set<String> requestIds = new HashSet<>();
        for (CSVRecord r : rows) {
            assertEquals(expected.size(), r.size(), "row " + r.getRecordNumber());
            long ts = Instant.parse(r.get("ts")).toEpochMilli();
            assertTrue(ts >= previous, "events are in time order");
            assertTrue(ts >= created.get(r.get("account_id")), "no request before its account was opened: " + r);
            previous = ts;
            assertTrue(requestIds.add(r.get("request_id")), "request ids are unique");
            int prompt = Integer.parseInt(r.get("prompt_tokens"));
            int completion = Integer.parseInt(r.get("completion_tokens"));
            if (!r.get("max_tokens").isEmpty()) {
                assertTrue(completion <= Integer.parseInt(r.get("max_tokens")), "completion within max_tokens: " + r);
            }
            if (r.get("status").equals("200") && !r.get("prompt_text").isEmpty()) {
                assertTrue(prompt >= r.get("prompt_text").length() / 5, "prompt tokens fit the text: " + r);
            }
            newline |= r.get("prompt_text").contains("\n");
            quote |= r.get("prompt_text").contains("\"");
        }
        assertTrue(newline && quote, "some prompts carry newlines and quotes");
        assertEquals(Arrays.stream(AccountField.values()).map(AccountField::column).toList(),
                header(x.accounts().orElseThrow(), ','));
        assertEquals(300, csv(x.accounts().orElseThrow(), ',').size());
    }

    @Test
    void renamedCsvUsesOtherNamesSemicolonsCrlfAndEpochMilliseconds() throws IOException {
        OutsideExtract x = OutsidePopulation.write(dir, small(OutsideFormat.RENAMED_CSV).withGzip(true));
        assertTrue(x.events().getFileName().toString().endsWith(".csv.gz"));
        assertEquals(List.of(EventSink.RENAMED_HEADER), header(x.events(), ';'));
        List<CSVRecord> rows = csv(x.events(), ';');
        assertEquals(x.eventCount(), rows.size());
        long start = Instant.parse("2026-11-02T00:00:00Z").toEpochMilli();
        for (CSVRecord r : rows) {
            long created = Long.parseLong(r.get("created"));
            assertTrue(created >= start && created < start + 3 * Population.DAY_MS, "epoch ms inside the window");
        }
        String text;
        try (Reader r = reader(x.events())) {
            char[] buf = new char[4096];
            text = new String(buf, 0, r.read(buf));
        }
        assertTrue(text.startsWith(String.join(";", EventSink.RENAMED_HEADER) + "\r\n"), "CRLF after the header");
        assertEquals(List.of(OutsidePopulation.RENAMED_ACCOUNT_HEADER), header(x.accounts().orElseThrow(), ';'));
    }

    @Test
    void jsonLinesAreNestedObjectsWithUsage() throws IOException {
        OutsideExtract x = OutsidePopulation.write(dir, small(OutsideFormat.JSONL));
        List<JsonNode> lines = jsonLines(x.events());
        assertEquals(x.eventCount(), lines.size());
        for (JsonNode n : lines) {
            assertTrue(n.at("/account/id").isTextual());
            assertTrue(n.at("/request/model").isTextual());
            assertTrue(n.at("/response/usage/completion_tokens").isInt());
            Instant.parse(n.get("timestamp").asText());
        }
        assertTrue(lines.stream().anyMatch(n -> n.at("/request/messages/0/content").asText().contains("\n")));
    }

    @Test
    void bedrockLogsCarryTheCallerArnAndNoNetworkOrBillingData() throws IOException {
        OutsideExtract x = OutsidePopulation.write(dir, small(OutsideFormat.BEDROCK));
        assertTrue(x.accounts().isEmpty());
        assertFalse(Files.exists(dir.resolve("accounts.csv")));
        Set<String> shapes = new HashSet<>();
        for (JsonNode n : jsonLines(x.events())) {
            assertEquals("ModelInvocationLog", n.get("schemaType").asText());
            assertTrue(n.get("accountId").asText().matches("\\d{12}"));
            assertTrue(n.at("/identity/arn").asText().startsWith("arn:aws:"));
            assertTrue(n.at("/input/inputTokenCount").isInt());
            JsonNode body = n.at("/input/inputBodyJson");
            shapes.add(body.has("messages") ? "messages" : body.has("prompt") ? "prompt" : body.has("inputText") ? "inputText" : "?");
            assertFalse(n.toString().contains("user_agent") || n.has("ip") || n.has("sourceIpAddress"));
        }
        assertEquals(Set.of("messages", "prompt", "inputText"), shapes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"balanced", "cohort-heavy", "farm-heavy", "quiet", "hidden", "platforms", "evasive", "launch-week", "dev-tools", "fronts"})
    void everyKindIsPresentInEachPreset(String preset) {
        Population p = Population.build(OutsideOptions.of(6000, 30, 5).withMix(OutsideMix.preset(preset)));
        Set<OutsideKind> kinds = new HashSet<>();
        for (Account a : p.accounts) {
            kinds.add(a.kind);
        }
        assertEquals(Set.of(OutsideKind.values()), kinds);
        assertEquals(6000, p.accounts.length);
        for (Group g : p.groups) {
            if (g.kind.campaign()) {
                assertTrue(g.size >= 10, "a farm has at least 10 accounts: " + g.campaignId + " " + g.size);
            }
        }
    }

    @Test
    void farmSizesRangeFromTensToOverAThousand() {
        Population p = Population.build(OutsideOptions.of(24_000, 30, 2024).withMix(OutsideMix.preset("farm-heavy")));
        int smallest = Integer.MAX_VALUE;
        int largest = 0;
        Set<String> ids = new HashSet<>();
        for (Group g : p.groups) {
            if (g.kind.campaign()) {
                smallest = Math.min(smallest, g.size);
                largest = Math.max(largest, g.size);
                assertTrue(ids.add(g.campaignId));
            }
        }
        assertTrue(smallest < 40, "smallest farm " + smallest);
        assertTrue(largest >= 1000, "largest farm " + largest);
    }

    @Test
    void overridingAShareToZeroRemovesTheKind() {
        OutsideMix mix = OutsideMix.preset("balanced").withShare(OutsideKind.FARM_PROXY, 0);
        Population p = Population.build(OutsideOptions.of(2000, 5, 1).withMix(mix));
        assertTrue(Arrays.stream(p.accounts).noneMatch(a -> a.kind == OutsideKind.FARM_PROXY));
        assertTrue(Arrays.stream(p.accounts).anyMatch(a -> a.kind == OutsideKind.FARM_LOW_SLOW));
        assertThrows(IllegalArgumentException.class, () -> OutsideMix.preset("balanced").withShare(OutsideKind.FARM_PROXY, 1.5));
        assertThrows(IllegalArgumentException.class, () -> OutsideMix.preset("unheard-of"));
    }

    @Test
    void planningADayHoldsOnlyThatDaysEventsWhateverTheWindowLength() {
        OutsideOptions shortWindow = OutsideOptions.of(1500, 5, 9).withReleaseDay(40);
        OutsideOptions longWindow = OutsideOptions.of(1500, 60, 9).withReleaseDay(40);
        DayPlan a = new DayPlan(shortWindow.maxEventsPerDay());
        DayPlan b = new DayPlan(longWindow.maxEventsPerDay());
        new ActivityPlanner(Population.build(shortWindow)).planDay(2, a);
        Population longPopulation = Population.build(longWindow);
        new ActivityPlanner(longPopulation).planDay(2, b);
        assertTrue(a.size() > 500, "day 2 plans events: " + a.size());
        for (int i = 0; i < b.size(); i++) {
            assertTrue(DayPlan.msInDay(b.key(i)) < Population.DAY_MS);
            assertTrue(i == 0 || b.key(i - 1) <= b.key(i), "sorted");
        }
        assertTrue(b.capacity() <= 4L * Math.max(b.size(), 1 << 14), "capacity follows the day's events, not the window");
        int busiest = 0;
        for (int day = 0; day < 60; day += 7) {
            new ActivityPlanner(longPopulation).planDay(day, b);
            busiest = Math.max(busiest, b.size());
        }
        assertTrue(b.capacity() <= 2L * busiest + (1 << 14), "capacity " + b.capacity() + " vs busiest day " + busiest);
    }

    @Test
    void aDayBeyondThePerDayLimitFailsWithAClearMessage() {
        OutsideOptions options = OutsideOptions.of(3000, 3, 9).withMaxEventsPerDay(1000);
        DayPlan plan = new DayPlan(options.maxEventsPerDay());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new ActivityPlanner(Population.build(options)).planDay(1, plan));
        assertTrue(e.getMessage().contains("more than 1000 events"), e.getMessage());
    }

    @Test
    void rejectsOptionsOutsideTheirRange() {
        assertThrows(IllegalArgumentException.class, () -> OutsideOptions.of(10, 30, 1));
        assertThrows(IllegalArgumentException.class, () -> OutsideOptions.of(1000, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> OutsideOptions.of(OutsideOptions.MAX_ACCOUNTS + 1, 3, 1));
    }

    @Test
    void sizingForAnEventTargetShortensTheWindowInProportion() {
        OutsideOptions month = OutsideOptions.of(400, 28, 23).withMix(OutsideMix.preset("launch-week"));
        long planned = OutsidePopulation.plannedEvents(month);
        OutsideOptions half = OutsidePopulation.sizedForEvents(month, planned / 2, 7);
        assertTrue(half.days() >= 11 && half.days() <= 17, "half the events in about half the days: " + half.days());
        assertEquals(OutsideOptions.defaultReleaseDay(half.days()), half.releaseDay(), "the release moves with the window");
        long sized = OutsidePopulation.plannedEvents(half);
        assertTrue(Math.abs(sized - planned / 2) < planned / 2 * 0.3, "planned " + sized + " for a target of " + planned / 2);
        assertEquals(28, OutsidePopulation.sizedForEvents(month, planned * 3, 7).days(), "never longer than asked");
        assertEquals(7, OutsidePopulation.sizedForEvents(month, 10, 7).days(), "never shorter than the least");
    }
}
