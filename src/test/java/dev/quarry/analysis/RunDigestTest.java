package dev.quarry.analysis;

import dev.quarry.analysis.rules.DetectionRules;
import dev.quarry.ingest.ImportOptions;
import dev.quarry.ingest.Importer;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import dev.quarry.synth.ExtractGenerator;
import dev.quarry.synth.GeneratedExtract;
import dev.quarry.synth.GeneratorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The workbench digest taken from the analysis's pass is the one a second pass over the events gives. */
class RunDigestTest {

    @Test
    void digestFromTheAnalysisPassEqualsTheDigestReadFromTheEvents(@TempDir Path dir) throws Exception {
        GeneratedExtract extract = ExtractGenerator.generate(dir.resolve("extract"),
                GeneratorOptions.defaults(500, 8, 31), ProgressListener.NONE);
        try (CaseFile caseFile = CaseFile.open(dir.resolve("case.quarry"))) {
            Importer importer = new Importer(caseFile);
            importer.importFile(extract.events(), ImportOptions.auto(), ProgressListener.NONE);
            importer.importFile(extract.accounts(), ImportOptions.auto(), ProgressListener.NONE);
            Analyzer.Analysis analysis = Analyzer.analyzeWithDigest(caseFile, AnalysisOptions.defaults(1), DetectionRules.defaults(),
                    ProgressListener.NONE);
            Map<String, Integer> campaignOf = new HashMap<>();
            for (AccountVerdict account : analysis.result().accounts()) {
                if (account.campaignId() != null) {
                    campaignOf.put(account.accountId(), account.campaignId());
                }
            }
            assertFalse(campaignOf.isEmpty(), "the extract's campaigns are found, so campaign days are compared too");
            RunDigest read = RunDigest.compute(caseFile, campaignOf, ProgressListener.NONE);
            assertEquals(read, analysis.digest());

            // and what is stored and read back is the same either way
            long runId = Analyzer.runAndStore(caseFile, AnalysisOptions.defaults(1), ProgressListener.NONE).runId();
            RunDigest stored = RunDigest.load(caseFile, runId).orElseThrow();
            assertEquals(new RunDigest(runId, read.events(), read.accounts(), read.firstTs(), read.lastTs(),
                    read.activity(), read.campaignDays()), stored);
        }
    }
}
