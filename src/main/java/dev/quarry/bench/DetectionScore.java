package dev.quarry.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * How well flags and campaign ids match the truth on one dataset.
 *
 * <p>The adjusted Rand index is taken over the true campaign members only: their true campaign
 * against the predicted one, where a member the run put in no campaign counts as a campaign of its
 * own. So splitting, merging and missing members all lower it, and legitimate accounts (scored by
 * the false-positive rates) do not inflate it.
 *
 * @param missing accounts of the truth that the export did not list (each counts as not flagged)
 */
public record DetectionScore(FlagCounts counts, List<CampaignRecall> campaigns, List<KindRate> legitKinds,
                             double adjustedRandIndex, int missing) {

    /** Recall of one true campaign: how many of its members were flagged. */
    public record CampaignRecall(String campaignId, String label, long members, long flagged) {
        public double recall() {
            return members == 0 ? Double.NaN : (double) flagged / members;
        }
    }

    /** The false-positive rate within one kind of legitimate account. */
    public record KindRate(String kind, long accounts, long flagged) {
        public double rate() {
            return accounts == 0 ? Double.NaN : (double) flagged / accounts;
        }

        public KindRate plus(KindRate other) {
            return new KindRate(kind, accounts + other.accounts, flagged + other.flagged);
        }
    }

    public static DetectionScore of(GroundTruth truth, Map<String, Prediction> predictions) {
        int[] missing = {0};
        Predicate<GroundTruth.Entry> flagged = entry -> {
            Prediction prediction = predictions.get(entry.accountId());
            if (prediction == null) {
                missing[0]++;
                return false;
            }
            return prediction.flagged();
        };
        Scoring scoring = score(truth, flagged);
        List<String> trueCampaigns = new ArrayList<>();
        List<String> predictedCampaigns = new ArrayList<>();
        for (GroundTruth.Entry entry : truth.accounts().values()) {
            if (entry.positive()) {
                Prediction prediction = predictions.get(entry.accountId());
                trueCampaigns.add(entry.campaignId());
                predictedCampaigns.add(prediction == null || prediction.campaignId() == null
                        ? "unassigned " + entry.accountId() : prediction.campaignId());
            }
        }
        return new DetectionScore(scoring.counts, scoring.campaigns, scoring.kinds,
                AdjustedRandIndex.of(trueCampaigns, predictedCampaigns), missing[0]);
    }

    /** The same counts for a rule that only flags (no campaign ids), e.g. the naive baseline. */
    public static DetectionScore ofFlags(GroundTruth truth, Set<String> flaggedAccounts) {
        Scoring scoring = score(truth, entry -> flaggedAccounts.contains(entry.accountId()));
        return new DetectionScore(scoring.counts, scoring.campaigns, scoring.kinds, Double.NaN, 0);
    }

    private record Scoring(FlagCounts counts, List<CampaignRecall> campaigns, List<KindRate> kinds) {
    }

    private static Scoring score(GroundTruth truth, Predicate<GroundTruth.Entry> flagged) {
        FlagCounts counts = FlagCounts.ZERO;
        Map<String, CampaignRecall> campaigns = new TreeMap<>();
        Map<String, KindRate> kinds = new TreeMap<>();
        for (GroundTruth.Entry entry : truth.accounts().values()) {
            boolean isFlagged = flagged.test(entry);
            counts = counts.add(entry.positive(), isFlagged);
            if (entry.positive()) {
                campaigns.merge(entry.campaignId(), new CampaignRecall(entry.campaignId(), entry.label(), 1, isFlagged ? 1 : 0),
                        (a, b) -> new CampaignRecall(a.campaignId(), a.label(), a.members() + 1, a.flagged() + b.flagged()));
            } else {
                kinds.merge(entry.label(), new KindRate(entry.label(), 1, isFlagged ? 1 : 0), KindRate::plus);
            }
        }
        return new Scoring(counts, List.copyOf(campaigns.values()), List.copyOf(kinds.values()));
    }
}
