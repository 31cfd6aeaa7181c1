package dev.quarry.bench;

import dev.quarry.bench.DetectBenchmark.DatasetResult;
import dev.quarry.bench.DetectBenchmark.SuiteResult;
import dev.quarry.bench.DetectionScore.CampaignRecall;
import dev.quarry.bench.DetectionScore.KindRate;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetectBenchmarkPoolingTest {

    private static DatasetResult result(DetectDatasets.Dataset dataset, FlagCounts counts, List<CampaignRecall> campaigns,
                                        List<KindRate> kinds, double ari, long lost) {
        DetectionScore quarry = new DetectionScore(counts, campaigns, kinds, ari, 0);
        DetectionScore naive = new DetectionScore(new FlagCounts(1, 1, 1, 1), List.of(), kinds, Double.NaN, 0);
        return new DatasetResult(dataset, 0, 0, 0, 0, 0, quarry, naive, 0, lost, List.of(),
                new FalseCampaigns(List.of(), java.util.Map.of()));
    }

    @Test
    void poolsCountsKindsAndCampaignsAcrossDatasets() {
        List<DetectDatasets.Dataset> datasets = DetectDatasets.of(DetectDatasets.Suite.HELDOUT);
        DatasetResult first = result(datasets.get(0), new FlagCounts(95, 1, 5, 899),
                List.of(new CampaignRecall("1", "campaign_naive_farm", 50, 50), new CampaignRecall("2", "campaign_low_slow", 50, 45)),
                List.of(new KindRate("legit_enterprise", 100, 1), new KindRate("legit_hobbyist", 800, 0)), 0.9, 0);
        DatasetResult second = result(datasets.get(1), new FlagCounts(100, 0, 0, 900),
                List.of(new CampaignRecall("1", "campaign_proxy_farm", 100, 100)),
                List.of(new KindRate("legit_enterprise", 100, 0), new KindRate("legit_hobbyist", 800, 0)), 0.7, 0);

        SuiteResult pooled = DetectBenchmark.pool("held-out", List.of(first, second));

        assertEquals(new FlagCounts(195, 1, 5, 1799), pooled.quarry());
        assertEquals(List.of(new KindRate("legit_enterprise", 200, 1), new KindRate("legit_hobbyist", 1600, 0)),
                pooled.quarryKinds());
        assertEquals(datasets.get(0).name() + "/2", pooled.campaigns().get(1).campaignId());
        assertEquals(0.8, pooled.meanAdjustedRandIndex(), 1e-12);
        assertTrue(pooled.passed(), pooled.shortfalls().toString());
    }

    @Test
    void anAccountLostFromTheExportFailsTheSuite() {
        DetectDatasets.Dataset dataset = DetectDatasets.of(DetectDatasets.Suite.DEV).get(0);
        DatasetResult lossy = result(dataset, new FlagCounts(100, 0, 0, 900),
                List.of(new CampaignRecall("1", "campaign_naive_farm", 100, 100)), List.of(), 1.0, 3);
        SuiteResult pooled = DetectBenchmark.pool("development", List.of(lossy));
        assertFalse(pooled.passed());
        assertEquals(List.of(dataset.name() + ": 3 accounts of the case missing from accounts.csv"), pooled.shortfalls());
    }

    @Test
    void suitesKeepDevelopmentAndHeldOutDatasetsApart() {
        assertTrue(DetectDatasets.of(DetectDatasets.Suite.DEV).stream().noneMatch(DetectDatasets.Dataset::heldOut));
        assertTrue(DetectDatasets.of(DetectDatasets.Suite.HELDOUT).stream().allMatch(DetectDatasets.Dataset::heldOut));
        assertTrue(DetectDatasets.of(DetectDatasets.Suite.HELDOUT).stream().noneMatch(h -> DetectDatasets.of(DetectDatasets.Suite.DEV)
                .stream().anyMatch(d -> d.options().seed() == h.options().seed())), "no seed is shared between the suites");
        assertTrue(DetectDatasets.of(DetectDatasets.Suite.FRESH).stream().noneMatch(f -> DetectDatasets.of(DetectDatasets.Suite.HELDOUT)
                .stream().anyMatch(h -> h.options().seed() == f.options().seed())), "the fresh suite has seeds of its own");
        assertEquals(12, DetectDatasets.of(DetectDatasets.Suite.ALL).size());
    }
}
