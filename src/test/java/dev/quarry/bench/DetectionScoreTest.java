package dev.quarry.bench;

import dev.quarry.fixtures.SmallCase;
import dev.quarry.store.CaseFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetectionScoreTest {

    /** Ten accounts: campaign 1 (c1..c4), campaign 2 (d1..d2), two hobbyists, two enterprise accounts. */
    private static GroundTruth truth() {
        Map<String, GroundTruth.Entry> accounts = new LinkedHashMap<>();
        for (String id : List.of("c1", "c2", "c3", "c4")) {
            accounts.put(id, new GroundTruth.Entry(id, "campaign_naive_farm", "1"));
        }
        for (String id : List.of("d1", "d2")) {
            accounts.put(id, new GroundTruth.Entry(id, "campaign_low_slow", "2"));
        }
        accounts.put("h1", new GroundTruth.Entry("h1", "legit_hobbyist", null));
        accounts.put("h2", new GroundTruth.Entry("h2", "legit_hobbyist", null));
        accounts.put("e1", new GroundTruth.Entry("e1", "legit_enterprise", null));
        accounts.put("e2", new GroundTruth.Entry("e2", "legit_enterprise", null));
        return new GroundTruth(accounts);
    }

    @Test
    void countsFlagsAgainstTheTruth() {
        Map<String, Prediction> predictions = new LinkedHashMap<>();
        predictions.put("c1", new Prediction(true, "A"));
        predictions.put("c2", new Prediction(true, "A"));
        predictions.put("c3", new Prediction(true, "A"));
        predictions.put("c4", new Prediction(false, null));
        predictions.put("d1", new Prediction(true, "B"));
        predictions.put("d2", new Prediction(true, "B"));
        predictions.put("h1", new Prediction(false, null));
        predictions.put("h2", new Prediction(false, null));
        predictions.put("e1", new Prediction(true, "A"));
        // e2 is missing from the export: counted as not flagged

        DetectionScore score = DetectionScore.of(truth(), predictions);

        assertEquals(new FlagCounts(5, 1, 1, 3), score.counts());
        assertEquals(5.0 / 6, score.counts().precision(), 1e-12);
        assertEquals(5.0 / 6, score.counts().recall(), 1e-12);
        assertEquals(0.25, score.counts().falsePositiveRate(), 1e-12);
        assertEquals(List.of(new DetectionScore.CampaignRecall("1", "campaign_naive_farm", 4, 3),
                new DetectionScore.CampaignRecall("2", "campaign_low_slow", 2, 2)), score.campaigns());
        assertEquals(List.of(new DetectionScore.KindRate("legit_enterprise", 2, 1),
                new DetectionScore.KindRate("legit_hobbyist", 2, 0)), score.legitKinds());
        assertEquals(1, score.missing());
        // members [1,1,1,1,2,2] vs [A,A,A,unassigned,B,B]: index 3+1 = 4, rows 6+1 = 7, columns 3+0+1 = 4,
        // C(6,2) = 15, expected 28/15, max 5.5 -> (4 - 28/15) / (5.5 - 28/15)
        assertEquals((4 - 28.0 / 15) / (5.5 - 28.0 / 15), score.adjustedRandIndex(), 1e-12);
    }

    @Test
    void barNamesEachShortfall() {
        Map<String, Prediction> predictions = new LinkedHashMap<>();
        truth().accounts().values().forEach(e -> predictions.put(e.accountId(), new Prediction(e.positive(), e.campaignId())));
        predictions.put("c4", new Prediction(false, null));
        predictions.put("e1", new Prediction(true, "1"));
        DetectionScore score = DetectionScore.of(truth(), predictions);

        List<String> shortfalls = QualityBar.ISSUE_4.shortfalls(score.counts(), score.campaigns(), score.legitKinds());

        assertEquals(List.of("precision 0.8333 < 0.95", "recall 0.8333 < 0.95", "FPR 25.0000% > 0.20%",
                "campaign 1 (campaign_naive_farm) recall 0.7500 < 0.90", "FPR of legit_enterprise 50.00% > 1%"), shortfalls);
    }

    @Test
    void perfectPredictionPassesTheBar() {
        Map<String, Prediction> predictions = new LinkedHashMap<>();
        truth().accounts().values().forEach(e -> predictions.put(e.accountId(), new Prediction(e.positive(), e.campaignId())));
        DetectionScore score = DetectionScore.of(truth(), predictions);
        assertTrue(QualityBar.ISSUE_4.shortfalls(score.counts(), score.campaigns(), score.legitKinds()).isEmpty());
        assertEquals(1.0, score.adjustedRandIndex(), 1e-12);
    }

    @Test
    void naiveRuleFlagsSharedIpsSharedCardsAndTopVolume(@TempDir Path dir) throws Exception {
        try (CaseFile caseFile = CaseFile.open(dir.resolve("case.quarry"))) {
            SmallCase.populate(caseFile, dir);
            // formula and plus accounts share IP 10.0.0.1; they and the no-events account share card-shared;
            // the formula account has the most events (top 1% of 3 accounts rounds up to one account)
            assertEquals(Set.of(SmallCase.FORMULA_ACCOUNT, SmallCase.PLUS_ACCOUNT, SmallCase.NO_EVENTS_ACCOUNT),
                    NaiveRule.flagged(caseFile));
        }
    }

    @Test
    void readsTruthAndExportedFlagsFromFiles(@TempDir Path dir) throws Exception {
        Path truthFile = dir.resolve("truth.csv");
        Files.writeString(truthFile, "account_id,label,campaign_id\nc1,campaign_naive_farm,1\nh1,legit_hobbyist,\n");
        Files.writeString(dir.resolve("accounts.csv"), "account_id,risk_score,flagged,campaign_id,reasons\r\n"
                + "c1,0.9,true,3,shares card\r\n'=h1,0.1,false,,\r\n");
        GroundTruth truth = GroundTruth.read(truthFile);
        Map<String, Prediction> predictions = ExportedPredictions.read(dir);
        assertEquals(new GroundTruth.Entry("h1", "legit_hobbyist", null), truth.accounts().get("h1"));
        assertEquals(new Prediction(true, "3"), predictions.get("c1"));
        assertEquals(new Prediction(false, null), predictions.get("=h1"));
    }
}
