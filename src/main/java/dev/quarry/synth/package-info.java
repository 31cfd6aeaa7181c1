/**
 * Synthetic extracts: a population of legitimate users and planted extraction campaigns, written as
 * CSV, JSON Lines or Bedrock logs with a separate ground-truth file. May use {@code model} only.
 */
package dev.quarry.synth;
