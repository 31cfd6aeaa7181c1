package dev.quarry.ui;

import javafx.application.Application;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "gui", mixinStandardHelpOptions = true,
        description = "Opens the workbench on CASE, or on the bundled sample dataset when no case is given.")
public final class GuiCommand implements Callable<Integer> {

    /** The exit code when the platform cannot show a window (no display, no GTK). */
    static final int NO_DISPLAY = 3;

    @Parameters(arity = "0..1", paramLabel = "CASE", description = "case file to open")
    Path casePath;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Optional<String> problem = DisplayCheck.problemHere();
        if (problem.isPresent()) {
            spec.commandLine().getErr().println(problem.get());
            return NO_DISPLAY;
        }
        try {
            Application.launch(QuarryApplication.class, casePath == null ? new String[0] : new String[] {casePath.toString()});
        } catch (RuntimeException e) {
            // GTK could not reach the display that DISPLAY names: JavaFX says "Unable to open DISPLAY"
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause.getMessage() != null && cause.getMessage().contains("Unable to open DISPLAY")) {
                    spec.commandLine().getErr().println(DisplayCheck.unreachableDisplay(System.getenv()));
                    return NO_DISPLAY;
                }
            }
            throw e;
        }
        return 0;
    }
}
