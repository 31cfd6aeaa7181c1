package dev.quarry.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The detection quality bar of issue 4. The per-kind limit is applied to every kind of legitimate
 * account, ordinary ones included (stricter than the issue, which names only hard negatives).
 */
public record QualityBar(double minPrecision, double minRecall, double minCampaignRecall, double maxFalsePositiveRate,
                         double maxKindFalsePositiveRate) {

    public static final QualityBar ISSUE_4 = new QualityBar(0.95, 0.95, 0.90, 0.002, 0.01);
    /** Issue 9's bar, applied to the cohort and outside suites: stricter on precision, recall and each campaign. */
    public static final QualityBar ISSUE_9 = new QualityBar(0.97, 0.97, 0.95, 0.002, 0.01);

    /** What falls short of the bar; empty when the score passes. NaN (nothing to measure) never fails. */
    public List<String> shortfalls(FlagCounts counts, List<DetectionScore.CampaignRecall> campaigns,
                                   List<DetectionScore.KindRate> kinds) {
        List<String> shortfalls = new ArrayList<>();
        if (counts.precision() < minPrecision || (Double.isNaN(counts.precision()) && counts.falseNegatives() > 0)) {
            shortfalls.add(String.format(Locale.ROOT, "precision %.4f < %.2f", counts.precision(), minPrecision));
        }
        if (counts.recall() < minRecall) {
            shortfalls.add(String.format(Locale.ROOT, "recall %.4f < %.2f", counts.recall(), minRecall));
        }
        if (counts.falsePositiveRate() > maxFalsePositiveRate) {
            shortfalls.add(String.format(Locale.ROOT, "FPR %.4f%% > %.2f%%", 100 * counts.falsePositiveRate(),
                    100 * maxFalsePositiveRate));
        }
        for (DetectionScore.CampaignRecall campaign : campaigns) {
            if (campaign.recall() < minCampaignRecall) {
                shortfalls.add(String.format(Locale.ROOT, "campaign %s (%s) recall %.4f < %.2f", campaign.campaignId(),
                        campaign.label(), campaign.recall(), minCampaignRecall));
            }
        }
        for (DetectionScore.KindRate kind : kinds) {
            if (kind.rate() > maxKindFalsePositiveRate) {
                shortfalls.add(String.format(Locale.ROOT, "FPR of %s %.2f%% > %.0f%%", kind.kind(), 100 * kind.rate(),
                        100 * maxKindFalsePositiveRate));
            }
        }
        return shortfalls;
    }
}
