package dev.quarry.ui.session;

import dev.quarry.model.CancelledException;
import dev.quarry.store.NotACaseException;

import java.sql.SQLException;

/**
 * A failure as the analyst reads it: what was being done, what went wrong in plain words, and what to
 * do about it — never a stack trace.
 */
public record UserError(String title, String message, String advice) {

    public static UserError of(String doing, Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        if (cause instanceof CancelledException) {
            return new UserError(doing + ": cancelled", "Nothing was changed.", "");
        }
        if (cause instanceof NotACaseException notACase) {
            String advice = switch (notACase.kind()) {
                case EXTRACT -> "Use File ▸ New case from extract files… to import it.";
                case MISSING -> "Check the path, or create a case from extract files.";
                case NEWER_CASE -> "Install the newer Quarry that wrote it.";
                default -> "Open a .quarry case file instead.";
            };
            return new UserError(doing, notACase.getMessage(), advice);
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank() || cause instanceof NullPointerException
                || cause instanceof IllegalStateException) {
            return new UserError(doing, "Quarry hit an internal error (" + cause.getClass().getSimpleName() + ").",
                    "Please report it, with the log file, to the Quarry maintainers.");
        }
        if (cause instanceof SQLException || message.contains("SQLITE_BUSY")) {
            return new UserError(doing, message, "Another program may be writing the case; close it and try again.");
        }
        return new UserError(doing, message, "");
    }
}
