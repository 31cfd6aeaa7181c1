package dev.quarry.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerateCommandTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void captureStreams() {
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
    void writesEventsAccountsAndTruthWithTheRequestedCampaigns() throws Exception {
        Path target = dir.resolve("extract");
        int status = run("generate", "--out", target.toString(), "--accounts", "120", "--days", "5", "--seed", "3",
                "--events", "3000", "--gzip", "--campaign", "proxy_farm:12:ips=5,paraphrase=0.8",
                "--campaign", "low_and_slow:10", "--legit-mix", "shared_nat=0.5");
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(Files.isRegularFile(target.resolve("events.csv.gz")));
        assertTrue(Files.isRegularFile(target.resolve("accounts.csv")));
        List<String> truth = Files.readAllLines(target.resolve("truth.csv"));
        assertEquals(121, truth.size());
        assertEquals(12, truth.stream().filter(line -> line.contains(",campaign_proxy_farm,")).count());
        assertEquals(10, truth.stream().filter(line -> line.contains(",campaign_low_slow,")).count());
        assertEquals(0, truth.stream().filter(line -> line.contains(",campaign_naive_farm,")).count());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("campaign_proxy_farm"));
    }

    @Test
    void refusesAnUnknownCampaignKindInOneLine() {
        int status = run("generate", "--out", dir.resolve("x").toString(), "--campaign", "botnet:10");
        assertEquals(OneLineErrors.FAILED, status);
        String message = err.toString(StandardCharsets.UTF_8).strip();
        assertFalse(message.contains("\n"), message);
        assertTrue(message.contains("botnet"), message);
        assertFalse(Files.exists(dir.resolve("x").resolve("truth.csv")));
    }

    @Test
    void refusesAnOutputPathThatIsAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        assertEquals(OneLineErrors.FAILED, run("generate", "--out", file.toString(), "--accounts", "100"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("not a directory"));
    }
}
