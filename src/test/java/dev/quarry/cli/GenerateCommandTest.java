package dev.quarry.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerateCommandTest {

    @TempDir
    Path dir;
    @RegisterExtension
    final QuarryConsole console = new QuarryConsole();

    private int run(String... args) {
        return console.run(args);
    }

    @Test
    void theHelpNamesEveryKindTheGeneratorKnowsAndBothPresetMixes() {
        assertEquals(0, run("generate", "--help"), console.err());
        // picocli wraps the description; compare with the line breaks and indentation taken out
        String help = console.out().replaceAll("\\s+", " ");
        for (dev.quarry.synth.CampaignKind kind : dev.quarry.synth.CampaignKind.values()) {
            assertTrue(help.contains(kind.name().toLowerCase(java.util.Locale.ROOT)), kind + " missing from: " + help);
        }
        for (dev.quarry.synth.LegitKind kind : dev.quarry.synth.LegitKind.values()) {
            assertTrue(help.contains(kind.name().toLowerCase(java.util.Locale.ROOT)), kind + " missing from: " + help);
        }
        assertTrue(help.contains("'cohorts'") && help.contains("'institutions'"), help);
    }

    @Test
    void writesEventsAccountsAndTruthWithTheRequestedCampaigns() throws Exception {
        Path target = dir.resolve("extract");
        int status = run("generate", "--out", target.toString(), "--accounts", "120", "--days", "5", "--seed", "3",
                "--events", "3000", "--gzip", "--campaign", "proxy_farm:12:ips=5,paraphrase=0.8",
                "--campaign", "low_and_slow:10", "--legit-mix", "shared_nat=0.5");
        assertEquals(0, status, console.err());
        assertTrue(Files.isRegularFile(target.resolve("events.csv.gz")));
        assertTrue(Files.isRegularFile(target.resolve("accounts.csv")));
        List<String> truth = Files.readAllLines(target.resolve("truth.csv"));
        assertEquals(121, truth.size());
        assertEquals(12, truth.stream().filter(line -> line.contains(",campaign_proxy_farm,")).count());
        assertEquals(10, truth.stream().filter(line -> line.contains(",campaign_low_slow,")).count());
        assertEquals(0, truth.stream().filter(line -> line.contains(",campaign_naive_farm,")).count());
        assertTrue(console.out().contains("campaign_proxy_farm"));
    }

    @Test
    void refusesAnUnknownCampaignKindInOneLine() {
        int status = run("generate", "--out", dir.resolve("x").toString(), "--campaign", "botnet:10");
        assertEquals(OneLineErrors.FAILED, status);
        String message = console.err().strip();
        assertFalse(message.contains("\n"), message);
        assertTrue(message.contains("botnet"), message);
        assertFalse(Files.exists(dir.resolve("x").resolve("truth.csv")));
    }

    @Test
    void refusesAnOutputPathThatIsAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        assertEquals(OneLineErrors.FAILED, run("generate", "--out", file.toString(), "--accounts", "100"));
        assertTrue(console.err().contains("not a directory"));
    }
}
