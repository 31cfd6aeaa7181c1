package dev.quarry.analysis.campaign;

import dev.quarry.analysis.signals.Evidence;

import java.util.List;

/**
 * A campaign as assembly found it.
 *
 * @param label    the descriptions of its three strongest bodies of evidence
 * @param score    in [0,1]: strength of the group's combined evidence
 * @param size     members flagged in it
 * @param evidence the bodies of evidence established for the group, strongest first
 * @param reasons  sentences with numbers, strongest first
 */
public record CampaignFinding(int campaignId, String label, double score, int size, List<Evidence> evidence,
                              List<String> reasons) {
}
