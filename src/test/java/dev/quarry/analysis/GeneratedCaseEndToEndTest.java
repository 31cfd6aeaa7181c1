package dev.quarry.analysis;

import dev.quarry.ingest.ImportOptions;
import dev.quarry.ingest.Importer;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import dev.quarry.synth.CampaignKind;
import dev.quarry.synth.CampaignSpec;
import dev.quarry.synth.ExtractGenerator;
import dev.quarry.synth.GeneratedExtract;
import dev.quarry.synth.GeneratorOptions;
import dev.quarry.synth.LegitKind;
import dev.quarry.synth.LegitMix;
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
        assertFindsCampaigns(dir, GeneratorOptions.defaults(600, 8, 99), 0.9);
    }

    /** Farms of ten to twelve accounts among large groups of hard negatives: each must be found on its own. */
    @Test
    void findsSmallFarmsAmongManyHardNegatives(@TempDir Path dir) throws Exception {
        LegitMix crowded = LegitMix.DEFAULT.withWeight(LegitKind.SHARED_NAT, 0.3).withWeight(LegitKind.ENTERPRISE, 0.25)
                .withWeight(LegitKind.LAB_BENCHMARK, 0.08).withGroupSizes(14, 10, 40);
        GeneratorOptions options = GeneratorOptions.defaults(1_500, 14, 4242).withLegit(crowded).withCampaigns(List.of(
                CampaignSpec.defaults(CampaignKind.MODEL_PIVOT, 10).withPivotDelayHours(4),
                CampaignSpec.defaults(CampaignKind.NAIVE_FARM, 10).withRequestsPerAccount(300),
                CampaignSpec.defaults(CampaignKind.LOW_AND_SLOW, 12).withParameters(2500, 0.5)));
        assertFindsCampaigns(dir, options, 0.9);
    }

    private static void assertFindsCampaigns(Path dir, GeneratorOptions options, double recall) throws Exception {
        GeneratedExtract extract = ExtractGenerator.generate(dir.resolve("extract"), options, ProgressListener.NONE);
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
            assertTrue(truePositives >= recall * campaignMembers, truePositives + " of " + campaignMembers + " found");
            Map<String, int[]> perCampaign = new HashMap<>();
            for (AccountVerdict verdict : result.accounts()) {
                String campaign = campaignOf.getOrDefault(verdict.accountId(), "");
                if (!campaign.isEmpty()) {
                    int[] counts = perCampaign.computeIfAbsent(campaign, c -> new int[2]);
                    counts[0]++;
                    counts[1] += verdict.flagged() ? 1 : 0;
                }
            }
            perCampaign.forEach((campaign, counts) ->
                    assertTrue(counts[1] >= recall * counts[0], campaign + ": " + counts[1] + " of " + counts[0] + " found"));
            assertTrue(falsePositives <= 0.01 * (result.accounts().size() - campaignMembers), falsePositives + " false positives");
            assertTrue(result.stageSeconds().containsKey("read events"));
        }
    }
}
