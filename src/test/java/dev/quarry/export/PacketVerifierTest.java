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
            new CsvPacket(caseFile).write(runs.load(runId), packet, java.util.List.of(), ProgressListener.NONE);
        }
    }

    @Test
    void untouchedPacketVerifies() throws Exception {
        IntegrityReport report = PacketVerifier.verify(packet);
        assertTrue(report.ok(), report.differences().toString());
        assertEquals(17, report.intact().size(), "the manifest digest and 16 files");
    }

    @Test
    void detectsAnEditedExportFile() throws Exception {
        Path accounts = packet.resolve(CsvPacket.ACCOUNTS);
        String edited = Files.readString(accounts).replace("0.970000", "0.070000");
        Files.writeString(accounts, edited, StandardCharsets.UTF_8);

        IntegrityReport report = PacketVerifier.verify(packet);
        assertFalse(report.ok());
        assertEquals(1, report.differences().size());
        assertTrue(report.differences().get(0).startsWith("accounts.csv: its content changed: sha256 is "),
                report.differences().get(0));
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
        assertTrue(report.differences().get(0).startsWith("manifest.json: its content was edited"), report.differences().get(0));
        assertTrue(report.differences().contains("manifest lists \"../case.quarry\", which is not a file of this packet"),
                report.differences().toString());
    }

    @Test
    void directoryWithoutManifestIsNotAPacket() {
        IOException e = assertThrows(IOException.class, () -> PacketVerifier.verify(dir));
        assertTrue(e.getMessage().endsWith("has no manifest.json; give the directory of a CSV packet (quarry export CASE --csv DIR)"),
                e.getMessage());
    }

    @Test
    void detectsOneByteChangedInAnyExportedFile() throws Exception {
        try (var listing = Files.list(packet)) {
            for (Path file : listing.filter(p -> !p.getFileName().toString().equals(CsvPacket.MANIFEST)).sorted().toList()) {
                byte[] original = Files.readAllBytes(file);
                if (original.length == 0) {
                    continue;
                }
                byte[] edited = original.clone();
                edited[edited.length / 2] ^= 1;
                Files.write(file, edited);
                IntegrityReport report = PacketVerifier.verify(packet);
                assertEquals(1, report.differences().size(), file.toString());
                assertTrue(report.differences().get(0).startsWith(file.getFileName() + ": its content changed"),
                        report.differences().get(0));
                Files.write(file, original);
            }
        }
        assertTrue(PacketVerifier.verify(packet).ok());
    }

    @Test
    void detectsAnEditToAFieldOfTheManifestThatHoldsNoHash() throws Exception {
        Path manifest = packet.resolve(CsvPacket.MANIFEST);
        String original = Files.readString(manifest);
        for (String[] edit : new String[][] {{"\"seed\" : 3", "\"seed\" : 4"}, {"\"redacted\" : false", "\"redacted\" : true"},
                {"\"run_id\" : 1", "\"run_id\" : 2"}}) {
            assertTrue(original.contains(edit[0]), edit[0] + " in " + original);
            Files.writeString(manifest, original.replace(edit[0], edit[1]));
            IntegrityReport report = PacketVerifier.verify(packet);
            assertEquals(1, report.differences().size(), edit[1]);
            assertTrue(report.differences().get(0).startsWith("manifest.json: its content was edited: the digest over "
                    + "its fields is "), report.differences().get(0));
        }
    }

    @Test
    void checksTheCaseAgainstThePacketsRecordedHead() throws Exception {
        try (CaseFile caseFile = CaseFile.open(dir.resolve("case.quarry"))) {
            IntegrityReport fine = PacketVerifier.verifyAgainst(caseFile, packet);
            assertTrue(fine.ok(), fine.differences().toString());
            assertTrue(fine.intact().stream().anyMatch(l -> l.startsWith("the export of the packet " + packet
                    + " (digest ")), fine.intact().toString());
            try (var statement = caseFile.connection().createStatement()) {
                // the analysis entry (1) and the export entry (2) are cut from the end of the log
                statement.executeUpdate("DELETE FROM audit_log WHERE seq >= 1");
            }
            assertTrue(dev.quarry.store.CaseIntegrity.check(caseFile).ok());
            IntegrityReport cut = PacketVerifier.verifyAgainst(caseFile, packet);
            assertEquals(1, cut.differences().size(), cut.differences().toString());
            assertTrue(cut.differences().get(0).contains("recorded the head entry 1")
                    && cut.differences().get(0).contains("entries 1 to 1 were removed from its end"), cut.differences().get(0));
        }
    }
}
