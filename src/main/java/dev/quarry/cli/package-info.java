/**
 * The command line of DESIGN.md (picocli): parses arguments, shows progress on the terminal and turns
 * failures into one clear line on stderr. Uses the middle layer (ingest, synth, analysis, export,
 * bench, store), never {@code ui}. The only package that writes to {@code System.out}.
 */
package dev.quarry.cli;
