package dev.quarry.ui;

import javafx.application.Application;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "gui", mixinStandardHelpOptions = true,
        description = "Opens the workbench on CASE, or on the bundled sample dataset when no case is given.")
public final class GuiCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "CASE", description = "case file to open")
    Path casePath;

    @Override
    public Integer call() {
        Application.launch(QuarryApplication.class, casePath == null ? new String[0] : new String[] {casePath.toString()});
        return 0;
    }
}
