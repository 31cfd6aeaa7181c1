package dev.quarry.export;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** What an export wrote: the run it came from, the campaign it was limited to (or null) and the files. */
public record ExportReport(Path directory, long runId, Integer campaignId, List<ExportedFile> files, Instant exportedAt) {
}
