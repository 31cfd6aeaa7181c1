package dev.quarry.analysis;

import dev.quarry.store.CaseFile;
import dev.quarry.store.StoreException;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Traffic over a time range for the timeline, at the finest resolution that keeps the range within
 * {@link #MAX_BUCKETS} buckets: stored day, hour or minute counts, and below a minute the events of
 * the range themselves (through the {@code events_ts} index). The whole case and each campaign read
 * the per-campaign counts; a selection of accounts reads their hourly counts, or their events of the
 * range below an hour.
 */
public final class TrafficTimeline {
    public static final int MAX_BUCKETS = 1_000;
    /** Bucket lengths read from the events themselves, finest first. */
    private static final long[] EVENT_BUCKETS = {1_000L, 10_000L};

    /**
     * Requests per bucket: {@code counts[g][b]} for group {@code groups[g]} (a campaign, or -1 for the
     * accounts in none; a selection is one group, -2) and bucket {@code b} starting at
     * {@code startMs + b * bucketMs}.
     */
    public record Series(long startMs, long bucketMs, int[] groups, long[][] counts, String source) {
        public int buckets() {
            return counts.length == 0 ? 0 : counts[0].length;
        }

        public long total() {
            long sum = 0;
            for (long[] group : counts) {
                for (long c : group) {
                    sum += c;
                }
            }
            return sum;
        }
    }

    /** Group number of a selection of accounts. */
    public static final int SELECTION = -2;

    private final CaseFile caseFile;
    private final long runId;
    private final ViewStore store;
    private Map<String, Integer> campaignOfAccount;
    private Set<String> cachedSelection;
    private Map<String, long[][]> cachedHours;
    private Map<String, byte[]> encodedHours;

    public TrafficTimeline(CaseFile caseFile, long runId) {
        this.caseFile = caseFile;
        this.runId = runId;
        this.store = new ViewStore(caseFile);
    }

    /** The first and last request time of the run's stored traffic, as [from, to) in epoch ms; null when none. */
    public long[] extent() throws StoreException {
        long[][] days = store.traffic(runId, ViewStore.Resolution.DAY, Long.MIN_VALUE, Long.MAX_VALUE);
        if (days.length == 0) {
            return null;
        }
        return new long[] {days[0][0], days[days.length - 1][0] + TrafficCounts.DAY_MS};
    }

    /** The bucket length the timeline uses for a range. */
    public static long bucketFor(long fromMs, long toMs) {
        long span = Math.max(1, toMs - fromMs);
        for (long bucket : EVENT_BUCKETS) {
            if (span / bucket <= MAX_BUCKETS) {
                return bucket;
            }
        }
        for (ViewStore.Resolution resolution : ViewStore.Resolution.values()) {
            if (span / resolution.millis() <= MAX_BUCKETS) {
                return resolution.millis();
            }
        }
        return TrafficCounts.DAY_MS * Math.max(1, ceilDiv(span / TrafficCounts.DAY_MS, MAX_BUCKETS));
    }

    /**
     * Traffic of the range, per campaign (all campaigns and the rest when {@code onlyCampaign} is null,
     * else that one), or of the selected accounts when {@code selection} is given.
     */
    public Series read(long fromMs, long toMs, Integer onlyCampaign, Set<String> selection) throws StoreException {
        long bucket = bucketFor(fromMs, toMs);
        long start = Math.floorDiv(fromMs, bucket) * bucket;
        int buckets = (int) Math.max(1, ceilDiv(toMs - start, bucket));
        if (selection != null) {
            return selectionSeries(start, bucket, buckets, selection);
        }
        TreeMap<Integer, long[]> groups = new TreeMap<>();
        String source;
        if (bucket < TrafficCounts.MINUTE_MS) {
            source = "events";
            Map<String, Integer> campaigns = campaigns();
            forEachEvent(start, start + buckets * bucket, (account, ts) -> {
                int group = campaigns.getOrDefault(account, TrafficCounts.NO_CAMPAIGN);
                if (onlyCampaign == null || onlyCampaign == group) {
                    groups.computeIfAbsent(group, g -> new long[buckets])[(int) ((ts - start) / bucket)]++;
                }
            });
        } else {
            ViewStore.Resolution resolution = storedResolution(bucket);
            source = resolution.name().toLowerCase(java.util.Locale.ROOT) + " counts";
            for (long[] row : store.traffic(runId, resolution, start, start + buckets * bucket)) {
                int group = (int) row[1];
                if (onlyCampaign == null || onlyCampaign == group) {
                    groups.computeIfAbsent(group, g -> new long[buckets])[(int) ((row[0] - start) / bucket)] += row[2];
                }
            }
        }
        if (onlyCampaign != null) {
            groups.computeIfAbsent(onlyCampaign, g -> new long[buckets]);
        }
        int[] ids = groups.keySet().stream().mapToInt(Integer::intValue).toArray();
        return new Series(start, bucket, ids, groups.values().toArray(new long[0][]), source);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private static ViewStore.Resolution storedResolution(long bucket) {
        ViewStore.Resolution best = ViewStore.Resolution.MINUTE;
        for (ViewStore.Resolution resolution : ViewStore.Resolution.values()) {
            if (resolution.millis() <= bucket && bucket % resolution.millis() == 0) {
                best = resolution;
            }
        }
        return best;
    }

    private Series selectionSeries(long start, long bucket, int buckets, Set<String> selection) throws StoreException {
        long[] counts = new long[buckets];
        String source;
        if (bucket < TrafficCounts.HOUR_MS) {
            source = "events";
            forEachEvent(start, start + buckets * bucket, (account, ts) -> {
                if (selection.contains(account)) {
                    counts[(int) ((ts - start) / bucket)]++;
                }
            });
        } else {
            source = "hour counts";
            for (long[][] hours : selectionHours(selection).values()) {
                for (int i = 0; i < hours[0].length; i++) {
                    long ms = hours[0][i] * TrafficCounts.HOUR_MS;
                    if (ms >= start && ms < start + buckets * bucket) {
                        counts[(int) ((ms - start) / bucket)] += hours[1][i];
                    }
                }
            }
        }
        return new Series(start, bucket, new int[] {SELECTION}, new long[][] {counts}, source);
    }

    /** The decoded hourly counts of a selection, kept while the selection stays the same (zooming reads it again and again). */
    Map<String, long[][]> selectionHours(Set<String> selection) throws StoreException {
        if (!selection.equals(cachedSelection)) {
            Map<String, long[][]> decoded = new HashMap<>();
            for (Map.Entry<String, byte[]> e : store.accountHours(runId, selection).entrySet()) {
                decoded.put(e.getKey(), TrafficCounts.decodeHours(e.getValue()));
            }
            cachedSelection = Set.copyOf(selection);
            cachedHours = decoded;
        }
        return cachedHours;
    }

    /**
     * The accounts of the run with at least one request in [fromMs, toMs): the whole hours of the
     * range from the stored hourly counts, the partial hours at its ends from the events through
     * the {@code events_ts} index, so the answer is exact to the millisecond without a scan.
     */
    public Set<String> accountsActiveIn(long fromMs, long toMs) throws StoreException {
        Set<String> active = new java.util.HashSet<>();
        if (toMs <= fromMs) {
            return active;
        }
        long firstWholeHour = ceilDiv(fromMs, TrafficCounts.HOUR_MS);
        long endWholeHour = Math.floorDiv(toMs, TrafficCounts.HOUR_MS);
        if (firstWholeHour >= endWholeHour) {
            forEachEvent(fromMs, toMs, (account, ts) -> active.add(account));
        } else {
            for (Map.Entry<String, byte[]> e : allHours().entrySet()) {
                if (TrafficCounts.anyHourIn(e.getValue(), firstWholeHour, endWholeHour)) {
                    active.add(e.getKey());
                }
            }
            forEachEvent(fromMs, firstWholeHour * TrafficCounts.HOUR_MS, (account, ts) -> active.add(account));
            forEachEvent(endWholeHour * TrafficCounts.HOUR_MS, toMs, (account, ts) -> active.add(account));
        }
        if (!active.isEmpty()) {
            active.retainAll(allHours().keySet()); // events of accounts the run did not hold (imported later) stay out
        }
        return active;
    }

    /** Every account's encoded hourly counts, read once (about a megabyte per 10,000 accounts). */
    private Map<String, byte[]> allHours() throws StoreException {
        if (encodedHours == null) {
            encodedHours = store.accountHours(runId, null);
        }
        return encodedHours;
    }

    private Map<String, Integer> campaigns() throws StoreException {
        if (campaignOfAccount == null) {
            Map<String, Integer> map = new HashMap<>();
            try (PreparedStatement query = caseFile.connection().prepareStatement(
                    "SELECT account_id, campaign_id FROM run_accounts WHERE run_id = ? AND campaign_id IS NOT NULL")) {
                query.setLong(1, runId);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        map.put(rs.getString(1), rs.getInt(2));
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("cannot read the campaigns of run " + runId + ": " + e.getMessage(), e);
            }
            campaignOfAccount = map;
        }
        return campaignOfAccount;
    }

    private interface EventVisitor {
        void visit(String account, long ts);
    }

    private void forEachEvent(long fromMs, long toMs, EventVisitor visitor) throws StoreException {
        try (PreparedStatement query = caseFile.connection().prepareStatement(
                "SELECT account_id, ts FROM events INDEXED BY events_ts WHERE ts >= ? AND ts < ?")) {
            query.setLong(1, fromMs);
            query.setLong(2, toMs);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    visitor.visit(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the events of the range in " + caseFile.path() + ": " + e.getMessage(), e);
        }
    }

    /** One event of a page of the brushed range. */
    public record EventRow(long eventId, long ts, String accountId, String model, String ip, String status,
                           Integer promptTokens, Integer completionTokens) {
    }

    /**
     * A page of the events of [fromMs, toMs) in time order, after the given (ts, event id) key (null
     * for the first page), only of the selected accounts when a selection is given. Keyset paging:
     * a later page costs as little as the first.
     */
    public List<EventRow> eventPage(long fromMs, long toMs, Set<String> selection, long[] after, int pageSize)
            throws StoreException {
        List<EventRow> page = new ArrayList<>();
        String sql = "SELECT event_id, ts, account_id, model, ip, status, prompt_tokens, completion_tokens "
                + "FROM events INDEXED BY events_ts WHERE ts >= ? AND ts < ?"
                + (after == null ? "" : " AND (ts > ? OR (ts = ? AND event_id > ?))") + " ORDER BY ts, event_id";
        try (PreparedStatement query = caseFile.connection().prepareStatement(sql)) {
            query.setLong(1, fromMs);
            query.setLong(2, toMs);
            if (after != null) {
                query.setLong(3, after[0]);
                query.setLong(4, after[0]);
                query.setLong(5, after[1]);
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next() && page.size() < pageSize) {
                    String account = rs.getString(3);
                    if (selection != null && !selection.contains(account)) {
                        continue;
                    }
                    page.add(new EventRow(rs.getLong(1), rs.getLong(2), account, rs.getString(4), rs.getString(5),
                            rs.getString(6), (Integer) rs.getObject(7), (Integer) rs.getObject(8)));
                }
            }
            return page;
        } catch (SQLException e) {
            throw new StoreException("cannot read the events of the range in " + caseFile.path() + ": " + e.getMessage(), e);
        }
    }
}
