package dev.quarry.analysis.campaign;

import dev.quarry.analysis.rules.DetectionRules;

/**
 * The run's parameters that campaign assembly needs.
 *
 * @param seed            seeds the community detection and its splits
 * @param syncWindowMinutes width of the windows in which co-activity was counted
 * @param minCampaignSize smallest group reported as a campaign
 * @param flagThreshold   score at or above which a group is a campaign and an account is flagged
 * @param rules           the thresholds the signals and the judgement apply
 */
public record AssemblySettings(long seed, int syncWindowMinutes, int minCampaignSize, double flagThreshold,
                               DetectionRules rules) {
}
