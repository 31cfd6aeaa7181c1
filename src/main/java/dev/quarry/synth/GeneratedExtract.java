package dev.quarry.synth;

import java.nio.file.Path;
import java.util.Map;

/**
 * What {@link ExtractGenerator} wrote.
 *
 * @param events              the events file
 * @param accounts            the accounts file, or null when the format carries no account data (Bedrock)
 * @param truth               truth.csv: account_id, label, campaign_id, hard_negative
 * @param eventCount          events written
 * @param accountCount        accounts in the population (including any that made no request)
 * @param accountsByLabel     accounts per truth label, sorted by label
 * @param campaignCount       campaigns planted
 * @param releaseTimestamp    when the new model appeared, epoch milliseconds UTC
 * @param peakBufferedEvents  the most event plans held in memory at once (one day's worth): the streaming bound
 */
public record GeneratedExtract(Path events, Path accounts, Path truth, long eventCount, int accountCount,
                               Map<String, Integer> accountsByLabel, int campaignCount, long releaseTimestamp,
                               int peakBufferedEvents) {
}
