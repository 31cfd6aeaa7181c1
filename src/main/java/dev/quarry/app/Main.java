package dev.quarry.app;

import dev.quarry.cli.QuarryCommand;
import dev.quarry.ui.GuiCommand;
import picocli.CommandLine;

public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        CommandLine commandLine = QuarryCommand.commandLine();
        commandLine.addSubcommand("gui", new GuiCommand());
        System.exit(commandLine.execute(args));
    }
}
