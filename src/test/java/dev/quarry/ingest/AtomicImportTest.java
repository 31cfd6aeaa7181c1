package dev.quarry.ingest;

import dev.quarry.model.CancelledException;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicImportTest {

    @TempDir
    Path directory;

    private static Path bigCsv(Path file, int rows) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("request_id,ts,account_id,prompt_tokens,prompt_text\n");
            for (int i = 0; i < rows; i++) {
                out.write("big-" + i + "," + (1_709_633_730_000L + i) + ",acct-" + (i % 500) + "," + (i % 900)
                        + ",\"Explain, in detail, topic number " + i + " with examples\nand a summary\"\n");
            }
        }
        return file;
    }

    /** Everything an analyst could see of the case's data, to compare before and after. */
    private static List<String> snapshot(CaseFile caseFile) throws Exception {
        List<String> state = new ArrayList<>();
        try (Statement statement = caseFile.connection().createStatement()) {
            for (String sql : List.of("SELECT count(*), coalesce(sum(ts), 0) FROM events", "SELECT count(*) FROM accounts",
                    "SELECT count(*) || ' ' || group_concat(sha256) FROM sources", "SELECT count(*) FROM rejected_rows",
                    "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master ORDER BY name)", "PRAGMA integrity_check")) {
                try (ResultSet rs = statement.executeQuery(sql)) {
                    rs.next();
                    StringBuilder row = new StringBuilder(sql).append(" -> ");
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        row.append(rs.getString(c)).append(' ');
                    }
                    state.add(row.toString());
                }
            }
        }
        return state;
    }

    @Test
    void killingTheProcessMidImportLeavesTheCaseAsItWas() throws Exception {
        Path casePath = directory.resolve("case.quarry");
        List<String> before;
        try (CaseFile caseFile = CaseFile.open(casePath)) {
            new Importer(caseFile).importFile(bigCsv(directory.resolve("earlier.csv"), 200), ImportOptions.auto(), ProgressListener.NONE);
            before = snapshot(caseFile);
        }
        Path big = bigCsv(directory.resolve("big.csv"), 400_000);

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), ImportChild.class.getName(), casePath.toString(), big.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        boolean journalSeen = false;
        int reports = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                assertFalse(line.startsWith("finished"), "the import finished before it could be killed; use a bigger file");
                if (line.startsWith("progress") && ++reports >= 20) {
                    journalSeen = Files.size(directory.resolve("case.quarry-journal")) > 0;
                    break;
                }
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(journalSeen, "the child should have been writing into the case (hot rollback journal present)");
        assertTrue(Files.exists(directory.resolve("case.quarry-journal")), "killed mid-transaction, the journal is left behind");

        try (CaseFile reopened = CaseFile.open(casePath)) {
            assertEquals(before, snapshot(reopened));
        }
        assertFalse(Files.exists(directory.resolve("case.quarry-journal")), "opening the case rolled the journal back");
    }

    @Test
    void cancellingAnImportRollsItBack() throws Exception {
        try (IngestFixture fixture = new IngestFixture(directory)) {
            fixture.importText("earlier.csv", "request_id,ts,account_id\nr1,1709633730,a\n");
            List<String> before = snapshot(fixture.caseFile);
            Path big = bigCsv(directory.resolve("big.csv"), 50_000);
            ProgressListener cancelAfterFirstBatch = new ProgressListener() {
                private boolean reported;

                @Override
                public void progress(long done, long total, String message) {
                    reported = true;
                }

                @Override
                public boolean isCancelled() {
                    return reported;
                }
            };
            assertThrows(CancelledException.class, () -> new Importer(fixture.caseFile).importFile(big, ImportOptions.auto(), cancelAfterFirstBatch));
            assertEquals(before, snapshot(fixture.caseFile));
            // and the case still takes the file afterwards
            assertEquals(50_000, fixture.importFile(big).accepted());
        }
    }

    /** Everything in the directory but the extracts: the case and whatever SQLite or Quarry left beside it. */
    private List<String> caseFiles() throws Exception {
        try (var names = Files.list(directory)) {
            return names.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".csv") && !n.endsWith(".gz")).sorted().toList();
        }
    }

    /** A gzip-compressed extract cut off in the middle: reading it fails after many rows were read. */
    private Path truncatedGzip(String name, int rows) throws Exception {
        Path csv = bigCsv(directory.resolve(name + ".csv"), rows);
        Path gzip = directory.resolve(name + ".csv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gzip))) {
            Files.copy(csv, out);
        }
        Files.delete(csv);
        byte[] whole = Files.readAllBytes(gzip);
        Files.write(gzip, java.util.Arrays.copyOf(whole, whole.length * 3 / 4));
        return gzip;
    }

    private static List<String> eventsIndexes(CaseFile caseFile) throws Exception {
        List<String> indexes = new ArrayList<>();
        try (Statement statement = caseFile.connection().createStatement();
             ResultSet rs = statement.executeQuery("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' ORDER BY name")) {
            while (rs.next()) {
                indexes.add(rs.getString(1));
            }
        }
        return indexes;
    }

    @Test
    void aFailedImportLeavesNoCaseFile() throws Exception {
        Path casePath = directory.resolve("new.quarry");
        Path broken = truncatedGzip("broken", 100_000);
        Path big = bigCsv(directory.resolve("big.csv"), 50_000);
        ProgressListener cancelAfterFirstBatch = new ProgressListener() {
            private boolean reported;

            @Override
            public void progress(long done, long total, String message) {
                reported = true;
            }

            @Override
            public boolean isCancelled() {
                return reported;
            }
        };
        try (CaseFile caseFile = CaseFile.openForImport(casePath)) {
            Importer importer = new Importer(caseFile, 1024, FingerprintSet::of);
            IngestException failure = assertThrows(IngestException.class,
                    () -> importer.importFile(broken, ImportOptions.auto(), ProgressListener.NONE));
            assertTrue(failure.getMessage().contains("nothing was imported"), failure.getMessage());
            assertThrows(CancelledException.class, () -> importer.importFile(big, ImportOptions.auto(), cancelAfterFirstBatch));
            assertFalse(Files.exists(casePath), "no case under its name before a file is in it");
            assertTrue(caseFile.provisional());
        }
        assertEquals(List.of(), caseFiles(), "neither the case nor its temporary file is left behind");
    }

    @Test
    void aFileThatFailsDoesNotStopTheNextFromMakingTheNewCase() throws Exception {
        Path casePath = directory.resolve("new.quarry");
        Path broken = truncatedGzip("broken", 100_000);
        try (CaseFile caseFile = CaseFile.openForImport(casePath)) {
            Importer importer = new Importer(caseFile);
            assertThrows(IngestException.class, () -> importer.importFile(broken, ImportOptions.auto(), ProgressListener.NONE));
            assertEquals(20_000, importer.importFile(bigCsv(directory.resolve("good.csv"), 20_000), ImportOptions.auto(),
                    ProgressListener.NONE).accepted());
            assertFalse(caseFile.provisional());
            assertEquals(List.of("new.quarry"), caseFiles());
            List<String> state = snapshot(caseFile);
            assertTrue(state.get(0).contains("-> 20000 "), state.toString());
            assertTrue(state.get(2).contains("-> 1 "), "only the file that landed has a sources row: " + state);
            assertTrue(state.get(5).endsWith("-> ok "), state.toString());
            try (Statement statement = caseFile.connection().createStatement();
                 ResultSet rs = statement.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertEquals("delete", rs.getString(1), "once the case exists, later imports are journaled again");
            }
        }
    }

    @Test
    void aFailedImportIntoAnExistingCaseLeavesItUnchanged() throws Exception {
        Path casePath = directory.resolve("case.quarry");
        List<String> before;
        try (CaseFile caseFile = CaseFile.openForImport(casePath)) {
            new Importer(caseFile).importFile(bigCsv(directory.resolve("earlier.csv"), 200), ImportOptions.auto(), ProgressListener.NONE);
            before = snapshot(caseFile);
        }
        byte[] bytesBefore = Files.readAllBytes(casePath);
        Path broken = truncatedGzip("broken", 100_000);
        try (CaseFile caseFile = CaseFile.openForImport(casePath)) {
            assertFalse(caseFile.provisional());
            // a tiny page cache makes SQLite write the failing import's pages into the case before it fails
            IngestException failure = assertThrows(IngestException.class,
                    () -> new Importer(caseFile, 1024, FingerprintSet::of).importFile(broken, ImportOptions.auto(), ProgressListener.NONE));
            assertTrue(failure.getMessage().contains("nothing was imported"), failure.getMessage());
            assertEquals(before, snapshot(caseFile));
        }
        assertEquals(List.of("case.quarry"), caseFiles());
        assertTrue(java.util.Arrays.equals(bytesBefore, Files.readAllBytes(casePath)), "the rollback journal restored every page");
    }

    @Test
    void theEventsIndexesExistAfterIngestBulkAndIncremental() throws Exception {
        List<String> declared;
        try (CaseFile empty = CaseFile.open(directory.resolve("empty.quarry"))) {
            declared = eventsIndexes(empty);
        }
        assertEquals(3, declared.size(), "events_account_ts, events_request_id, events_ts: " + declared);
        Path casePath = directory.resolve("case.quarry");
        try (CaseFile caseFile = CaseFile.openForImport(casePath)) {
            Importer importer = new Importer(caseFile);
            // bulk: the file is as big as the case or bigger, so the indexes are dropped and rebuilt
            importer.importFile(bigCsv(directory.resolve("bulk.csv"), 30_000), ImportOptions.auto(), ProgressListener.NONE);
            assertEquals(declared, eventsIndexes(caseFile));
            // incremental: a small file into a big case keeps the indexes and inserts through them
            ImportSummary small = importer.importFile(
                    Files.writeString(directory.resolve("small.csv"), "request_id,ts,account_id\nbig-7,1709633730000,a\nnew-1,1709633731000,b\n"),
                    ImportOptions.auto(), ProgressListener.NONE);
            assertEquals(1, small.accepted());
            assertEquals(1, small.duplicate(), "the unique request_id index settles the repeated id");
            assertEquals(declared, eventsIndexes(caseFile));
            try (Statement statement = caseFile.connection().createStatement();
                 ResultSet rs = statement.executeQuery("EXPLAIN QUERY PLAN SELECT ts FROM events WHERE account_id = 'acct-3' ORDER BY ts")) {
                rs.next();
                assertTrue(rs.getString(4).contains("events_account_ts"), rs.getString(4));
            }
        }
        try (CaseFile reopened = CaseFile.openExisting(casePath)) {
            assertEquals(declared, eventsIndexes(reopened));
            assertTrue(snapshot(reopened).get(5).endsWith("-> ok "));
        }
    }

    @Test
    void terminatingAnImportIntoANewCaseLeavesNothingBehind() throws Exception {
        Path casePath = directory.resolve("new.quarry");
        Path big = bigCsv(directory.resolve("big.csv"), 400_000);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), ImportChild.class.getName(), casePath.toString(),
                big.toString(), "new").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        boolean building = false;
        int reports = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                assertFalse(line.startsWith("finished"), "the import finished before it could be stopped; use a bigger file");
                if (line.startsWith("progress") && ++reports >= 20) {
                    building = caseFiles().stream().anyMatch(n -> n.startsWith("new.quarry.") && n.endsWith(".importing"));
                    break;
                }
            }
            // what Ctrl-C or closing the terminal does: the process is asked to end
            child.destroy();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(building, "the child should have been building the case under a temporary name: " + caseFiles());
        assertEquals(List.of(), caseFiles(), "no case and no temporary file after the import was stopped");
    }
}
