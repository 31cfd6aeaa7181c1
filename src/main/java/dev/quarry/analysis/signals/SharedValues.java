package dev.quarry.analysis.signals;

import dev.quarry.analysis.rules.DetectionRules;
import dev.quarry.analysis.scan.AttributeKind;
import dev.quarry.analysis.scan.CaseData;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The values of one family of evidence that several accounts hold (payment cards, IP addresses,
 * request-parameter fingerprints, prompt templates), each with the weight one shared value carries
 * and, for templates, the share of each holder's prompts it makes up. Two accounts are tied by the
 * values they share, times how dependent they otherwise look ({@link BehaviourSimilarity}), and
 * never through a value both use on behalf of the same organisation: an enterprise shares billing,
 * egress addresses and tooling by design.
 * <p>
 * The index answers two questions: which pairs to link for community detection (large holder sets
 * are sampled, see {@link PairSampler}), and, exactly, whether a member of a candidate group is
 * strongly tied to another member of it.
 */
public final class SharedValues {
    /** Partners examined per value when testing one member's ties within its group (a budget, not a judgement). */
    static final int MAX_PARTNERS = 256;

    private final Evidence family;
    /** Whether a pair's ties through several values add up (templates: shares of prompts) or the strongest counts. */
    private final boolean additive;
    private final List<AttributeKind> kinds = new ArrayList<>();
    private final List<Long> ids = new ArrayList<>();
    private final List<int[]> holders = new ArrayList<>();
    private final List<float[]> shares = new ArrayList<>();
    private final List<Double> weights = new ArrayList<>();
    private int[][] byAccount;

    SharedValues(Evidence family, boolean additive) {
        this.family = family;
        this.additive = additive;
    }

    /**
     * Adds a value held by at least two accounts.
     *
     * @param valueHolders the holders in ascending order
     * @param holderShares per holder, the part of its activity the value covers (null for all of it)
     */
    void add(AttributeKind kind, long id, int[] valueHolders, float[] holderShares, double weight) {
        if (valueHolders.length < 2 || !(weight > 0)) {
            return;
        }
        kinds.add(kind);
        ids.add(id);
        holders.add(valueHolders);
        shares.add(holderShares);
        weights.add(weight);
    }

    /** Indexes values by holder; call once, after the last {@link #add}. */
    SharedValues seal(int accounts) {
        int[] counts = new int[accounts];
        for (int[] h : holders) {
            for (int account : h) {
                counts[account]++;
            }
        }
        byAccount = new int[accounts][];
        for (int account = 0; account < accounts; account++) {
            byAccount[account] = new int[counts[account]];
        }
        int[] fill = new int[accounts];
        for (int value = 0; value < holders.size(); value++) {
            for (int account : holders.get(value)) {
                byAccount[account][fill[account]++] = value;
            }
        }
        return this;
    }

    public Evidence family() {
        return family;
    }

    public int size() {
        return holders.size();
    }

    /** The kind of a value (null for templates and parameter fingerprints, which are no attribute column). */
    public AttributeKind kind(int value) {
        return kinds.get(value);
    }

    /** The value's id in its vocabulary, or its hash for templates. */
    public long id(int value) {
        return ids.get(value);
    }

    public int[] holders(int value) {
        return holders.get(value);
    }

    public double weight(int value) {
        return weights.get(value);
    }

    /** The values an account holds. */
    public int[] valuesOf(int account) {
        return byAccount[account];
    }

    /** The share of the holder's activity that the value covers (1 for attributes). */
    public double share(int value, int holderIndex) {
        float[] s = shares.get(value);
        return s == null ? 1 : s[holderIndex];
    }

