/**
 * The detection engine: per-account features, the cross-account signals (shared infrastructure,
 * synchronized activity, shared templates, capability sweep, dense blocks, model pivot), Smile models
 * and campaign assembly with readable reasons, stored as versioned runs in the case. May use
 * {@code graph}, {@code store} and {@code model}.
 */
package dev.quarry.analysis;
