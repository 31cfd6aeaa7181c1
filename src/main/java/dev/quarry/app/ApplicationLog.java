package dev.quarry.app;

import dev.quarry.model.AppDirectories;
import dev.quarry.model.QuarryVersion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The log an analyst attaches to a bug report: {@code quarry-0.log} (newest) to {@code quarry-4.log}
 * in the platform's log folder, 2 MB each, so it never grows without bound. The terminal keeps its
 * one-line errors; the stack traces behind them go here.
 */
final class ApplicationLog {

    static final int FILE_LIMIT_BYTES = 2 * 1024 * 1024;
    static final int FILE_COUNT = 5;
    private static final String FORMAT_PROPERTY = "java.util.logging.SimpleFormatter.format";

    private ApplicationLog() {
    }

    /** Sends Quarry's and the libraries' logging to the rotating files in {@code folder}; returns false when it cannot write there. */
    static boolean install(Path folder, String command) {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            // the default console handler would print warnings between the command line's own lines
            root.removeHandler(handler);
        }
        if (System.getProperty(FORMAT_PROPERTY) == null) {
            System.setProperty(FORMAT_PROPERTY, "%1$tFT%1$tT.%1$tL%1$tz %4$s %3$s: %5$s%6$s%n");
        }
        try {
            Files.createDirectories(folder);
            FileHandler file = new FileHandler(folder.resolve("quarry-%g.log").toString(), FILE_LIMIT_BYTES, FILE_COUNT, true);
            file.setFormatter(new SimpleFormatter());
            file.setEncoding("UTF-8");
            root.addHandler(file);
        } catch (IOException | SecurityException e) {
            System.err.println("quarry: cannot write the log in " + folder + " (" + e.getMessage() + "); continuing without it");
            return false;
        }
        Logger log = Logger.getLogger("dev.quarry");
        log.info(() -> "Quarry " + QuarryVersion.VERSION + " " + command + " on Java " + Runtime.version()
                + " (" + System.getProperty("java.home") + "), " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        Thread.setDefaultUncaughtExceptionHandler((thread, error) ->
                log.log(Level.SEVERE, "uncaught in thread " + thread.getName(), error));
        return true;
    }

    static Path defaultFolder() {
        return AppDirectories.forCurrentUser().logs();
    }
}
