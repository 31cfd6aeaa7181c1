package dev.quarry.ui.session;

import dev.quarry.store.CaseWork;

import java.util.List;

/**
 * One account of the open case as the tables show it: its activity, what the shown run concluded
 * (risk is NaN when the run did not score it) and the analyst's current verdict and tags.
 */
public record AccountRow(String accountId, double riskScore, boolean flagged, Integer campaignId, long events,
                         Long firstTs, Long lastTs, List<String> countries, String mainModel,
                         CaseWork.Decision verdict, List<String> tags) {

    public boolean scored() {
        return !Double.isNaN(riskScore);
    }
}
