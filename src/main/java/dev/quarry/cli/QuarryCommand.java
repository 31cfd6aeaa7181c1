package dev.quarry.cli;

import dev.quarry.model.QuarryVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "quarry",
        mixinStandardHelpOptions = true,
        versionProvider = QuarryCommand.Version.class,
        description = "Find model-extraction campaigns in API-traffic extracts.",
        subcommands = {
                CommandLine.HelpCommand.class,
                GenerateCommand.class,
                IngestCommand.class,
                AnalyzeCommand.class,
                ExportCommand.class,
                VerifyCommand.class,
                RunsCommand.class,
                VerdictCommand.class,
                NoteCommand.class,
                TagCommand.class,
                BenchCommand.class,
        })
public final class QuarryCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The command tree with Quarry's error handling; {@code app.Main} adds the GUI command to it. */
    public static CommandLine commandLine() {
        // the terminal gets the commands' own lines only: JUL's default console handler would print
        // the logged stack traces behind a one-line error (the log file, when installed, keeps them)
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        for (java.util.logging.Handler handler : root.getHandlers()) {
            if (handler instanceof java.util.logging.ConsoleHandler) {
                root.removeHandler(handler);
            }
        }
        CommandLine commandLine = new CommandLine(new QuarryCommand());
        commandLine.setExecutionExceptionHandler(new OneLineErrors());
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"quarry " + QuarryVersion.VERSION};
        }
    }
}
