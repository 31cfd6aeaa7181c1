package dev.quarry.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.analysis.AccountVerdict;
import dev.quarry.analysis.Campaign;
import dev.quarry.analysis.StoredRun;
import dev.quarry.model.ProgressListener;
import dev.quarry.model.QuarryVersion;
import dev.quarry.store.CaseFile;
import dev.quarry.store.CaseWork;
import dev.quarry.store.Sha256;
import dev.quarry.store.StoreException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CSV evidence packet of DESIGN.md: {@code accounts.csv} (one row per account in the case),
 * {@code campaigns.csv} and {@code manifest.json}. Files are written beside their final names and
 * moved into place only when all are complete, so a cancelled or failed export never leaves a packet
 * whose manifest describes other files. The export is recorded in the case's audit log.
 */
public final class CsvPacket {

    public static final String ACCOUNTS = "accounts.csv";
    public static final String CAMPAIGNS = "campaigns.csv";
    public static final String MANIFEST = "manifest.json";
    public static final List<String> ACCOUNT_COLUMNS = List.of("account_id", "risk_score", "flagged", "campaign_id",
            "reasons", "verdict", "tags", "scored", "anomaly_score", "cluster", "map_x", "map_y", "events", "first_activity", "last_activity");
    public static final List<String> CAMPAIGN_COLUMNS = List.of("campaign_id", "label", "score", "size", "signals",
            "reasons", "verdict", "verdict_carried_from_run", "first_activity", "last_activity", "events", "flagged_members");
    /** Joins a list of reasons or signals in one cell; chosen because reasons themselves use commas and semicolons. */
    public static final String LIST_SEPARATOR = " | ";

    private static final CSVFormat CSV = CSVFormat.RFC4180;
    private static final String PARTIAL = ".partial";

    private final CaseFile caseFile;

