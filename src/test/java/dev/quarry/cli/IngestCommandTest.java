package dev.quarry.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngestCommandTest {

    @TempDir
    Path directory;

    private record Run(int status, String out, String err) {
    }

    private static Run quarry(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int status = QuarryCommand.commandLine().execute(args);
            return new Run(status, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void createsTheCaseAndPrintsASummaryPerFileExitingZeroDespiteRejectedRows() throws Exception {
        Path events = Files.writeString(directory.resolve("events.csv"),
                "request_id,timestamp,user_id\nr1,2024-03-05 10:15:30,alice\nr1,2024-03-05 10:15:31,alice\nr2,soon,bob\n");
        Path accounts = Files.writeString(directory.resolve("accounts.csv"), "account_id,email,created_at\nalice,a@example.com,2023-01-01T00:00:00Z\n");
        Path casePath = directory.resolve("new/case.quarry");

        Run run = quarry("ingest", casePath.toString(), events.toString(), accounts.toString());

        assertEquals(0, run.status(), run.err());
        assertTrue(Files.exists(casePath));
        assertTrue(run.out().contains("read 3  accepted 1  duplicate 1  rejected 1"), run.out());
        assertTrue(run.out().contains("rejected 1: unparseable timestamp"), run.out());
        assertTrue(run.out().contains("note: timestamps without a time zone were read as UTC"), run.out());
        assertTrue(run.out().contains("accounts.csv -> source 2, accounts"), run.out());
    }

    @Test
    void failsWithOneClearLineWhenAFileCannotBeRead() {
        Run run = quarry("ingest", directory.resolve("case.quarry").toString(), directory.resolve("missing.csv").toString());
        assertNotEquals(0, run.status());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("missing.csv"), run.err());
        assertFalse(Files.exists(directory.resolve("case.quarry")), "a mistyped path leaves no empty case behind");
    }

    @Test
    void aFileThatFailsMidwayLeavesNoNewCaseAndNoTemporaryFile() throws Exception {
        StringBuilder csv = new StringBuilder("request_id,ts,account_id,prompt_text\n");
        for (int i = 0; i < 60_000; i++) {
            csv.append("r").append(i).append(",").append(1_709_633_730L + i).append(",acct-").append(i % 300)
                    .append(",\"prompt number ").append(i).append(", with a comma\"\n");
        }
        Path gzip = directory.resolve("cut-off.csv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gzip))) {
            out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = Files.readAllBytes(gzip);
        Files.write(gzip, java.util.Arrays.copyOf(whole, whole.length / 2));
        Path casePath = directory.resolve("case.quarry");

        Run run = quarry("ingest", casePath.toString(), gzip.toString());

        assertNotEquals(0, run.status());
        assertTrue(run.err().contains("cut-off.csv.gz") && run.err().contains("nothing was imported"), run.err());
        try (var names = Files.list(directory)) {
            assertEquals(java.util.List.of("cut-off.csv.gz"), names.map(p -> p.getFileName().toString()).toList(),
                    "neither the case nor a temporary file is left");
        }
    }

    @Test
    void refusesAnUnknownFormat() throws Exception {
        Path events = Files.writeString(directory.resolve("e.csv"), "ts,user\n1,a\n");
        Run run = quarry("ingest", directory.resolve("case.quarry").toString(), events.toString(), "--format", "xml");
        assertNotEquals(0, run.status());
        assertTrue(run.err().contains("--format"), run.err());
    }

    @Test
    void explainsItselfWithHelp() {
        Run run = quarry("ingest", "--help");
        assertEquals(0, run.status());
        assertTrue(run.out().contains("--mapping") && run.out().contains("--format"), run.out());
        Run bench = quarry("bench", "ingest", "--help");
        assertTrue(bench.out().contains("--rows") && bench.out().contains("--rounds"), bench.out());
    }
}
