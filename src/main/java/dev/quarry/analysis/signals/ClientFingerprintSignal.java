package dev.quarry.analysis.signals;

import dev.quarry.analysis.AccountActivity;
import dev.quarry.analysis.AttributeKind;
import dev.quarry.analysis.CaseData;
import dev.quarry.analysis.IntCounter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accounts that send every request with the same, uncommon request parameters (max_tokens and
 * temperature). A script sets them once; people and SDK defaults spread over a few popular values.
 * An account has a fingerprint when one parameter combination covers at least
 * {@link #MIN_SHARE} of at least {@link #MIN_REQUESTS} requests; two accounts of different
 * organisations with the same fingerprint are linked with weight {@code 0.8 x rarity x dependence},
 * rarity {@code ln(W/m) / ln(min(W, 1000))} (capped at 1) over the W accounts that have a fingerprint at all, and combinations held by more than a
 * quarter of them (SDK defaults) are no evidence.
 */
public final class ClientFingerprintSignal {
    static final double MIN_SHARE = 0.9;
    static final int MIN_REQUESTS = 20;
    static final double BASE_WEIGHT = 0.8;
    /**
     * Rarity is {@code ln(W/m)}, the surprise of a fingerprinted account holding this combination
     * by chance, on a fixed scale: full weight at odds of one in this many. Dividing by {@code ln(W)}
     * instead made the same combination weaker the larger the extract, so a farm of several hundred
     * in a case of tens of thousands fell below a strong tie although sharing an uncommon
     * combination by chance is no likelier there. Below that many fingerprinted accounts the scale
     * stays {@code ln(W)}: a fixed scale there would make a small extract's farm weaker, not stronger.
     */
    static final double FULL_RARITY_ODDS = 1000;

    private ClientFingerprintSignal() {
    }

    /** The account's dominant parameter combination, or -1 when it has none. */
    public static int fingerprint(AccountActivity a) {
        IntCounter parameters = a.attribute(AttributeKind.PARAMETERS);
        int top = parameters.mostFrequent();
        if (top < 0 || a.events() < MIN_REQUESTS || parameters.count(top) < MIN_SHARE * parameters.total()) {
            return -1;
        }
        return top;
    }

    public static Links links(CaseData data, BehaviourSimilarity similarity, long seed) {
        Map<Integer, List<Integer>> holders = new HashMap<>();
        int withFingerprint = 0;
        for (int account = 0; account < data.size(); account++) {
            int fingerprint = fingerprint(data.activity(account));
            if (fingerprint >= 0) {
                withFingerprint++;
                holders.computeIfAbsent(fingerprint, f -> new ArrayList<>()).add(account);
            }
        }
        Links links = new Links(Evidence.CLIENT);
        int maxHolders = Math.max(2, (int) (SharedInfrastructureSignal.MAX_HOLDER_SHARE * withFingerprint));
        Integer[] fingerprints = holders.keySet().toArray(new Integer[0]);
        java.util.Arrays.sort(fingerprints);
        for (int fingerprint : fingerprints) {
            int[] members = holders.get(fingerprint).stream().mapToInt(Integer::intValue).toArray();
            if (members.length < 2 || members.length > maxHolders) {
                continue;
            }
            double rarity = Math.min(1, Math.log(withFingerprint / (double) members.length)
                    / Math.log(Math.min(withFingerprint, FULL_RARITY_ODDS)));
            PairSampler.forPairs(members, seed ^ fingerprint, (a, b) -> {
                int org = data.activity(a).mainOrg();
                if (org >= 0 && org == data.activity(b).mainOrg()) {
                    return;
                }
                links.add(a, b, BASE_WEIGHT * rarity * similarity.dependence(a, b), fingerprint);
            });
        }
        return links;
    }
}
