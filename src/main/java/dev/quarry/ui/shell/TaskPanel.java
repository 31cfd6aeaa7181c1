package dev.quarry.ui.shell;

import dev.quarry.ui.session.SessionTask;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The one task panel: a row per running task with its progress, message and Cancel; hidden when idle. */
final class TaskPanel extends VBox {

    TaskPanel(ObservableList<SessionTask> tasks) {
        setId("task-panel");
        setSpacing(4);
        setPadding(new Insets(4, 8, 4, 8));
        tasks.addListener((ListChangeListener<SessionTask>) change -> rebuild(tasks));
        rebuild(tasks);
    }

    private void rebuild(ObservableList<SessionTask> tasks) {
        getChildren().clear();
        for (SessionTask task : tasks) {
            ProgressBar bar = new ProgressBar();
            bar.progressProperty().bind(task.running().progressProperty());
            bar.setPrefWidth(220);
            Label message = new Label();
            message.textProperty().bind(task.running().messageProperty());
            message.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(message, Priority.ALWAYS);
            Button cancel = new Button("Cancel");
            cancel.getStyleClass().add("small");
            cancel.setOnAction(event -> {
                task.running().cancel();
                cancel.setDisable(true);
                cancel.setText("Cancelling…");
            });
            HBox row = new HBox(8, bar, message, cancel);
            row.getStyleClass().add("task-row");
            row.setAlignment(Pos.CENTER_LEFT);
            getChildren().add(row);
        }
        setVisible(!tasks.isEmpty());
        setManaged(!tasks.isEmpty());
    }
}
