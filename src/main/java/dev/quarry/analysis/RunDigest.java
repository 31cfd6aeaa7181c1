package dev.quarry.analysis;

import dev.quarry.analysis.primitives.IntCounter;
import dev.quarry.analysis.scan.AttributeKind;
import dev.quarry.analysis.scan.CaseData;
import dev.quarry.analysis.scan.Vocabulary;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import dev.quarry.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the workbench's overview and accounts table show of a run's data, taken from the analysis's
 * one pass over the events when the run is made and stored with it (schema V3), so that opening a
 * case reads a few thousand rows instead of scanning millions of events.
 */
public record RunDigest(long runId, long events, long accounts, Long firstTs, Long lastTs,
                        Map<String, AccountActivity> activity, Map<Integer, Map<Long, Long>> campaignDays) {

    private static final long DAY_MS = 86_400_000L;

    /** One account's requests in the case: how many, when, from where, to which model. */
    public record AccountActivity(String accountId, long events, long firstTs, long lastTs, List<String> countries,
                                  String mainModel) {
    }

    /**
     * The digest from what the analysis's pass kept, without reading the events again; null when that
     * pass skipped events (of accounts it could not place), which only {@link #compute} counts.
     *
     * @param campaignOf per account of {@code data}, its campaign in the run, or null
     */
    static RunDigest fromScan(CaseData data, Integer[] campaignOf) {
        if (data.eventsOfUnknownAccounts() > 0) {
            return null;
        }
        Map<String, AccountActivity> activity = new LinkedHashMap<>();
        Map<Integer, Map<Long, Long>> days = new TreeMap<>();
        long events = 0;
        Long first = null;
        Long last = null;
        for (int v = 0; v < data.size(); v++) {
            dev.quarry.analysis.scan.AccountActivity a = data.activity(v);
            if (a.events() == 0) {
                continue;
            }
            events += a.events();
            first = first == null || a.firstTimestampMs() < first ? Long.valueOf(a.firstTimestampMs()) : first;
            last = last == null || a.lastTimestampMs() > last ? Long.valueOf(a.lastTimestampMs()) : last;
            List<String> countries = ranked(a.attribute(AttributeKind.COUNTRY), data.vocabulary(AttributeKind.COUNTRY))
                    .stream().limit(3).toList();
            List<String> models = ranked(a.attribute(AttributeKind.MODEL), data.models());
            activity.put(data.accountId(v), new AccountActivity(data.accountId(v), a.events(), a.firstTimestampMs(),
                    a.lastTimestampMs(), countries, models.isEmpty() ? null : models.get(0)));
            if (campaignOf[v] != null) {
                Map<Long, Long> campaignDays = days.computeIfAbsent(campaignOf[v], k -> new TreeMap<>());
                // request times are whole seconds after an origin on a whole second: the same UTC day as the event
                for (int i = 0; i < a.events(); i++) {
                    campaignDays.merge(Math.floorDiv(data.originMs() + a.time(i) * 1000L, DAY_MS), 1L, Long::sum);
                }
            }
        }
        return new RunDigest(0, events, activity.size(), first, last, activity, days);
    }

    /** Non-blank values by count, most first, ties by value: as {@link Tally} ranks them. */
    private static List<String> ranked(IntCounter counts, Vocabulary values) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>();
        for (int id : counts.keys()) {
            String value = values.value(id);
            if (!value.isBlank()) {
                entries.add(Map.entry(value, counts.count(id)));
            }
        }
        entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return entries.stream().map(Map.Entry::getKey).toList();
    }

    /**
     * Reads every event once; {@code campaignOf} maps account id to its campaign in the run (absent:
     * none). For a case whose events the analysis could not all place (see {@link #fromScan}).
     */
    public static RunDigest compute(CaseFile caseFile, Map<String, Integer> campaignOf, ProgressListener progress)
            throws StoreException {
        Map<String, Tally> tallies = new HashMap<>();
        Map<Integer, Map<Long, Long>> days = new TreeMap<>();
        long events = 0;
        Long first = null;
        Long last = null;
        try (Connection reader = caseFile.openReader(); Statement statement = reader.createStatement()) {
            long total = 0;
            try (ResultSet rs = statement.executeQuery("SELECT max(event_id) FROM events")) {
                total = rs.next() ? rs.getLong(1) : 0;
            }
            statement.setFetchSize(10_000);
            try (ResultSet rs = statement.executeQuery("SELECT account_id, ts, country, model FROM events")) {
                while (rs.next()) {
                    String account = rs.getString(1);
                    long ts = rs.getLong(2);
                    Tally tally = tallies.computeIfAbsent(account, k -> new Tally(ts));
                    tally.add(ts, rs.getString(3), rs.getString(4));
                    Integer campaign = campaignOf.get(account);
                    if (campaign != null) {
                        days.computeIfAbsent(campaign, k -> new TreeMap<>()).merge(Math.floorDiv(ts, DAY_MS), 1L, Long::sum);
                    }
                    first = first == null || ts < first ? Long.valueOf(ts) : first;
                    last = last == null || ts > last ? Long.valueOf(ts) : last;
                    if (++events % 200_000 == 0) {
                        progress.progress(events, total, "summarizing events for the workbench", ProgressListener.EVENTS);
                        progress.checkCancelled();
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot summarize the events of " + caseFile.path() + ": " + e.getMessage(), e);
        }
        Map<String, AccountActivity> activity = new LinkedHashMap<>();
        tallies.forEach((account, tally) -> activity.put(account, tally.activity(account)));
        return new RunDigest(0, events, tallies.size(), first, last, activity, days);
    }

    /** Stores the digest as run {@code runId}'s, in one transaction. */
    public void save(CaseFile caseFile, long runId) throws StoreException {
        Connection connection = caseFile.connection();
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO run_digest(run_id, events, accounts, first_ts, last_ts) VALUES (?,?,?,?,?)")) {
                    insert.setLong(1, runId);
                    insert.setLong(2, events);
                    insert.setLong(3, accounts);
                    insert.setObject(4, firstTs);
                    insert.setObject(5, lastTs);
                    insert.executeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO run_account_activity(run_id, "
                        + "account_id, events, first_ts, last_ts, countries, main_model) VALUES (?,?,?,?,?,?,?)")) {
                    for (AccountActivity account : activity.values()) {
                        insert.setLong(1, runId);
                        insert.setString(2, account.accountId());
                        insert.setLong(3, account.events());
                        insert.setLong(4, account.firstTs());
                        insert.setLong(5, account.lastTs());
                        insert.setString(6, String.join(",", account.countries()));
                        insert.setString(7, account.mainModel());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO run_campaign_days(run_id, campaign_id, day, events) VALUES (?,?,?,?)")) {
                    for (Map.Entry<Integer, Map<Long, Long>> campaign : campaignDays.entrySet()) {
                        for (Map.Entry<Long, Long> day : campaign.getValue().entrySet()) {
                            insert.setLong(1, runId);
                            insert.setInt(2, campaign.getKey());
                            insert.setLong(3, day.getKey());
                            insert.setLong(4, day.getValue());
                            insert.addBatch();
                        }
                    }
                    insert.executeBatch();
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot store the workbench summary of run " + runId + " in " + caseFile.path()
                    + ": " + e.getMessage(), e);
        }
    }

    /** The stored digest of a run, or empty for a run made before schema 3. */
    public static Optional<RunDigest> load(CaseFile caseFile, long runId) throws StoreException {
        Connection connection = caseFile.connection();
        try {
            long events;
            long accounts;
            Long first;
            Long last;
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT events, accounts, first_ts, last_ts FROM run_digest WHERE run_id = ?")) {
                query.setLong(1, runId);
                try (ResultSet rs = query.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    events = rs.getLong(1);
                    accounts = rs.getLong(2);
                    first = (Long) rs.getObject(3, Long.class);
                    last = (Long) rs.getObject(4, Long.class);
                }
            }
            Map<String, AccountActivity> activity = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT account_id, events, first_ts, last_ts, "
                    + "countries, main_model FROM run_account_activity WHERE run_id = ?")) {
                query.setLong(1, runId);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        String countries = rs.getString(5);
                        activity.put(rs.getString(1), new AccountActivity(rs.getString(1), rs.getLong(2), rs.getLong(3),
                                rs.getLong(4), countries.isEmpty() ? List.of() : List.of(countries.split(",")), rs.getString(6)));
                    }
                }
            }
            Map<Integer, Map<Long, Long>> days = new TreeMap<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT campaign_id, day, events FROM run_campaign_days WHERE run_id = ? ORDER BY campaign_id, day")) {
                query.setLong(1, runId);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        days.computeIfAbsent(rs.getInt(1), k -> new TreeMap<>()).put(rs.getLong(2), rs.getLong(3));
                    }
                }
            }
            return Optional.of(new RunDigest(runId, events, accounts, first, last, activity, days));
        } catch (SQLException e) {
            throw new StoreException("cannot read the workbench summary of run " + runId + " in " + caseFile.path()
                    + ": " + e.getMessage(), e);
        }
    }

    private static final class Tally {
        long events;
        long first;
        long last;
        final Map<String, Integer> countries = new HashMap<>(4);
        final Map<String, Integer> models = new HashMap<>(4);

        Tally(long ts) {
            first = ts;
            last = ts;
        }

        void add(long ts, String country, String model) {
            events++;
            first = Math.min(first, ts);
            last = Math.max(last, ts);
            if (country != null && !country.isBlank()) {
                countries.merge(country, 1, Integer::sum);
            }
            if (model != null && !model.isBlank()) {
                models.merge(model, 1, Integer::sum);
            }
        }

        AccountActivity activity(String account) {
            Comparator<Map.Entry<String, Integer>> most = Map.Entry.<String, Integer>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey());
            List<String> top = new ArrayList<>();
            countries.entrySet().stream().sorted(most).limit(3).forEach(e -> top.add(e.getKey()));
            String model = models.entrySet().stream().sorted(most).map(Map.Entry::getKey).findFirst().orElse(null);
            return new AccountActivity(account, events, first, last, List.copyOf(top), model);
        }
    }
}
