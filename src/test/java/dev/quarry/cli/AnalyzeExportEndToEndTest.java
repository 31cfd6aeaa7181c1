package dev.quarry.cli;

import dev.quarry.synth.ExtractGenerator;
import dev.quarry.synth.GeneratedExtract;
import dev.quarry.synth.GeneratorOptions;
import dev.quarry.model.ProgressListener;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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
    void generatedExtractGoesFromIngestToAVerifiedPacket() throws Exception {
        GeneratedExtract extract = ExtractGenerator.generate(dir.resolve("extract"),
                GeneratorOptions.defaults(300, 7, 5), ProgressListener.NONE);
        String casePath = dir.resolve("case.quarry").toString();
        assertEquals(0, run("ingest", casePath, extract.accounts().toString(), extract.events().toString()), err.toString());

        assertEquals(0, run("analyze", casePath, "--seed", "5"), err.toString());
        String summary = out.toString();
        assertTrue(summary.startsWith("run 1 stored in " + casePath + " (seed 5,"), summary);
        assertTrue(summary.contains(" flagged; campaigns: "), summary);

        Path packet = dir.resolve("packet");
        assertEquals(0, run("export", casePath, "--csv", packet.toString()), err.toString());
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

        assertEquals(0, run("verify", packet.toString()), out.toString());
        assertEquals(0, run("verify", casePath), out.toString());
        assertTrue(out.toString().contains("hash chain intact"), out.toString());

        assertEquals(0, run("analyze", casePath, "--seed", "5"), err.toString());
        assertTrue(out.toString().startsWith("run 2 stored"), out.toString());
        assertEquals(0, run("export", casePath, "--csv", dir.resolve("first").toString(), "--run", "1"), err.toString());
        assertEquals(Files.readString(packet.resolve("accounts.csv")), Files.readString(dir.resolve("first/accounts.csv")),
                "the same case and seed give the same scores, and run 1 stays readable");
    }

    private static List<CSVRecord> read(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
            return parser.getRecords();
        }
    }
}
