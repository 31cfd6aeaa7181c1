package dev.quarry.ui.shell;

import dev.quarry.model.AppDirectories;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The analyst's settings, kept in the platform's settings folder ({@link AppDirectories}): recent
 * cases, the last case, window layout and theme. Read once at start and written on each change;
 * a settings file that cannot be read is ignored rather than stopping the workbench.
 */
public final class UserSettings {

    private static final int RECENT = 8;
    private final Path file;
    private final Properties values = new Properties();

    public UserSettings(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                values.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                values.clear();
            }
        }
    }

    public static UserSettings forCurrentUser() {
        return new UserSettings(AppDirectories.forCurrentUser().config().resolve("workbench.properties"));
    }

    public Path directory() {
        return file.getParent();
    }

    public List<Path> recentCases() {
        List<Path> recent = new ArrayList<>();
        for (int i = 0; i < RECENT; i++) {
            String value = values.getProperty("recent." + i);
            if (value != null) {
                recent.add(Path.of(value));
            }
        }
        return recent;
    }

    public void addRecentCase(Path path) {
        List<Path> recent = new ArrayList<>(recentCases());
        Path absolute = path.toAbsolutePath().normalize();
        recent.remove(absolute);
        recent.add(0, absolute);
        for (int i = 0; i < RECENT; i++) {
            if (i < recent.size()) {
                values.setProperty("recent." + i, recent.get(i).toString());
            } else {
                values.remove("recent." + i);
            }
        }
        values.setProperty("last.case", absolute.toString());
        save();
    }

    public String get(String key, String fallback) {
        return values.getProperty(key, fallback);
    }

    public double number(String key, double fallback) {
        try {
            return Double.parseDouble(values.getProperty(key, Double.toString(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public void put(String key, String value) {
        values.setProperty(key, value);
        save();
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                values.store(writer, "Quarry workbench settings");
            }
        } catch (IOException e) {
            // Settings are a convenience: a read-only home must not stop the analyst's work.
        }
    }
}