    public CsvPacket(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    /**
     * Writes the packet for {@code run} into {@code directory} (created if missing).
     *
     * @param campaignId when not null, only that campaign and its member accounts are exported
     */
    public ExportReport write(StoredRun run, Path directory, Integer campaignId, ProgressListener progress)
            throws StoreException, IOException {
        Map<Integer, Campaign> campaigns = new LinkedHashMap<>();
        run.result().campaigns().forEach(c -> campaigns.put(c.campaignId(), c));
        if (campaignId != null && !campaigns.containsKey(campaignId)) {
            throw new IllegalArgumentException("run " + run.runId() + " has no campaign " + campaignId
                    + " (it has " + campaigns.keySet() + ")");
        }
        Files.createDirectories(directory);
        Path accountsPartial = directory.resolve(ACCOUNTS + PARTIAL);
        Path campaignsPartial = directory.resolve(CAMPAIGNS + PARTIAL);
        Path manifestPartial = directory.resolve(MANIFEST + PARTIAL);
        try {
            Map<Integer, CampaignActivity> activity = new HashMap<>();
            CaseWork work = new CaseWork(caseFile);
            int accountRows = writeAccounts(run, campaignId, work, accountsPartial, activity, progress);
            int campaignRows = writeCampaigns(campaigns.values(), campaignId, work.campaignVerdicts(run.runId()),
                    activity, campaignsPartial);
            List<ExportedFile> files = List.of(
                    new ExportedFile(ACCOUNTS, Sha256.of(accountsPartial), Files.size(accountsPartial), accountRows),
                    new ExportedFile(CAMPAIGNS, Sha256.of(campaignsPartial), Files.size(campaignsPartial), campaignRows));
            Instant exportedAt = Instant.now();
            writeManifest(run, campaignId, files, exportedAt, manifestPartial);
            progress.checkCancelled();
            Files.move(accountsPartial, directory.resolve(ACCOUNTS), StandardCopyOption.REPLACE_EXISTING);
            Files.move(campaignsPartial, directory.resolve(CAMPAIGNS), StandardCopyOption.REPLACE_EXISTING);
            Files.move(manifestPartial, directory.resolve(MANIFEST), StandardCopyOption.REPLACE_EXISTING);
            caseFile.audit("export", String.format(Locale.ROOT, "run %d%s to %s: %s sha256 %s, %s sha256 %s",
                    run.runId(), campaignId == null ? "" : " campaign " + campaignId, directory.toAbsolutePath(),
                    ACCOUNTS, files.get(0).sha256(), CAMPAIGNS, files.get(1).sha256()));
            return new ExportReport(directory, run.runId(), campaignId, files, exportedAt);
        } catch (SQLException e) {
            throw new StoreException("cannot read case " + caseFile.path() + " for export: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(accountsPartial);
            Files.deleteIfExists(campaignsPartial);
            Files.deleteIfExists(manifestPartial);
        }
    }

    private int writeAccounts(StoredRun run, Integer campaignFilter, CaseWork work, Path file,
                              Map<Integer, CampaignActivity> activity, ProgressListener progress)
            throws SQLException, IOException, StoreException {
        Map<String, CaseWork.Verdict> decisions = work.accountVerdicts();
        Map<String, List<String>> tags = work.accountTags();
        Map<String, AccountVerdict> verdicts = new HashMap<>();
        run.result().accounts().forEach(v -> verdicts.put(v.accountId(), v));
        long total = run.result().accounts().size();
        // Every account the case knows: from the accounts table, from events, and from the run itself.
        String sql = "WITH activity AS (SELECT account_id, count(*) AS events, min(ts) AS first_ts, max(ts) AS last_ts "
                + "FROM events GROUP BY account_id) "
                + "SELECT ids.account_id, activity.events, activity.first_ts, activity.last_ts FROM "
                + "(SELECT account_id FROM accounts UNION SELECT account_id FROM activity "
                + "UNION SELECT account_id FROM run_accounts WHERE run_id = ?) ids "
                + "LEFT JOIN activity ON activity.account_id = ids.account_id ORDER BY ids.account_id";
        int rows = 0;
        long seen = 0;
        try (PreparedStatement query = caseFile.connection().prepareStatement(sql);
             Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, CSV)) {
            csv.printRecord(ACCOUNT_COLUMNS);
            query.setLong(1, run.runId());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String accountId = rs.getString(1);
                    long events = rs.getLong(2);
                    Long first = events == 0 ? null : rs.getLong(3);
                    Long last = events == 0 ? null : rs.getLong(4);
                    AccountVerdict verdict = verdicts.get(accountId);
                    if (verdict != null && verdict.campaignId() != null) {
                        activity.computeIfAbsent(verdict.campaignId(), id -> new CampaignActivity())
                                .add(events, first, last, verdict.flagged());
                    }
                    if (++seen % 10_000 == 0) {
                        progress.progress(seen, total, "exporting accounts", ProgressListener.ACCOUNTS);
                        progress.checkCancelled();
                    }
                    if (campaignFilter != null && (verdict == null || !campaignFilter.equals(verdict.campaignId()))) {
                        continue;
                    }
                    CaseWork.Verdict decision = decisions.get(accountId);
                    csv.printRecord(accountRow(run.runId(), accountId, verdict, decision == null ? "" : decision.decision().word(),
                            String.join("|", tags.getOrDefault(accountId, List.of())), events, first, last));
                    rows++;
                }
            }
        }
        return rows;
    }

    private static List<String> accountRow(long runId, String accountId, AccountVerdict verdict, String decision,
                                           String tags, long events, Long first, Long last) {
        List<String> row = new ArrayList<>(ACCOUNT_COLUMNS.size());
        row.add(SpreadsheetSafe.text(accountId));
        if (verdict == null) {
            // Not scored (e.g. an account from the accounts file with no events): it is reported, not dropped,
            // with score 0 and a reason saying why, so an outside scorer still finds every account.
            row.add(number(0));
            row.add("false");
            row.add("");
            row.add(SpreadsheetSafe.text(events == 0 ? "not scored by run " + runId + ": no events in the case"
                    : "not scored by run " + runId));
            row.add(decision);
            row.add(SpreadsheetSafe.text(tags));
            row.add("false");
            row.add("");
            row.add("");
            row.add("");
            row.add("");
        } else {
            row.add(number(verdict.riskScore()));
            row.add(Boolean.toString(verdict.flagged()));
            row.add(verdict.campaignId() == null ? "" : Integer.toString(verdict.campaignId()));
            row.add(SpreadsheetSafe.text(String.join(LIST_SEPARATOR, verdict.reasons())));
            row.add(decision);
            row.add(SpreadsheetSafe.text(tags));
            row.add("true");
            row.add(number(verdict.anomalyScore()));
            row.add(Integer.toString(verdict.cluster()));
            row.add(number(verdict.mapX()));
            row.add(number(verdict.mapY()));
        }
        row.add(Long.toString(events));
        row.add(first == null ? "" : Instant.ofEpochMilli(first).toString());
        row.add(last == null ? "" : Instant.ofEpochMilli(last).toString());
        return row;
    }

    private static int writeCampaigns(Iterable<Campaign> campaigns, Integer campaignFilter,
                                      Map<Integer, CaseWork.Verdict> decisions,
                                      Map<Integer, CampaignActivity> activity, Path file) throws IOException {
        int rows = 0;
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, CSV)) {
            csv.printRecord(CAMPAIGN_COLUMNS);
            for (Campaign campaign : campaigns) {
                if (campaignFilter != null && campaignFilter != campaign.campaignId()) {
                    continue;
                }
                CampaignActivity seen = activity.getOrDefault(campaign.campaignId(), new CampaignActivity());
                CaseWork.Verdict decision = decisions.get(campaign.campaignId());
                csv.printRecord(Integer.toString(campaign.campaignId()),
                        SpreadsheetSafe.text(campaign.label()),
                        number(campaign.score()),
                        Integer.toString(campaign.size()),
                        SpreadsheetSafe.text(String.join(LIST_SEPARATOR, campaign.signals())),
                        SpreadsheetSafe.text(String.join(LIST_SEPARATOR, campaign.reasons())),
                        decision == null ? "" : decision.decision().word(),
                        decision == null || !decision.carried() ? "" : Long.toString(decision.carriedFrom().runId()),
                        seen.first == null ? "" : Instant.ofEpochMilli(seen.first).toString(),
                        seen.last == null ? "" : Instant.ofEpochMilli(seen.last).toString(),
                        Long.toString(seen.events),
                        Integer.toString(seen.flagged));
                rows++;
            }
        }
        return rows;
    }

    private void writeManifest(StoredRun run, Integer campaignId, List<ExportedFile> files, Instant exportedAt,
                               Path file) throws SQLException, IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode manifest = json.createObjectNode();
        manifest.put("packet", "quarry-csv-evidence");
        manifest.put("packet_version", 1);
        manifest.put("quarry_version", QuarryVersion.VERSION);
        manifest.put("exported_at", exportedAt.toString());
        manifest.put("case", caseFile.path().toAbsolutePath().toString());
        manifest.put("case_audit_head", auditHead());
        ObjectNode runNode = manifest.putObject("run");
        runNode.put("run_id", run.runId());
        runNode.put("started_at", run.summary().startedAt().toString());
        runNode.put("finished_at", run.summary().finishedAt().toString());
        runNode.put("quarry_version", run.summary().quarryVersion());
        runNode.put("seed", run.summary().seed());
        runNode.set("options", json.readTree(run.optionsJson()));
        if (campaignId == null) {
            manifest.putNull("campaign");
        } else {
            manifest.put("campaign", campaignId);
        }
        ArrayNode sources = manifest.putArray("sources");
        try (Statement statement = caseFile.connection().createStatement();
             ResultSet rs = statement.executeQuery("SELECT source_id, path, sha256, bytes, format, kind, imported_at, "
                     + "rows_read, rows_accepted, rows_duplicate, rows_rejected FROM sources ORDER BY source_id")) {
            while (rs.next()) {
                ObjectNode source = sources.addObject();
                source.put("source_id", rs.getLong(1));
                source.put("path", rs.getString(2));
                source.put("sha256", rs.getString(3));
                source.put("bytes", rs.getLong(4));
                source.put("format", rs.getString(5));
                source.put("kind", rs.getString(6));
                source.put("imported_at", rs.getString(7));
                source.put("rows_read", rs.getLong(8));
                source.put("rows_accepted", rs.getLong(9));
                source.put("rows_duplicate", rs.getLong(10));
                source.put("rows_rejected", rs.getLong(11));
            }
        }
        ArrayNode fileNodes = manifest.putArray("files");
        for (ExportedFile exported : files) {
            ObjectNode node = fileNodes.addObject();
            node.put("name", exported.name());
            node.put("sha256", exported.sha256());
            node.put("bytes", exported.bytes());
            node.put("rows", exported.rows());
        }
        json.writeValue(file.toFile(), manifest);
    }

    /** The newest audit-log hash: ties the packet to the state of the case's chain when it was exported. */
    private String auditHead() throws SQLException {
        try (Statement statement = caseFile.connection().createStatement();
             ResultSet rs = statement.executeQuery("SELECT hash FROM audit_log ORDER BY audit_id DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6f", value) : "";
    }

    private static final class CampaignActivity {
        long events;
        Long first;
        Long last;
        int flagged;

        void add(long accountEvents, Long accountFirst, Long accountLast, boolean accountFlagged) {
            events += accountEvents;
            if (accountFirst != null && (first == null || accountFirst < first)) {
                first = accountFirst;
            }
            if (accountLast != null && (last == null || accountLast > last)) {
                last = accountLast;
            }
            if (accountFlagged) {
                flagged++;
            }
        }
    }
}
