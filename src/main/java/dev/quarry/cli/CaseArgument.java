package dev.quarry.cli;

import dev.quarry.store.CaseFile;
import dev.quarry.store.StoreException;

import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a case a command works on; unlike ingest, these commands never create one by mistake. */
final class CaseArgument {

    private CaseArgument() {
    }

    static CaseFile openExisting(Path path) throws StoreException {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("case " + path + " not found; create it with `quarry ingest " + path + " FILE`");
        }
        return CaseFile.openExisting(path);
    }
}
