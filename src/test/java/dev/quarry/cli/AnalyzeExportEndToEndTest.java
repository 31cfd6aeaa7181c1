package dev.quarry.cli;

import dev.quarry.synth.ExtractGenerator;
import dev.quarry.synth.GeneratedExtract;
import dev.quarry.synth.GeneratorOptions;
import dev.quarry.model.ProgressListener;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The analyst's path on a small generated extract: ingest, analyze, export, verify, all through the command line. */
class AnalyzeExportEndToEndTest {

    @TempDir
    Path dir;
    @RegisterExtension
    final QuarryConsole console = new QuarryConsole();

    private int run(String... args) {
        return console.run(args);
    }

    @Test
    void generatedExtractGoesFromIngestToAVerifiedPacket() throws Exception {
        GeneratedExtract extract = ExtractGenerator.generate(dir.resolve("extract"),
                GeneratorOptions.defaults(300, 7, 5), ProgressListener.NONE);
        String casePath = dir.resolve("case.quarry").toString();
        assertEquals(0, run("ingest", casePath, extract.accounts().toString(), extract.events().toString()), console.err());

        assertEquals(0, run("analyze", casePath, "--seed", "5"), console.err());
        String summary = console.out();
        assertTrue(summary.startsWith("run 1 stored in " + casePath + " (seed 5,"), summary);
        assertTrue(summary.contains(" flagged; campaigns: "), summary);

        Path packet = dir.resolve("packet");
        assertEquals(0, run("export", casePath, "--csv", packet.toString()), console.err());
        List<CSVRecord> rows = read(packet.resolve("accounts.csv"));
        Set<String> exported = new HashSet<>();
        rows.forEach(r -> exported.add(r.get("account_id")));
        Set<String> truth = new HashSet<>();
        read(extract.truth()).forEach(r -> truth.add(r.get("account_id")));
        assertEquals(truth, exported, "one row per account of the extract");
        assertTrue(rows.stream().anyMatch(r -> r.get("flagged").equals("true")), "a planted campaign is flagged");
        for (CSVRecord row : rows) {
            double risk = Double.parseDouble(row.get("risk_score"));
            assertTrue(risk >= 0 && risk <= 1, row.toString());
        }

        assertEquals(0, run("verify", packet.toString()), console.out());
        assertEquals(0, run("verify", casePath), console.out());
        assertTrue(console.out().contains("hash chain intact"), console.out());

        assertEquals(0, run("analyze", casePath, "--seed", "5"), console.err());
        assertTrue(console.out().startsWith("run 2 stored"), console.out());
        assertEquals(0, run("export", casePath, "--csv", dir.resolve("first").toString(), "--run", "1"), console.err());
        assertEquals(Files.readString(packet.resolve("accounts.csv")), Files.readString(dir.resolve("first/accounts.csv")),
                "the same case and seed give the same scores, and run 1 stays readable");
    }

    private static List<CSVRecord> read(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords();
        }
    }
}
