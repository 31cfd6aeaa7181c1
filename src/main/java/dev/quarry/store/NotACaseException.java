package dev.quarry.store;

import java.nio.file.Path;

/**
 * A path given as a case that is not one: missing, a folder, another program's SQLite database, an
 * extract file, or something else. Nothing was created or changed; {@link #kind()} says what was
 * found so the workbench can offer the right next step (an extract: the import wizard).
 */
public final class NotACaseException extends StoreException {

    public enum Kind { MISSING, FOLDER, FOREIGN_DATABASE, NEWER_CASE, EXTRACT, UNKNOWN }

    private final Path path;
    private final Kind kind;

    NotACaseException(Path path, Kind kind, String message) {
        super(message, null);
        this.path = path;
        this.kind = kind;
    }

    public Path path() {
        return path;
    }

    public Kind kind() {
        return kind;
    }
}
