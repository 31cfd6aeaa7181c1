package dev.quarry.ui.shell;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class HelpMenuTest {

    @Test
    void openLogFolderCreatesTheFolderAndHandsItToTheFileManager(FxRobot robot, @TempDir Path dir) {
        Path logs = dir.resolve("state").resolve("quarry").resolve("logs");
        List<Path> opened = new ArrayList<>();
        robot.interact(() -> {
            Menu help = HelpMenu.create(logs, opened::add);
            assertEquals("Help", help.getText());
            MenuItem item = help.getItems().get(0);
            assertEquals("Open log folder", item.getText());
            item.fire();
        });
        assertTrue(Files.isDirectory(logs), "a first-time user still gets a folder to look into");
        assertEquals(List.of(logs), opened);
    }
}
