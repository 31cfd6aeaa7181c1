package dev.quarry.cli;

import dev.quarry.model.ProgressListener;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleProgressTest {

    /** One listener serves work counted in different units (the detection benchmark generates, imports, analyses). */
    @Test
    void showsEachCountInTheUnitItsCallerNames() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (ConsoleProgress progress = new ConsoleProgress("items")) {
            progress.progress(2_500_000, 10_000_000, "events.csv", ProgressListener.BYTES);
            progress.progress(0, -1, "next stage");
            progress.progress(3, 9, "analysis", ProgressListener.STAGES);
            progress.progress(0, -1, "next stage");
            progress.progress(7, 10, "something else");
        } finally {
            System.setErr(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("2.5 / 10.0 MB (25%)"), out);
        assertTrue(out.contains("3 / 9 stages (33%)"), out);
        assertTrue(out.contains("7 / 10 items (70%)"), "without a unit, the listener's own: " + out);
    }
}
