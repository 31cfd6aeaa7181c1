package dev.quarry.analysis;

/** An analysis could not run on a case; the message says what and where, for one line on stderr. */
public class AnalysisException extends Exception {
    public AnalysisException(String message) {
        super(message);
    }

    public AnalysisException(String message, Throwable cause) {
        super(message, cause);
    }
}
