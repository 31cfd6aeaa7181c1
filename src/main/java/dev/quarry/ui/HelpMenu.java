package dev.quarry.ui;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** The Help menu: the log folder an analyst attaches to a bug report, opened in the desktop's file manager. */
final class HelpMenu {
    private HelpMenu() {
    }

    /** {@code showDocument} is the application's host services (xdg-open, Explorer, Finder), given a file URI. */
    static MenuBar create(Path logFolder, Consumer<String> showDocument) {
        MenuItem openLogFolder = new MenuItem("Open log folder");
        openLogFolder.setId("open-log-folder");
        openLogFolder.setOnAction(event -> {
            try {
                showDocument.accept(Files.createDirectories(logFolder).toUri().toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the log folder " + logFolder, e);
            }
        });
        Menu help = new Menu("Help");
        help.setId("help-menu");
        help.getItems().add(openLogFolder);
        return new MenuBar(help);
    }
}
