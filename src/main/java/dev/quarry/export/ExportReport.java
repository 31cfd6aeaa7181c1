package dev.quarry.export;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What an export wrote: the run it came from, the campaign it was limited to (or null), the files,
 * and the digest of its manifest (the packet's data as a whole) that the audit log records.
 */
public record ExportReport(Path directory, long runId, Integer campaignId, List<ExportedFile> files, Instant exportedAt,
                           String manifestDigest) {
}
