package dev.quarry.analysis;

import dev.quarry.ingest.ImportOptions;
import dev.quarry.ingest.Importer;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import dev.quarry.synth.ExtractGenerator;
import dev.quarry.synth.GeneratedExtract;
import dev.quarry.synth.GeneratorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole pipeline on a small generated extract: generate, import, analyze, compare with the truth. */
class GeneratedCaseEndToEndTest {

    @Test
    void findsThePlantedCampaignsOfASmallGeneratedExtract(@TempDir Path dir) throws Exception {
        GeneratedExtract extract = ExtractGenerator.generate(dir.resolve("extract"),
                GeneratorOptions.defaults(600, 8, 99), ProgressListener.NONE);
        Map<String, String> campaignOf = new HashMap<>();
        List<String> truth = Files.readAllLines(extract.truth());
        for (String line : truth.subList(1, truth.size())) {
            String[] cells = line.split(",", -1);
            campaignOf.put(cells[0], cells[2]);
        }
        try (CaseFile caseFile = CaseFile.open(dir.resolve("case.quarry"))) {
            Importer importer = new Importer(caseFile);
            importer.importFile(extract.events(), ImportOptions.auto(), ProgressListener.NONE);
            importer.importFile(extract.accounts(), ImportOptions.auto(), ProgressListener.NONE);
            AnalysisResult result = Analyzer.analyze(caseFile, AnalysisOptions.defaults(1), ProgressListener.NONE);

            assertEquals(extract.accountCount(), result.accounts().size(), "one verdict per account");
            int truePositives = 0;
            int falsePositives = 0;
            int campaignMembers = 0;
            for (AccountVerdict verdict : result.accounts()) {
                boolean member = !campaignOf.getOrDefault(verdict.accountId(), "").isEmpty();
                campaignMembers += member ? 1 : 0;
                if (verdict.flagged()) {
                    truePositives += member ? 1 : 0;
                    falsePositives += member ? 0 : 1;
                    assertTrue(!verdict.reasons().isEmpty() && verdict.campaignId() != null, verdict.toString());
                }
            }
            assertTrue(campaignMembers > 0);
            assertTrue(truePositives >= 0.9 * campaignMembers, truePositives + " of " + campaignMembers + " found");
            assertTrue(falsePositives <= 0.01 * (result.accounts().size() - campaignMembers), falsePositives + " false positives");
            assertTrue(result.stageSeconds().containsKey("read events"));
        }
    }
}
