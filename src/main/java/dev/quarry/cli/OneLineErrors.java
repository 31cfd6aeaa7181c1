package dev.quarry.cli;

import dev.quarry.model.CancelledException;
import picocli.CommandLine;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a failed command into one line on stderr (what failed and why) and a non-zero exit status.
 * The stack trace goes to the log file; set QUARRY_DEBUG=1 to get it on stderr as well.
 */
final class OneLineErrors implements CommandLine.IExecutionExceptionHandler {

    static final int FAILED = 1;
    static final int CANCELLED = 130;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        String command = commandLine.getCommandSpec().qualifiedName();
        if (e instanceof CancelledException) {
            System.err.println(command + ": cancelled; the step in progress was rolled back (an import keeps the files it finished before it)");
            return CANCELLED;
        }
        String message = e.getMessage();
        if (message == null || message.isBlank() || e instanceof NullPointerException
                || e instanceof IllegalStateException || e instanceof ArrayIndexOutOfBoundsException) {
            message = "internal error (" + e + "); please report it with QUARRY_DEBUG=1 output";
        }
        System.err.println(command + ": " + message);
        Logger.getLogger(OneLineErrors.class.getName()).log(Level.WARNING, command + ": " + message, e);
        if (System.getenv("QUARRY_DEBUG") != null) {
            e.printStackTrace(System.err);
        }
        return FAILED;
    }
}
