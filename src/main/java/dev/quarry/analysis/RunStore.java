package dev.quarry.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.analysis.rules.DetectionRules;
import dev.quarry.model.CancelledException;
import dev.quarry.model.ProgressListener;
import dev.quarry.model.QuarryVersion;
import dev.quarry.store.CaseFile;
import dev.quarry.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Analysis runs in the case file (schema V2). Each run is saved whole in one transaction together
 * with its audit entry, so an interrupted save leaves no trace; runs are never overwritten, and a run
 * made by an older Quarry stays readable.
 */
public final class RunStore {

    private static final int BATCH = 2_000;
    private static final TypeReference<LinkedHashMap<String, Double>> FEATURES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final CaseFile caseFile;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public RunStore(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    /** Saves a run and returns its id; on any failure or cancellation nothing of it is stored. */
    public long save(AnalysisResult result, Instant startedAt, Instant finishedAt, ProgressListener progress)
            throws StoreException {
        Connection connection = caseFile.connection();
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                long runId = insertRun(connection, result, startedAt, finishedAt);
                insertAccounts(connection, runId, result.accounts(), progress);
                insertCampaigns(connection, runId, result.campaigns());
                insertSignals(connection, runId, result.signals());
                insertStages(connection, runId, result.stageSeconds());
                if (result.views() != null) {
                    ViewStore.insert(connection, runId, result.views(), progress);
                }
                long flagged = result.accounts().stream().filter(AccountVerdict::flagged).count();
                caseFile.audit("analyze", String.format(Locale.ROOT,
                        "run %d: seed %d, %d accounts, %d flagged, %d campaigns, quarry %s",
                        runId, result.options().seed(), result.accounts().size(), flagged,
                        result.campaigns().size(), QuarryVersion.VERSION));
                progress.checkCancelled();
                connection.commit();
                return runId;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (CancelledException e) {
            throw e;
        } catch (SQLException e) {
            throw new StoreException("cannot store analysis run in " + caseFile.path() + ": " + e.getMessage(), e);
        }
    }

    private long insertRun(Connection connection, AnalysisResult result, Instant startedAt, Instant finishedAt)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO analysis_runs(started_at, finished_at, quarry_version, seed, options_json, rules_json, "
                        + "status) VALUES (?,?,?,?,?,?, 'complete')")) {
            insert.setString(1, startedAt.toString());
            insert.setString(2, finishedAt.toString());
            insert.setString(3, QuarryVersion.VERSION);
            insert.setLong(4, result.options().seed());
            insert.setString(5, toJson(result.options()));
            insert.setString(6, result.rules() == null ? null : toJson(result.rules()));
            insert.executeUpdate();
        }
        try (PreparedStatement last = connection.prepareStatement("SELECT last_insert_rowid()");
             ResultSet rs = last.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void insertAccounts(Connection connection, long runId, List<AccountVerdict> accounts,
                                ProgressListener progress) throws SQLException {
        try (PreparedStatement account = connection.prepareStatement(
                "INSERT INTO run_accounts(run_id, account_id, risk_score, flagged, campaign_id, anomaly_score, "
                        + "cluster, map_x, map_y, features_json) VALUES (?,?,?,?,?,?,?,?,?,?)");
             PreparedStatement reason = reasonInsert(connection)) {
            int done = 0;
            for (AccountVerdict verdict : accounts) {
                if (!(verdict.riskScore() >= 0 && verdict.riskScore() <= 1)) {
                    throw new SQLException("account " + verdict.accountId() + " has risk score "
                            + verdict.riskScore() + ", outside [0,1]");
                }
                account.setLong(1, runId);
                account.setString(2, verdict.accountId());
                account.setDouble(3, verdict.riskScore());
                account.setInt(4, verdict.flagged() ? 1 : 0);
                setNullableInt(account, 5, verdict.campaignId());
                setNullableDouble(account, 6, verdict.anomalyScore());
                account.setInt(7, verdict.cluster());
                setNullableDouble(account, 8, verdict.mapX());
                setNullableDouble(account, 9, verdict.mapY());
                account.setString(10, toJson(verdict.features() == null ? Map.of() : verdict.features()));
                account.addBatch();
                addReasons(reason, runId, "account", verdict.accountId(), verdict.reasons());
                if (++done % BATCH == 0) {
                    account.executeBatch();
                    reason.executeBatch();
                    progress.progress(done, accounts.size(), "storing run", ProgressListener.ACCOUNTS);
                    progress.checkCancelled();
                }
            }
            account.executeBatch();
            reason.executeBatch();
            progress.progress(done, accounts.size(), "storing run", ProgressListener.ACCOUNTS);
        }
    }

    private void insertCampaigns(Connection connection, long runId, List<Campaign> campaigns) throws SQLException {
        try (PreparedStatement campaign = connection.prepareStatement(
                "INSERT INTO run_campaigns(run_id, campaign_id, label, score, size, signals) VALUES (?,?,?,?,?,?)");
             PreparedStatement reason = reasonInsert(connection)) {
            for (Campaign c : campaigns) {
                campaign.setLong(1, runId);
                campaign.setInt(2, c.campaignId());
                campaign.setString(3, c.label() == null ? "" : c.label());
                campaign.setDouble(4, c.score());
                campaign.setInt(5, c.size());
                campaign.setString(6, toJson(c.signals() == null ? List.of() : c.signalNames()));
                campaign.addBatch();
                addReasons(reason, runId, "campaign", Integer.toString(c.campaignId()), c.reasons());
            }
            campaign.executeBatch();
            reason.executeBatch();
        }
    }

    private static PreparedStatement reasonInsert(Connection connection) throws SQLException {
        return connection.prepareStatement(
                "INSERT INTO run_reasons(run_id, subject_kind, subject_id, rank, text) VALUES (?,?,?,?,?)");
    }

    private static void addReasons(PreparedStatement reason, long runId, String kind, String subject,
                                   List<String> reasons) throws SQLException {
        if (reasons == null) {
            return;
        }
        for (int rank = 0; rank < reasons.size(); rank++) {
            reason.setLong(1, runId);
            reason.setString(2, kind);
            reason.setString(3, subject);
            reason.setInt(4, rank);
            reason.setString(5, reasons.get(rank));
            reason.addBatch();
        }
    }

    private static void insertSignals(Connection connection, long runId, List<SignalStatus> signals) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO run_signals(run_id, ordinal, signal, computed, detail) VALUES (?,?,?,?,?)")) {
            int ordinal = 0;
            for (SignalStatus signal : signals) {
                insert.setLong(1, runId);
                insert.setInt(2, ordinal++);
                insert.setString(3, signal.signal());
                insert.setInt(4, signal.computed() ? 1 : 0);
                insert.setString(5, signal.detail());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertStages(Connection connection, long runId, Map<String, Double> stages) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO run_stages(run_id, ordinal, stage, seconds) VALUES (?,?,?,?)")) {
            int ordinal = 0;
            for (Map.Entry<String, Double> stage : stages.entrySet()) {
                insert.setLong(1, runId);
                insert.setInt(2, ordinal++);
                insert.setString(3, stage.getKey());
                insert.setDouble(4, stage.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** All stored runs, oldest first. */
    public List<RunSummary> list() throws StoreException {
        return summaries("", null);
    }

    /** The most recent run, if the case has been analysed. */
    public Optional<RunSummary> latest() throws StoreException {
        List<RunSummary> runs = list();
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
    }

    public Optional<RunSummary> summary(long runId) throws StoreException {
        List<RunSummary> runs = summaries("WHERE r.run_id = ?", runId);
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
    }

    private List<RunSummary> summaries(String where, Long runId) throws StoreException {
        String sql = "SELECT r.run_id, r.started_at, r.finished_at, r.quarry_version, r.seed, r.status, "
                + "(SELECT count(*) FROM run_accounts a WHERE a.run_id = r.run_id), "
                + "(SELECT count(*) FROM run_accounts a WHERE a.run_id = r.run_id AND a.flagged = 1), "
                + "(SELECT count(*) FROM run_campaigns c WHERE c.run_id = r.run_id) "
                + "FROM analysis_runs r " + where + " ORDER BY r.run_id";
        try (PreparedStatement query = caseFile.connection().prepareStatement(sql)) {
            if (runId != null) {
                query.setLong(1, runId);
            }
            List<RunSummary> runs = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    runs.add(new RunSummary(rs.getLong(1), Instant.parse(rs.getString(2)), Instant.parse(rs.getString(3)),
                            rs.getString(4), rs.getLong(5), rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getInt(9)));
                }
            }
            return runs;
        } catch (SQLException e) {
            throw new StoreException("cannot list analysis runs in " + caseFile.path() + ": " + e.getMessage(), e);
        }
    }

    /** Reads a run back whole: options, every account verdict, campaigns, signal status and stage times. */
    public StoredRun load(long runId) throws StoreException {
        RunSummary summary = summary(runId).orElseThrow(() -> new StoreException(
                "case " + caseFile.path() + " has no analysis run " + runId, null));
        Connection connection = caseFile.connection();
        try {
            String optionsJson = single(connection, "SELECT options_json FROM analysis_runs WHERE run_id = ?", runId);
            AnalysisOptions options = readOptions(optionsJson, summary.seed());
            String rulesJson = single(connection, "SELECT rules_json FROM analysis_runs WHERE run_id = ?", runId);
            DetectionRules rules = readRules(rulesJson);
            Map<String, List<String>> accountReasons = reasons(connection, runId, "account");
            Map<String, List<String>> campaignReasons = reasons(connection, runId, "campaign");
            List<AccountVerdict> accounts = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT account_id, risk_score, flagged, campaign_id, anomaly_score, cluster, map_x, map_y, "
                            + "features_json FROM run_accounts WHERE run_id = ? ORDER BY account_id")) {
                query.setLong(1, runId);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        String accountId = rs.getString(1);
                        accounts.add(new AccountVerdict(accountId, rs.getDouble(2), rs.getInt(3) == 1,
                                nullableInt(rs, 4), nullableDouble(rs, 5), rs.getInt(6), nullableDouble(rs, 7),
                                nullableDouble(rs, 8), accountReasons.getOrDefault(accountId, List.of()),
                                json.readValue(rs.getString(9), FEATURES)));
                    }
                }
            }
            List<Campaign> campaigns = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT campaign_id, label, score, size, signals FROM run_campaigns WHERE run_id = ? ORDER BY campaign_id")) {
                query.setLong(1, runId);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        int campaignId = rs.getInt(1);
                        campaigns.add(new Campaign(campaignId, rs.getString(2), rs.getDouble(3), rs.getInt(4),
                                Campaign.signalsNamed(json.readValue(rs.getString(5), STRINGS)),
                                campaignReasons.getOrDefault(Integer.toString(campaignId), List.of())));
                    }
                }
            }
            List<SignalStatus> signals = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT signal, computed, detail FROM run_signals WHERE run_id = ? ORDER BY ordinal")) {
                query.setLong(1, runId);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        signals.add(new SignalStatus(rs.getString(1), rs.getInt(2) == 1, rs.getString(3)));
                    }
                }
            }
            Map<String, Double> stages = new LinkedHashMap<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT stage, seconds FROM run_stages WHERE run_id = ? ORDER BY ordinal")) {
                query.setLong(1, runId);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        stages.put(rs.getString(1), rs.getDouble(2));
                    }
                }
            }
            return new StoredRun(summary, optionsJson, rulesJson,
                    new AnalysisResult(options, rules, accounts, campaigns, signals, stages, null));
        } catch (SQLException | JsonProcessingException e) {
            throw new StoreException("cannot read analysis run " + runId + " from " + caseFile.path() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Reads stored options over today's defaults: a field added since the run was made takes its
     * default, a field since removed is ignored, so old runs stay readable.
     */
    private AnalysisOptions readOptions(String optionsJson, long seed) throws JsonProcessingException {
        ObjectNode merged = json.valueToTree(AnalysisOptions.defaults(seed));
        JsonNode stored = json.readTree(optionsJson);
        for (Iterator<Map.Entry<String, JsonNode>> fields = stored.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (merged.has(field.getKey())) {
                merged.set(field.getKey(), field.getValue());
            }
        }
        return json.treeToValue(merged, AnalysisOptions.class);
    }

    /**
     * The rules a run judged by: null when it recorded none, or when they were recorded by a Quarry
     * whose rules had other fields (the stored JSON still shows them, see {@link StoredRun#rulesJson}).
     * Never today's defaults in place of what a run did not record.
     */
    private DetectionRules readRules(String rulesJson) {
        if (rulesJson == null) {
            return null;
        }
        try {
            return json.readValue(rulesJson, DetectionRules.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Map<String, List<String>> reasons(Connection connection, long runId, String kind) throws SQLException {
        Map<String, List<String>> reasons = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT subject_id, text FROM run_reasons WHERE run_id = ? AND subject_kind = ? ORDER BY subject_id, rank")) {
            query.setLong(1, runId);
            query.setString(2, kind);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    reasons.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return reasons;
    }

    private static String single(Connection connection, String sql, long runId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, runId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private String toJson(Object value) throws SQLException {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getMessage(), e);
        }
    }

    private static void setNullableInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    /** SQLite stores NaN as NULL anyway; writing NULL says plainly that the value was not computed. */
    private static void setNullableDouble(PreparedStatement statement, int index, double value) throws SQLException {
        if (Double.isFinite(value)) {
            statement.setDouble(index, value);
        } else {
            statement.setNull(index, Types.REAL);
        }
    }

    private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : value;
    }
}
