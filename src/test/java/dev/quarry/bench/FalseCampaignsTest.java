package dev.quarry.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FalseCampaignsTest {

    @Test
    void explainsEachExportedCampaignThatHoldsLegitimateAccounts(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("truth.csv"), """
                account_id,label,campaign_id,hard_negative
                a1,legit_cohort_benchmark,,true
                a2,legit_cohort_benchmark,,true
                a3,legit_hobbyist,,false
                f1,campaign_app_mimic,C2-app-mimic,false
                f2,campaign_app_mimic,C2-app-mimic,false
                t1,legit_cohort_template_app,,true
                h1,legit_heavy_user,,true
                """);
        Files.writeString(dir.resolve("campaigns.csv"), """
                campaign_id,label,score,size,signals,reasons,first_activity,last_activity,events,flagged_members
                7,x,0.9,3,the same uncommon client | shared prompt templates,"12 accounts send the same text; 300 times | client lm-eval-harness | second | third | fourth",,,10,3
                8,y,0.8,3,shared prompt templates,one reason,,,10,3
                9,z,0.7,2,synchronized activity,genuine,,,10,2
                """);
        GroundTruth truth = GroundTruth.read(dir.resolve("truth.csv"));
        Map<String, Prediction> predictions = Map.of(
                "a1", new Prediction(true, "7"), "a2", new Prediction(true, "7"), "a3", new Prediction(true, "7"),
                "f1", new Prediction(true, "8"), "f2", new Prediction(true, "8"), "t1", new Prediction(true, "8"),
                "h1", new Prediction(true, null));

        FalseCampaigns found = FalseCampaigns.of(truth, predictions, dir);

        assertEquals(2, found.campaigns().size(), "campaign 9 holds no legitimate account and is not listed");
        FalseCampaigns.FalseCampaign cohort = found.campaigns().get(0);
        assertEquals("7", cohort.campaignId());
        assertEquals(3, cohort.exportedSize());
        assertEquals(Map.of("legit_cohort_benchmark", 2, "legit_hobbyist", 1), cohort.legitimateKinds());
        assertTrue(cohort.wholly());
        assertEquals(List.of("the same uncommon client", "shared prompt templates"), cohort.signals());
        assertEquals("12 accounts send the same text; 300 times", cohort.reasons().get(0));
        FalseCampaigns.FalseCampaign mixed = found.campaigns().get(1);
        assertFalse(mixed.wholly());
        assertEquals(Map.of("C2-app-mimic", 2), mixed.trueCampaigns());
        assertEquals(Map.of("legit_heavy_user", 1), found.flaggedAlone());
    }
}
