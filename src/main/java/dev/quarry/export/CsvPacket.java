package dev.quarry.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quarry.analysis.AccountVerdict;
import dev.quarry.analysis.Campaign;
import dev.quarry.analysis.StoredRun;
import dev.quarry.model.EventField;
import dev.quarry.model.ProgressListener;
import dev.quarry.model.QuarryVersion;
import dev.quarry.store.AuditLog;
import dev.quarry.store.CaseFile;
import dev.quarry.store.CaseOverview;
import dev.quarry.store.CaseRecords;
import dev.quarry.store.CaseWork;
import dev.quarry.store.Sha256;
import dev.quarry.store.StoreException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CSV evidence packet: the contract files of DESIGN.md ({@code accounts.csv}, {@code campaigns.csv},
 * {@code manifest.json}) and, for the campaigns exported, their members' events (streamed), the
 * run's reasons, the analyst's verdicts, notes and tags, and the links that tie the members (the
 * attribute values two or more of them share). Each table also goes out as JSON Lines with the values
 * unmodified. Files are written in a staging directory and moved into place only when all are
 * complete, so a cancelled or failed export never leaves a packet whose manifest describes other files.
 */
public final class CsvPacket {

    public static final String ACCOUNTS = "accounts.csv";
    public static final String CAMPAIGNS = "campaigns.csv";
    public static final String MANIFEST = Manifest.FILE;
    public static final List<String> ACCOUNT_COLUMNS = List.of("account_id", "risk_score", "flagged", "campaign_id",
            "reasons", "verdict", "tags", "scored", "anomaly_score", "cluster", "map_x", "map_y", "events",
            "first_activity", "last_activity");
    public static final List<String> CAMPAIGN_COLUMNS = List.of("campaign_id", "label", "score", "size", "signals",
            "reasons", "verdict", "verdict_carried_from_run", "first_activity", "last_activity", "events",
            "flagged_members");
    static final List<String> EVENT_COLUMNS = Stream.concat(Stream.of("campaign_id", "event_id"),
            Stream.concat(Stream.of(EventField.values()).map(EventField::column), Stream.of("source_id"))).toList();
    static final List<String> REASON_COLUMNS = List.of("subject_kind", "subject_id", "rank", "text");
    static final List<String> VERDICT_COLUMNS = List.of("verdict_id", "subject_kind", "subject_id", "run_id",
            "decision", "author", "decided_at", "comment");
    static final List<String> NOTE_COLUMNS = List.of("note_id", "subject_kind", "subject_id", "run_id", "author",
            "created_at", "text");
    static final List<String> TAG_COLUMNS = List.of("subject_kind", "subject_id", "run_id", "tag", "author", "created_at");
    static final List<String> LINK_COLUMNS = List.of("campaign_id", "attribute", "value", "account_id",
            "members_sharing");
    /** Joins a list of reasons or signals in one cell; chosen because reasons themselves use commas and semicolons. */
    public static final String LIST_SEPARATOR = " | ";

    private static final String STAGING = ".quarry-export.partial";

    /** Everything a packet was made of, for the PDF to show what its attached files hold. */
    record Contents(StoredRun run, List<Campaign> campaigns, Map<Integer, List<AccountVerdict>> members,
                    Map<Integer, CampaignEvidence> evidence, Map<String, CaseOverview.AccountActivity> activity,
                    Map<String, CaseWork.Verdict> accountVerdicts, Map<Integer, CaseWork.Verdict> campaignVerdicts,
                    List<CaseWork.Note> notes, List<CaseWork.Tag> tags, Map<String, List<String>> accountTags,
                    List<CaseOverview.Source> sources, List<ExportedFile> files, AuditLog.Head auditHead,
                    String manifestDigest, Instant exportedAt, Redaction redaction) {
    }

    private final CaseFile caseFile;
    private final Redaction redaction;

    public CsvPacket(CaseFile caseFile) {
        this(caseFile, Redaction.NONE);
    }

    public CsvPacket(CaseFile caseFile, Redaction redaction) {
        this.caseFile = caseFile;
        this.redaction = redaction;
    }

