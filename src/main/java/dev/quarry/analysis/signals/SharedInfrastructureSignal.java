package dev.quarry.analysis.signals;

import dev.quarry.analysis.AttributeKind;
import dev.quarry.analysis.CaseData;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Accounts linked through values they share: IPs, /24 and /48 prefixes, ASNs and user agents from
 * the events; payment fingerprints, card BINs, signup IPs and email shapes from the accounts table.
 * A link's weight is the kind's base weight times the value's rarity, {@code ln(N/m) / ln(N)} for a
 * value held by m of the N accounts that have the attribute at all, times how dependent the two
 * sharers otherwise look ({@link BehaviourSimilarity}). Accounts of the same organisation are never
 * linked by a shared value: an enterprise shares billing, egress IPs and tooling by design.
 */
public final class SharedInfrastructureSignal {

    /** Values held by more than this share of accounts carry no information about common control (rarity weighting already makes them weak; the cap bounds the work). */
    static final double MAX_HOLDER_SHARE = 0.25;

    private SharedInfrastructureSignal() {
    }

    /** Index of which accounts hold which value of one attribute kind. */
    public record Holders(AttributeKind kind, int accountsWithKind, List<int[]> byValue) {
        public int[] holders(int value) {
            return value < byValue.size() ? byValue.get(value) : new int[0];
        }

        /** ln(N/m)/ln(N): 1 for a value unique to one account, 0 for one everybody has. */
        public double rarity(int holders) {
            if (accountsWithKind < 2 || holders < 1) {
                return 0;
            }
            return Math.max(0, Math.log(accountsWithKind / (double) holders) / Math.log(accountsWithKind));
        }
    }

    public static Map<AttributeKind, Holders> holders(CaseData data) {
        Map<AttributeKind, Holders> out = new EnumMap<>(AttributeKind.class);
        for (AttributeKind kind : AttributeKind.values()) {
            int values = data.vocabulary(kind).size();
            if (values == 0) {
                continue;
            }
            int[] counts = new int[values];
            int withKind = 0;
            for (int account = 0; account < data.size(); account++) {
                int[] held = valuesOf(data, kind, account);
                if (held.length > 0) {
                    withKind++;
                }
                for (int v : held) {
                    counts[v]++;
                }
            }
            List<int[]> byValue = new ArrayList<>(values);
            int[] fill = new int[values];
            for (int v = 0; v < values; v++) {
                byValue.add(new int[counts[v]]);
            }
            for (int account = 0; account < data.size(); account++) {
                for (int v : valuesOf(data, kind, account)) {
                    byValue.get(v)[fill[v]++] = account;
                }
            }
            out.put(kind, new Holders(kind, withKind, byValue));
        }
        return out;
    }

    /** The value ids of one attribute an account holds (event attributes: every value it used). */
    public static int[] valuesOf(CaseData data, AttributeKind kind, int account) {
        if (kind.fromAccountsTable()) {
            int v = data.accountAttribute(kind, account);
            return v < 0 ? new int[0] : new int[] {v};
        }
        return data.activity(account).attribute(kind).keys();
    }

    /**
     * @return links for the infrastructure and billing families; the detail code packs the kind's
     *         ordinal and the shared value id
     */
    public static Map<Evidence, Links> links(CaseData data, Map<AttributeKind, Holders> holders,
                                             BehaviourSimilarity similarity, long seed) {
        Links infrastructure = new Links(Evidence.INFRASTRUCTURE);
        Links billing = new Links(Evidence.BILLING);
        int[] org = new int[data.size()];
        for (int i = 0; i < data.size(); i++) {
            org[i] = data.activity(i).mainOrg();
        }
        for (Holders index : holders.values()) {
            AttributeKind kind = index.kind();
            if (kind.linkWeight() <= 0) {
                continue;
            }
            Links target = kind.family() == AttributeKind.Family.BILLING ? billing : infrastructure;
            int maxHolders = Math.max(2, (int) (MAX_HOLDER_SHARE * index.accountsWithKind()));
            for (int value = 0; value < index.byValue().size(); value++) {
                int[] members = index.byValue().get(value);
                if (members.length < 2 || members.length > maxHolders) {
                    continue;
                }
                double base = kind.linkWeight() * index.rarity(members.length);
                long detail = (long) kind.ordinal() << 32 | value;
                PairSampler.forPairs(members, seed ^ detail, (a, b) -> {
                    if (org[a] >= 0 && org[a] == org[b]) {
                        return;
                    }
                    target.add(a, b, base * similarity.dependence(a, b), detail);
                });
            }
        }
        Map<Evidence, Links> out = new EnumMap<>(Evidence.class);
        out.put(Evidence.INFRASTRUCTURE, infrastructure);
        out.put(Evidence.BILLING, billing);
        return out;
    }
}
