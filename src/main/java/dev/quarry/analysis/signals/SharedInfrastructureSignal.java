package dev.quarry.analysis.signals;

import dev.quarry.analysis.rules.DetectionRules;
import dev.quarry.analysis.scan.AttributeKind;
import dev.quarry.analysis.scan.CaseData;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Accounts that share IPs, /24 and /48 prefixes and ASNs (from the events), or payment
 * fingerprints, card BINs, signup IPs and email shapes (from the accounts table). A shared value
 * weighs the kind's base weight ({@link AttributeKind#linkWeight}: a card is personal, an ASN is
 * shared by a whole cloud) times its rarity {@code ln(N/m) / ln(N)}, for a value held by m of the N
 * accounts that have the attribute at all; a pair is then weighed by how dependent the two accounts
 * otherwise look (see {@link SharedValues}), so a campus NAT shared by people with their own habits
 * stays weak while a farm running one script from the same addresses does not.
 */
public final class SharedInfrastructureSignal {

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

    /** The shared values of the billing family and of the network family (user agents are client evidence). */
    public static Map<Evidence, SharedValues> values(CaseData data, Map<AttributeKind, Holders> holders,
                                                   DetectionRules.SharedValueRules rules) {
        SharedValues infrastructure = new SharedValues(Evidence.INFRASTRUCTURE, false);
        SharedValues billing = new SharedValues(Evidence.BILLING, false);
        for (Holders index : holders.values()) {
            AttributeKind kind = index.kind();
            if (kind.linkWeight() <= 0 || kind.family() == AttributeKind.Family.CLIENT) {
                continue;
            }
            SharedValues target = kind.family() == AttributeKind.Family.BILLING ? billing : infrastructure;
            addValues(target, index, rules);
        }
        Map<Evidence, SharedValues> out = new EnumMap<>(Evidence.class);
        out.put(Evidence.INFRASTRUCTURE, infrastructure.seal(data.size()));
        out.put(Evidence.BILLING, billing.seal(data.size()));
        return out;
    }

    /** Adds every value of one kind held by at least two and at most {@link SharedValues#maxHolders} accounts. */
    static void addValues(SharedValues target, Holders index, DetectionRules.SharedValueRules rules) {
        AttributeKind kind = index.kind();
        int maxHolders = SharedValues.maxHolders(index.accountsWithKind(), rules);
        for (int value = 0; value < index.byValue().size(); value++) {
            int[] members = index.byValue().get(value);
            if (members.length >= 2 && members.length <= maxHolders) {
                target.add(kind, value, members, null, kind.linkWeight() * index.rarity(members.length));
            }
        }
    }
}
