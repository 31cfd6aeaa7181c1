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
}
