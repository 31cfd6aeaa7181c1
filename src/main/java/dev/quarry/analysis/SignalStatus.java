package dev.quarry.analysis;

/**
 * Whether a signal could be computed on this case and, when not, why (e.g. "no prompt text: the
 * extract is redacted"), so a run states what its conclusions rest on.
 */
public record SignalStatus(String signal, boolean computed, String detail) {
}
