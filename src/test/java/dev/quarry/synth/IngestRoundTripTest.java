package dev.quarry.synth;

import dev.quarry.ingest.ImportOptions;
import dev.quarry.ingest.ImportSummary;
import dev.quarry.ingest.Importer;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the generator writes, {@code quarry ingest} reads without a mapping: every row accepted. */
class IngestRoundTripTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void everyGeneratedRowIsAcceptedByIngest(OutputFormat format) throws Exception {
        GeneratorOptions options = GeneratorOptions.defaults(150, 5, 21).withEventsTarget(4_000)
                .withFormat(format).withGzip(format != OutputFormat.JSONL);
        GeneratedExtract extract = ExtractGenerator.generate(dir.resolve("extract"), options, ProgressListener.NONE);
        Map<String, ExtractFiles.Truth> truth = ExtractFiles.truth(extract.truth());

        try (CaseFile caseFile = CaseFile.open(dir.resolve("case.quarry"))) {
            Importer importer = new Importer(caseFile);
            if (extract.accounts() != null) {
                ImportSummary accounts = importer.importFile(extract.accounts(), ImportOptions.auto(), ProgressListener.NONE);
                assertEquals("accounts", accounts.kind());
                assertEquals(extract.accountCount(), accounts.read());
                assertEquals(extract.accountCount(), accounts.accepted(), accounts.rejectedByReason().toString());
            }
            ImportSummary events = importer.importFile(extract.events(), ImportOptions.auto(), ProgressListener.NONE);
            assertEquals("events", events.kind());
            assertEquals(extract.eventCount(), events.read());
            assertEquals(extract.eventCount(), events.accepted(), events.rejectedByReason().toString());
            assertEquals(0, events.duplicate());

            try (Statement s = caseFile.connection().createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM events")) {
                    rs.next();
                    assertEquals(extract.eventCount(), rs.getLong(1));
                }
                Set<String> callers = new HashSet<>();
                try (ResultSet rs = s.executeQuery("SELECT DISTINCT account_id FROM events")) {
                    while (rs.next()) {
                        callers.add(rs.getString(1));
                    }
                }
                assertTrue(truth.keySet().containsAll(callers), "event accounts are the truth file's account ids");
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM events WHERE prompt_text IS NULL OR prompt_text = ''")) {
                    rs.next();
                    assertEquals(0, rs.getLong(1), "every prompt was read");
                }
            }
        }
    }
}
