/**
 * The thresholds detection judges by, in one validated record ({@link dev.quarry.analysis.rules.DetectionRules}).
 * Depends on nothing: the API, the signals and campaign assembly all read it.
 */
package dev.quarry.analysis.rules;
