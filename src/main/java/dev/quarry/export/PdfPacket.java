package dev.quarry.export;

import dev.quarry.analysis.AccountVerdict;
import dev.quarry.analysis.Campaign;
import dev.quarry.analysis.SignalStatus;
import dev.quarry.analysis.StoredRun;
import dev.quarry.model.ProgressListener;
import dev.quarry.model.QuarryVersion;
import dev.quarry.store.CaseFile;
import dev.quarry.store.Sha256;
import dev.quarry.store.StoreException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The PDF evidence packet: a summary of the run, one section per campaign (evidence reasons, a chart
 * of its members' daily requests, its accounts), the flagged accounts, the case's notes, and a
 * manifest of the sources with their hashes. The CSV packet holds every row; the PDF is what an
 * investigator reads and hands on, so long tables are capped and say where the rest is.
 */
public final class PdfPacket {

    static final int MEMBER_ROWS = 150;
    static final int FLAGGED_ROWS = 400;
    private static final long DAY = 86_400_000L;

    private final CaseFile caseFile;

    public PdfPacket(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    /** Writes the packet to {@code file} (via a temporary file beside it) and records it in the audit log. */
    public ExportReport write(StoredRun run, Path file, Integer campaignId, ProgressListener progress)
            throws StoreException, IOException {
        List<Campaign> campaigns = run.result().campaigns().stream()
                .filter(c -> campaignId == null || c.campaignId() == campaignId)
                .sorted(Comparator.comparingDouble(Campaign::score).reversed()).toList();
        if (campaignId != null && campaigns.isEmpty()) {
            throw new IllegalArgumentException("run " + run.runId() + " has no campaign " + campaignId);
        }
        Path absolute = file.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        Instant exportedAt = Instant.now();
        try {
            Activity activity = activity(run);
            progress.checkCancelled();
            try (PDDocument document = new PDDocument()) {
                PDDocumentInformation info = document.getDocumentInformation();
                info.setTitle("Quarry evidence packet, run " + run.runId());
                info.setCreator("Quarry " + QuarryVersion.VERSION);
                PdfLayout layout = new PdfLayout(document);
                summary(layout, run, campaignId, exportedAt);
                for (Campaign campaign : campaigns) {
                    progress.checkCancelled();
                    campaignSection(layout, run, campaign, activity);
                }
                if (campaignId == null) {
                    flaggedAccounts(layout, run, activity);
                }
                notes(layout, run.runId());
                manifest(layout, run);
                layout.finish();
                document.save(partial.toFile());
            }
            progress.checkCancelled();
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
            String sha256 = Sha256.of(absolute);
            caseFile.audit("export", String.format(Locale.ROOT, "run %d%s to %s: sha256 %s", run.runId(),
                    campaignId == null ? "" : " campaign " + campaignId, absolute, sha256));
            return new ExportReport(absolute.getParent(), run.runId(), campaignId,
                    List.of(new ExportedFile(absolute.getFileName().toString(), sha256, Files.size(absolute),
                            campaigns.size())), exportedAt, sha256);
        } catch (SQLException e) {
            throw new StoreException("cannot read case " + caseFile.path() + " for the PDF packet: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private void summary(PdfLayout layout, StoredRun run, Integer campaignId, Instant exportedAt) throws IOException {
        long flagged = run.result().accounts().stream().filter(AccountVerdict::flagged).count();
        layout.title("Quarry evidence packet");
        layout.keyValue("Case", caseFile.path().toAbsolutePath().toString());
        layout.keyValue("Analysis run", String.format(Locale.ROOT, "%d (seed %d, %s to %s, Quarry %s)", run.runId(),
                run.summary().seed(), run.summary().startedAt(), run.summary().finishedAt(), run.summary().quarryVersion()));
        layout.keyValue("Exported", exportedAt + " by Quarry " + QuarryVersion.VERSION
                + (campaignId == null ? "" : ", campaign " + campaignId + " only"));
        layout.keyValue("Findings", String.format(Locale.ROOT, "%,d accounts analysed, %,d flagged, %d campaigns",
                run.result().accounts().size(), flagged, run.result().campaigns().size()));
        layout.gap();
        layout.heading("Campaigns");
        List<String[]> rows = new ArrayList<>();
        for (Campaign c : run.result().campaigns().stream()
                .sorted(Comparator.comparingDouble(Campaign::score).reversed()).toList()) {
            rows.add(new String[] {Integer.toString(c.campaignId()), String.format(Locale.ROOT, "%.3f", c.score()),
                    Integer.toString(c.size()), c.label()});
        }
        layout.table(new String[] {"id", "score", "size", "label"}, new float[] {0.07f, 0.1f, 0.1f, 0.73f}, rows);
        layout.gap();
        layout.heading("Signals");
        for (SignalStatus signal : run.result().signals()) {
            layout.bullet(signal.signal() + ": " + (signal.computed() ? "computed" : "NOT computed")
                    + (signal.detail() == null || signal.detail().isBlank() ? "" : " (" + signal.detail() + ")"));
        }
    }

    private void campaignSection(PdfLayout layout, StoredRun run, Campaign campaign, Activity activity) throws IOException {
        layout.newPage();
        layout.title("Campaign " + campaign.campaignId() + ": " + campaign.label());
        List<AccountVerdict> members = run.result().accounts().stream()
                .filter(a -> Integer.valueOf(campaign.campaignId()).equals(a.campaignId()))
                .sorted(Comparator.comparingDouble(AccountVerdict::riskScore).reversed()).toList();
        long flagged = members.stream().filter(AccountVerdict::flagged).count();
        long[] span = activity.span(members);
        layout.keyValue("Score", String.format(Locale.ROOT, "%.3f", campaign.score()));
        layout.keyValue("Accounts", String.format(Locale.ROOT, "%d (%d flagged)", campaign.size(), flagged));
        if (span != null) {
            layout.keyValue("Activity", String.format(Locale.ROOT, "%,d requests from %s to %s", span[2],
                    Instant.ofEpochMilli(span[0]), Instant.ofEpochMilli(span[1])));
        }
        layout.keyValue("Signals", String.join(", ", campaign.signals()));
        layout.gap();
        layout.heading("Evidence");
        for (String reason : campaign.reasons()) {
            layout.bullet(reason);
        }
        layout.gap();
        layout.heading("Requests per day by the campaign's accounts");
        layout.chart(activity.dailyFor(members), activity.firstDay, activity.lastDay);
        layout.gap();
        layout.heading("Accounts");
        List<String[]> rows = new ArrayList<>();
        for (AccountVerdict member : members.subList(0, Math.min(MEMBER_ROWS, members.size()))) {
            rows.add(accountRow(member, activity));
        }
        layout.table(new String[] {"account", "risk", "flag", "requests", "strongest reason"},
                new float[] {0.27f, 0.07f, 0.06f, 0.1f, 0.5f}, rows);
        if (members.size() > MEMBER_ROWS) {
            layout.paragraph(String.format(Locale.ROOT, "%d more accounts of this campaign are in accounts.csv "
                    + "(quarry export --csv DIR --campaign %d).", members.size() - MEMBER_ROWS, campaign.campaignId()));
        }
    }

    private void flaggedAccounts(PdfLayout layout, StoredRun run, Activity activity) throws IOException {
        List<AccountVerdict> flagged = run.result().accounts().stream().filter(AccountVerdict::flagged)
                .sorted(Comparator.comparingDouble(AccountVerdict::riskScore).reversed()).toList();
        layout.newPage();
        layout.title("Flagged accounts");
        List<String[]> rows = new ArrayList<>();
        for (AccountVerdict account : flagged.subList(0, Math.min(FLAGGED_ROWS, flagged.size()))) {
            String[] row = accountRow(account, activity);
            row[2] = account.campaignId() == null ? "" : account.campaignId().toString();
            rows.add(row);
        }
        layout.table(new String[] {"account", "risk", "campaign", "requests", "strongest reason"},
                new float[] {0.27f, 0.07f, 0.11f, 0.1f, 0.45f}, rows);
        if (flagged.size() > FLAGGED_ROWS) {
            layout.paragraph(String.format(Locale.ROOT, "%d more flagged accounts are in accounts.csv (quarry export --csv DIR).",
                    flagged.size() - FLAGGED_ROWS));
        }
    }

    private static String[] accountRow(AccountVerdict account, Activity activity) {
        return new String[] {account.accountId(), String.format(Locale.ROOT, "%.3f", account.riskScore()),
                account.flagged() ? "yes" : "", String.format(Locale.ROOT, "%,d", activity.events(account.accountId())),
                account.reasons().isEmpty() ? "" : account.reasons().get(0)};
    }

    private void notes(PdfLayout layout, long runId) throws SQLException, IOException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement query = caseFile.connection().prepareStatement(
                "SELECT created_at, author, subject_kind, subject_id, text FROM notes "
                        + "WHERE subject_kind <> 'campaign' OR run_id = ? ORDER BY created_at")) {
            query.setLong(1, runId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String subject = rs.getString(3) + (rs.getString(4) == null ? "" : " " + rs.getString(4));
                    rows.add(new String[] {rs.getString(1), rs.getString(2), subject, rs.getString(5)});
                }
            }
        }
        layout.newPage();
        layout.title("Notes");
        if (rows.isEmpty()) {
            layout.paragraph("No notes in this case.");
        } else {
            layout.table(new String[] {"when", "author", "about", "note"}, new float[] {0.2f, 0.12f, 0.2f, 0.48f}, rows);
        }
    }

    private void manifest(PdfLayout layout, StoredRun run) throws SQLException, IOException {
        layout.gap();
        layout.title("Manifest");
        layout.paragraph("Imported sources and their SHA-256 at import; `quarry verify CASE` checks them and the "
                + "case's audit chain.");
        try (Statement statement = caseFile.connection().createStatement();
             ResultSet rs = statement.executeQuery("SELECT source_id, path, sha256, rows_read, rows_accepted, "
                     + "rows_duplicate, rows_rejected, imported_at FROM sources ORDER BY source_id")) {
            while (rs.next()) {
                layout.gap();
                layout.keyValue("Source " + rs.getLong(1), rs.getString(2));
                layout.keyValue("sha256", rs.getString(3));
                layout.keyValue("rows", String.format(Locale.ROOT, "%,d read: %,d accepted, %,d duplicate, %,d rejected; "
                        + "imported %s", rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getString(8)));
            }
        }
        layout.gap();
        layout.heading("Analysis parameters");
        layout.paragraph(run.optionsJson());
    }

    /** Per-account request counts and per-account daily counts, from one pass over the events table. */
    private Activity activity(StoredRun run) throws SQLException {
        Activity activity = new Activity();
        try (Statement statement = caseFile.connection().createStatement();
             ResultSet rs = statement.executeQuery("SELECT account_id, ts / " + DAY + " AS day, count(*), min(ts), max(ts) "
                     + "FROM events GROUP BY account_id, day")) {
            while (rs.next()) {
                activity.add(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
            }
        }
        return activity;
    }

    private static final class Activity {
        private final Map<String, Map<Long, Long>> daily = new HashMap<>();
        private final Map<String, long[]> totals = new HashMap<>();
        long firstDay = Long.MAX_VALUE;
        long lastDay = Long.MIN_VALUE;

        void add(String account, long day, long count, long first, long last) {
            daily.computeIfAbsent(account, a -> new HashMap<>()).put(day, count);
            long[] total = totals.computeIfAbsent(account, a -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 0});
            total[0] = Math.min(total[0], first);
            total[1] = Math.max(total[1], last);
            total[2] += count;
            firstDay = Math.min(firstDay, day);
            lastDay = Math.max(lastDay, day);
        }

        long events(String account) {
            long[] total = totals.get(account);
            return total == null ? 0 : total[2];
        }

        /** first ts, last ts, requests of a group of accounts; null when none made a request */
        long[] span(List<AccountVerdict> accounts) {
            long[] span = null;
            for (AccountVerdict account : accounts) {
                long[] total = totals.get(account.accountId());
                if (total == null) {
                    continue;
                }
                if (span == null) {
                    span = new long[] {total[0], total[1], 0};
                }
                span[0] = Math.min(span[0], total[0]);
                span[1] = Math.max(span[1], total[1]);
                span[2] += total[2];
            }
            return span;
        }

        TreeMap<LocalDate, Long> dailyFor(List<AccountVerdict> accounts) {
            TreeMap<LocalDate, Long> perDay = new TreeMap<>();
            for (AccountVerdict account : accounts) {
                daily.getOrDefault(account.accountId(), Map.of()).forEach((day, count) ->
                        perDay.merge(LocalDate.ofInstant(Instant.ofEpochMilli(day * DAY), ZoneOffset.UTC), count, Long::sum));
            }
            return perDay;
        }
    }
}
