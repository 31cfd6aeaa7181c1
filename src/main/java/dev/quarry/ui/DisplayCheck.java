package dev.quarry.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the workbench window needs from the platform before JavaFX is started, so a machine without
 * it gets a message that names what is missing and how to install it instead of JavaFX's "Unable to
 * open DISPLAY". Only Linux (and the other X11/Wayland desktops) need checking: JavaFX draws through
 * GTK 3 there, and GTK needs a display server.
 */
public final class DisplayCheck {

    /** The GTK 3 library JavaFX's glass toolkit loads on Linux. */
    static final String GTK_LIBRARY = "libgtk-3.so.0";
    /** Where the dynamic loader finds libraries on Debian/Ubuntu (multiarch), Fedora/RHEL and others, after LD_LIBRARY_PATH. */
    private static final List<String> LIBRARY_FOLDERS = List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
            "/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/lib", "/usr/local/lib");

    private DisplayCheck() {
    }

    /**
     * The problem that stops the window opening, or empty when there is none. {@code osName} is the
     * {@code os.name} system property, {@code environment} the process environment, and
     * {@code libraryFound} says whether a shared library of that file name is installed.
     */
    public static Optional<String> problem(String osName, Map<String, String> environment, Predicate<String> libraryFound) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return Optional.empty();
        }
        List<String> missing = new ArrayList<>();
        if (!libraryFound.test(GTK_LIBRARY)) {
            missing.add("the GTK 3 libraries (" + GTK_LIBRARY + ") are not installed: install them with "
                    + "`sudo apt-get install libgtk-3-0` on Debian or Ubuntu, `sudo dnf install gtk3` on Fedora or RHEL");
        }
        if (isBlank(environment.get("DISPLAY")) && isBlank(environment.get("WAYLAND_DISPLAY"))) {
            missing.add("there is no display: neither DISPLAY nor WAYLAND_DISPLAY is set. Run it in a desktop session, "
                    + "over `ssh -X`, or under a virtual display such as `xvfb-run quarry gui`");
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("The workbench window cannot open: " + String.join("; and ", missing) + ". "
                + "Every command of the command line works without a display (see `quarry --help`).");
    }

    /** The check against this process: its OS, its environment and the libraries installed here. */
    public static Optional<String> problemHere() {
        return problem(System.getProperty("os.name"), System.getenv(), DisplayCheck::libraryInstalled);
    }

    /** Whether the dynamic loader would find the library: in a folder of LD_LIBRARY_PATH or a usual system folder. */
    static boolean libraryInstalled(String fileName) {
        List<String> folders = new ArrayList<>();
        String fromEnvironment = System.getenv("LD_LIBRARY_PATH");
        if (fromEnvironment != null) {
            folders.addAll(List.of(fromEnvironment.split(File.pathSeparator)));
        }
        folders.addAll(LIBRARY_FOLDERS);
        return folders.stream().filter(folder -> !folder.isBlank()).anyMatch(folder -> Files.exists(Path.of(folder, fileName)));
    }

    /** The message for a display that is named but cannot be reached (JavaFX then fails with "Unable to open DISPLAY"). */
    public static String unreachableDisplay(Map<String, String> environment) {
        String display = environment.getOrDefault("DISPLAY", environment.getOrDefault("WAYLAND_DISPLAY", ""));
        return "The workbench window cannot open: the display " + display + " does not answer. Check that its X server "
                + "(or Wayland compositor) is running and that this user may use it (xauth), or run under a virtual "
                + "display: `xvfb-run quarry gui`.";
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
