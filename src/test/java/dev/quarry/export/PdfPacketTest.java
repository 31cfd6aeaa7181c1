package dev.quarry.export;

import dev.quarry.analysis.AccountVerdict;
import dev.quarry.analysis.AnalysisResult;
import dev.quarry.analysis.RunStore;
import dev.quarry.analysis.StoredRun;
import dev.quarry.fixtures.SmallCase;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import dev.quarry.store.Sha256;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PdfPacketTest {

    @TempDir
    Path dir;

    private ExportReport export(Path pdf, Integer campaign, AnalysisResult result) throws Exception {
        try (CaseFile caseFile = CaseFile.open(dir.resolve("case.quarry"))) {
            SmallCase.populate(caseFile, dir);
            try (PreparedStatement note = caseFile.connection().prepareStatement(
                    "INSERT INTO notes(subject_kind, subject_id, author, created_at, text) VALUES ('account', ?, 'ana', ?, ?)")) {
                note.setString(1, SmallCase.QUIET_ACCOUNT);
                note.setString(2, "2026-03-02T09:00:00Z");
                note.setString(3, "called the customer: a student, legitimate");
                note.executeUpdate();
            }
            RunStore runs = new RunStore(caseFile);
            long runId = runs.save(result, Instant.EPOCH, Instant.EPOCH, ProgressListener.NONE);
            StoredRun run = runs.load(runId);
            return new PdfPacket(caseFile).write(run, pdf, campaign, ProgressListener.NONE);
        }
    }

    private static String text(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void packetHoldsSummaryCampaignEvidenceAccountsNotesAndSources() throws Exception {
        Path pdf = dir.resolve("packet.pdf");
        ExportReport report = export(pdf, null, SmallCase.result(42, 0.0));
        String text = text(pdf);

        assertTrue(text.contains("3 accounts analysed, 2 flagged, 1 campaigns"), text);
        assertTrue(text.contains("Campaign 1: =shared cards, synchronized start"), text);
        assertTrue(text.contains("2 accounts share card fingerprint card-shared"), text);
        assertTrue(text.contains("Requests per day by the campaign's accounts"), text);
        assertTrue(text.contains("shares IP 10.0.0.1 with 1 account of campaign 1"), text);
        assertTrue(text.contains("shared_templates: NOT computed (no prompt text: the extract is redacted)"), text);
        assertTrue(text.contains("called the customer: a student, legitimate"), text);
        assertTrue(text.contains(Sha256.of(dir.resolve("events.csv"))), text);
        assertEquals(Sha256.of(pdf), report.files().get(0).sha256());
        assertFalse(Files.exists(dir.resolve("packet.pdf.partial")));
    }

    @Test
    void textTheFontCannotShowIsReplacedNotFatal() throws Exception {
        AnalysisResult base = SmallCase.result(1, 0.0);
        List<AccountVerdict> accounts = new ArrayList<>(base.accounts());
        AccountVerdict first = accounts.get(0);
        accounts.set(0, new AccountVerdict(first.accountId(), first.riskScore(), true, 1, 0, 0, 0, 0,
                List.of("shares card with 账户 \u0007 and a tab\there"), Map.of()));
        Path pdf = dir.resolve("packet.pdf");
        export(pdf, null, new AnalysisResult(base.options(), accounts, base.campaigns(), base.signals(), base.stageSeconds()));
        assertTrue(text(pdf).contains("shares card with ?? ? and a tab?here"));
    }

    @Test
    void campaignOptionLeavesOutTheOtherFlaggedAccounts() throws Exception {
        Path pdf = dir.resolve("one.pdf");
        export(pdf, 1, SmallCase.result(1, 0.0));
        String text = text(pdf);
        assertTrue(text.contains("Campaign 1"));
        assertFalse(text.contains("Flagged accounts"));
    }

    @Test
    void refusesACampaignTheRunDoesNotHave() {
        Path pdf = dir.resolve("none.pdf");
        assertThrows(IllegalArgumentException.class, () -> export(pdf, 9, SmallCase.result(1, 0.0)));
        assertFalse(Files.exists(pdf));
    }
}
