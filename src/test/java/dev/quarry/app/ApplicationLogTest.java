package dev.quarry.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApplicationLogTest {

    @AfterEach
    void closeLogFiles() {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
            handler.close();
        }
    }

    @Test
    void writesVersionCommandAndStackTracesToTheLogFolder(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("state").resolve("quarry").resolve("logs");
        assertTrue(ApplicationLog.install(folder, "ingest"));
        Logger.getLogger("dev.quarry.cli").log(Level.WARNING, "ingest: cannot read x.csv", new IllegalStateException("broken row"));
        flush();

        String log = Files.readString(folder.resolve("quarry-0.log"));
        assertTrue(log.contains("INFO dev.quarry: Quarry "), log);
        assertTrue(log.contains(" ingest on Java "), log);
        assertTrue(log.contains("WARNING dev.quarry.cli: ingest: cannot read x.csv"), log);
        assertTrue(log.contains("java.lang.IllegalStateException: broken row"), "the stack trace an analyst attaches: " + log);
    }

    @Test
    void rotatesToAFixedNumberOfBoundedFiles(@TempDir Path dir) throws Exception {
        assertTrue(ApplicationLog.install(dir, "gui"));
        Logger log = Logger.getLogger("dev.quarry.test");
        String line = "x".repeat(1000);
        for (int i = 0; i < (ApplicationLog.FILE_COUNT + 1) * ApplicationLog.FILE_LIMIT_BYTES / 1000; i++) {
            log.info(line);
        }
        flush();
        for (int generation = 0; generation < ApplicationLog.FILE_COUNT; generation++) {
            Path file = dir.resolve("quarry-" + generation + ".log");
            assertTrue(Files.size(file) <= ApplicationLog.FILE_LIMIT_BYTES + 2048, file + " stays near its limit");
        }
        assertFalse(Files.exists(dir.resolve("quarry-" + ApplicationLog.FILE_COUNT + ".log")), "the oldest file is dropped");
    }

    @Test
    void aCaseFileAloneOpensTheWorkbenchOnIt() {
        assertTrue(Main.opensCaseFile(new String[] {"/home/analyst/Cases/March.QUARRY"}));
        assertFalse(Main.opensCaseFile(new String[] {"ingest", "case.quarry"}), "a command is left alone");
        assertFalse(Main.opensCaseFile(new String[] {"--version"}));
        assertEquals(0, Main.commandLine().execute("--version"));
    }

    private static void flush() {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.flush();
        }
    }
}
