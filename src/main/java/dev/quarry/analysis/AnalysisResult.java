package dev.quarry.analysis;

import java.util.List;
import java.util.Map;

/**
 * Everything one run concluded. {@code stageSeconds} keeps the wall time of each pipeline stage, in
 * pipeline order, for the benchmark.
 */
public record AnalysisResult(AnalysisOptions options, List<AccountVerdict> accounts, List<Campaign> campaigns,
                             List<SignalStatus> signals, Map<String, Double> stageSeconds) {
}
