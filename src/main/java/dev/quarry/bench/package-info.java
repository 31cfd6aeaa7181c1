/**
 * The benchmarks of DESIGN.md: each measures Quarry against a reference on the same input in one run
 * and returns figures for the command line to print. May use the middle layer, never {@code ui} or
 * {@code cli}.
 */
package dev.quarry.bench;
