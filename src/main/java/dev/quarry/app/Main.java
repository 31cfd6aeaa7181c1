package dev.quarry.app;

import dev.quarry.cli.QuarryCommand;
import dev.quarry.ui.GuiCommand;
import picocli.CommandLine;

public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The whole command tree: the command line of {@code cli} plus the {@code gui} command. */
    static CommandLine commandLine() {
        CommandLine commandLine = QuarryCommand.commandLine();
        commandLine.addSubcommand("gui", new GuiCommand());
        return commandLine;
    }
}
