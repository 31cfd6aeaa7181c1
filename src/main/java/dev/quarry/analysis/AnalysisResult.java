package dev.quarry.analysis;

import dev.quarry.analysis.rules.DetectionRules;
import java.util.List;
import java.util.Map;

/**
 * Everything one run concluded. {@code rules} are the thresholds it judged by, null for a run read
 * back from a case made before rules were recorded ("not recorded", never today's defaults).
 * {@code stageSeconds} keeps the wall time of each pipeline stage, in
 * pipeline order, for the benchmark. {@code views} is what the workbench views draw, null for a
 * result read back from the case (the views read it from the case themselves) or built by hand.
 */
public record AnalysisResult(AnalysisOptions options, DetectionRules rules, List<AccountVerdict> accounts,
                             List<Campaign> campaigns, List<SignalStatus> signals, Map<String, Double> stageSeconds,
                             ViewData views) {

    /** A result built by hand, judged by today's rules. */
    public AnalysisResult(AnalysisOptions options, List<AccountVerdict> accounts, List<Campaign> campaigns,
                          List<SignalStatus> signals, Map<String, Double> stageSeconds) {
        this(options, DetectionRules.defaults(), accounts, campaigns, signals, stageSeconds, null);
    }
}
