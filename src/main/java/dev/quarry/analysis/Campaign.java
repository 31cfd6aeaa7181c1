package dev.quarry.analysis;

import java.util.List;

/**
 * A group of accounts the engine believes act together.
 *
 * @param label   a short description for lists, e.g. "shared cards and datacenter IPs, round-the-clock load"
 * @param score   in [0,1]: strength of the group's combined evidence
 * @param signals names of the signals that link its members (e.g. "shared_payment", "synchronized")
 * @param reasons sentences with numbers, strongest first
 */
public record Campaign(int campaignId, String label, double score, int size, List<String> signals, List<String> reasons) {
}
