package dev.quarry.cli;

import dev.quarry.analysis.RunStore;
import dev.quarry.fixtures.SmallCase;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void analysedCase() throws Exception {
        casePath = dir.resolve("case.quarry");
        try (CaseFile caseFile = CaseFile.open(casePath)) {
            SmallCase.populate(caseFile, dir);
            RunStore runs = new RunStore(caseFile);
            runs.save(SmallCase.result(1, 0.0), Instant.EPOCH, Instant.EPOCH, ProgressListener.NONE);
            runs.save(SmallCase.result(2, 0.5), Instant.EPOCH, Instant.EPOCH, ProgressListener.NONE);
        }
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStreams() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return QuarryCommand.commandLine().execute(args);
    }

    @Test
    void exportsTheLatestRunByDefaultAndAnEarlierOneOnRequest() throws Exception {
        assertEquals(0, run("export", casePath.toString(), "--csv", dir.resolve("latest").toString()));
        assertTrue(out.toString().startsWith("exported run 2 (seed 2,"), out.toString());
        assertTrue(Files.readString(dir.resolve("latest/accounts.csv")).contains("0.470000"));

        assertEquals(0, run("export", casePath.toString(), "--csv", dir.resolve("first").toString(), "--run", "1"));
        assertTrue(Files.readString(dir.resolve("first/accounts.csv")).contains("0.970000"));
    }

    @Test
    void verifyAcceptsAnUntouchedPacketAndReportsAnEditedFile() throws Exception {
        Path packet = dir.resolve("packet");
        assertEquals(0, run("export", casePath.toString(), "--csv", packet.toString()));
        assertEquals(0, run("verify", packet.toString()));
        assertTrue(out.toString().contains("OK: " + packet + " is intact"), out.toString());

        Path campaigns = packet.resolve("campaigns.csv");
        Files.writeString(campaigns, Files.readString(campaigns).replace("0.430000", "0.990000"));
        assertEquals(VerifyCommand.DIFFERS, run("verify", packet.toString()));
        assertTrue(out.toString().contains("DIFFERS  campaigns.csv: sha256 is "), out.toString());
        assertTrue(out.toString().contains("MISMATCH: 1 difference(s)"), out.toString());
    }

    @Test
    void verifyChecksTheCaseAuditChain() throws Exception {
        assertEquals(0, run("verify", casePath.toString()));
        assertTrue(out.toString().contains("ok       audit log: 2 entries, hash chain intact"), out.toString());

        try (CaseFile caseFile = CaseFile.open(casePath); Statement statement = caseFile.connection().createStatement()) {
            statement.executeUpdate("UPDATE audit_log SET action = 'nothing to see' WHERE audit_id = 1");
        }
        assertEquals(VerifyCommand.DIFFERS, run("verify", casePath.toString()));
        assertTrue(out.toString().contains("DIFFERS  audit entry 1 (nothing to see at"), out.toString());
    }

    @Test
    void writesAPdfPacketAndRecordsItsHash() throws Exception {
        Path pdf = dir.resolve("out/packet.pdf");
        assertEquals(0, run("export", casePath.toString(), "--pdf", pdf.toString()), err.toString());
        assertTrue(Files.size(pdf) > 1000);
        String sha = dev.quarry.store.Sha256.of(pdf);
        assertTrue(out.toString().contains("packet.pdf") && out.toString().contains(sha), out.toString());
        assertEquals(0, run("verify", casePath.toString()));
        try (CaseFile caseFile = CaseFile.open(casePath); Statement statement = caseFile.connection().createStatement();
             var rs = statement.executeQuery("SELECT detail FROM audit_log WHERE action = 'export'")) {
            assertTrue(rs.next());
            assertTrue(rs.getString(1).endsWith("sha256 " + sha), rs.getString(1));
        }
    }

    @Test
    void missingCaseIsNotCreated() {
        Path missing = dir.resolve("missing.quarry");
        assertEquals(1, run("export", missing.toString(), "--csv", dir.resolve("x").toString()));
        assertTrue(err.toString().startsWith("quarry export: case " + missing + " not found"), err.toString());
        assertFalse(Files.exists(missing));
    }

    @Test
    void verifyOfAMissingPathSaysSo() {
        Path missing = dir.resolve("nowhere");
        assertEquals(1, run("verify", missing.toString()));
        assertEquals("quarry verify: " + missing + " not found; give a case file or an exported packet directory",
                err.toString().strip());
    }

    @Test
    void caseWithoutRunsSaysToAnalyseFirst() throws Exception {
        Path empty = dir.resolve("empty.quarry");
        CaseFile.open(empty).close();
        assertEquals(1, run("export", empty.toString(), "--csv", dir.resolve("x").toString()));
        assertTrue(err.toString().contains("has no analysis run yet; run `quarry analyze"), err.toString());
    }
}
