package dev.quarry.ui;

import dev.quarry.ui.task.FxTaskExecutor;
import dev.quarry.ui.workbench.SampleDataset;
import dev.quarry.ui.workbench.WorkbenchView;
import dev.quarry.ui.workbench.WorkbenchViewModel;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The workbench window. Opens the case named on the command line, or else the bundled sample. */
public final class QuarryApplication extends Application {

    @Override
    public void start(Stage stage) {
        WorkbenchViewModel model = new WorkbenchViewModel(new FxTaskExecutor());
        stage.titleProperty().bind(model.titleProperty());
        stage.setScene(new Scene(new WorkbenchView(model), 1280, 800));
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
