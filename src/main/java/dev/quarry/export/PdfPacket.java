package dev.quarry.export;

import dev.quarry.analysis.AccountVerdict;
import dev.quarry.analysis.Campaign;
import dev.quarry.analysis.SignalStatus;
import dev.quarry.analysis.StoredRun;
import dev.quarry.analysis.rules.DetectionRules;
import dev.quarry.model.ProgressListener;
import dev.quarry.model.QuarryVersion;
import dev.quarry.store.CaseFile;
import dev.quarry.store.CaseOverview;
import dev.quarry.store.CaseWork;
import dev.quarry.store.Sha256;
import dev.quarry.store.StoreException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.XmpSerializer;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;

/**
 * The PDF evidence packet, PDF/A-3b: a cover, contents and bookmarks, a summary in plain words, one
 * section per campaign (signals and reasons, a traffic timeline, the hour-of-day × day heatmap, a
 * picture of its account graph, every member, sample prompts, the analyst's verdict, notes and
 * tags), and an appendix with the sources, every parameter of the run and the manifest. The CSV
 * packet of the same export is attached inside the PDF (associated files), so the figures travel
 * with the document that shows them.
 */
public final class PdfPacket {

    static final int SAMPLE_PROMPTS = 8;
    private static final long DAY = 86_400_000L;

    /** Who made the packet, for its cover. */
    public record Examiner(String name, String organisation, ZoneId zone) {
    }

    private final CaseFile caseFile;
    private final Redaction redaction;
    private final Examiner examiner;

    public PdfPacket(CaseFile caseFile) {
        this(caseFile, Redaction.NONE, new Examiner(System.getProperty("user.name", "analyst"), "", ZoneId.systemDefault()));
    }

    public PdfPacket(CaseFile caseFile, Redaction redaction, Examiner examiner) {
        this.caseFile = caseFile;
        this.redaction = redaction;
        this.examiner = examiner;
    }

