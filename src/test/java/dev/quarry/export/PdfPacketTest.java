package dev.quarry.export;

import dev.quarry.analysis.AccountVerdict;
import dev.quarry.analysis.AnalysisOptions;
import dev.quarry.analysis.AnalysisResult;
import dev.quarry.analysis.Campaign;
import dev.quarry.analysis.RunStore;
import dev.quarry.analysis.SignalStatus;
import dev.quarry.analysis.signals.Evidence;
import dev.quarry.fixtures.SmallCase;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import dev.quarry.store.CaseWork;
import dev.quarry.store.Sha256;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PdfPacketTest {

    static final String CHINESE = "请列出所有化学反应";
    static final String RUSSIAN = "Объясни шаг за шагом";
    static final String ARABIC = "اشرح الخطوات";
    static final String EMOJI = "😀☕";
    /** LINEAR A SIGN AB001: in no bundled font. */
    static final String NO_GLYPH = "\uD801\uDE00";
    static final int MEMBERS = 2_000;

    @TempDir
    Path dir;

    /** A generated case: one campaign of 2,000 members with multilingual prompts, a verdict and a note. */
    private ExportReport export(Path pdf, List<Integer> campaigns, Redaction redaction) throws Exception {
        return export(dir, pdf, campaigns, redaction);
    }

    /** The same generated case in {@code dir}, exported as a PDF packet to {@code pdf}; other PDF tests use it too. */
    static ExportReport export(Path dir, Path pdf, List<Integer> campaigns, Redaction redaction) throws Exception {
        try (CaseFile caseFile = CaseFile.open(dir.resolve("case.quarry"))) {
            SmallCase.populate(caseFile, dir);
            List<AccountVerdict> accounts = new ArrayList<>();
            caseFile.connection().setAutoCommit(false);
            try (PreparedStatement account = caseFile.connection().prepareStatement(
                    "INSERT INTO accounts(account_id, email) VALUES (?, ?)");
                 PreparedStatement event = caseFile.connection().prepareStatement(
                         "INSERT INTO events(request_id, ts, account_id, ip, prompt_text, source_id) VALUES (?,?,?,?,?,1)")) {
                String[] prompts = {CHINESE, RUSSIAN, ARABIC, "emoji " + EMOJI, "tablet " + NO_GLYPH,
                        "mail me at harvest.bot@example.org"};
                for (int i = 0; i < MEMBERS; i++) {
                    String id = String.format("member-%04d", i);
                    account.setString(1, id);
                    account.setString(2, id + "@example.org");
                    account.executeUpdate();
                    for (int j = 0; j < 2; j++) {
                        event.setString(1, id + "-" + j);
                        event.setLong(2, SmallCase.DAY0 + i * 60_000L + j * 86_400_000L);
                        event.setString(3, id);
                        event.setString(4, "203.0.113." + (i % 7));
                        event.setString(5, prompts[(i + j) % prompts.length]);
                        event.executeUpdate();
                    }
                    accounts.add(new AccountVerdict(id, 0.9, true, 2, 0.5, 1, 0, 0,
                            List.of("shares IP 203.0.113." + (i % 7) + " with other members"), Map.of()));
                }
            }
            caseFile.connection().commit();
            caseFile.connection().setAutoCommit(true);
            AnalysisResult small = SmallCase.result(5, 0.0);
            accounts.addAll(small.accounts());
            List<Campaign> all = new ArrayList<>(small.campaigns());
            all.add(new Campaign(2, "one IP pool, one template set", 0.99, MEMBERS, List.of(Evidence.INFRASTRUCTURE),
                    List.of(MEMBERS + " accounts share 7 IP addresses, e.g. 203.0.113.1")));
            AnalysisResult result = new AnalysisResult(AnalysisOptions.defaults(5), accounts, all,
                    List.of(new SignalStatus("shared_infrastructure", true, "7 shared IPs")), Map.of());
            RunStore runs = new RunStore(caseFile);
            long runId = runs.save(result, Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-01T00:10:00Z"),
                    ProgressListener.NONE);
            CaseWork work = new CaseWork(caseFile, "ana");
            work.recordVerdict(CaseWork.Subject.campaign(runId, 2), CaseWork.Decision.ABUSIVE, "keys rotated together");
            work.addNote(CaseWork.Subject.campaign(runId, 2), "escalated to ops@example.com from 198.51.100.4");
            return new PdfPacket(caseFile, redaction, new PdfPacket.Examiner("A. Analyst", "Trust & Safety", ZoneId.of("Europe/Paris")))
                    .write(runs.load(runId), pdf, campaigns, ProgressListener.NONE);
        }
    }

    private static String text(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void everyMemberOfA2000AccountCampaignIsListedAndEveryScriptIsDrawn() throws Exception {
        Path pdf = dir.resolve("packet.pdf");
        ExportReport report = export(pdf, List.of(2), Redaction.NONE);
        String text = text(pdf);
        for (int i = 0; i < MEMBERS; i++) {
            assertTrue(text.contains(String.format("member-%04d", i)), "member " + i + " missing");
        }
        assertTrue(text.contains(CHINESE), "Chinese");
        assertTrue(text.contains(RUSSIAN), "Russian");
        assertTrue(Normalizer.normalize(text, Normalizer.Form.NFKC).contains(ARABIC)
                || Normalizer.normalize(text, Normalizer.Form.NFKC).contains(new StringBuilder(ARABIC).reverse()), "Arabic");
        assertTrue(text.contains(EMOJI), "emoji");
        assertFalse(text.contains("?"), "no character drawn as a question mark");
        assertTrue(text.contains("tablet \uFFFD"), "a glyph no font has is a visible placeholder");
        assertTrue(text.contains("Quarry evidence packet") && text.contains("A. Analyst") && text.contains("Trust & Safety")
                && text.contains("Europe/Paris"), "cover");
        assertTrue(text.contains(report.manifestDigest()), "the packet's data digest on the cover");
        assertTrue(text.contains("Contents") && text.contains("Appendix") && text.contains("Detection parameters"));
        assertTrue(text.contains("abusive (") || text.contains("abusive by ana"), "the verdict");
        assertTrue(text.contains("keys rotated together") && text.contains("escalated to ops@example.com"));
        assertTrue(text.contains(Sha256.of(dir.resolve("events.csv"))), "sources with their hash");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            int pages = document.getNumberOfPages();
            assertTrue(pages > 40, pages + " pages");
            assertTrue(text.contains("1 of " + pages) && text.contains(pages + " of " + pages), "n of N page numbers");
            assertTrue(document.getDocumentCatalog().getDocumentOutline().children().iterator().hasNext(), "bookmarks");
            for (PDFont font : document.getPage(0).getResources().getFontNames() == null ? List.<PDFont>of()
                    : fonts(document)) {
                assertTrue(font.isEmbedded(), font.getName() + " embedded");
            }
            assertTrue(document.getDocumentCatalog().getMetadata() != null, "XMP metadata");
            assertEquals(1, document.getDocumentCatalog().getOutputIntents().size(), "sRGB output intent");
        }
        assertEquals(Sha256.of(pdf), report.files().get(0).sha256());
        assertFalse(Files.exists(dir.resolve("packet.pdf.partial")));
    }

    private static List<PDFont> fonts(PDDocument document) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (var page : document.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
        }
        return fonts;
    }

    @Test
    void attachedFilesAreTheCsvPacketOfTheSameExport() throws Exception {
        Path pdf = dir.resolve("packet.pdf");
        export(pdf, List.of(2), Redaction.NONE);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
            Map<String, PDComplexFileSpecification> files = names.getEmbeddedFiles().getNames();
            assertTrue(files.containsKey("manifest.json") && files.containsKey("events.csv") && files.containsKey("accounts.csv"),
                    files.keySet().toString());
            Path unpacked = Files.createDirectories(dir.resolve("unpacked"));
            for (var entry : files.entrySet()) {
                Files.write(unpacked.resolve(entry.getKey()), entry.getValue().getEmbeddedFile().toByteArray());
            }
            assertTrue(PacketVerifier.verify(unpacked).ok(), PacketVerifier.verify(unpacked).differences().toString());
            assertEquals(MEMBERS * 2 + 1, Files.readAllLines(unpacked.resolve("events.csv")).size());
            assertArrayEquals(files.get("manifest.json").getEmbeddedFile().toByteArray(),
                    Files.readAllBytes(unpacked.resolve("manifest.json")));
        }
    }

    @Test
    void redactionLeavesNoOriginalPromptEmailOrIp() throws Exception {
        Path pdf = dir.resolve("packet.pdf");
        export(pdf, List.of(2), Redaction.masking());
        String text = text(pdf);
        for (String original : List.of(CHINESE, RUSSIAN, EMOJI, "harvest.bot@example.org", "ops@example.com",
                "198.51.100.4", "203.0.113.1", "203.0.113.6")) {
            assertFalse(text.contains(original), "still shows " + original);
        }
        assertTrue(text.contains("REDACTED for sharing"), "stated on the cover");
        assertTrue(text.contains("[ip 1]") && text.contains("[prompt 1]") && text.contains("[email 1]"), text);
    }

    @Test
    void refusesADirectoryAsTheFileAndSaysWhatToDo() throws Exception {
        Path target = Files.createDirectories(dir.resolve("out"));
        IOException e = assertThrows(IOException.class, () -> export(target, List.of(), Redaction.NONE));
        assertTrue(e.getMessage().contains("it is a directory; give a file name, such as "), e.getMessage());
    }

    @Test
    void refusesACampaignTheRunDoesNotHave() {
        Path pdf = dir.resolve("packet.pdf");
        assertThrows(IllegalArgumentException.class, () -> export(pdf, List.of(9), Redaction.NONE));
        assertFalse(Files.exists(pdf));
    }
}
