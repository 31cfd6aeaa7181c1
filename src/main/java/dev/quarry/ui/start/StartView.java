package dev.quarry.ui.start;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.nio.file.Path;

/** The start screen's layout; the file choosers are the shell's, passed in as suppliers. */
public final class StartView extends VBox {

    public StartView(StartViewModel model, Runnable chooseCase, Runnable chooseExtracts) {
        setSpacing(14);
        setPadding(new Insets(24));
        setId("start");
        Label title = new Label("Quarry");
        title.getStyleClass().add("title-1");
        Label subtitle = new Label("Find model-extraction campaigns in API traffic logs.");
        Button open = button("Open case…", Feather.FOLDER, chooseCase);
        open.setId("start-open");
        Button create = button("New case from extract files…", Feather.FILE_PLUS, chooseExtracts);
        create.setId("start-new");
        Button sample = button("Open the sample", Feather.PLAY_CIRCLE, model::openSample);
        sample.setId("start-sample");
        HBox actions = new HBox(10, open, create, sample);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label recentTitle = new Label("Recent cases (double-click to open)");
        recentTitle.getStyleClass().add("title-4");
        ListView<Path> recent = new ListView<>(model.recentCases());
        recent.setId("start-recent");
        recent.setPlaceholder(new Label("No recent cases yet. Drop extract files or a case file here to begin."));
        recent.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Path item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.getFileName() + "   —   " + item.getParent()
                        + (model.recentExists(item) ? "" : "   (missing)"));
            }
        });
        recent.setOnMouseClicked(event -> {
            Path chosen = recent.getSelectionModel().getSelectedItem();
            if (event.getClickCount() == 2 && chosen != null) {
                model.open(chosen);
            }
        });
        VBox.setVgrow(recent, Priority.ALWAYS);
        Label drop = new Label("Tip: drag extract files (CSV, JSON Lines, Bedrock logs, .gz) or a .quarry case onto this window.");
        getChildren().addAll(title, subtitle, actions, recentTitle, recent, drop);
    }

    static Button button(String text, Feather icon, Runnable action) {
        Button button = new Button(text, new FontIcon(icon));
        button.setOnAction(event -> action.run());
        return button;
    }

}
