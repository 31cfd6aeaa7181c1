package dev.quarry.analysis;

import java.util.List;
import java.util.Map;

/**
 * What a run concluded about one account.
 *
 * @param riskScore  in [0,1]: the account's own anomaly combined with its campaign's evidence
 * @param campaignId the campaign the account was assigned to, or null
 * @param anomalyScore the IsolationForest score on the account's standardized features
 * @param cluster    behaviour cluster id (-1 for noise / none)
 * @param mapX       2-D embedding for the account map
 * @param reasons    sentences with numbers an investigator can read out loud, strongest first
 * @param features   the behaviour features the run computed for the account, by feature name
 */
public record AccountVerdict(String accountId, double riskScore, boolean flagged, Integer campaignId,
                             double anomalyScore, int cluster, double mapX, double mapY, List<String> reasons,
                             Map<String, Double> features) {
}
