package dev.quarry.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

public final class QuarryApplication extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Quarry");
        stage.setScene(new Scene(new Label("Quarry"), 1200, 800));
        stage.show();
    }
}
