package dev.quarry.ui;

import javafx.scene.control.MenuBar;
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
    void openLogFolderCreatesTheFolderAndHandsItToTheDesktop(FxRobot robot, @TempDir Path dir) {
        Path logs = dir.resolve("state").resolve("quarry").resolve("logs");
        List<String> opened = new ArrayList<>();
        robot.interact(() -> {
            MenuBar bar = HelpMenu.create(logs, opened::add);
            assertEquals("Help", bar.getMenus().get(0).getText());
            MenuItem item = bar.getMenus().get(0).getItems().get(0);
            assertEquals("Open log folder", item.getText());
            item.fire();
        });
        assertTrue(Files.isDirectory(logs), "a first-time user still gets a folder to look into");
        assertEquals(List.of(logs.toUri().toString()), opened);
    }
}
