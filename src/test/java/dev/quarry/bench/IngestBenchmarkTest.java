package dev.quarry.bench;

import dev.quarry.ingest.SourceFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class IngestBenchmarkTest {

    @TempDir
    Path directory;

    private static boolean sqlite3Installed() {
        try {
            return new ProcessBuilder("sqlite3", "--version").start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void comparesBothToolsOnTheSameGeneratedCsvAndReportsEveryRound() throws Exception {
        assumeTrue(sqlite3Installed(), "the benchmark's reference, the sqlite3 command line, is not installed");
        List<String> log = new ArrayList<>();
        IngestBenchmark.Result result = IngestBenchmark.run(new IngestBenchmark.Options(3000, null, SourceFormat.CSV,
                IngestBenchmark.Input.SIMPLE, IngestBenchmark.Mode.IN_PROCESS, 2, directory, 1, List.of(), null), log::add);

        assertEquals(3000, result.rows(), "every generated row, with its quoted commas, quotes and line breaks, is read");
        assertEquals(4, result.runs().size());
        assertTrue(result.figures("sqlite3").rowsPerSecond() > 0 && result.figures("quarry in-process").rowsPerSecond() > 0);
        assertNull(result.figures("quarry process"));
        assertTrue(log.stream().anyMatch(line -> line.startsWith("round 2:") && line.contains("ratio")), log.toString());
    }

    @Test
    void runsQuarryAsAFreshProcessPerRoundOnTheGeneratorsExtract() throws Exception {
        assumeTrue(sqlite3Installed(), "the benchmark's reference, the sqlite3 command line, is not installed");
        List<String> log = new ArrayList<>();
        IngestBenchmark.Result result = IngestBenchmark.run(new IngestBenchmark.Options(2000, null, SourceFormat.CSV,
                IngestBenchmark.Input.GENERATOR, IngestBenchmark.Mode.BOTH, 2, directory, 3, List.of("-Xmx256m"), null), log::add);

        String csv = Files.readString(result.file());
        assertTrue(csv.contains("\"") && csv.lines().count() > result.rows() + 1, "quoted prompts with line breaks");
        IngestBenchmark.Figures process = result.figures("quarry process");
        assertNotNull(process);
        assertEquals(6, result.runs().size(), "sqlite3, a fresh process and in-process in each of two rounds");
        assertTrue(process.medianSeconds() > 0 && process.minSeconds() <= process.maxSeconds());
        assertTrue(log.stream().anyMatch(line -> line.startsWith("fresh process per round: ") && line.contains("-Xmx256m")), log.toString());
        assertNotNull(result.roundRatios("quarry process"));
    }

    @Test
    void measuresJsonLinesWithoutAReference() throws Exception {
        IngestBenchmark.Result result = IngestBenchmark.run(new IngestBenchmark.Options(1000, null, SourceFormat.JSONL,
                IngestBenchmark.Input.GENERATOR, IngestBenchmark.Mode.IN_PROCESS, 1, directory, 3, List.of(), null), line -> { });

        assertNull(result.figures("sqlite3"));
        assertTrue(result.rows() > 0);
        assertTrue(result.figures("quarry in-process").megabytesPerSecond() > 0);
        assertEquals(Files.readAllLines(result.file()).size(), result.rows(), "one event per line, every line read");
    }
}
