package dev.quarry.cli;

import dev.quarry.analysis.RunStore;
import dev.quarry.fixtures.SmallCase;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExportVerifyCommandTest {

    @TempDir
    Path dir;
    Path casePath;
    @RegisterExtension
    final QuarryConsole console = new QuarryConsole();

    @BeforeEach
    void analysedCase() throws Exception {
        casePath = dir.resolve("case.quarry");
        try (CaseFile caseFile = CaseFile.open(casePath)) {
            SmallCase.populate(caseFile, dir);
            RunStore runs = new RunStore(caseFile);
            runs.save(SmallCase.result(1, 0.0), Instant.EPOCH, Instant.EPOCH, ProgressListener.NONE);
            runs.save(SmallCase.result(2, 0.5), Instant.EPOCH, Instant.EPOCH, ProgressListener.NONE);
        }
    }

    private int run(String... args) {
        return console.run(args);
    }

    @Test
    void exportsTheLatestRunByDefaultAndAnEarlierOneOnRequest() throws Exception {
        assertEquals(0, run("export", casePath.toString(), "--csv", dir.resolve("latest").toString()));
        assertTrue(console.out().startsWith("exported run 2 (seed 2,"), console.out());
        assertTrue(Files.readString(dir.resolve("latest/accounts.csv")).contains("0.470000"));

        assertEquals(0, run("export", casePath.toString(), "--csv", dir.resolve("first").toString(), "--run", "1"));
        assertTrue(Files.readString(dir.resolve("first/accounts.csv")).contains("0.970000"));
    }

    @Test
    void verifyAcceptsAnUntouchedPacketAndReportsAnEditedFile() throws Exception {
        Path packet = dir.resolve("packet");
        assertEquals(0, run("export", casePath.toString(), "--csv", packet.toString()));
        assertEquals(0, run("verify", packet.toString()));
        assertTrue(console.out().contains("OK: " + packet + " is intact"), console.out());

        Path campaigns = packet.resolve("campaigns.csv");
        Files.writeString(campaigns, Files.readString(campaigns).replace("0.430000", "0.990000"));
        assertEquals(VerifyCommand.DIFFERS, run("verify", packet.toString()));
        assertTrue(console.out().contains("DIFFERS  campaigns.csv: its content changed: sha256 is "), console.out());
        assertTrue(console.out().contains("MISMATCH: 1 difference(s)"), console.out());
    }

    @Test
    void verifyChecksTheCaseAuditChain() throws Exception {
        assertEquals(0, run("verify", casePath.toString()));
        assertTrue(console.out().contains("ok       audit log: 2 entries, hash chain intact, head is entry 2"), console.out());

        try (CaseFile caseFile = CaseFile.open(casePath); Statement statement = caseFile.connection().createStatement()) {
            statement.executeUpdate("UPDATE audit_log SET action = 'nothing to see' WHERE audit_id = 1");
        }
        assertEquals(VerifyCommand.DIFFERS, run("verify", casePath.toString()));
        assertTrue(console.out().contains("DIFFERS  audit log: first broken entry is audit entry 1 (nothing to see at"), console.out());
    }

    @Test
    void writesAPdfPacketAndRecordsItsHash() throws Exception {
        Path pdf = dir.resolve("out/packet.pdf");
        assertEquals(0, run("export", casePath.toString(), "--pdf", pdf.toString()), console.err());
        assertTrue(Files.size(pdf) > 1000);
        String sha = dev.quarry.store.Sha256.of(pdf);
        assertTrue(console.out().contains("packet.pdf") && console.out().contains(sha), console.out());
        assertEquals(0, run("verify", casePath.toString()));
        try (CaseFile caseFile = CaseFile.open(casePath); Statement statement = caseFile.connection().createStatement();
             var rs = statement.executeQuery("SELECT detail FROM audit_log WHERE action = 'export'")) {
            assertTrue(rs.next());
            assertTrue(rs.getString(1).contains(": sha256 " + sha + ", manifest digest "), rs.getString(1));
        }
    }

    @Test
    void missingCaseIsNotCreated() {
        Path missing = dir.resolve("missing.quarry");
        assertEquals(1, run("export", missing.toString(), "--csv", dir.resolve("x").toString()));
        assertTrue(console.err().startsWith("quarry export: case " + missing + " not found"), console.err());
        assertFalse(Files.exists(missing));
    }

    @Test
    void verifyOfAMissingPathSaysSo() {
        Path missing = dir.resolve("nowhere");
        assertEquals(1, run("verify", missing.toString()));
        assertEquals("quarry verify: " + missing + " not found; give a case file or an exported packet directory",
                console.err().strip());
    }

    @Test
    void caseWithoutRunsSaysToAnalyseFirst() throws Exception {
        Path empty = dir.resolve("empty.quarry");
        CaseFile.open(empty).close();
        assertEquals(1, run("export", empty.toString(), "--csv", dir.resolve("x").toString()));
        assertTrue(console.err().contains("has no analysis run yet; run `quarry analyze"), console.err());
    }
}
