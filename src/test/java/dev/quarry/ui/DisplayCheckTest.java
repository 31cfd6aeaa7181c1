package dev.quarry.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DisplayCheckTest {

    private static final String LINUX = "Linux";

    @Test
    void aDesktopSessionWithGtkHasNoProblem() {
        assertEquals(Optional.empty(), DisplayCheck.problem(LINUX, Map.of("DISPLAY", ":0"), library -> true));
        assertEquals(Optional.empty(), DisplayCheck.problem(LINUX, Map.of("WAYLAND_DISPLAY", "wayland-0"), library -> true));
    }

    @Test
    void noDisplayVariableIsNamed() {
        String message = DisplayCheck.problem(LINUX, Map.of("DISPLAY", " "), library -> true).orElseThrow();
        assertTrue(message.contains("neither DISPLAY nor WAYLAND_DISPLAY is set"), message);
        assertTrue(message.contains("xvfb-run"), message);
        assertFalse(message.contains("GTK"), "GTK is installed: " + message);
    }

    @Test
    void missingGtkNamesTheLibraryAndThePackageOfEachFamily() {
        String message = DisplayCheck.problem(LINUX, Map.of("DISPLAY", ":0"), library -> !library.equals("libgtk-3.so.0")).orElseThrow();
        assertTrue(message.contains("GTK 3 libraries (libgtk-3.so.0) are not installed"), message);
        assertTrue(message.contains("apt-get install libgtk-3-0"), "the Debian package: " + message);
        assertTrue(message.contains("dnf install gtk3"), "the Fedora package: " + message);
        assertFalse(message.contains("DISPLAY"), "the display is there: " + message);
    }

    @Test
    void bothProblemsAreNamedAtOnce() {
        String message = DisplayCheck.problem(LINUX, Map.of(), library -> false).orElseThrow();
        assertTrue(message.contains("libgtk-3-0") && message.contains("neither DISPLAY nor WAYLAND_DISPLAY"), message);
    }

    @Test
    void windowsAndMacNeedNoDisplayVariableNorGtk() {
        assertEquals(Optional.empty(), DisplayCheck.problem("Windows 11", Map.of(), library -> false));
        assertEquals(Optional.empty(), DisplayCheck.problem("Mac OS X", Map.of(), library -> false));
    }

    @Test
    void theLibraryProbeFindsAnInstalledLibraryAndNotAnInventedOne() {
        // libc is on every Linux this runs on; the probe must tell it from a name no system has
        assertTrue(DisplayCheck.libraryInstalled("libc.so.6"));
        assertFalse(DisplayCheck.libraryInstalled("libquarry-no-such-library.so.0"));
    }

    @Test
    void quarryGuiWithoutADisplayExplainsAndExitsNonZero() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-Dquarry.home=" + System.getProperty("java.io.tmpdir"), "-cp", System.getProperty("java.class.path"),
                "dev.quarry.app.Main", "gui");
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        process.getOutputStream().close();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "quarry gui returned");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(GuiCommand.NO_DISPLAY, process.exitValue(), output);
        assertTrue(output.contains("The workbench window cannot open: "), output);
        assertTrue(output.contains("neither DISPLAY nor WAYLAND_DISPLAY is set"), output);
        assertFalse(output.contains("Unable to open DISPLAY"), "not JavaFX's own message: " + output);
    }
}
