package dev.quarry.analysis.signals;

import dev.quarry.analysis.primitives.IntCounter;
import dev.quarry.analysis.rules.DetectionRules;
import dev.quarry.analysis.scan.AccountActivity;
import dev.quarry.analysis.scan.AttributeKind;
import dev.quarry.analysis.scan.CaseData;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accounts that run the same uncommon client: a rare user agent, or the same uncommon request
 * parameters (max_tokens and temperature) on every request. A script sets them once; people and SDK
 * defaults spread over a few popular values. User agents are weighed as in
 * {@link SharedInfrastructureSignal} (base weight times rarity).
 * An account has a fingerprint when one parameter combination covers at least {@code
 * rules.client.minShare} of at least {@code minRequests} requests; a fingerprint held by m of the W
 * organisations that could have one (accounts with that many requests, with parameters; see {@link
 * Organisations}) weighs {@code baseWeight x ln(W/m) / ln(min(W, fullRarityOdds))} (capped at 1), and
 * combinations held by more than {@code rules.sharedValues.maxHolderShare} of them (SDK defaults) are
 * no evidence. Counting organisations rather than accounts keeps one company's many accounts from
 * making its own gateway settings look common, and a setting that many companies chose (a
 * framework's default) from looking rare because each has few accounts.
 * <p>
 * Rarity is {@code ln(W/m)}, the surprise of an account holding this combination by chance, on a
 * fixed scale: full weight at odds of one in {@code fullRarityOdds}. Dividing by {@code ln(W)} instead
 * made the same combination weaker the larger the extract, so a farm of several hundred in a case of
 * tens of thousands fell below a strong tie although sharing an uncommon combination by chance is no
 * likelier there. Below that many fingerprinted accounts the scale stays {@code ln(W)}: a fixed scale
 * there would make a small extract's farm weaker, not stronger.
 */
public final class ClientFingerprintSignal {

    private ClientFingerprintSignal() {
    }

    /** The account's dominant parameter combination, or -1 when it has none. */
    public static int fingerprint(AccountActivity a, DetectionRules.ClientRules rules) {
        IntCounter parameters = a.attribute(AttributeKind.PARAMETERS);
        int top = parameters.mostFrequent();
        if (top < 0 || a.events() < rules.minRequests()
                || parameters.count(top) < rules.minShare() * parameters.total()) {
            return -1;
        }
        return top;
    }

    public static SharedValues values(CaseData data, Map<AttributeKind, SharedInfrastructureSignal.Holders> holders,
                                      DetectionRules rules) {
        DetectionRules.ClientRules client = rules.client();
        Organisations organisations = Organisations.of(data);
        Map<Integer, List<Integer>> byFingerprint = new TreeMap<>();
        Organisations.Tally eligibleOrganisations = organisations.tally();
        for (int account = 0; account < data.size(); account++) {
            AccountActivity a = data.activity(account);
            if (a.events() >= client.minRequests() && a.attribute(AttributeKind.PARAMETERS).total() > 0) {
                eligibleOrganisations.add(account);
            }
            int fingerprint = fingerprint(a, client);
            if (fingerprint >= 0) {
                byFingerprint.computeIfAbsent(fingerprint, f -> new ArrayList<>()).add(account);
            }
        }
        SharedValues values = new SharedValues(Evidence.CLIENT, false);
        SharedInfrastructureSignal.Holders agents = holders.get(AttributeKind.USER_AGENT);
        if (agents != null) {
            SharedInfrastructureSignal.addValues(values, agents, rules.sharedValues());
        }
        int eligible = eligibleOrganisations.count();
        int maxHolders = SharedValues.maxHolders(eligible, rules.sharedValues());
        for (Map.Entry<Integer, List<Integer>> e : byFingerprint.entrySet()) {
            int[] members = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            int holding = organisations.count(members);
            if (members.length < 2 || holding > maxHolders) {
                continue;
            }
            double rarity = Math.min(1, Math.log(eligible / (double) holding)
                    / Math.log(Math.min(eligible, client.fullRarityOdds())));
            values.add(AttributeKind.PARAMETERS, e.getKey(), members, null, client.baseWeight() * rarity);
        }
        return values.seal(data.size());
    }
}
