package dev.quarry.ui.task;

import java.util.function.Consumer;

/**
 * Runs background tasks and delivers their outcome on the FX thread. The workbench uses
 * {@link FxTaskExecutor}; view-model tests use {@link SynchronousTaskExecutor}.
 */
public interface TaskExecutor {

    /**
     * @param title      what the task is doing, for the status bar
     * @param task       the work
     * @param onSuccess  called with the result on the FX thread
     * @param onFailure  called with the failure on the FX thread ({@link dev.quarry.model.CancelledException} when cancelled)
     */
    <T> RunningTask execute(String title, BackgroundTask<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure);
}
