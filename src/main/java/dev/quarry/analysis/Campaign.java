package dev.quarry.analysis;

import dev.quarry.analysis.signals.Evidence;

import java.util.List;

/**
 * A group of accounts the engine believes act together.
 *
 * @param label   a short description for lists, e.g. "shared cards and datacenter IPs, round-the-clock load"
 * @param score   in [0,1]: strength of the group's combined evidence
 * @param signals the established evidence that links its members, strongest first
 * @param reasons sentences with numbers, strongest first
 */
public record Campaign(int campaignId, String label, double score, int size, List<Evidence> signals, List<String> reasons) {

    /** The signals' names (e.g. "shared_billing", "synchronized"), as stored with a run and exported. */
    public List<String> signalNames() {
        return signals.stream().map(Evidence::signal).toList();
    }

    /** The evidence named as a stored run or an export names it. */
    public static List<Evidence> signalsNamed(List<String> names) {
        return names.stream().map(Evidence::ofSignal).toList();
    }
}
