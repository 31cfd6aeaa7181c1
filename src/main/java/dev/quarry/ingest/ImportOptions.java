package dev.quarry.ingest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to read one file.
 *
 * @param format      the file's format, or {@link SourceFormat#AUTO} to detect it from the content
 * @param mappingFile a JSON mapping of source columns onto canonical fields (see docs/ingest-aliases.md), or null
 */
public record ImportOptions(SourceFormat format, Path mappingFile) {

    public ImportOptions {
        Objects.requireNonNull(format, "format");
    }

    public static ImportOptions auto() {
        return new ImportOptions(SourceFormat.AUTO, null);
    }
}
