package dev.quarry.analysis;

import java.util.List;
import java.util.Map;

/**
 * Everything one run concluded. {@code stageSeconds} keeps the wall time of each pipeline stage, in
 * pipeline order, for the benchmark. {@code views} is what the workbench views draw, null for a
 * result read back from the case (the views read it from the case themselves) or built by hand.
 */
public record AnalysisResult(AnalysisOptions options, List<AccountVerdict> accounts, List<Campaign> campaigns,
                             List<SignalStatus> signals, Map<String, Double> stageSeconds, ViewData views) {

    public AnalysisResult(AnalysisOptions options, List<AccountVerdict> accounts, List<Campaign> campaigns,
                          List<SignalStatus> signals, Map<String, Double> stageSeconds) {
        this(options, accounts, campaigns, signals, stageSeconds, null);
    }
}
