/**
 * The single pass over the events table: per-account activity (request times, attribute tallies,
 * token, status and prompt statistics), the case's vocabularies, prompt shapes and the task
 * taxonomy. Everything later stages read comes from {@link dev.quarry.analysis.scan.CaseData}.
 */
package dev.quarry.analysis.scan;
