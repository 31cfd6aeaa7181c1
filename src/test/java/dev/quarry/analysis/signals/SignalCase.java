package dev.quarry.analysis.signals;

import dev.quarry.analysis.CaseFixture;
import dev.quarry.analysis.features.BehaviourFeature;
import dev.quarry.analysis.features.BehaviourFeatures;
import dev.quarry.analysis.scan.CaseData;
import dev.quarry.analysis.scan.EventScan;
import dev.quarry.model.ProgressListener;

import java.util.HashSet;
import java.util.Set;

/** A hand-built case read back the way the engine reads it, with what signals need. */
final class SignalCase {
    final CaseData data;
    final BehaviourSimilarity similarity;

    SignalCase(CaseFixture fixture) throws Exception {
        data = EventScan.read(fixture.done(), ProgressListener.NONE);
        boolean[] usable = new boolean[BehaviourFeature.count()];
        similarity = new BehaviourSimilarity(BehaviourFeatures.standardized(BehaviourFeatures.compute(data), usable));
    }

    int account(String id) {
        for (int i = 0; i < data.size(); i++) {
            if (data.accountId(i).equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException(id);
    }

    /** Account ids touched by links of at least the given weight, as "a-b" pairs. */
    Set<String> pairs(Links links, double minWeight) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < links.size(); i++) {
            if (links.weight(i) >= minWeight) {
                out.add(data.accountId(links.first(i)) + "-" + data.accountId(links.second(i)));
            }
        }
        return out;
    }

    boolean touches(Links links, String prefix, double minWeight) {
        return pairs(links, minWeight).stream().anyMatch(p -> p.startsWith(prefix) || p.contains("-" + prefix));
    }
}