    /**
     * Writes the packet for {@code run} into {@code directory} (created if missing; an earlier packet
     * there is replaced) and records the export in the case's audit log.
     *
     * @param campaignIds when not empty, only these campaigns and their member accounts are exported
     */
    public ExportReport write(StoredRun run, Path directory, List<Integer> campaignIds, ProgressListener progress)
            throws StoreException, IOException {
        prepareTarget(directory);
        Path staging = directory.resolve(STAGING);
        try {
            Contents contents = writeFiles(run, staging, campaignIds, progress);
            progress.checkCancelled();
            for (ExportedFile file : contents.files()) {
                Files.move(staging.resolve(file.name()), directory.resolve(file.name()), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(staging.resolve(MANIFEST), directory.resolve(MANIFEST), StandardCopyOption.REPLACE_EXISTING);
            caseFile.audit("export", String.format(Locale.ROOT, "CSV packet of run %d%s%s to %s: manifest digest %s",
                    run.runId(), scopeWords(campaignIds), redaction.active() ? ", redacted" : "",
                    directory.toAbsolutePath(), contents.manifestDigest()));
            return new ExportReport(directory, run.runId(), campaignIds.isEmpty() ? null : campaignIds.get(0),
                    contents.files(), contents.exportedAt(), contents.manifestDigest());
        } catch (SQLException e) {
            throw new StoreException("cannot record the export in case " + caseFile.path() + ": " + e.getMessage(), e);
        } finally {
            deleteTree(staging);
        }
    }

    static String scopeWords(List<Integer> campaignIds) {
        return campaignIds.isEmpty() ? "" : (campaignIds.size() == 1 ? " campaign " : " campaigns ")
                + campaignIds.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** Refuses a target that would lose someone's files or cannot be written, saying why and what to do. */
    private static void prepareTarget(Path directory) throws IOException {
        if (Files.isRegularFile(directory)) {
            throw new IOException("cannot write the CSV packet into " + directory + ": it is a file, and a CSV packet "
                    + "is a directory of files; give a directory (new or empty), or use --pdf " + directory
                    + " for a PDF packet");
        }
        if (Files.isDirectory(directory)) {
            List<String> foreign;
            try (Stream<Path> present = Files.list(directory)) {
                foreign = present.map(p -> p.getFileName().toString()).filter(n -> !n.equals(STAGING)).sorted().toList();
            }
            if (!foreign.isEmpty() && !Files.isRegularFile(directory.resolve(MANIFEST))) {
                throw new IOException("cannot write the CSV packet into " + directory + ": it already holds "
                        + foreign.size() + " file(s) that are not a Quarry packet (" + String.join(", ",
                        foreign.subList(0, Math.min(3, foreign.size()))) + "); give a new or empty directory, "
                        + "so nothing of yours is overwritten");
            }
        }
        try {
            Files.createDirectories(directory);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("cannot create the packet directory " + directory + ": " + e.getFile()
                    + " is a file; give a directory path whose parents are directories", e);
        } catch (AccessDeniedException e) {
            throw new IOException("cannot create the packet directory " + directory + ": permission denied on "
                    + e.getFile() + "; choose a directory you can write to", e);
        }
        if (!Files.isWritable(directory)) {
            throw new IOException("cannot write into " + directory + ": permission denied; choose a directory you "
                    + "can write to");
        }
    }

    /** Writes the packet's files and manifest into {@code directory} without recording anything in the case. */
    Contents writeFiles(StoredRun run, Path directory, List<Integer> campaignIds, ProgressListener progress)
            throws StoreException, IOException {
        Map<Integer, Campaign> byId = new LinkedHashMap<>();
        run.result().campaigns().forEach(c -> byId.put(c.campaignId(), c));
        for (Integer id : campaignIds) {
            if (!byId.containsKey(id)) {
                throw new IllegalArgumentException("run " + run.runId() + " has no campaign " + id + " (it has "
                        + byId.keySet() + "); `quarry runs CASE` lists the runs");
            }
        }
        List<Campaign> campaigns = byId.values().stream()
                .filter(c -> campaignIds.isEmpty() || campaignIds.contains(c.campaignId()))
                .sorted(Comparator.comparingDouble(Campaign::score).reversed().thenComparingInt(Campaign::campaignId))
                .toList();
        Set<Integer> inScope = campaigns.stream().map(Campaign::campaignId).collect(Collectors.toSet());
        Map<Integer, List<AccountVerdict>> members = new LinkedHashMap<>();
        campaigns.forEach(c -> members.put(c.campaignId(), new ArrayList<>()));
        Map<String, Integer> campaignOf = new HashMap<>();
        for (AccountVerdict account : run.result().accounts()) {
            if (account.campaignId() != null && inScope.contains(account.campaignId())) {
                members.get(account.campaignId()).add(account);
                campaignOf.put(account.accountId(), account.campaignId());
            }
        }
        members.values().forEach(list -> list.sort(Comparator.comparingDouble(AccountVerdict::riskScore).reversed()
                .thenComparing(AccountVerdict::accountId)));
        Files.createDirectories(directory);
        try {
            AuditLog.Head head = AuditLog.head(caseFile);
            CaseWork work = new CaseWork(caseFile);
            Map<String, CaseWork.Verdict> accountVerdicts = work.accountVerdicts();
            Map<Integer, CaseWork.Verdict> campaignVerdicts = work.campaignVerdicts(run.runId());
            Map<String, List<String>> accountTags = work.accountTags();
            List<CaseOverview.Source> sources = CaseRecords.sources(caseFile);
            Map<String, CaseOverview.AccountActivity> activity = new LinkedHashMap<>();
            for (CaseOverview.AccountActivity a : CaseRecords.accountActivity(caseFile)) {
                activity.put(a.accountId(), a);
            }
            Map<String, AccountVerdict> scored = new HashMap<>();
            run.result().accounts().forEach(a -> scored.put(a.accountId(), a));
            // every account the case knows, and any the run scored that the accounts table lacks
            run.result().accounts().forEach(a -> activity.putIfAbsent(a.accountId(),
                    new CaseOverview.AccountActivity(a.accountId(), 0, null, null)));
            boolean everyAccount = campaignIds.isEmpty();
            java.util.function.Predicate<String> accountInScope = id -> everyAccount || campaignOf.containsKey(id);

            List<ExportedFile> files = new ArrayList<>();
            Map<Integer, CampaignEvidence> evidence = new LinkedHashMap<>();
            campaigns.forEach(c -> evidence.put(c.campaignId(), new CampaignEvidence(c.campaignId())));
            try (PacketTable events = table(directory, "events", EVENT_COLUMNS)) {
                long total = CaseRecords.eventCount(caseFile);
                CaseRecords.events(caseFile, total, progress, event -> {
                    Integer campaign = campaignOf.get(event.accountId());
                    if (campaign == null) {
                        return;
                    }
                    evidence.get(campaign).add(event);
                    Object[] row = new Object[EVENT_COLUMNS.size()];
                    row[0] = campaign;
                    row[1] = event.eventId();
                    for (EventField field : EventField.values()) {
                        Object value = event.value(field);
                        row[2 + field.ordinal()] = field == EventField.TS ? Instant.ofEpochMilli((Long) value).toString() : value;
                    }
                    row[row.length - 1] = event.sourceId();
                    events.row(row);
                });
                files.addAll(exported(directory, events));
            }
            addAccountLinks(campaignOf, evidence);

            try (PacketTable accounts = table(directory, "accounts", ACCOUNT_COLUMNS)) {
                long seen = 0;
                for (CaseOverview.AccountActivity a : activity.values()) {
                    if (++seen % 10_000 == 0) {
                        progress.progress(seen, activity.size(), "exporting accounts", ProgressListener.ACCOUNTS);
                        progress.checkCancelled();
                    }
                    if (accountInScope.test(a.accountId())) {
                        CaseWork.Verdict decision = accountVerdicts.get(a.accountId());
                        accounts.row(accountRow(run.runId(), a, scored.get(a.accountId()),
                                decision == null ? null : decision.decision().word(),
                                String.join("|", accountTags.getOrDefault(a.accountId(), List.of()))));
                    }
                }
                files.addAll(exported(directory, accounts));
            }
            try (PacketTable table = table(directory, "campaigns", CAMPAIGN_COLUMNS)) {
                for (Campaign campaign : campaigns) {
                    List<AccountVerdict> group = members.get(campaign.campaignId());
                    Long first = null;
                    Long last = null;
                    long requests = 0;
                    for (AccountVerdict member : group) {
                        CaseOverview.AccountActivity a = activity.get(member.accountId());
                        requests += a.events();
                        first = a.firstTs() == null ? first : first == null ? a.firstTs() : Math.min(first, a.firstTs());
                        last = a.lastTs() == null ? last : last == null ? a.lastTs() : Math.max(last, a.lastTs());
                    }
                    CaseWork.Verdict decision = campaignVerdicts.get(campaign.campaignId());
                    table.row(campaign.campaignId(), campaign.label(), campaign.score(), campaign.size(),
                            String.join(LIST_SEPARATOR, campaign.signalNames()), String.join(LIST_SEPARATOR, campaign.reasons()),
                            decision == null ? null : decision.decision().word(),
                            decision == null || !decision.carried() ? null : decision.carriedFrom().runId(),
                            instant(first), instant(last), requests, group.stream().filter(AccountVerdict::flagged).count());
                }
                files.addAll(exported(directory, table));
            }
            try (PacketTable reasons = table(directory, "reasons", REASON_COLUMNS)) {
                for (Campaign campaign : campaigns) {
                    for (int rank = 0; rank < campaign.reasons().size(); rank++) {
                        reasons.row("campaign", Integer.toString(campaign.campaignId()), rank, campaign.reasons().get(rank));
                    }
                }
                for (AccountVerdict account : run.result().accounts()) {
                    if (accountInScope.test(account.accountId())) {
                        for (int rank = 0; rank < account.reasons().size(); rank++) {
                            reasons.row("account", account.accountId(), rank, account.reasons().get(rank));
                        }
                    }
                }
                files.addAll(exported(directory, reasons));
            }
            java.util.function.Predicate<CaseWork.Subject> subjectInScope = subject -> switch (subject.kind()) {
                case CASE -> true;
                case ACCOUNT -> accountInScope.test(subject.id());
                case CAMPAIGN -> subject.runId() == run.runId() && inScope.contains(subject.campaignId());
            };
            try (PacketTable verdicts = table(directory, "verdicts", VERDICT_COLUMNS)) {
                for (CaseWork.Verdict verdict : work.verdictHistory()) {
                    if (subjectInScope.test(verdict.subject())) {
                        verdicts.row(verdict.verdictId(), kind(verdict.subject()), verdict.subject().id(),
                                verdict.subject().runId(), verdict.decision().word(), verdict.author(),
                                verdict.decidedAt().toString(), verdict.comment());
                    }
                }
                files.addAll(exported(directory, verdicts));
            }
            List<CaseWork.Note> notes = work.notes().stream().filter(n -> subjectInScope.test(n.subject())).toList();
            try (PacketTable table = table(directory, "notes", NOTE_COLUMNS)) {
                for (CaseWork.Note note : notes) {
                    table.row(note.noteId(), kind(note.subject()), note.subject().id(), note.subject().runId(),
                            note.author(), note.createdAt().toString(), note.text());
                }
                files.addAll(exported(directory, table));
            }
            List<CaseWork.Tag> tags = work.tags().stream().filter(t -> subjectInScope.test(t.subject())).toList();
            try (PacketTable table = table(directory, "tags", TAG_COLUMNS)) {
                for (CaseWork.Tag tag : tags) {
                    table.row(kind(tag.subject()), tag.subject().id(), tag.subject().runId(), tag.tag(), tag.author(),
                            tag.createdAt().toString());
                }
                files.addAll(exported(directory, table));
            }
            try (PacketTable links = table(directory, "links", LINK_COLUMNS)) {
                for (CampaignEvidence campaign : evidence.values()) {
                    for (CampaignEvidence.SharedValue shared : campaign.sharedValues()) {
                        for (String member : shared.members()) {
                            links.row(campaign.campaignId, shared.attribute().column, shared.value(), member,
                                    shared.members().size());
                        }
                    }
                }
                files.addAll(exported(directory, links));
            }
            progress.checkCancelled();
            Instant exportedAt = Instant.now();
            String digest = writeManifest(run, campaignIds, files, sources, head, exportedAt, directory.resolve(MANIFEST));
            return new Contents(run, campaigns, members, evidence, activity, accountVerdicts, campaignVerdicts, notes,
                    tags, accountTags, sources, files, head, digest, exportedAt, redaction);
        } catch (SQLException e) {
            throw new StoreException("cannot read case " + caseFile.path() + " for export: " + e.getMessage(), e);
        } catch (IOException | StoreException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("cannot export case " + caseFile.path() + ": " + e.getMessage(), e);
        }
    }

    /** Account-level shared values (payment fingerprint, sign-up IP) of the members, from the accounts table. */
    private void addAccountLinks(Map<String, Integer> campaignOf, Map<Integer, CampaignEvidence> evidence)
            throws SQLException {
        if (campaignOf.isEmpty()) {
            return;
        }
        try (PreparedStatement query = caseFile.connection().prepareStatement(
                "SELECT account_id, payment_fingerprint, signup_ip FROM accounts");
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                Integer campaign = campaignOf.get(rs.getString(1));
                if (campaign != null) {
                    evidence.get(campaign).value(CampaignEvidence.LinkAttribute.PAYMENT, rs.getString(2), rs.getString(1));
                    evidence.get(campaign).value(CampaignEvidence.LinkAttribute.SIGNUP_IP, rs.getString(3), rs.getString(1));
                }
            }
        }
    }

    private PacketTable table(Path directory, String name, List<String> columns) throws IOException {
        return new PacketTable(directory, name, columns, Set.of(EventField.PROMPT_TEXT.column()), redaction);
    }

    private static List<ExportedFile> exported(Path directory, PacketTable table) throws IOException {
        table.close();
        List<ExportedFile> files = new ArrayList<>(2);
        for (String name : List.of(table.csvName(), table.jsonName())) {
            Path file = directory.resolve(name);
            files.add(new ExportedFile(name, Sha256.of(file), Files.size(file), table.rows()));
        }
        return files;
    }

    private static Object[] accountRow(long runId, CaseOverview.AccountActivity activity, AccountVerdict verdict,
                                       String decision, String tags) {
        String first = instant(activity.firstTs());
        String last = instant(activity.lastTs());
        if (verdict == null) {
            // Not scored (e.g. an account from the accounts file with no events): it is reported, not dropped,
            // with score 0 and a reason saying why, so an outside scorer still finds every account.
            String reason = activity.events() == 0 ? "not scored by run " + runId + ": no events in the case"
                    : "not scored by run " + runId;
            return new Object[] {activity.accountId(), 0.0, false, null, reason, decision, tags, false, null, null,
                    null, null, activity.events(), first, last};
        }
        return new Object[] {activity.accountId(), verdict.riskScore(), verdict.flagged(), verdict.campaignId(),
                String.join(LIST_SEPARATOR, verdict.reasons()), decision, tags, true, verdict.anomalyScore(),
                verdict.cluster(), verdict.mapX(), verdict.mapY(), activity.events(), first, last};
    }

    private static String kind(CaseWork.Subject subject) {
        return subject.kind().name().toLowerCase(Locale.ROOT);
    }

    private static String instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis).toString();
    }

