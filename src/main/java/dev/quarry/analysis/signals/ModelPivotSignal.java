package dev.quarry.analysis.signals;

import dev.quarry.analysis.rules.DetectionRules;
import dev.quarry.analysis.scan.AccountActivity;
import dev.quarry.analysis.scan.CaseData;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A group that moves to a newly released model within a day. A model counts as newly released
 * when it first appears in the extract after its first tenth (so models in use from the start are
 * not "new"); an account adopts it quickly when it sends a request to it within {@code
 * rules.pivot.adoptionWindowSeconds} (a day) of the model's first appearance. A group pivots when more
 * than {@code groupShare} of its members adopt quickly and that is at least {@code minLiftOverBase}
 * times the rate among the accounts that had the chance (made any request in that window: an account that was not using the API that day could not adopt, and busy accounts adopt
 * more often simply because they are there) — early adopters exist among legitimate users, a whole
 * group switching at once does not happen by chance. Small groups
 * reach a majority by chance often enough when thousands of groups are tested, so the count of
 * quick adopters must also be unlikely under the base rate: its binomial upper tail at most the
 * significance the caller allows (Bonferroni over the groups it tests).
 */
public final class ModelPivotSignal {
    static final long DAY_SECONDS = 86_400L;

    private ModelPivotSignal() {
    }

    /** A newly released model and which accounts adopted it within a day. */
    public record Release(int model, long firstSeen, boolean[] quickAdopter, double baseRate) {
    }

    public static List<Release> releases(CaseData data, DetectionRules.PivotRules rules) {
        int models = data.models().size();
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        long[] firstSeen = new long[models];
        Arrays.fill(firstSeen, Long.MAX_VALUE);
        for (int account = 0; account < data.size(); account++) {
            AccountActivity a = data.activity(account);
            if (a.events() == 0) {
                continue;
            }
            start = Math.min(start, a.time(0));
            end = Math.max(end, a.time(a.events() - 1));
            for (int i = 0; i < a.events(); i++) {
                int m = a.model(i);
                if (m >= 0 && a.time(i) < firstSeen[m]) {
                    firstSeen[m] = a.time(i);
                }
            }
        }
        List<Release> releases = new ArrayList<>();
        if (start == Long.MAX_VALUE || end - start < 2 * DAY_SECONDS) {
            return releases;
        }
        long threshold = start + (end - start) / 10;
        for (int m = 0; m < models; m++) {
            if (firstSeen[m] == Long.MAX_VALUE || firstSeen[m] <= threshold) {
                continue;
            }
            boolean[] quick = new boolean[data.size()];
            int hadTheChance = 0;
            int quickCount = 0;
            for (int account = 0; account < data.size(); account++) {
                AccountActivity a = data.activity(account);
                boolean activeThatDay = false;
                for (int i = 0; i < a.events(); i++) {
                    long since = a.time(i) - firstSeen[m];
                    if (since >= 0 && since <= rules.adoptionWindowSeconds()) {
                        activeThatDay = true;
                        if (a.model(i) == m) {
                            quick[account] = true;
                            break;
                        }
                    }
                }
                if (activeThatDay) {
                    hadTheChance++;
                    quickCount += quick[account] ? 1 : 0;
                }
            }
            releases.add(new Release(m, firstSeen[m], quick, hadTheChance == 0 ? 0 : quickCount / (double) hadTheChance));
        }
        return releases;
    }

    /**
     * The strongest pivot of a group: {fraction of members adopting quickly, release index}, or null.
     *
     * @param significance largest chance, under each release's base rate, of the group's count of
     *                     quick adopters that still counts as a pivot
     */
    public static double[] pivot(List<Release> releases, int[] members, double significance,
                                 DetectionRules.PivotRules rules) {
        double[] best = null;
        for (int r = 0; r < releases.size(); r++) {
            Release release = releases.get(r);
            int quick = 0;
            for (int account : members) {
                if (release.quickAdopter()[account]) {
                    quick++;
                }
            }
            double share = quick / (double) members.length;
            if (share > rules.groupShare() && share >= rules.minLiftOverBase() * release.baseRate() && (best == null || share > best[0])
                    && binomialUpperTail(members.length, quick, release.baseRate()) <= significance) {
                best = new double[] {share, r};
            }
        }
        return best;
    }

    /** P(X >= k) for X ~ Binomial(n, p), summed in log space so large groups do not underflow. */
    static double binomialUpperTail(int n, int k, double p) {
        if (k <= 0) {
            return 1;
        }
        if (p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return 1;
        }
        double tail = 0;
        double logChoose = 0; // ln C(n, i), built up from i = 0
        for (int i = 0; i <= n; i++) {
            if (i > 0) {
                logChoose += Math.log(n - i + 1) - Math.log(i);
            }
            if (i >= k) {
                tail += Math.exp(logChoose + i * Math.log(p) + (n - i) * Math.log1p(-p));
            }
        }
        return Math.min(1, tail);
    }
}
