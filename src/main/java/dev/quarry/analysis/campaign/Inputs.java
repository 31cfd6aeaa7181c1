package dev.quarry.analysis.campaign;

import dev.quarry.analysis.scan.AttributeKind;
import dev.quarry.analysis.scan.CaseData;
import dev.quarry.analysis.signals.Evidence;
import dev.quarry.analysis.signals.Links;
import dev.quarry.analysis.signals.ModelPivotSignal;
import dev.quarry.analysis.signals.SharedInfrastructureSignal;
import dev.quarry.analysis.signals.SharedTemplateSignal;
import dev.quarry.analysis.signals.SharedValues;
import dev.quarry.analysis.signals.SynchronizedActivitySignal;
import dev.quarry.graph.DenseBlocks;

import java.util.List;
import java.util.Map;

/**
 * Everything campaign assembly weighs: the scanned case, each signal's shared values and links, the
 * per-account features and models, indexed by account position in {@code data}.
 *
 * @param reasoningShare       per account, the share of its requests that ask for reasoning
 * @param meanCompletionTokens per account, the mean length of its answers
 * @param options              the run's seed and the assembly's thresholds
 */
public record Inputs(CaseData data, Map<Evidence, SharedValues> shared, Map<Evidence, Links> links,
                     SynchronizedActivitySignal.Activity activity, List<DenseBlocks.Block> denseBlocks,
                     SharedTemplateSignal.Templates[] templates, double[][] taskMixes,
                     List<ModelPivotSignal.Release> releases, double[][] standardized, double[] anomaly,
                     Map<AttributeKind, SharedInfrastructureSignal.Holders> holders, double[] reasoningShare,
                     double[] meanCompletionTokens, AssemblySettings options) {
}
