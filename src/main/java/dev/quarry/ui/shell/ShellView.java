package dev.quarry.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.quarry.ui.session.CaseSession;
import dev.quarry.ui.session.Screens;
import dev.quarry.ui.session.UserError;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.javafx.FontIcon;

import java.io.File;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The main window: menu bar with shortcuts, a search box, the navigation list of screens, the screen
 * shown, the task panel and the status bar. It shows what {@link CaseSession#screenProperty()} names
 * and builds each screen the first time it is shown.
 */
public final class ShellView extends BorderPane {

    private final Workbench workbench;
    private final ShellViewModel model;
    private final StackPane content = new StackPane();
    private final Map<String, Node> built = new HashMap<>();
    private final ListView<ScreenEntry> navigation;

    public ShellView(Workbench workbench) {
        this.workbench = workbench;
        this.model = workbench.shell();
        CaseSession session = workbench.session();
        setId("shell");

        TextField search = new TextField();
        search.setId("search");
        search.setPromptText("Find account, campaign (#3), IP or card…  (Ctrl+F)");
        search.setPrefColumnCount(32);
        search.setOnAction(event -> model.search(search.getText()));
        search.disableProperty().bind(session.stateProperty().isNull());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        MenuBar menus = menus(session, search);
        HBox.setHgrow(menus, Priority.ALWAYS);
        HBox top = new HBox(8, menus, search);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(0, 8, 0, 0));
        setTop(top);

        navigation = new ListView<>();
        navigation.setId("navigation");
        navigation.getItems().setAll(workbench.screens());
        navigation.setPrefWidth(170);
        navigation.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ScreenEntry item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.title());
                setGraphic(empty || item == null ? null : new FontIcon(item.icon()));
                disableProperty().unbind();
                if (!empty && item != null && item.needsCase()) {
                    disableProperty().bind(session.stateProperty().isNull());
                } else {
                    setDisable(false);
                }
            }
        });
        navigation.getSelectionModel().selectedItemProperty().addListener((observable, old, entry) -> {
            if (entry != null) {
                session.screenProperty().set(entry.id());
            }
        });
        setLeft(navigation);
        setCenter(content);
        session.screenProperty().addListener((observable, old, id) -> show(id));
        show(session.screenProperty().get());

        StatusBar status = new StatusBar();
        status.setId("status-bar");
        // ControlsFX's statusbar.css paints with Modena's -fx-body-color, which the AtlantaFX themes do not define
        // (a CSS ClassCastException warning at every styling); the theme's own colours instead, light and dark alike
        status.setStyle("-fx-background-color: -color-border-default, -color-bg-subtle;");
        status.textProperty().bind(session.statusProperty());
        VBox bottom = new VBox(new TaskPanel(session.tasks()), status);
        setBottom(bottom);

        session.onError(this::showError);
        setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        setOnDragDropped(event -> {
            List<File> files = event.getDragboard().getFiles();
            boolean ok = files != null && !files.isEmpty();
            if (ok) {
                workbench.start().dropped(files.stream().map(File::toPath).toList());
            }
            event.setDropCompleted(ok);
            event.consume();
        });
        model.darkProperty().addListener((observable, old, dark) -> applyTheme(dark));
        applyTheme(model.darkProperty().get());
    }

    static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    private void show(String id) {
        ScreenEntry entry = workbench.screens().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElse(workbench.screens().get(0));
        Node view = built.computeIfAbsent(entry.id(), key -> entry.view().get());
        content.getChildren().setAll(view);
        if (navigation.getSelectionModel().getSelectedItem() != entry) {
            navigation.getSelectionModel().select(entry);
        }
    }

    private MenuBar menus(CaseSession session, TextField search) {
        MenuItem open = item("Open case…", "Shortcut+O", this::chooseCase);
        MenuItem create = item("New case from extract files…", "Shortcut+I", this::chooseExtracts);
        MenuItem sample = item("Open the sample", null, () -> workbench.start().openSample());
        MenuItem close = item("Close case", "Shortcut+W", session::close);
        close.disableProperty().bind(session.stateProperty().isNull());
        MenuItem quit = item("Quit", "Shortcut+Q", () -> {
            Window window = getScene().getWindow();
            window.hide();
        });
        Menu file = new Menu("File", null, open, create, sample, new SeparatorMenuItem(), close, new SeparatorMenuItem(), quit);

        MenuItem analyse = item("Analyse case", "Shortcut+R", () -> model.analyse(1));
        analyse.disableProperty().bind(session.stateProperty().isNull());
        MenuItem find = item("Find…", "Shortcut+F", () -> {
            search.requestFocus();
            search.selectAll();
        });
        Menu analysis = new Menu("Analysis", null, analyse, find);

        Menu go = new Menu("Go");
        int number = 1;
        for (ScreenEntry entry : workbench.screens()) {
            MenuItem item = item(entry.title(), number <= 9 ? "Shortcut+" + number : null,
                    () -> session.screenProperty().set(entry.id()));
            if (entry.needsCase()) {
                item.disableProperty().bind(session.stateProperty().isNull());
            }
            go.getItems().add(item);
            number++;
        }
        MenuItem export = item("Export and verify…", "Shortcut+E", () -> session.screenProperty().set(Screens.EXPORT));
        export.disableProperty().bind(session.stateProperty().isNull());
        analysis.getItems().add(export);

        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.selectedProperty().bindBidirectional(model.darkProperty());
        Menu view = new Menu("View", null, dark);
        Menu help = HelpMenu.create(dev.quarry.model.AppDirectories.forCurrentUser().logs(), workbench::openFolder);
        return new MenuBar(file, analysis, go, view, help);
    }

    private static MenuItem item(String text, String shortcut, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (shortcut != null) {
            item.setAccelerator(KeyCombination.keyCombination(shortcut));
        }
        item.setOnAction(event -> action.run());
        return item;
    }

    void fireOpen() {
        chooseCase();
    }

    void fireNew() {
        chooseExtracts();
    }

    private void chooseCase() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a Quarry case");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Quarry cases", "*.quarry"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File chosen = chooser.showOpenDialog(getScene().getWindow());
        if (chosen != null) {
            workbench.start().open(chosen.toPath());
        }
    }

    private void chooseExtracts() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Extract files for a new case");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Extracts", "*.csv", "*.jsonl", "*.json", "*.gz", "*.tsv"),
                new FileChooser.ExtensionFilter("All files", "*"));
        List<File> chosen = chooser.showOpenMultipleDialog(getScene().getWindow());
        if (chosen != null && !chosen.isEmpty()) {
            workbench.start().newCaseFrom(chosen.stream().map(File::toPath).toList());
        }
    }

    private void showError(UserError error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(getScene() == null ? null : getScene().getWindow());
        alert.setTitle("Quarry");
        alert.setHeaderText(error.title());
        Label text = new Label(error.message() + (error.advice().isEmpty() ? "" : "\n\n" + error.advice()));
        text.setWrapText(true);
        text.setMaxWidth(520);
        alert.getDialogPane().setContent(text);
        alert.show();
    }

}
