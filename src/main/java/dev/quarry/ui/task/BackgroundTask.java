package dev.quarry.ui.task;

import dev.quarry.model.ProgressListener;

/**
 * A unit of long work for the workbench: runs off the FX thread, reports progress through the
 * listener it is given and stops when that listener says it was cancelled.
 */
@FunctionalInterface
public interface BackgroundTask<T> {
    T run(ProgressListener progress) throws Exception;
}
