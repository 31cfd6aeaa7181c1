package dev.quarry.ui.workbench;

import java.util.List;

/**
 * One line of the accounts table: the account's activity in the case and, when the case has been
 * analysed, what the latest run concluded about it (risk is null before any run).
 */
public record AccountRow(String accountId, long events, Long firstTs, Long lastTs, Double riskScore,
                         boolean flagged, Integer campaignId, List<String> reasons) {
}
