package dev.quarry.ui;

import dev.quarry.ui.shell.UserSettings;
import dev.quarry.ui.shell.Workbench;
import dev.quarry.ui.task.FxTaskExecutor;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The workbench window. Opens the case named on the command line, or else the last case (when it
 * still exists), or else the bundled sample; remembers the window's size and place.
 */
public final class QuarryApplication extends Application {

    private static final Logger LOG = Logger.getLogger(QuarryApplication.class.getName());

    @Override
    public void start(Stage stage) {
        UserSettings settings = UserSettings.forCurrentUser();
        Workbench workbench = new Workbench(new FxTaskExecutor(), settings);
        stage.titleProperty().bind(workbench.shell().titleProperty());
        double width = settings.number("window.width", 1366);
        double height = settings.number("window.height", 768);
        stage.setScene(new Scene(workbench.view(), Math.max(800, width), Math.max(560, height)));
        double x = settings.number("window.x", Double.NaN);
        double y = settings.number("window.y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(Boolean.parseBoolean(settings.get("window.maximized", "false")));
        stage.setOnHidden(event -> {
            settings.put("window.maximized", Boolean.toString(stage.isMaximized()));
            if (!stage.isMaximized()) {
                settings.put("window.width", String.format(Locale.ROOT, "%.0f", stage.getWidth()));
                settings.put("window.height", String.format(Locale.ROOT, "%.0f", stage.getHeight()));
                settings.put("window.x", String.format(Locale.ROOT, "%.0f", stage.getX()));
                settings.put("window.y", String.format(Locale.ROOT, "%.0f", stage.getY()));
            }
        });
        try (InputStream icon = QuarryApplication.class.getResourceAsStream("/dev/quarry/icons/quarry.png")) {
            if (icon != null) {
                stage.getIcons().add(new Image(icon));
            }
        } catch (IOException e) {
            LOG.warning("window icon not loaded: " + e.getMessage());
        }
        // the start-up figure of the README (packaging/measure-startup.sh): process start to a usable window
        stage.setOnShown(event -> LOG.info(() -> "workbench window shown " + ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).toMillis() + " ms after process start").orElse("")));
        stage.show();
        List<String> args = getParameters().getRaw();
        if (!args.isEmpty()) {
            workbench.start().open(Path.of(args.get(0)));
        } else {
            // a first start (no last case) opens the bundled sample, as the README's quick start promises
            workbench.shell().lastCase().filter(Files::isRegularFile)
                    .ifPresentOrElse(last -> workbench.start().open(last), () -> workbench.start().openSample());
        }
    }
}
