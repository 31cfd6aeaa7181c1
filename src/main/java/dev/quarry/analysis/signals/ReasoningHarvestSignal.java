package dev.quarry.analysis.signals;

import dev.quarry.analysis.rules.DetectionRules;

/**
 * A group whose members mostly ask for visible step-by-step reasoning: chain-of-thought is what a
 * distillation campaign harvests. An account asks for reasoning when at least {@code
 * rules.harvest.reasoningAccountShare} of its sampled prompts do (see {@code PromptShape}); a group
 * harvests when more than {@code groupShare} of its members do and that is at least {@code
 * minLiftOverBase} times the rate among all accounts with prompts — some people like step-by-step
 * answers, a whole group asking for them every time does not happen by chance.
 * <p>
 * It reads how members ASK, not what they take out: a benchmark harness's "let's think step by
 * step" and a tutoring app's system prompt ask for reasoning in every request too. So it counts as
 * harvest only for a group with operational linkage (shared billing or network); a group tied by
 * shared artefacts alone must show extraction in what it takes out (long answers, in bulk or across
 * the taxonomy; see {@code GroupJudge.artefactHarvest}).
 */
public final class ReasoningHarvestSignal {
    private ReasoningHarvestSignal() {
    }

    /** Base rate: the share of accounts (with a known reasoning share) that ask for reasoning. */
    public static double baseRate(double[] reasoningShare, DetectionRules.HarvestRules rules) {
        int known = 0;
        int asking = 0;
        for (double share : reasoningShare) {
            if (!Double.isNaN(share)) {
                known++;
                if (share >= rules.reasoningAccountShare()) {
                    asking++;
                }
            }
        }
        return known == 0 ? 0 : asking / (double) known;
    }

    /**
     * The fraction of members asking for reasoning when it is a majority, three times the base rate
     * and unlikely under it (binomial upper tail at most {@code significance}), else 0.
     */
    public static double strength(double[] reasoningShare, int[] members, double baseRate, double significance,
                                  DetectionRules.HarvestRules rules) {
        int asking = 0;
        for (int v : members) {
            if (!Double.isNaN(reasoningShare[v]) && reasoningShare[v] >= rules.reasoningAccountShare()) {
                asking++;
            }
        }
        double share = asking / (double) members.length;
        return share > rules.groupShare() && share >= rules.minLiftOverBase() * baseRate
                && ModelPivotSignal.binomialUpperTail(members.length, asking, baseRate) <= significance ? share : 0;
    }
}
