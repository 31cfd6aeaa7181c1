package dev.quarry.analysis.signals;

import dev.quarry.analysis.rules.DetectionRules;
import java.util.Arrays;

/**
 * A group whose members mostly draw long answers: harvesting a model's outputs (reasoning traces,
 * full solutions) is what distillation is for, and it shows in completion tokens even when prompt
 * text is redacted. An account draws long answers when its mean completion length is in the top
 * {@code rules.harvest.longAnswerTopShare} of all accounts; a group harvests when more than {@code
 * groupShare} of its members do — five times the rate
 * chance gives. Heavy legitimate users draw long answers too, one by one; this is group evidence.
 */
public final class OutputHarvestSignal {
    private OutputHarvestSignal() {
    }

    /** The mean completion length above which an account is in the top tenth, or NaN when unknown. */
    public static double threshold(double[] meanCompletionTokens, DetectionRules.HarvestRules rules) {
        return quantile(meanCompletionTokens, 1 - rules.longAnswerTopShare());
    }

    /**
     * The median account's mean completion length: a member of a harvesting group takes part when
     * it draws longer answers than that (the group's long tail is a group trait, not a per-member test).
     */
    public static double median(double[] meanCompletionTokens) {
        return quantile(meanCompletionTokens, 0.5);
    }

    private static double quantile(double[] values, double q) {
        double[] known = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (known.length < 10) {
            return Double.NaN;
        }
        return known[(int) Math.floor(q * (known.length - 1))];
    }

    /**
     * The fraction of members drawing long answers when it is a majority and unlikely by chance (the
     * binomial upper tail of the count at the top tenth's rate at most {@code significance}), else 0:
     * among thousands of groups of five, some have three long-answer members by chance.
     */
    public static double strength(double[] meanCompletionTokens, int[] members, double threshold, double significance,
                                  DetectionRules.HarvestRules rules) {
        if (Double.isNaN(threshold)) {
            return 0;
        }
        int harvesting = 0;
        for (int v : members) {
            if (meanCompletionTokens[v] > threshold) {
                harvesting++;
            }
        }
        double share = harvesting / (double) members.length;
        return share > rules.groupShare()
                && ModelPivotSignal.binomialUpperTail(members.length, harvesting, rules.longAnswerTopShare()) <= significance
                ? share : 0;
    }
}
