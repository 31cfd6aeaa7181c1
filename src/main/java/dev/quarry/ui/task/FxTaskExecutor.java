package dev.quarry.ui.task;

import dev.quarry.model.ProgressListener;
import javafx.application.Platform;

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs tasks on named daemon threads and hands progress and outcomes to the FX thread. Progress
 * updates are coalesced so a task reporting every row cannot flood the FX event queue.
 */
public final class FxTaskExecutor implements TaskExecutor {

    private static final long MIN_UPDATE_NANOS = 50_000_000L;
    private final AtomicInteger threadCount = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "quarry-task-" + threadCount.incrementAndGet());
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> System.err.println(t.getName() + " failed: " + e));
        return thread;
    });

    @Override
    public <T> RunningTask execute(String title, BackgroundTask<T> task, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        RunningTask running = new RunningTask();
        running.update(-1, title);
        AtomicLong lastUpdate = new AtomicLong();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void progress(long done, long total, String message) {
                long now = System.nanoTime();
                long previous = lastUpdate.get();
                if (now - previous < MIN_UPDATE_NANOS || !lastUpdate.compareAndSet(previous, now)) {
                    return;
                }
                double fraction = total > 0 ? Math.min(1.0, (double) done / total) : -1;
                String text = title + (message == null || message.isBlank() ? "" : " — " + message)
                        + (total > 0 ? String.format(Locale.ROOT, " (%,d of %,d)", done, total) : "");
                Platform.runLater(() -> running.update(fraction, text));
            }

            @Override
            public boolean isCancelled() {
                return running.cancelRequested();
            }
        };
        threads.execute(() -> {
            try {
                T result = task.run(listener);
                Platform.runLater(() -> {
                    running.finish();
                    onSuccess.accept(result);
                });
            } catch (Throwable e) {
                Platform.runLater(() -> {
                    running.finish();
                    onFailure.accept(e);
                });
            }
        });
        return running;
    }
}
