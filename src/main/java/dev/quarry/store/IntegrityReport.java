package dev.quarry.store;

import java.util.List;

/**
 * The outcome of a {@code verify}: what was checked and found intact, what differs (any entry here
 * means the evidence cannot be trusted as is), and notes on what could not be checked.
 */
public record IntegrityReport(List<String> intact, List<String> differences, List<String> notes) {

    public boolean ok() {
        return differences.isEmpty();
    }
}
