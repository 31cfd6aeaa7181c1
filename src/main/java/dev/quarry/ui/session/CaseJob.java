package dev.quarry.ui.session;

import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;

/** Work on the open case, off the FX thread, with a connection of its own to the case file. */
@FunctionalInterface
public interface CaseJob<T> {
    T run(CaseFile caseFile, ProgressListener progress) throws Exception;
}
