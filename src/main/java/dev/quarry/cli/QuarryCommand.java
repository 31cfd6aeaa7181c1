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
