package dev.quarry.app;

import dev.quarry.cli.QuarryCommand;
import dev.quarry.ui.GuiCommand;
import picocli.CommandLine;

import java.util.Locale;

public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        String[] arguments = opensCaseFile(args) ? new String[] {"gui", args[0]} : args;
        ApplicationLog.install(ApplicationLog.defaultFolder(), arguments.length == 0 ? "(no command)" : arguments[0]);
        System.exit(commandLine().execute(arguments));
    }

    /** The whole command tree: the command line of {@code cli} plus the {@code gui} and {@code bench gui} commands. */
    static CommandLine commandLine() {
        CommandLine commandLine = QuarryCommand.commandLine();
        commandLine.addSubcommand("gui", new GuiCommand());
        commandLine.getSubcommands().get("bench").addSubcommand("gui", new GuiBenchCommand());
        return commandLine;
    }

    /** A desktop opening a .quarry file (file association) starts the launcher with just that file. */
    static boolean opensCaseFile(String[] args) {
        return args.length == 1 && args[0].toLowerCase(Locale.ROOT).endsWith(".quarry");
    }
}
