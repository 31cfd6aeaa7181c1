package dev.quarry.ui.task;

import dev.quarry.model.ProgressListener;

import java.util.function.Consumer;

/** Runs a task to completion on the calling thread; for view-model tests that need no FX thread. */
public final class SynchronousTaskExecutor implements TaskExecutor {
    @Override
    public <T> RunningTask execute(String title, BackgroundTask<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        RunningTask running = new RunningTask();
        try {
            T result = task.run(new ProgressListener() {
                @Override
                public void progress(long done, long total, String message) {
                    running.update(total > 0 ? (double) done / total : -1, message);
                }

                @Override
                public boolean isCancelled() {
                    return running.cancelRequested();
                }
            });
            running.finish();
            onSuccess.accept(result);
        } catch (Throwable e) {
            running.finish();
            onFailure.accept(e);
        }
        return running;
    }
}
