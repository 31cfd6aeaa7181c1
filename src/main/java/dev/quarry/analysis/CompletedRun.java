package dev.quarry.analysis;

import java.time.Duration;
import java.time.Instant;

/**
 * A run analysed and stored by {@link Analyzer#runAndStore}.
 *
 * @param startedAt  when the analysis began
 * @param analysedAt when the analysis finished (the run's recorded finish time)
 * @param storedAt   when the run was in the case
 */
public record CompletedRun(long runId, AnalysisResult result, Instant startedAt, Instant analysedAt, Instant storedAt) {

    public Duration analysis() {
        return Duration.between(startedAt, analysedAt);
    }

    public Duration store() {
        return Duration.between(analysedAt, storedAt);
    }
}