    /** Writes the packet to {@code file} (via a temporary file beside it) and records it in the audit log. */
    public ExportReport write(StoredRun run, Path file, List<Integer> campaignIds, ProgressListener progress)
            throws StoreException, IOException {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new IOException("cannot write the PDF packet to " + file + ": it is a directory; give a file name, "
                    + "such as " + file.resolve("packet.pdf") + ", or use --csv " + file + " for a CSV packet");
        }
        if (absolute.getParent() != null && Files.isRegularFile(absolute.getParent())) {
            throw new IOException("cannot write the PDF packet to " + file + ": " + absolute.getParent()
                    + " is a file, not a directory");
        }
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
            if (!Files.isWritable(absolute.getParent())) {
                throw new IOException("cannot write the PDF packet into " + absolute.getParent()
                        + ": permission denied; choose a directory you can write to");
            }
        }
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        Path attachments = Files.createTempDirectory("quarry-pdf-packet");
        try {
            CsvPacket.Contents contents = new CsvPacket(caseFile, redaction).writeFiles(run, attachments, campaignIds,
                    progress);
            progress.checkCancelled();
            long missing;
            try (PDDocument document = new PDDocument()) {
                PdfText text = new PdfText(document);
                PdfLayout layout = new PdfLayout(document, text);
                cover(layout, contents, campaignIds);
                layout.reserveContentsPage();
                summary(layout, contents);
                for (Campaign campaign : contents.campaigns()) {
                    progress.checkCancelled();
                    campaignSection(layout, contents, campaign);
                }
                appendix(layout, contents, text);
                layout.finish("Quarry evidence packet · run " + run.runId() + " · data "
                        + contents.manifestDigest().substring(0, 16));
                missing = text.missingGlyphs();
                attach(document, attachments, contents);
                pdfA(document, run, contents.exportedAt());
                document.save(partial.toFile());
            }
            progress.checkCancelled();
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
            String sha256 = Sha256.of(absolute);
            caseFile.audit("export", String.format(Locale.ROOT, "PDF packet of run %d%s%s to %s: sha256 %s, "
                            + "manifest digest %s, %d characters without a glyph", run.runId(),
                    CsvPacket.scopeWords(campaignIds), redaction.active() ? ", redacted" : "", absolute, sha256,
                    contents.manifestDigest(), missing));
            return new ExportReport(absolute.getParent(), run.runId(), campaignIds.isEmpty() ? null : campaignIds.get(0),
                    List.of(new ExportedFile(absolute.getFileName().toString(), sha256, Files.size(absolute),
                            contents.campaigns().size())), contents.exportedAt(), contents.manifestDigest());
        } catch (java.sql.SQLException e) {
            throw new StoreException("cannot record the export in case " + caseFile.path() + ": " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(partial);
            CsvPacket.deleteTree(attachments);
        }
    }

    private void cover(PdfLayout layout, CsvPacket.Contents contents, List<Integer> campaignIds) throws IOException {
        StoredRun run = contents.run();
        layout.title("Quarry evidence packet");
        layout.gap();
        if (preliminary(contents)) {
            layout.strong("PRELIMINARY: the case changed after this analysis run (" + changeSince(contents)
                    + "); its figures do not cover the case as it is now");
            layout.gap();
        }
        layout.keyValue("Case", caseFile.path().getFileName().toString());
        layout.keyValue("Case file", caseFile.path().toAbsolutePath().toString());
        layout.keyValue("Examiner", examiner.name());
        layout.keyValue("Organisation", examiner.organisation().isBlank() ? "(not given)" : examiner.organisation());
        ZonedDateTime local = contents.exportedAt().atZone(examiner.zone());
        layout.keyValue("Generated", contents.exportedAt().toString() + " UTC; "
                + local.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)) + " " + examiner.zone().getId());
        layout.keyValue("Quarry version", QuarryVersion.VERSION);
        layout.keyValue("Analysis run", String.format(Locale.ROOT, "%d (seed %d, finished %s, Quarry %s)", run.runId(),
                run.summary().seed(), run.summary().finishedAt(), run.summary().quarryVersion()));
        layout.keyValue("Scope", campaignIds.isEmpty() ? "every campaign of the run"
                : "campaign(s) " + CsvPacket.scopeWords(campaignIds).trim().replace("campaigns ", "").replace("campaign ", ""));
        layout.keyValue("Packet data SHA-256", contents.manifestDigest());
        layout.keyValue("", "the digest of the attached manifest.json, which holds the SHA-256 of every attached file; "
                + "quarry verify DIR checks it");
        layout.keyValue("Audit log head", "entry " + contents.auditHead().seq() + ", " + contents.auditHead().hash());
        layout.gap();
        layout.paragraph(redaction.statement());
    }

    private boolean preliminary(CsvPacket.Contents contents) {
        return !changeSince(contents).isEmpty();
    }

    private String changeSince(CsvPacket.Contents contents) {
        Instant finished = contents.run().summary().finishedAt();
        List<String> later = new ArrayList<>();
        for (CaseOverview.Source source : contents.sources()) {
            try {
                if (Instant.parse(source.importedAt()).isAfter(finished)) {
                    later.add("source " + source.sourceId() + " imported " + source.importedAt());
                }
            } catch (java.time.format.DateTimeParseException e) {
                later.add("source " + source.sourceId() + " has an unreadable import time");
            }
        }
        return String.join("; ", later);
    }

    private void summary(PdfLayout layout, CsvPacket.Contents contents) throws IOException {
        StoredRun run = contents.run();
        layout.section("Summary", true);
        long flagged = run.result().accounts().stream().filter(AccountVerdict::flagged).count();
        long events = 0;
        Long first = null;
        Long last = null;
        for (CaseOverview.AccountActivity a : contents.activity().values()) {
            events += a.events();
            first = a.firstTs() == null ? first : first == null ? a.firstTs() : Math.min(first, a.firstTs());
            last = a.lastTs() == null ? last : last == null ? a.lastTs() : Math.max(last, a.lastTs());
        }
        layout.keyValue("Accounts", String.format(Locale.ROOT, "%,d in the case, %,d analysed, %,d flagged",
                contents.activity().size(), run.result().accounts().size(), flagged));
        layout.keyValue("Campaigns", String.format(Locale.ROOT, "%d found by the run, %d in this packet",
                run.result().campaigns().size(), contents.campaigns().size()));
        layout.keyValue("Volume", String.format(Locale.ROOT, "%,d requests", events));
        layout.keyValue("Time range", first == null ? "no requests" : Instant.ofEpochMilli(first) + " to " + Instant.ofEpochMilli(last));
        layout.gap();
        layout.heading("Campaigns in this packet");
        List<String[]> rows = new ArrayList<>();
        for (Campaign c : contents.campaigns()) {
            CaseWork.Verdict verdict = contents.campaignVerdicts().get(c.campaignId());
            rows.add(new String[] {Integer.toString(c.campaignId()), String.format(Locale.ROOT, "%.3f", c.score()),
                    Integer.toString(c.size()), redaction.text(c.label()), verdict == null ? "none" : verdict.display()});
        }
        layout.table(new String[] {"id", "score", "size", "label", "verdict"}, new float[] {0.06f, 0.09f, 0.08f, 0.57f, 0.2f}, rows);
        layout.gap();
        layout.heading("Method");
        layout.paragraph("Quarry reads the extract into the case file, computes behaviour features per account and "
                + "looks for evidence that links accounts: shared infrastructure (IPs, payment fingerprints, keys), "
                + "synchronized activity, shared prompt templates, a systematic sweep of capabilities, harvesting of "
                + "outputs or reasoning, and model pivots. Accounts tied by enough independent evidence form a campaign; "
                + "each signal's figures are stated as reasons below. The run used a fixed seed, so the same case and "
                + "parameters give the same campaigns (appendix).");
        layout.heading("Limits");
        layout.paragraph("The run sees only what the extract holds: traffic outside it, accounts that share nothing "
                + "recorded, or operators who vary every attribute can be missed. A link is evidence of coordination, "
                + "not proof of intent; the analyst's verdict, where recorded, is stated with each campaign. Signals "
                + "the run could not compute (for example without prompt text) are listed here:");
        for (SignalStatus signal : run.result().signals()) {
            layout.bullet(signal.signal() + ": " + (signal.computed() ? "computed" : "NOT computed")
                    + (signal.detail() == null || signal.detail().isBlank() ? "" : " (" + redaction.text(signal.detail()) + ")"));
        }
    }

    private void campaignSection(PdfLayout layout, CsvPacket.Contents contents, Campaign campaign) throws IOException {
        List<AccountVerdict> members = contents.members().get(campaign.campaignId());
        CampaignEvidence evidence = contents.evidence().get(campaign.campaignId());
        layout.section("Campaign " + campaign.campaignId() + ": " + redaction.text(campaign.label()), true);
        long flagged = members.stream().filter(AccountVerdict::flagged).count();
        layout.keyValue("Score", String.format(Locale.ROOT, "%.3f", campaign.score()));
        layout.keyValue("Accounts", String.format(Locale.ROOT, "%,d (%,d flagged)", members.size(), flagged));
        layout.keyValue("Requests", String.format(Locale.ROOT, "%,d", evidence.events));
        layout.keyValue("Signals", String.join(", ", campaign.signalNames()));
        CaseWork.Verdict verdict = contents.campaignVerdicts().get(campaign.campaignId());
        layout.keyValue("Verdict", verdict == null ? "none recorded" : verdict.display() + " by " + verdict.author()
                + " at " + verdict.decidedAt() + (verdict.comment() == null ? "" : ": " + redaction.text(verdict.comment())));
        layout.gap();
        layout.section("Signals and reasons", false);
        for (String reason : campaign.reasons()) {
            layout.bullet(redaction.text(reason));
        }
        layout.gap();
        layout.heading("Traffic timeline: requests per day (UTC)");
        TreeMap<Long, Long> daily = new TreeMap<>();
        evidence.hourly().forEach((hour, count) -> daily.merge(Math.floorDiv(hour * CampaignEvidence.HOUR, DAY), count, Long::sum));
        long firstDay = daily.isEmpty() ? 0 : daily.firstKey();
        long lastDay = daily.isEmpty() ? -1 : daily.lastKey();
        layout.timeline(daily, firstDay, lastDay);
        layout.heading("Hour of day × day (UTC)");
        long[][] heat = new long[(int) Math.max(0, lastDay - firstDay + 1)][24];
        evidence.hourly().forEach((hour, count) -> {
            long day = Math.floorDiv(hour * CampaignEvidence.HOUR, DAY);
            heat[(int) (day - firstDay)][(int) Math.floorMod(hour, 24L)] += count;
        });
        layout.heatmap(heat, firstDay);
        layout.heading("Account graph");
        List<CampaignEvidence.SharedValue> shared = evidence.sharedValues();
        layout.paragraph(String.format(Locale.ROOT, "Members (red, outer ring) joined to the %d values two or more of "
                + "them share (blue, inner ring). links.csv lists every link.", shared.size()));
        layout.accountGraph(members.stream().map(AccountVerdict::accountId).toList(), shared);
        int listed = 0;
        for (CampaignEvidence.SharedValue value : shared) {
            if (listed++ == 10) {
                break;
            }
            String shownValue = value.attribute().isAddress() ? redaction.text(value.value()) : redaction.text(value.value());
            layout.bullet(String.format(Locale.ROOT, "%s %s: %,d members", value.attribute().words, shownValue,
                    value.members().size()));
        }
        layout.section("Members (" + members.size() + ")", false);
        List<String[]> rows = new ArrayList<>(members.size());
        for (AccountVerdict member : members) {
            CaseOverview.AccountActivity activity = contents.activity().get(member.accountId());
            CaseWork.Verdict decision = contents.accountVerdicts().get(member.accountId());
            rows.add(new String[] {redaction.text(member.accountId()), String.format(Locale.ROOT, "%.3f", member.riskScore()),
                    member.flagged() ? "yes" : "", String.format(Locale.ROOT, "%,d", activity == null ? 0 : activity.events()),
                    decision == null ? "" : decision.decision().word(),
                    String.join(", ", contents.accountTags().getOrDefault(member.accountId(), List.of())),
                    member.reasons().isEmpty() ? "" : redaction.text(member.reasons().get(0))});
        }
        layout.table(new String[] {"account", "risk", "flag", "requests", "verdict", "tags", "strongest reason"},
                new float[] {0.22f, 0.07f, 0.05f, 0.09f, 0.1f, 0.1f, 0.37f}, rows);
        layout.section("Sample prompts", false);
        List<CampaignEvidence.PromptCount> prompts = evidence.topPrompts(SAMPLE_PROMPTS);
        if (prompts.isEmpty()) {
            layout.paragraph("The extract holds no prompt text for these accounts.");
        }
        for (CampaignEvidence.PromptCount prompt : prompts) {
            String shown = redaction.prompt(prompt.prompt());
            if (shown.length() > 600) {
                shown = shown.substring(0, shown.offsetByCodePoints(0, 600)) + " … (full text in events.csv)";
            }
            layout.bullet(String.format(Locale.ROOT, "%,d× %s", prompt.requests(), shown));
        }
        layout.section("Notes and tags", false);
        CaseWork.Subject subject = CaseWork.Subject.campaign(contents.run().runId(), campaign.campaignId());
        boolean any = false;
        for (CaseWork.Note note : contents.notes()) {
            if (note.subject().equals(subject)) {
                layout.bullet(note.createdAt() + " " + note.author() + ": " + redaction.text(note.text()));
                any = true;
            }
        }
        Map<String, Integer> tagCounts = new LinkedHashMap<>();
        for (AccountVerdict member : members) {
            for (String tag : contents.accountTags().getOrDefault(member.accountId(), List.of())) {
                tagCounts.merge(tag, 1, Integer::sum);
            }
        }
        for (CaseWork.Tag tag : contents.tags()) {
            if (tag.subject().equals(subject)) {
                tagCounts.merge(tag.tag() + " (on the campaign)", 1, Integer::sum);
            }
        }
        tagCounts.forEach((tag, count) -> layout.bulletUnchecked("tag " + redaction.text(tag) + ": " + count
                + (count == 1 ? " account" : " accounts")));
        if (!any && tagCounts.isEmpty()) {
            layout.paragraph("No notes or tags on this campaign.");
        }
    }

    private void appendix(PdfLayout layout, CsvPacket.Contents contents, PdfText text) throws IOException {
        layout.section("Appendix", true);
        List<CaseWork.Note> caseNotes = contents.notes().stream()
                .filter(n -> n.subject().kind() == CaseWork.SubjectKind.CASE).toList();
        if (!caseNotes.isEmpty()) {
            layout.section("Notes on the case", false);
            for (CaseWork.Note note : caseNotes) {
                layout.bullet(note.createdAt() + " " + note.author() + ": " + redaction.text(note.text()));
            }
        }
        layout.section("Sources", false);
        for (CaseOverview.Source source : contents.sources()) {
            layout.keyValue("Source " + source.sourceId(), source.path());
            layout.keyValue("SHA-256", source.sha256());
            layout.keyValue("Size and rows", String.format(Locale.ROOT, "%,d bytes, %s, %s; %,d read: %,d accepted, "
                            + "%,d duplicate, %,d rejected; imported %s", source.bytes(), source.format(), source.kind(),
                    source.read(), source.accepted(), source.duplicate(), source.rejected(), source.importedAt()));
            layout.gap();
        }
        layout.section("Detection parameters", false);
        layout.keyValue("Seed", Long.toString(contents.run().summary().seed()));
        com.fasterxml.jackson.databind.JsonNode options = Manifest.parse(contents.run().optionsJson());
        options.fields().forEachRemaining(field -> {
            try {
                layout.keyValue(field.getKey(), field.getValue().toString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        rulesSection(layout, contents.run());
        layout.section("Manifest of the attached files", false);
        layout.paragraph("These files are attached to this PDF. " + SpreadsheetSafe.RULE + ".");
        List<String[]> rows = new ArrayList<>();
        for (ExportedFile file : contents.files()) {
            rows.add(new String[] {file.name(), String.format(Locale.ROOT, "%,d", file.rows()),
                    String.format(Locale.ROOT, "%,d", file.bytes()), file.sha256()});
        }
        layout.table(new String[] {"file", "rows", "bytes", "SHA-256"}, new float[] {0.17f, 0.1f, 0.11f, 0.62f}, rows);
        layout.keyValue("manifest digest", contents.manifestDigest());
        layout.gap();
        layout.paragraph(String.format(Locale.ROOT, "Characters no bundled font can show are drawn as \uFFFD; "
                + "up to the appendix this packet has %,d of them.", text.missingGlyphs()));
    }

    /**
     * Every threshold the run judged by, as it was stored with the run (not today's values): a run
     * made before rules were recorded says so rather than showing defaults it may not have used.
     */
    static void rulesSection(PdfLayout layout, StoredRun run) throws IOException {
        layout.section("Detection rules of this run", false);
        if (!run.rulesRecorded()) {
            layout.paragraph("Not recorded: this run was made by a Quarry that did not store its detection rules "
                    + "with the run (case schema before 6). Its thresholds are not known from the case.");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        flatten("", Manifest.parse(run.rulesJson()), rows);
        layout.table(new String[] {"rule", "value", "what it measures"}, new float[] {0.4f, 0.12f, 0.48f}, rows);
    }

    private static void flatten(String prefix, com.fasterxml.jackson.databind.JsonNode node, List<String[]> rows) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> flatten(prefix.isEmpty() ? field.getKey()
                    : prefix + "." + field.getKey(), field.getValue(), rows));
        } else {
            rows.add(new String[] {prefix, node.asText(), DetectionRules.meaning(prefix)});
        }
    }

    /** The CSV packet's files and manifest, embedded as PDF/A-3 associated files of the document. */
    private static void attach(PDDocument document, Path directory, CsvPacket.Contents contents) throws IOException {
        Map<String, PDComplexFileSpecification> specs = new TreeMap<>();
        COSArray associated = new COSArray();
        List<String> names = new ArrayList<>();
        contents.files().forEach(f -> names.add(f.name()));
        names.add(CsvPacket.MANIFEST);
        GregorianCalendar modified = calendar(contents.exportedAt());
        for (String name : names) {
            Path file = directory.resolve(name);
            PDComplexFileSpecification spec = new PDComplexFileSpecification();
            spec.setFile(name);
            spec.setFileUnicode(name);
            spec.setFileDescription(name.equals(CsvPacket.MANIFEST) ? "manifest of the packet: SHA-256 of every file, "
                    + "the run's parameters and seed, the audit head" : "evidence table " + name);
            try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(file))) {
                PDEmbeddedFile embedded = new PDEmbeddedFile(document, in);
                embedded.setSubtype(name.endsWith(".csv") ? "text/csv" : name.endsWith(".jsonl") ? "application/x-ndjson"
                        : "application/json");
                embedded.setSize((int) Files.size(file));
                embedded.setModDate(modified);
                spec.setEmbeddedFile(embedded);
                spec.setEmbeddedFileUnicode(embedded);
            }
            spec.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Data");
            specs.put(name, spec);
            associated.add(spec);
        }
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(specs);
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        PDDocumentNameDictionary namesDictionary = new PDDocumentNameDictionary(catalog);
        namesDictionary.setEmbeddedFiles(tree);
        catalog.setNames(namesDictionary);
        catalog.getCOSObject().setItem(COSName.getPDFName("AF"), associated);
    }

    /** PDF/A-3b: XMP metadata that matches the document information, and an sRGB output intent. */
    private static void pdfA(PDDocument document, StoredRun run, Instant exportedAt) throws IOException {
        String title = "Quarry evidence packet, run " + run.runId();
        String producer = "Quarry " + QuarryVersion.VERSION;
        GregorianCalendar created = calendar(exportedAt);
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setCreator(producer);
        info.setProducer(producer);
        info.setCreationDate(created);
        info.setModificationDate(created);
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        try {
            DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
            dc.setTitle(title);
            XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
            basic.setCreatorTool(producer);
            basic.setCreateDate(created);
            basic.setModifyDate(created);
            AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
            pdf.setProducer(producer);
            PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
            id.setPart(3);
            id.setConformance("B");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new XmpSerializer().serialize(xmp, out, true);
            PDMetadata metadata = new PDMetadata(document);
            metadata.importXMPMetadata(out.toByteArray());
            document.getDocumentCatalog().setMetadata(metadata);
        } catch (Exception e) {
            throw new IOException("cannot write the PDF/A metadata: " + e.getMessage(), e);
        }
        byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(srgb));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        document.getDocumentCatalog().addOutputIntent(intent);
    }

    private static GregorianCalendar calendar(Instant instant) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        calendar.setTimeInMillis(instant.toEpochMilli());
        calendar.set(Calendar.MILLISECOND, 0);
        return calendar;
    }
}
