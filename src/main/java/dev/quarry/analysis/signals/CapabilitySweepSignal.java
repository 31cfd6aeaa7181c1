package dev.quarry.analysis.signals;

import dev.quarry.analysis.rules.DetectionRules;
import dev.quarry.analysis.scan.AccountActivity;
import dev.quarry.analysis.scan.CaseData;

/**
 * How systematically accounts cover the range of tasks a model can do. Every prompt is sorted into a
 * category of the task taxonomy ({@code TaskTaxonomy}: code, math, translation, law, ...); an
 * account's breadth is the evenness of its use of the categories (normalised entropy over all of
 * them), known once it has {@code rules.sweep.minPrompts} categorised prompts. People ask about a few
 * favourite things; a harvesting script walks the taxonomy, so its breadth is high.
 * <p>
 * For a group: it sweeps when most members sweep on their own (breadth at least
 * {@code sweepingBreadth}). It takes complementary slices when members are narrow on their own
 * but the group together covers the taxonomy evenly and differently from the case at large
 * (total-variation distance from the case's own task mix of at least {@code minDistance}): a crowd
 * of unrelated people is narrow one by one and broad together too, but then its mix is the case's
 * mix. A lone benchmark runner covering many topics is one account and never a group; a lab's
 * benchmark sweep is one organisation, which the assembly weighs elsewhere.
 */
public final class CapabilitySweepSignal {
    private CapabilitySweepSignal() {
    }

    /**
     * @param categories      task categories the group covers (with at least 1% of its prompts)
     * @param groupBreadth    evenness of the group's task mix, each member weighing the same
     * @param memberBreadth   mean breadth of the members with a known breadth
     * @param sweepingShare   share of members that sweep on their own
     * @param distance        total-variation distance of the group's mix from the case's
     * @param complementary   members narrow, group broad and unlike the case
     * @param strength        strength in [0,1] for campaign scoring: the sweeping share when most
     *                        members sweep, else the rules' strength of complementary slices, else 0
     */
    public record Sweep(int categories, double groupBreadth, double memberBreadth, double sweepingShare,
                        double distance, boolean complementary, double strength) {
    }

    /** The task mix of every account with enough categorised prompts (null rows otherwise). */
    public static double[][] mixes(CaseData data, DetectionRules.SweepRules rules) {
        int k = data.taxonomy().size();
        double[][] mixes = new double[data.size()][];
        for (int account = 0; account < data.size(); account++) {
            AccountActivity a = data.activity(account);
            int total = 0;
            for (int c = 0; c < k; c++) {
                total += a.tasks(c);
            }
            if (total < rules.minPrompts()) {
                continue;
            }
            double[] mix = new double[k];
            for (int c = 0; c < k; c++) {
                mix[c] = a.tasks(c) / (double) total;
            }
            mixes[account] = mix;
        }
        return mixes;
    }

    /** Normalised entropy of a task mix: 0 for one category, 1 for all of them equally. */
    public static double breadth(double[] mix) {
        if (mix == null) {
            return Double.NaN;
        }
        double entropy = 0;
        for (double p : mix) {
            if (p > 0) {
                entropy -= p * Math.log(p);
            }
        }
        return mix.length < 2 ? 0 : entropy / Math.log(mix.length);
    }

    /** The case's own task mix: the mean of the accounts' mixes. */
    public static double[] caseMix(double[][] mixes) {
        return mean(mixes, null);
    }

    public static Sweep of(double[][] mixes, double[] caseMix, int[] members, DetectionRules.SweepRules rules) {
        int known = 0;
        int sweeping = 0;
        double breadthSum = 0;
        for (int v : members) {
            if (mixes[v] == null) {
                continue;
            }
            known++;
            double b = breadth(mixes[v]);
            breadthSum += b;
            if (b >= rules.sweepingBreadth()) {
                sweeping++;
            }
        }
        if (known == 0 || caseMix == null) {
            return new Sweep(0, 0, 0, 0, 0, false, 0);
        }
        double[] group = mean(mixes, members);
        int categories = 0;
        double distance = 0;
        for (int c = 0; c < group.length; c++) {
            if (group[c] >= 0.01) {
                categories++;
            }
            distance += Math.abs(group[c] - caseMix[c]) / 2;
        }
        double groupBreadth = breadth(group);
        double memberBreadth = breadthSum / known;
        boolean complementary = known >= rules.minSliceMembers() && memberBreadth <= rules.narrowMembers()
                && groupBreadth >= rules.broadGroup() && distance >= rules.minDistance();
        double sweepingShare = sweeping / (double) members.length;
        double strength = sweepingShare > rules.sweepingGroupShare() ? sweepingShare
                : complementary ? rules.complementaryStrength() : 0;
        return new Sweep(categories, groupBreadth, memberBreadth, sweepingShare, distance, complementary, strength);
    }

    /** Whether one account sweeps the taxonomy on its own. */
    public static boolean sweeps(double[][] mixes, int account, DetectionRules.SweepRules rules) {
        return mixes[account] != null && breadth(mixes[account]) >= rules.sweepingBreadth();
    }

    private static double[] mean(double[][] mixes, int[] members) {
        double[] sum = null;
        int count = 0;
        int size = members == null ? mixes.length : members.length;
        for (int i = 0; i < size; i++) {
            double[] mix = mixes[members == null ? i : members[i]];
            if (mix == null) {
                continue;
            }
            if (sum == null) {
                sum = new double[mix.length];
            }
            for (int c = 0; c < mix.length; c++) {
                sum[c] += mix[c];
            }
            count++;
        }
        if (sum != null) {
            for (int c = 0; c < sum.length; c++) {
                sum[c] /= count;
            }
        }
        return sum;
    }
}
