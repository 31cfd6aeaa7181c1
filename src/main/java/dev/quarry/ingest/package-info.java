/**
 * Reading extracts into a case: format detection (CSV, JSON Lines, Amazon Bedrock invocation logs,
 * gzip), header aliases and mapping files, timestamp parsing, validation into rejected rows,
 * de-duplication and atomic, streaming import. May use {@code store} and {@code model}.
 */
package dev.quarry.ingest;
