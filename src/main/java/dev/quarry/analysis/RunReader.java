package dev.quarry.analysis;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.store.CaseFile;
import dev.quarry.store.StoreException;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a stored run in the pieces the workbench shows, each as small as its screen needs: the
 * scores of every account (no features, no reasons) on opening, one account's details or events on
 * its page. {@link RunStore#load} reads a run whole, which an export needs and a screen does not.
 */
public final class RunReader {

    private static final TypeReference<LinkedHashMap<String, Double>> FEATURES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final CaseFile caseFile;
    private final ObjectMapper json = new ObjectMapper();

    public RunReader(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    public record AccountScore(String accountId, double riskScore, boolean flagged, Integer campaignId) {
    }

    /** One account as its page shows it. {@code features} are the run's; {@code reasons} strongest first. */
    public record AccountDetail(String accountId, double riskScore, boolean flagged, Integer campaignId,
                                double anomalyScore, int cluster, Map<String, Double> features, List<String> reasons) {
    }

    /** One event of an account, for its page; prompt text is shown as plain text only. */
    public record EventLine(long ts, String requestId, String ip, String country, String userAgent, String model,
                            Integer promptTokens, Integer completionTokens, Integer maxTokens, Double temperature,
                            String status, String promptText) {
    }

    public List<AccountScore> scores(long runId) throws StoreException {
        List<AccountScore> scores = new ArrayList<>();
        try (PreparedStatement query = caseFile.connection().prepareStatement(
                "SELECT account_id, risk_score, flagged, campaign_id FROM run_accounts WHERE run_id = ?")) {
            query.setLong(1, runId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    // wasNull() speaks of the last column read, so it must follow campaign_id directly.
                    int campaign = rs.getInt(4);
                    Integer campaignId = rs.wasNull() ? null : campaign;
                    scores.add(new AccountScore(rs.getString(1), rs.getDouble(2), rs.getInt(3) == 1, campaignId));
                }
            }
            return scores;
        } catch (SQLException e) {
            throw failure("account scores of run " + runId, e);
        }
    }

    public List<Campaign> campaigns(long runId) throws StoreException {
        Connection connection = caseFile.connection();
        try {
            Map<String, List<String>> reasons = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT subject_id, text FROM run_reasons "
                    + "WHERE run_id = ? AND subject_kind = 'campaign' ORDER BY subject_id, rank")) {
                query.setLong(1, runId);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        reasons.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
            List<Campaign> campaigns = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT campaign_id, label, score, size, signals "
                    + "FROM run_campaigns WHERE run_id = ? ORDER BY score DESC, campaign_id")) {
                query.setLong(1, runId);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        int id = rs.getInt(1);
                        campaigns.add(new Campaign(id, rs.getString(2), rs.getDouble(3), rs.getInt(4),
                                Campaign.signalsNamed(json.readValue(rs.getString(5), STRINGS)),
                                reasons.getOrDefault(Integer.toString(id), List.of())));
                    }
                }
            }
            return campaigns;
        } catch (SQLException | JsonProcessingException e) {
            throw failure("campaigns of run " + runId, e);
        }
    }

    /** The reasons of each member of one campaign of a run, strongest first, by account id. */
    public Map<String, List<String>> memberReasons(long runId, int campaignId) throws StoreException {
        Map<String, List<String>> reasons = new HashMap<>();
        try (PreparedStatement query = caseFile.connection().prepareStatement("SELECT a.account_id, r.text "
                + "FROM run_accounts a JOIN run_reasons r ON r.run_id = a.run_id AND r.subject_kind = 'account' "
                + "AND r.subject_id = a.account_id WHERE a.run_id = ? AND a.campaign_id = ? ORDER BY a.account_id, r.rank")) {
            query.setLong(1, runId);
            query.setInt(2, campaignId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    reasons.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            return reasons;
        } catch (SQLException e) {
            throw failure("member reasons of campaign " + campaignId + " of run " + runId, e);
        }
    }

    public List<SignalStatus> signals(long runId) throws StoreException {
        List<SignalStatus> signals = new ArrayList<>();
        try (PreparedStatement query = caseFile.connection().prepareStatement(
                "SELECT signal, computed, detail FROM run_signals WHERE run_id = ? ORDER BY ordinal")) {
            query.setLong(1, runId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    signals.add(new SignalStatus(rs.getString(1), rs.getInt(2) == 1, rs.getString(3)));
                }
            }
            return signals;
        } catch (SQLException e) {
            throw failure("signals of run " + runId, e);
        }
    }

    public String optionsJson(long runId) throws StoreException {
        try (PreparedStatement query = caseFile.connection().prepareStatement(
                "SELECT options_json FROM analysis_runs WHERE run_id = ?")) {
            query.setLong(1, runId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : "{}";
            }
        } catch (SQLException e) {
            throw failure("parameters of run " + runId, e);
        }
    }

    public AccountDetail account(long runId, String accountId) throws StoreException {
        Connection connection = caseFile.connection();
        try {
            List<String> reasons = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT text FROM run_reasons WHERE run_id = ? "
                    + "AND subject_kind = 'account' AND subject_id = ? ORDER BY rank")) {
                query.setLong(1, runId);
                query.setString(2, accountId);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        reasons.add(rs.getString(1));
                    }
                }
            }
            try (PreparedStatement query = connection.prepareStatement("SELECT risk_score, flagged, campaign_id, "
                    + "anomaly_score, cluster, features_json FROM run_accounts WHERE run_id = ? AND account_id = ?")) {
                query.setLong(1, runId);
                query.setString(2, accountId);
                try (ResultSet rs = query.executeQuery()) {
                    if (!rs.next()) {
                        return new AccountDetail(accountId, 0, false, null, Double.NaN, -1, Map.of(),
                                List.of("not scored by run " + runId));
                    }
                    int campaign = rs.getInt(3);
                    Integer campaignId = rs.wasNull() ? null : campaign;
                    double anomaly = rs.getDouble(4);
                    anomaly = rs.wasNull() ? Double.NaN : anomaly;
                    return new AccountDetail(accountId, rs.getDouble(1), rs.getInt(2) == 1, campaignId, anomaly,
                            rs.getInt(5), json.readValue(rs.getString(6), FEATURES), reasons);
                }
            }
        } catch (SQLException | JsonProcessingException e) {
            throw failure("account " + accountId + " of run " + runId, e);
        }
    }

    /** The case's typical value (median over scored accounts) of each feature of a run. */
    public Map<String, Double> typicalFeatures(long runId) throws StoreException {
        Map<String, double[]> values = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        try (PreparedStatement query = caseFile.connection().prepareStatement(
                "SELECT features_json FROM run_accounts WHERE run_id = ?")) {
            query.setLong(1, runId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    // a streaming read: binding 24,000 feature maps was most of an account page's time
                    try (JsonParser parser = json.getFactory().createParser(rs.getBytes(1))) {
                        if (parser.nextToken() != JsonToken.START_OBJECT) {
                            continue;
                        }
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String name = parser.currentName();
                            JsonToken token = parser.nextToken();
                            if (!token.isNumeric()) {
                                parser.skipChildren();
                                continue;
                            }
                            double value = parser.getDoubleValue();
                            if (!Double.isFinite(value)) {
                                continue;
                            }
                            int n = counts.merge(name, 1, Integer::sum);
                            double[] array = values.computeIfAbsent(name, k -> new double[64]);
                            if (n > array.length) {
                                array = Arrays.copyOf(array, array.length * 2);
                                values.put(name, array);
                            }
                            array[n - 1] = value;
                        }
                    }
                }
            }
        } catch (SQLException | IOException e) {
            throw failure("features of run " + runId, e);
        }
        Map<String, Double> typical = new TreeMap<>();
        values.forEach((name, array) -> {
            int n = counts.get(name);
            double[] sorted = Arrays.copyOf(array, n);
            Arrays.sort(sorted);
            typical.put(name, n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2);
        });
        return typical;
    }

    /** One page of an account's events, oldest first; never more than {@code limit} rows are read. */
    public List<EventLine> events(String accountId, int offset, int limit) throws StoreException {
        List<EventLine> events = new ArrayList<>(limit);
        try (PreparedStatement query = caseFile.connection().prepareStatement("SELECT ts, request_id, ip, country, "
                + "user_agent, model, prompt_tokens, completion_tokens, max_tokens, temperature, status, prompt_text "
                + "FROM events WHERE account_id = ? ORDER BY ts, event_id LIMIT ? OFFSET ?")) {
            query.setString(1, accountId);
            query.setInt(2, limit);
            query.setInt(3, offset);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    events.add(new EventLine(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), (Integer) rs.getObject(7, Integer.class),
                            (Integer) rs.getObject(8, Integer.class), (Integer) rs.getObject(9, Integer.class),
                            (Double) rs.getObject(10, Double.class), rs.getString(11), rs.getString(12)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw failure("events of account " + accountId, e);
        }
    }

    /** The event columns an account's page counts values of. */
    public static final List<String> COUNTED_COLUMNS = List.of("ip", "user_agent", "model", "country", "status",
            "temperature", "max_tokens");

    /**
     * How often each value of the given event columns occurs for the account, most frequent first
     * (at most {@code limit} values per column), by column. One pass over the account's events for all
     * columns: on a large case each event row is a random read, so one pass instead of one per column
     * is what keeps an account's page quick.
     */
    public Map<String, Map<String, Long>> valueCounts(String accountId, List<String> columns, int limit) throws StoreException {
        for (String column : columns) {
            if (!COUNTED_COLUMNS.contains(column)) {
                throw new IllegalArgumentException("not an event column to count: " + column);
            }
        }
        List<Map<String, Long>> tallies = new ArrayList<>();
        columns.forEach(column -> tallies.add(new HashMap<>()));
        try (PreparedStatement query = caseFile.connection().prepareStatement("SELECT " + String.join(", ", columns)
                + " FROM events WHERE account_id = ?")) {
            query.setString(1, accountId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    for (int i = 0; i < columns.size(); i++) {
                        String value = rs.getString(i + 1);
                        tallies.get(i).merge(value == null ? "(none)" : value, 1L, Long::sum);
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("events of account " + accountId, e);
        }
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            Map<String, Long> top = new LinkedHashMap<>();
            tallies.get(i).entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit).forEach(entry -> top.put(entry.getKey(), entry.getValue()));
            counts.put(columns.get(i), top);
        }
        return counts;
    }

    private StoreException failure(String what, Exception e) {
        return new StoreException("cannot read " + what + " from " + caseFile.path() + ": " + e.getMessage(), e);
    }
}
