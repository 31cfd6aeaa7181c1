package dev.quarry.ui.export;

import dev.quarry.export.CsvPacket;
import dev.quarry.store.CaseFile;
import dev.quarry.store.CaseWork;
import dev.quarry.ui.GeneratedCase;
import dev.quarry.ui.session.AccountRow;
import dev.quarry.ui.session.CaseSession;
import dev.quarry.ui.session.UserError;
import dev.quarry.ui.task.SynchronousTaskExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExportViewModelTest {

    @TempDir
    Path dir;
    Path path;
    CaseSession session;
    ExportViewModel export;
    final List<UserError> errors = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        path = GeneratedCase.copy(dir, "case.quarry");
        session = new CaseSession(new SynchronousTaskExecutor());
        session.onError(errors::add);
        export = new ExportViewModel(session);
        session.open(path);
    }

    private static List<String> rows(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().skip(1).filter(line -> !line.isBlank()).toList();
    }

    @Test
    void withoutAFolderNothingIsExportedAndTheAnalystIsToldWhy() {
        export.export();
        assertEquals("Choose a folder first.", export.resultProperty().get());
        assertEquals(null, export.exportedProperty().get());
    }

    @Test
    void theRunIsExportedWithTheAnalystsVerdictsAndTheFolderVerifiesUntilAFileIsChanged() throws Exception {
        String decided = session.state().accounts().get(0).accountId();
        try (CaseFile caseFile = CaseFile.openExisting(path)) {
            new CaseWork(caseFile).recordVerdict(CaseWork.Subject.account(decided), CaseWork.Decision.ABUSIVE, null);
        }
        Path packet = dir.resolve("packet");
        export.directoryProperty().set(packet);
        export.export();
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(packet, export.exportedProperty().get());
        assertTrue(export.resultProperty().get().startsWith("Exported run 1 to " + packet + ": "), export.resultProperty().get());
        List<String> accounts = rows(packet.resolve(CsvPacket.ACCOUNTS));
        assertEquals(400, accounts.size());
        assertTrue(accounts.stream().anyMatch(line -> line.contains(decided) && line.contains("abusive")),
                "the verdict is in accounts.csv");
        assertEquals(session.state().campaigns().size(), rows(packet.resolve(CsvPacket.CAMPAIGNS)).size());
        assertTrue(GeneratedCase.auditTrail(path).stream().anyMatch(e -> e.startsWith("export")), "the export is audited");

        export.verify(packet);
        assertEquals("OK: " + packet + " is intact", export.verification().get(0));
        assertTrue(export.verification().stream().anyMatch(line -> line.startsWith("ok       ") && line.contains(CsvPacket.ACCOUNTS)),
                export.verification().toString());

        Path accountsFile = packet.resolve(CsvPacket.ACCOUNTS);
        String original = Files.readString(accountsFile);
        String tampered = original.replace("abusive", "legitimate");
        assertTrue(!tampered.equals(original));
        Files.writeString(accountsFile, tampered);
        export.verify(packet);
        assertTrue(export.verification().get(0).startsWith("MISMATCH: "), export.verification().toString());
        assertTrue(export.verification().stream().anyMatch(line -> line.startsWith("DIFFERS  ") && line.contains(CsvPacket.ACCOUNTS)),
                export.verification().toString());
    }

    @Test
    void theSelectedCampaignAloneCanBeExportedAndAsPdf() throws Exception {
        int campaign = session.state().campaigns().get(0).campaignId();
        session.selectedCampaignProperty().set(campaign);
        export.onlySelectedCampaignProperty().set(true);
        Path packet = dir.resolve("campaign");
        export.directoryProperty().set(packet);
        export.export();
        assertTrue(errors.isEmpty(), errors.toString());
        assertTrue(export.resultProperty().get().startsWith("Exported run 1 campaign " + campaign + " to "), export.resultProperty().get());
        List<String> campaigns = rows(packet.resolve(CsvPacket.CAMPAIGNS));
        assertEquals(1, campaigns.size(), campaigns.toString());
        assertTrue(campaigns.get(0).startsWith(campaign + ",") || campaigns.get(0).startsWith("\"" + campaign + "\","), campaigns.get(0));
        long members = session.state().accounts().stream().filter(a -> a.campaignId() != null && a.campaignId() == campaign).count();
        assertEquals(members, rows(packet.resolve(CsvPacket.ACCOUNTS)).size(), "the campaign's members only");

        Path pdfFolder = Files.createDirectories(dir.resolve("pdf"));
        export.directoryProperty().set(pdfFolder);
        export.pdfProperty().set(true);
        export.export();
        assertTrue(errors.isEmpty(), errors.toString());
        Path pdf = pdfFolder.resolve("quarry-run-1.pdf");
        assertTrue(Files.size(pdf) > 1000, "a real PDF was written");
        byte[] head = new byte[5];
        try (var in = Files.newInputStream(pdf)) {
            assertEquals(5, in.read(head));
        }
        assertEquals("%PDF-", new String(head, java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(session.state().accounts().stream().anyMatch(AccountRow::flagged));
    }
}
