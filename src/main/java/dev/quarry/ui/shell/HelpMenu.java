package dev.quarry.ui.shell;

import javafx.scene.control.Menu;
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

    /** {@code openFolder} shows a folder in the platform's file manager (xdg-open, Explorer, Finder). */
    static Menu create(Path logFolder, Consumer<Path> openFolder) {
        MenuItem openLogFolder = new MenuItem("Open log folder");
        openLogFolder.setId("open-log-folder");
        openLogFolder.setOnAction(event -> {
            try {
                // a first-time user still gets a folder to look into
                openFolder.accept(Files.createDirectories(logFolder));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the log folder " + logFolder, e);
            }
        });
        Menu help = new Menu("Help");
        help.setId("help-menu");
        help.getItems().add(openLogFolder);
        return help;
    }
}
