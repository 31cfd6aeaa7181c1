package dev.quarry.ingest;

/** The original text of the current record, produced only when a row is rejected and needs it. */
@FunctionalInterface
interface RawText {
    String text();
}