    /**
     * Links between holders, for community detection; large holder sets give each holder a few
     * partners. Only links of at least {@code minWeight} are made: a value too common to reach it
     * for the most alike pair (a popular user agent, a carrier's ASN) links nobody, and skipping it
     * keeps a large case's link list small. Where ties add up, a pair's ties are summed first.
     */
    public Links links(CaseData data, BehaviourSimilarity similarity, long seed, double minWeight) {
        int[] org = orgs(data);
        PairWeights pairs = new PairWeights();
        for (int value = 0; value < holders.size(); value++) {
            int[] h = holders.get(value);
            float[] s = shares.get(value);
            double weight = weights.get(value);
            if (!additive && weight < minWeight) {
                continue;
            }
            long detail = kinds.get(value) == null ? ids.get(value) : (long) kinds.get(value).ordinal() << 32 | ids.get(value);
            PairSampler.forPairs(h, seed ^ detail, (a, b) -> {
                if (org[a] >= 0 && org[a] == org[b]) {
                    return;
                }
                double tie = weight * (s == null ? 1 : Math.min(s[indexOf(h, a)], s[indexOf(h, b)]));
                if (additive) {
                    pairs.add(PairWeights.key(a, b), tie);
                } else {
                    pairs.max(PairWeights.key(a, b), tie);
                }
            });
        }
        Links links = new Links(family);
        for (long pair : pairs.sortedKeys()) {
            int a = (int) (pair >>> 32);
            int b = (int) pair;
            double w = Math.min(1, pairs.get(pair)) * similarity.dependence(a, b);
            if (w >= minWeight) {
                links.add(a, b, w, 0);
            }
        }
        return links;
    }

    /**
     * The strongest tie of account {@code v} to another account of its group through this family:
     * the best partner's combined weight (summed over shared values when ties add up, else the
     * strongest value) times how dependent the two look. Exact for groups whose members hold a value
     * {@link #MAX_PARTNERS} times or less, otherwise over that many of them.
     *
     * @param label    group of each account
     * @param org      organisation of each account, -1 when unknown
     * @param scratch  per-account scratch space of this index's callers, all zero on entry and on exit
     */
    public double strongestTie(int v, int[] label, int[] org, BehaviourSimilarity similarity, double[] scratch,
                               IntScratch touched) {
        return strongestTie(v, label[v], label, org, similarity, scratch, touched);
    }

    /** As {@link #strongestTie(int, int[], int[], BehaviourSimilarity, double[], IntScratch)}, to members of another group. */
    public double strongestTie(int v, int group, int[] label, int[] org, BehaviourSimilarity similarity, double[] scratch,
                               IntScratch touched) {
        touched.clear();
        for (int value : byAccount[v]) {
            int[] h = holders.get(value);
            double weight = weights.get(value);
            double own = share(value, indexOf(h, v));
            int examined = 0;
            for (int i = 0; i < h.length && examined < MAX_PARTNERS; i++) {
                int u = h[i];
                if (u == v || label[u] != group || org[u] >= 0 && org[u] == org[v]) {
                    continue;
                }
                examined++;
                double tie = weight * Math.min(own, share(value, i));
                if (scratch[u] == 0) {
                    touched.add(u);
                }
                scratch[u] = additive ? scratch[u] + tie : Math.max(scratch[u], tie);
            }
        }
        double best = 0;
        for (int k = 0; k < touched.size(); k++) {
            int u = touched.get(k);
            double tie = Math.min(1, scratch[u]);
            if (tie > best) { // dependence is at most 1, so weaker ties cannot win
                best = Math.max(best, tie * similarity.dependence(v, u));
            }
            scratch[u] = 0;
        }
        return best;
    }

    /** A reusable list of account indices. */
    public static final class IntScratch {
        private int[] items = new int[64];
        private int size;

        void clear() {
            size = 0;
        }

        void add(int item) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = item;
        }

        int size() {
            return size;
        }

        int get(int index) {
            return items[index];
        }
    }

    /** Position of an account among a value's holders, which are kept in ascending order. */
    private static int indexOf(int[] sortedHolders, int account) {
        return Math.max(0, Arrays.binarySearch(sortedHolders, account));
    }

    static int[] orgs(CaseData data) {
        int[] org = new int[data.size()];
        for (int i = 0; i < data.size(); i++) {
            org[i] = data.activity(i).mainOrg();
        }
        return org;
    }

    /** Holder-set size above which a value of a kind held by {@code accountsWithKind} accounts is too common to count. */
    static int maxHolders(int accountsWithKind, DetectionRules.SharedValueRules rules) {
        return Math.max(2, (int) (rules.maxHolderShare() * accountsWithKind));
    }
}
