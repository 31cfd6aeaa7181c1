package dev.quarry.ui.session;

import dev.quarry.ui.task.RunningTask;

/** A task of the session as the task panel lists it: what it does, and its progress and Cancel. */
public record SessionTask(String title, RunningTask running) {
}
