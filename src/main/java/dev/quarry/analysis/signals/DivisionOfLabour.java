package dev.quarry.analysis.signals;

import dev.quarry.analysis.primitives.BottomSketch;
import dev.quarry.analysis.scan.CaseData;

import java.util.HashMap;
import java.util.Map;

/**
 * Whether a group's members ask the same items or items of their own. A cohort running one public
 * benchmark, pasting one viral prompt or doing one assignment asks the same items again and again;
 * a farm splits its worklist between its accounts, so across the group the items are disjoint and
 * only together do they sweep the space. Measured on each account's sketch of item hashes (the
 * smallest hashes of the items it asked): two accounts asking the same set keep the same smallest
 * hashes, accounts asking items of their own share none.
 */
public final class DivisionOfLabour {
    /** Items an account must have asked for its sketch to say anything. */
    public static final int MIN_ITEMS = 8;

    private DivisionOfLabour() {
    }

    /**
     * The share of the members' sketched items that another member asked too, over the members with
     * at least {@link #MIN_ITEMS} sketched items, or NaN when fewer than half of the members have.
     */
    public static double sharedItemShare(CaseData data, int[] members) {
        Map<Long, Integer> holders = new HashMap<>();
        int known = 0;
        for (int v : members) {
            BottomSketch items = data.activity(v).items();
            if (items.size() < MIN_ITEMS) {
                continue;
            }
            known++;
            for (long item : items.values()) {
                holders.merge(item, 1, Integer::sum);
            }
        }
        if (known == 0 || 2 * known < members.length) {
            return Double.NaN;
        }
        int entries = 0;
        int shared = 0;
        for (int count : holders.values()) {
            entries += count;
            shared += count > 1 ? count : 0;
        }
        return shared / (double) entries;
    }
}
