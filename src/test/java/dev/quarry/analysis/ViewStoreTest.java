package dev.quarry.analysis;

import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.quarry.analysis.CaseFixture.DAY;
import static dev.quarry.analysis.CaseFixture.START;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ViewStoreTest {
    @TempDir
    static Path dir;
    static CaseFixture fixture;
    static CaseFile caseFile;
    static AnalysisResult result;
    static long runId;

    @BeforeAll
    static void analyseTheMixedCase() throws Exception {
        fixture = new CaseFixture(dir.resolve("case.quarry"));
        AnalyzerTest.buildMixedCase(fixture, true, true, true);
        caseFile = fixture.done();
        result = Analyzer.analyze(caseFile, AnalysisOptions.defaults(42), ProgressListener.NONE);
        runId = new RunStore(caseFile).save(result, Instant.now(), Instant.now(), ProgressListener.NONE);
    }

    private static Map<String, Long> query(String sql) throws Exception {
        Map<String, Long> out = new HashMap<>();
        try (Statement s = caseFile.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    @Test
    void trafficCountsAddUpToTheEventsTableAtEveryResolution() throws Exception {
        for (ViewStore.Resolution resolution : ViewStore.Resolution.values()) {
            long ms = resolution.millis();
            Map<String, Long> fromEvents = query("SELECT ((e.ts / " + ms + ") * " + ms + ") || '/' || IFNULL(a.campaign_id, -1), count(*) "
                    + "FROM events e LEFT JOIN run_accounts a ON a.account_id = e.account_id AND a.run_id = " + runId
                    + " GROUP BY 1");
            Map<String, Long> stored = query("SELECT bucket_ms || '/' || campaign_id, events FROM run_traffic WHERE run_id = "
                    + runId + " AND resolution = '" + resolution.name().toLowerCase() + "'");
            assertEquals(fromEvents.size(), stored.size(), resolution + " buckets");
            assertTrue(fromEvents.equals(stored), resolution + " buckets per campaign differ");
        }
        Map<String, Long> perAccount = query("SELECT account_id, count(*) FROM events GROUP BY account_id");
        Map<String, byte[]> hours = new ViewStore(caseFile).accountHours(runId, null);
        for (Map.Entry<String, Long> e : perAccount.entrySet()) {
            long[][] decoded = TrafficCounts.decodeHours(hours.get(e.getKey()));
            long sum = 0;
            for (long c : decoded[1]) {
                sum += c;
            }
            assertEquals(e.getValue(), sum, "hourly counts of " + e.getKey());
        }
    }

    @Test
    void timelineReadsEveryZoomLevelWithinAThousandBucketsAndLosesNoRequest() throws Exception {
        TrafficTimeline timeline = new TrafficTimeline(caseFile, runId);
        long[] extent = timeline.extent();
        long[][] ranges = {extent, {START + 3 * DAY, START + 4 * DAY}, {START + 3 * DAY + 6 * 3_600_000L, START + 3 * DAY + 16 * 3_600_000L},
                {START + 3 * DAY + 10 * 3_600_000L, START + 3 * DAY + 10 * 3_600_000L + 300_000L}};
        Set<String> sources = new HashSet<>();
        for (long[] range : ranges) {
            TrafficTimeline.Series series = timeline.read(range[0], range[1], null, null);
            assertTrue(series.buckets() <= TrafficTimeline.MAX_BUCKETS, series.buckets() + " buckets");
            long end = series.startMs() + series.buckets() * series.bucketMs();
            long expected = query("SELECT 'n', count(*) FROM events WHERE ts >= " + series.startMs() + " AND ts < " + end).get("n");
            assertEquals(expected, series.total(), "requests of " + series.source() + " range");
            sources.add(series.source());
        }
        assertTrue(sources.contains("events") && sources.contains("minute counts") && sources.contains("hour counts"), sources.toString());
        Set<String> farm = Set.of("farm0", "farm1");
        long farmEvents = query("SELECT 'n', count(*) FROM events WHERE account_id IN ('farm0', 'farm1')").get("n");
        assertEquals(farmEvents, timeline.read(extent[0], extent[1], null, farm).total(), "a selection's whole timeline");
    }

    @Test
    void storedLinksAreTheLinksTheRunFound() throws Exception {
        AccountLinks found = result.views().links();
        List<ViewStore.Link> stored = new ViewStore(caseFile).links(runId);
        assertEquals(found.size(), stored.size());
        assertFalse(stored.isEmpty());
        for (int i = 0; i < found.size(); i++) {
            ViewStore.Link link = stored.get(i);
            assertEquals(found.firstAccount(i), link.accountA());
            assertEquals(found.secondAccount(i), link.accountB());
            assertEquals(found.family(i), link.family());
            assertEquals(found.weight(i), link.weight(), 1e-6);
            assertEquals(found.sharedValue(i), link.sharedValue());
        }
        assertTrue(stored.stream().anyMatch(l -> l.accountA().startsWith("farm") && l.accountB().startsWith("farm")
                && l.family() == LinkFamily.BILLING && l.sharedValue().startsWith("payment fingerprint card-farm-")),
                "the farm's shared cards are links with the card named");
    }

    @Test
    void aCampaignGraphShowsTheValuesItsMembersShare() throws Exception {
        int campaign = result.accounts().stream().filter(a -> a.accountId().equals("farm0")).findFirst().orElseThrow().campaignId();
        AccountGraph graph = AccountGraph.ofCampaign(caseFile, runId, campaign);
        Set<String> members = new HashSet<>();
        Set<String> attributes = new HashSet<>();
        for (int i = 0; i < graph.nodeCount(); i++) {
            (graph.isAttribute(i) ? attributes : members).add(graph.label(i));
        }
        assertEquals(12, members.size(), members.toString());
        assertTrue(attributes.contains("payment fingerprint card-farm-0"), attributes.toString());
        assertTrue(graph.edgeCount() >= 12, "every member tied to a shared value");
    }

    @Test
    void theCaseGraphHoldsEveryStoredLinkAsItWasStored() throws Exception {
        AccountGraph graph = AccountGraph.ofCase(caseFile, runId);
        List<ViewStore.Link> stored = new ViewStore(caseFile).links(runId);
        assertEquals(stored.size(), graph.edgeCount());
        for (int e = 0; e < stored.size(); e++) {
            ViewStore.Link link = stored.get(e);
            assertEquals(link.accountA(), graph.node(graph.from(e)));
            assertEquals(link.accountB(), graph.node(graph.to(e)));
            assertEquals(link.family(), graph.family(e));
            assertEquals(link.weight(), graph.weight(e), 1e-12);
            assertEquals(link.sharedValue(), graph.sharedValue(e));
        }
    }

    @Test
    void aCampaignGraphReadsExactlyItsMembersValuesAndTheTimingLinksAmongThem() throws Exception {
        ViewStore store = new ViewStore(caseFile);
        Map<String, Integer> campaignOf = new HashMap<>();
        result.accounts().forEach(a -> campaignOf.put(a.accountId(), a.campaignId()));
        List<ViewStore.Link> timing = store.links(runId, LinkFamily.TIMING);
        // the campaign with the most timing links among its members, so the joined query has rows to return
        Map<Integer, Integer> timingWithin = new HashMap<>();
        for (ViewStore.Link link : timing) {
            Integer a = campaignOf.get(link.accountA());
            if (a != null && a.equals(campaignOf.get(link.accountB()))) {
                timingWithin.merge(a, 1, Integer::sum);
            }
        }
        int campaign = timingWithin.isEmpty()
                ? campaignOf.get("farm0")
                : timingWithin.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        AccountGraph graph = AccountGraph.ofCampaign(caseFile, runId, campaign, true);

        List<String> expected = new java.util.ArrayList<>();
        for (CampaignAttribute edge : store.campaignAttributes(runId, campaign)) {
            expected.add(edge.accountId() + " - " + edge.family().stored() + "|" + edge.attribute() + "|" + edge.value()
                    + " : " + edge.family() + " " + edge.attribute() + " " + edge.value());
        }
        for (ViewStore.Link link : timing) {
            if (Integer.valueOf(campaign).equals(campaignOf.get(link.accountA())) && Integer.valueOf(campaign).equals(campaignOf.get(link.accountB()))) {
                expected.add(link.accountA() + " - " + link.accountB() + " : " + link.family() + " " + link.sharedValue());
            }
        }
        List<String> read = new java.util.ArrayList<>();
        for (int e = 0; e < graph.edgeCount(); e++) {
            read.add(graph.node(graph.from(e)) + " - " + graph.node(graph.to(e)) + " : " + graph.family(e) + " " + graph.sharedValue(e));
        }
        java.util.Collections.sort(expected);
        java.util.Collections.sort(read);
        assertEquals(expected, read);
        for (int i = 0; i < graph.nodeCount(); i++) {
            if (!graph.isAttribute(i)) {
                assertEquals(campaign, graph.campaign(i), graph.node(i) + " is a member");
            }
        }
    }

    @Test
    void aPooledCampaignGraphTiesEachMemberToItsPoolWithTheShareOfValuesItUsed() throws Exception {
        int campaign = result.accounts().stream().filter(a -> a.accountId().equals("farm0")).findFirst().orElseThrow().campaignId();
        AccountGraph every = AccountGraph.ofCampaign(caseFile, runId, campaign, true);
        // a threshold of two values pools every kind of which a member holds two values or more
        AccountGraph pooled = AccountGraph.ofCampaign(caseFile, runId, campaign, 2);
        assertTrue(pooled.valuesInPools() > 0, "the farm's members share several values of a kind");
        assertEquals(0, every.valuesInPools());
        assertTrue(pooled.edgeCount() < every.edgeCount(), pooled.edgeCount() + " edges pooled, " + every.edgeCount() + " not");

        Map<String, Integer> valuesHeld = new HashMap<>(); // member and kind -> values of that kind, every value drawn
        Set<String> members = new HashSet<>();
        for (int e = 0; e < every.edgeCount(); e++) {
            if (every.isAttribute(every.to(e))) {
                String value = every.node(every.to(e));
                valuesHeld.merge(every.node(every.from(e)) + " " + value.substring(0, value.lastIndexOf('|')), 1, Integer::sum);
            }
        }
        for (int i = 0; i < every.nodeCount(); i++) {
            if (!every.isAttribute(i)) {
                members.add(every.node(i));
            }
        }
        Map<String, Integer> heldThroughGraph = new HashMap<>();
        int pools = 0;
        for (int i = 0; i < pooled.nodeCount(); i++) {
            if (!pooled.isAttribute(i)) {
                assertTrue(members.remove(pooled.node(i)), "every member is a node of the pooled graph: " + pooled.node(i));
            } else if (pooled.label(i).contains(" pool: ")) {
                pools++;
            }
        }
        assertTrue(members.isEmpty(), "no member lost: " + members);
        assertTrue(pools > 0);
        for (int e = 0; e < pooled.edgeCount(); e++) {
            if (!pooled.isAttribute(pooled.to(e))) {
                continue;
            }
            String node = pooled.node(pooled.to(e));
            int values = 1;
            if (pooled.label(pooled.to(e)).contains(" pool: ")) {
                int poolSize = Integer.parseInt(node.substring(node.lastIndexOf("|pool of ") + 9));
                values = (int) Math.round(pooled.weight(e) * poolSize);
                node = node.substring(0, node.lastIndexOf("|pool of "));
                assertTrue(pooled.sharedValue(e).contains(values + " of its " + poolSize + " values"), pooled.sharedValue(e));
            }
            heldThroughGraph.merge(pooled.node(pooled.from(e)) + " " + node.substring(0, node.lastIndexOf('|')), values, Integer::sum);
        }
        assertEquals(valuesHeld, heldThroughGraph, "each member holds as many values of each kind, pooled or not");
    }

    @Test
    void aGraphReopensLaidOutAsItWasStored() throws Exception {
        AccountGraph first = AccountGraph.ofCase(caseFile, runId);
        first.layOut(caseFile, 7, ProgressListener.NONE);
        AccountGraph reopened = AccountGraph.ofCase(caseFile, runId);
        int[] reports = {0};
        reopened.layOut(caseFile, 7, new ProgressListener() {
            @Override
            public void progress(long done, long total, String message) {
                reports[0]++;
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        assertEquals(0, reports[0], "no new layout ran");
        double[] x1 = new double[first.nodeCount()];
        double[] x2 = new double[first.nodeCount()];
        for (int i = 0; i < x1.length; i++) {
            x1[i] = first.x(i);
            x2[i] = reopened.x(i);
        }
        assertArrayEquals(x1, x2);
    }

    @Test
    void heatmapOfTheCaseHoldsEveryRequestAndLocalTimeMovesTheFarmsNight() throws Exception {
        ViewStore store = new ViewStore(caseFile);
        ShiftHeatmap.Grid grid = ShiftHeatmap.utc(store, runId, null, null);
        long total = 0;
        for (long[] day : grid.counts()) {
            for (long c : day) {
                total += c;
            }
        }
        long events = query("SELECT 'n', count(*) FROM events").get("n");
        assertEquals(events, total);
        ShiftHeatmap.Grid local = ShiftHeatmap.fromAccounts(store.accountHours(runId, null), true);
        assertTrue(local.accountsShifted() > 0, "office-hours accounts get a local night");
        long localTotal = 0;
        for (long[] day : local.counts()) {
            for (long c : day) {
                localTotal += c;
            }
        }
        assertEquals(events, localTotal, "shifting accounts to their local time loses no request");
        ShiftHeatmap.Grid fromAccounts = ShiftHeatmap.fromHours(store.allAccountHours(runId), false);
        assertEquals(grid.firstDayMs(), fromAccounts.firstDayMs());
        assertArrayEquals(grid.counts(), fromAccounts.counts(), "the accounts' hours in UTC are the case's hour counts");
    }

    @Test
    void eventPagesFollowEachOtherWithoutGapOrRepeat() throws Exception {
        TrafficTimeline timeline = new TrafficTimeline(caseFile, runId);
        long from = START + 2 * DAY;
        long to = START + 3 * DAY;
        Set<Long> seen = new HashSet<>();
        long[] after = null;
        while (true) {
            List<TrafficTimeline.EventRow> page = timeline.eventPage(from, to, null, after, 100);
            for (TrafficTimeline.EventRow row : page) {
                assertTrue(seen.add(row.eventId()), "event " + row.eventId() + " on two pages");
            }
            if (page.size() < 100) {
                break;
            }
            TrafficTimeline.EventRow last = page.get(page.size() - 1);
            after = new long[] {last.ts(), last.eventId()};
        }
        try (PreparedStatement count = caseFile.connection().prepareStatement("SELECT count(*) FROM events WHERE ts >= ? AND ts < ?")) {
            count.setLong(1, from);
            count.setLong(2, to);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                assertEquals(rs.getLong(1), seen.size());
            }
        }
    }
}
