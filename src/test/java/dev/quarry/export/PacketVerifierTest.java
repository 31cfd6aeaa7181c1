package dev.quarry.export;

import dev.quarry.analysis.RunStore;
import dev.quarry.fixtures.SmallCase;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import dev.quarry.store.IntegrityReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PacketVerifierTest {

    @TempDir
    Path dir;
    Path packet;

    @BeforeEach
    void exportPacket() throws Exception {
        packet = dir.resolve("packet");
        try (CaseFile caseFile = CaseFile.open(dir.resolve("case.quarry"))) {
            SmallCase.populate(caseFile, dir);
            RunStore runs = new RunStore(caseFile);
            long runId = runs.save(SmallCase.result(3, 0.0), Instant.EPOCH, Instant.EPOCH, ProgressListener.NONE);
            new CsvPacket(caseFile).write(runs.load(runId), packet, null, ProgressListener.NONE);
        }
    }

    @Test
    void untouchedPacketVerifies() throws Exception {
        IntegrityReport report = PacketVerifier.verify(packet);
        assertTrue(report.ok(), report.differences().toString());
        assertEquals(2, report.intact().size());
    }

    @Test
    void detectsAnEditedExportFile() throws Exception {
        Path accounts = packet.resolve(CsvPacket.ACCOUNTS);
        String edited = Files.readString(accounts).replace("0.970000", "0.070000");
        Files.writeString(accounts, edited, StandardCharsets.UTF_8);

        IntegrityReport report = PacketVerifier.verify(packet);
        assertFalse(report.ok());
        assertEquals(1, report.differences().size());
        assertTrue(report.differences().get(0).startsWith("accounts.csv: sha256 is "), report.differences().get(0));
    }

    @Test
    void detectsAMissingFileAndNotesAnAddedOne() throws Exception {
        Files.delete(packet.resolve(CsvPacket.CAMPAIGNS));
        Files.writeString(packet.resolve("extra.txt"), "x", StandardOpenOption.CREATE_NEW);

        IntegrityReport report = PacketVerifier.verify(packet);
        assertEquals(java.util.List.of("campaigns.csv: missing"), report.differences());
        assertEquals(java.util.List.of("extra.txt: not covered by the manifest"), report.notes());
    }

    @Test
    void refusesAManifestThatPointsOutsideThePacket() throws Exception {
        Path manifest = packet.resolve(CsvPacket.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace("\"campaigns.csv\"", "\"../case.quarry\""));
        IntegrityReport report = PacketVerifier.verify(packet);
        assertTrue(report.differences().contains("manifest lists \"../case.quarry\", which is not a file of this packet"),
                report.differences().toString());
    }

    @Test
    void directoryWithoutManifestIsNotAPacket() {
        IOException e = assertThrows(IOException.class, () -> PacketVerifier.verify(dir));
        assertTrue(e.getMessage().endsWith("has no manifest.json; is it an exported packet?"));
    }
}
