package dev.quarry.export;

import dev.quarry.analysis.RunStore;
import dev.quarry.fixtures.SmallCase;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PdfRulesSectionTest {
    @TempDir
    Path dir;

    @Test
    void thePacketPrintsEveryDetectionRuleOfTheRunWithItsValueAndMeaning() throws Exception {
        String text = packet(false);
        assertTrue(text.contains("Detection rules of this run"), "section");
        assertTrue(text.contains("synchrony.minZ") && text.contains("standard deviations beyond chance"), "a signal's rule");
        assertTrue(text.contains("assembly.reliability.billing"), "a nested assembly rule");
        assertTrue(text.contains("assembly.fleetCreationWindowMs") && text.contains("259200000"), "its value");
        assertFalse(text.contains("Not recorded"));
    }

    @Test
    void aRunWithoutStoredRulesSaysTheyWereNotRecorded() throws Exception {
        String text = packet(true);
        assertTrue(text.contains("Detection rules of this run") && text.contains("Not recorded"), "stated");
        assertFalse(text.contains("synchrony.minZ"), "no defaults shown in place of the run's rules");
    }

    private String packet(boolean withoutRules) throws Exception {
        Path pdf = dir.resolve("packet.pdf");
        try (CaseFile caseFile = CaseFile.open(dir.resolve("case.quarry"))) {
            SmallCase.populate(caseFile, dir);
            RunStore runs = new RunStore(caseFile);
            long runId = runs.save(SmallCase.result(5, 0.0), Instant.parse("2026-03-01T00:00:00Z"),
                    Instant.parse("2026-03-01T00:10:00Z"), ProgressListener.NONE);
            if (withoutRules) {
                try (PreparedStatement update = caseFile.connection().prepareStatement(
                        "UPDATE analysis_runs SET rules_json = NULL WHERE run_id = ?")) {
                    update.setLong(1, runId);
                    update.executeUpdate();
                }
            }
            new PdfPacket(caseFile, Redaction.NONE, new PdfPacket.Examiner("A. Analyst", "Trust & Safety", ZoneId.of("UTC")))
                    .write(runs.load(runId), pdf, List.of(), ProgressListener.NONE);
        }
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }
}
