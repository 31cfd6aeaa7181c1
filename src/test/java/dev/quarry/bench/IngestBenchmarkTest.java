package dev.quarry.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        IngestBenchmark.Result result = IngestBenchmark.run(new IngestBenchmark.Options(3000, null, 2, directory, 1), log::add);

        assertEquals(3000, result.rows(), "every generated row, with its quoted commas, quotes and line breaks, is read");
        assertEquals(4, result.rounds().size());
        assertTrue(result.sqliteMedianRate() > 0 && result.quarryMedianRate() > 0);
        assertEquals(result.quarryMedianRate() / result.sqliteMedianRate(), result.ratio(), 1e-9);
        assertTrue(log.stream().anyMatch(line -> line.startsWith("round 2:") && line.contains("accepted 3,000")), log.toString());
    }
}
