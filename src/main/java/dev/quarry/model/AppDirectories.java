package dev.quarry.model;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Quarry keeps the user's settings, logs and its own working files, in each platform's usual
 * place: the XDG base directories on Linux (and other Unix), {@code %APPDATA%} / {@code %LOCALAPPDATA%}
 * on Windows, {@code ~/Library/...} on macOS. Nothing is created here; callers create what they write.
 * {@code quarry.home} (a system property) puts everything under one folder instead, for tests and
 * portable installs.
 */
public final class AppDirectories {

    private static final String APP = "Quarry";
    private static final String APP_UNIX = "quarry";

    private final Path config;
    private final Path data;
    private final Path logs;

    private AppDirectories(Path config, Path data, Path logs) {
        this.config = config;
        this.data = data;
        this.logs = logs;
    }

    /** The directories for this user on this machine. */
    public static AppDirectories forCurrentUser() {
        return of(System.getProperty("os.name", ""), System.getProperty("user.home", "."), System.getenv(),
                System.getProperty("quarry.home"));
    }

    /** The directories for the given platform and environment (visible for tests of each platform). */
    public static AppDirectories of(String osName, String userHome, Map<String, String> environment, String quarryHome) {
        if (quarryHome != null && !quarryHome.isBlank()) {
            Path root = Path.of(quarryHome);
            return new AppDirectories(root.resolve("config"), root.resolve("data"), root.resolve("logs"));
        }
        Path home = Path.of(userHome);
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path roaming = pathOr(environment.get("APPDATA"), home.resolve("AppData").resolve("Roaming"));
            Path local = pathOr(environment.get("LOCALAPPDATA"), home.resolve("AppData").resolve("Local"));
            return new AppDirectories(roaming.resolve(APP), local.resolve(APP), local.resolve(APP).resolve("Logs"));
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            Path library = home.resolve("Library");
            Path support = library.resolve("Application Support").resolve(APP);
            return new AppDirectories(support, support, library.resolve("Logs").resolve(APP));
        }
        Path configHome = pathOr(environment.get("XDG_CONFIG_HOME"), home.resolve(".config"));
        Path dataHome = pathOr(environment.get("XDG_DATA_HOME"), home.resolve(".local").resolve("share"));
        Path stateHome = pathOr(environment.get("XDG_STATE_HOME"), home.resolve(".local").resolve("state"));
        return new AppDirectories(configHome.resolve(APP_UNIX), dataHome.resolve(APP_UNIX),
                stateHome.resolve(APP_UNIX).resolve("logs"));
    }

    /** XDG says a relative path in these variables is invalid and must be ignored. */
    private static Path pathOr(String value, Path fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Path path = Path.of(value);
        return path.isAbsolute() ? path : fallback;
    }

    /** Settings: window layout, recent cases, import presets. */
    public Path config() {
        return config;
    }

    /** Quarry's own working files, such as the case built from the bundled sample. */
    public Path data() {
        return data;
    }

    public Path logs() {
        return logs;
    }
}
