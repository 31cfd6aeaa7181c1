package dev.quarry.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one import did. Every record read is accounted for: {@code read = accepted + duplicate + rejected}.
 *
 * @param sourceId         the {@code sources} row of this import, or of the earlier import of the same file
 * @param kind             {@code "events"} or {@code "accounts"}
 * @param rejectedByReason rejected rows counted by kind of reason, e.g. "unparseable timestamp"
 * @param alreadyImported  true when a file with the same SHA-256 was imported before and nothing was done
 * @param notes            things the analyst should know about how the file was read
 */
public record ImportSummary(long sourceId, Path file, SourceFormat format, String kind,
                            long read, long accepted, long duplicate, long rejected,
                            Map<String, Long> rejectedByReason, boolean alreadyImported, List<String> notes) {

    public ImportSummary {
        rejectedByReason = Map.copyOf(rejectedByReason);
        notes = List.copyOf(notes);
        if (read != accepted + duplicate + rejected) {
            throw new IllegalStateException("import of " + file + " lost rows: read " + read + " != accepted "
                    + accepted + " + duplicate " + duplicate + " + rejected " + rejected);
        }
    }
}