    private String writeManifest(StoredRun run, List<Integer> campaignIds, List<ExportedFile> files,
                                 List<CaseOverview.Source> sources, AuditLog.Head head, Instant exportedAt, Path file)
            throws IOException {
        ObjectNode manifest = Manifest.create();
        manifest.put("packet", "quarry-csv-evidence");
        manifest.put("packet_version", 2);
        manifest.put("quarry_version", QuarryVersion.VERSION);
        manifest.put("exported_at", exportedAt.toString());
        manifest.put("case", caseFile.path().toAbsolutePath().toString());
        ObjectNode auditHead = manifest.putObject("audit_head");
        auditHead.put("seq", head.seq());
        auditHead.put("hash", head.hash());
        ObjectNode runNode = manifest.putObject("run");
        runNode.put("run_id", run.runId());
        runNode.put("started_at", run.summary().startedAt().toString());
        runNode.put("finished_at", run.summary().finishedAt().toString());
        runNode.put("quarry_version", run.summary().quarryVersion());
        runNode.put("seed", run.summary().seed());
        runNode.set("options", Manifest.parse(run.optionsJson()));
        // the thresholds as stored with the run; null for a run made before they were recorded
        runNode.set("detection_rules", run.rulesRecorded() ? Manifest.parse(run.rulesJson()) : NullNode.getInstance());
        ArrayNode scope = manifest.putArray("campaigns");
        campaignIds.forEach(scope::add);
        manifest.put("scope", campaignIds.isEmpty() ? "every account of the case; events of every campaign's members"
                : "the listed campaigns, their member accounts and their events");
        manifest.put("redacted", redaction.active());
        manifest.put("formula_neutralisation", SpreadsheetSafe.RULE);
        ArrayNode sourceNodes = manifest.putArray("sources");
        for (CaseOverview.Source source : sources) {
            ObjectNode node = sourceNodes.addObject();
            node.put("source_id", source.sourceId());
            node.put("path", source.path());
            node.put("sha256", source.sha256());
            node.put("bytes", source.bytes());
            node.put("format", source.format());
            node.put("kind", source.kind());
            node.put("imported_at", source.importedAt());
            node.put("rows_read", source.read());
            node.put("rows_accepted", source.accepted());
            node.put("rows_duplicate", source.duplicate());
            node.put("rows_rejected", source.rejected());
        }
        ArrayNode fileNodes = manifest.putArray("files");
        for (ExportedFile exported : files) {
            ObjectNode node = fileNodes.addObject();
            node.put("name", exported.name());
            node.put("sha256", exported.sha256());
            node.put("bytes", exported.bytes());
            node.put("rows", exported.rows());
        }
        return Manifest.write(manifest, file);
    }

    static void deleteTree(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
