package dev.quarry.analysis;

import java.util.Arrays;

/**
 * The level of detail of a campaign's graph (decision 0020): values of one kind (IP addresses,
 * network prefixes, user agents, ...) that the same members rotate among become one pool. Two values
 * of a kind are in the same pool when a member holds both, directly or through other members and
 * values of that kind (a connected component of the member × value graph of the kind); a component
 * with at least {@code minValues} values is a pool, a smaller one stays value by value (five shared
 * cards are five nodes, a farm's 480 rotating proxy addresses are one).
 */
public final class AttributePools {
    private final int[] poolOfValue;
    private final int[] valuesInPool;
    private final int pools;

    private AttributePools(int[] poolOfValue, int[] valuesInPool, int pools) {
        this.poolOfValue = poolOfValue;
        this.valuesInPool = valuesInPool;
        this.pools = pools;
    }

    /**
     * @param kindOfValue the kind (0 .. kinds-1) of each value 0 .. values-1
     * @param rowMember   per member × value edge: its member (0 .. members-1)
     * @param rowValue    per edge: its value
     * @param minValues   the fewest values a component needs to be shown as a pool
     */
    public static AttributePools of(int members, int[] kindOfValue, int[] rowMember, int[] rowValue, int minValues) {
        int values = kindOfValue.length;
        int kinds = 0;
        for (int kind : kindOfValue) {
            kinds = Math.max(kinds, kind + 1);
        }
        int[] parent = new int[values];
        for (int v = 0; v < values; v++) {
            parent[v] = v;
        }
        // a member joins every value of a kind it holds to the first one of that kind it was seen holding
        int[] firstValue = new int[Math.multiplyExact(members, Math.max(1, kinds))];
        Arrays.fill(firstValue, -1);
        for (int row = 0; row < rowMember.length; row++) {
            int value = rowValue[row];
            int slot = rowMember[row] * kinds + kindOfValue[value];
            if (firstValue[slot] < 0) {
                firstValue[slot] = value;
            } else {
                union(parent, firstValue[slot], value);
            }
        }
        int[] componentSize = new int[values];
        for (int v = 0; v < values; v++) {
            componentSize[root(parent, v)]++;
        }
        // pools numbered in the order of their first value, so a graph read twice numbers them alike
        int[] poolOfRoot = new int[values];
        Arrays.fill(poolOfRoot, -1);
        int[] poolOfValue = new int[values];
        int[] valuesInPool = new int[values];
        int pools = 0;
        for (int v = 0; v < values; v++) {
            int root = root(parent, v);
            if (componentSize[root] < minValues) {
                poolOfValue[v] = -1;
                continue;
            }
            if (poolOfRoot[root] < 0) {
                poolOfRoot[root] = pools;
                valuesInPool[pools] = componentSize[root];
                pools++;
            }
            poolOfValue[v] = poolOfRoot[root];
        }
        return new AttributePools(poolOfValue, Arrays.copyOf(valuesInPool, pools), pools);
    }

    private static int root(int[] parent, int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = root(parent, a);
        int rb = root(parent, b);
        if (ra != rb) {
            // the smaller index stays the root: deterministic whatever the order of the rows
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    /** The pool a value is shown in, -1 when it is shown as its own node. */
    public int poolOf(int value) {
        return poolOfValue[value];
    }

    public int pools() {
        return pools;
    }

    public int values(int pool) {
        return valuesInPool[pool];
    }
}
