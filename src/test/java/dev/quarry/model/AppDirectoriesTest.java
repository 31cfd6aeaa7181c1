package dev.quarry.model;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AppDirectoriesTest {

    @Test
    void linuxFollowsXdgAndIgnoresARelativeVariable() {
        AppDirectories defaults = AppDirectories.of("Linux", "/home/ana", Map.of(), null);
        assertEquals(Path.of("/home/ana/.config/quarry"), defaults.config());
        assertEquals(Path.of("/home/ana/.local/share/quarry"), defaults.data());
        assertEquals(Path.of("/home/ana/.local/state/quarry/logs"), defaults.logs());

        AppDirectories set = AppDirectories.of("Linux", "/home/ana",
                Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "relative/data"), null);
        assertEquals(Path.of("/cfg/quarry"), set.config());
        assertEquals(Path.of("/home/ana/.local/share/quarry"), set.data());
    }

    @Test
    void windowsUsesAppData() {
        AppDirectories dirs = AppDirectories.of("Windows 11", "C:\\Users\\ana",
                Map.of("APPDATA", "/roaming", "LOCALAPPDATA", "/local"), null);
        assertEquals(Path.of("/roaming/Quarry"), dirs.config());
        assertEquals(Path.of("/local/Quarry/Logs"), dirs.logs());
    }

    @Test
    void macUsesLibrary() {
        AppDirectories dirs = AppDirectories.of("Mac OS X", "/Users/ana", Map.of(), null);
        assertEquals(Path.of("/Users/ana/Library/Application Support/Quarry"), dirs.config());
        assertEquals(Path.of("/Users/ana/Library/Logs/Quarry"), dirs.logs());
    }

    @Test
    void quarryHomePutsEverythingUnderOneFolder() {
        AppDirectories dirs = AppDirectories.of("Linux", "/home/ana", Map.of("XDG_CONFIG_HOME", "/cfg"), "/portable");
        assertEquals(Path.of("/portable/config"), dirs.config());
        assertEquals(Path.of("/portable/logs"), dirs.logs());
    }
}
