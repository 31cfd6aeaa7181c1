package dev.quarry.synth.outside;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The files one run wrote and what they hold.
 *
 * @param accounts the accounts file, absent for Bedrock logs (they carry no billing data)
 * @param accountsWithEvents accounts that made at least one request in the window
 */
public record OutsideExtract(Path events, Optional<Path> accounts, Path truth, OutsideFormat format,
                             long eventCount, int accountCount, int accountsWithEvents, int campaignCount,
                             int positiveAccounts) {
}
