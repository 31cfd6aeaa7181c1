/**
 * The detection engine's public API: {@link dev.quarry.analysis.Analyzer} (one
 * {@code runAndStore} for the command line, the workbench and the benchmark), its options and
 * results, and {@link dev.quarry.analysis.RunStore}, which keeps runs as versioned records in the
 * case. The engine's parts live in sub-packages that never depend on this one: {@code scan} (the one
 * pass over the events), {@code features} (per-account behaviour features and Smile models),
 * {@code signals} (the cross-account signals), {@code campaign} (assembly, judgement, shaping and
 * reasons) and {@code primitives} (compact collections and hashing). May use {@code graph},
 * {@code store} and {@code model}.
 */
package dev.quarry.analysis;
