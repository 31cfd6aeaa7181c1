package dev.quarry.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The adjusted Rand index (Hubert and Arabie, 1985) of two partitions of the same items: 1 when they
 * agree exactly, about 0 for agreement no better than chance, negative for worse than chance.
 */
public final class AdjustedRandIndex {

    private AdjustedRandIndex() {
    }

    /** {@code truth.get(i)} and {@code predicted.get(i)} are the cluster labels of item i. */
    public static <A, B> double of(List<A> truth, List<B> predicted) {
        if (truth.size() != predicted.size()) {
            throw new IllegalArgumentException("partitions of different sizes: " + truth.size() + " and " + predicted.size());
        }
        int n = truth.size();
        Map<A, Integer> rows = new HashMap<>();
        Map<B, Integer> columns = new HashMap<>();
        Map<Map.Entry<A, B>, Integer> cells = new HashMap<>();
        for (int i = 0; i < n; i++) {
            rows.merge(truth.get(i), 1, Integer::sum);
            columns.merge(predicted.get(i), 1, Integer::sum);
            cells.merge(Map.entry(truth.get(i), predicted.get(i)), 1, Integer::sum);
        }
        double index = cells.values().stream().mapToDouble(AdjustedRandIndex::pairs).sum();
        double rowPairs = rows.values().stream().mapToDouble(AdjustedRandIndex::pairs).sum();
        double columnPairs = columns.values().stream().mapToDouble(AdjustedRandIndex::pairs).sum();
        double expected = n < 2 ? 0 : rowPairs * columnPairs / pairs(n);
        double max = (rowPairs + columnPairs) / 2;
        if (max == expected) {
            // both partitions all singletons or one block: the index is undefined; identical partitions agree fully
            return rowPairs == columnPairs && index == rowPairs ? 1.0 : 0.0;
        }
        return (index - expected) / (max - expected);
    }

    private static double pairs(int count) {
        return count * (count - 1.0) / 2.0;
    }
}
