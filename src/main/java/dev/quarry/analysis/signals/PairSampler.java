package dev.quarry.analysis.signals;

import dev.quarry.analysis.primitives.Hashing;

import java.util.function.BiConsumer;

/**
 * The pairs to examine inside a group of accounts that share something. Small groups give every
 * pair; a large group gives each member a few seeded-random partners (a ring over a shuffled order
 * plus chords), which keeps the group connected for community detection at O(size) links instead
 * of O(size^2).
 */
final class PairSampler {
    static final int ALL_PAIRS_UP_TO = 16;
    static final int PARTNERS = 6;

    private PairSampler() {
    }

    static void forPairs(int[] members, long seed, BiConsumer<Integer, Integer> pair) {
        int m = members.length;
        if (m < 2) {
            return;
        }
        if (m <= ALL_PAIRS_UP_TO) {
            for (int i = 0; i < m; i++) {
                for (int j = i + 1; j < m; j++) {
                    pair.accept(members[i], members[j]);
                }
            }
            return;
        }
        int[] order = members.clone();
        for (int i = m - 1; i > 0; i--) {
            int j = (int) Long.remainderUnsigned(Hashing.hash(i, seed, 7), i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int i = 0; i < m; i++) {
            for (int step = 1; step <= PARTNERS / 2; step++) {
                pair.accept(order[i], order[(i + step) % m]);
                pair.accept(order[i], order[(i + step * step * 7 + 1) % m]);
            }
        }
    }
}
