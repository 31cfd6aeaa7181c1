package dev.quarry.ui;

import dev.quarry.model.AppDirectories;
import dev.quarry.ui.task.FxTaskExecutor;
import dev.quarry.ui.workbench.SampleDataset;
import dev.quarry.ui.workbench.WorkbenchView;
import dev.quarry.ui.workbench.WorkbenchViewModel;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/** The workbench window. Opens the case named on the command line, or else the bundled sample. */
public final class QuarryApplication extends Application {

    private static final Logger LOG = Logger.getLogger(QuarryApplication.class.getName());

    @Override
    public void start(Stage stage) {
        WorkbenchViewModel model = new WorkbenchViewModel(new FxTaskExecutor());
        stage.titleProperty().bind(model.titleProperty());
        BorderPane window = new BorderPane(new WorkbenchView(model));
        window.setTop(HelpMenu.create(AppDirectories.forCurrentUser().logs(), getHostServices()::showDocument));
        stage.setScene(new Scene(window, 1280, 800));
        try (InputStream icon = QuarryApplication.class.getResourceAsStream("/dev/quarry/icons/quarry.png")) {
            if (icon != null) {
                stage.getIcons().add(new Image(icon));
            }
        } catch (IOException e) {
            LOG.warning("window icon not loaded: " + e.getMessage());
        }
        // the start-up figure of the README: process start to a window the analyst can use
        stage.setOnShown(event -> LOG.info(() -> "workbench window shown " + ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).toMillis() + " ms after process start").orElse("")));
        stage.show();
        List<String> args = getParameters().getRaw();
        if (!args.isEmpty()) {
            model.openCase(Path.of(args.get(0)));
            return;
        }
        Optional<Path> sample = SampleDataset.locate();
        if (sample.isPresent()) {
            model.openSample(sample.get(), SampleDataset.defaultCasePath());
        } else {
            model.statusProperty().set("No case given and no sample dataset found: use Open case…");
        }
    }
}
