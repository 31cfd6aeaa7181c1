package dev.quarry.analysis;

import java.time.Instant;

/** One stored analysis run as the run list shows it: when, by which Quarry, with which seed, and what it found. */
public record RunSummary(long runId, Instant startedAt, Instant finishedAt, String quarryVersion, long seed,
                         String status, int accounts, int flagged, int campaigns) {
}
