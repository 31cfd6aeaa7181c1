package dev.quarry.ui.importwizard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * An events extract of an unfamiliar shape, as a BI tool might write it: semicolon-delimited, the
 * event time under "Zeit" and the account under "Kunde" (neither is in the alias table), and a
 * "user" column holding display names, which the alias table would wrongly read as the account.
 */
public final class WizardExtracts {

    public static final String HEADER = "Zeit;Kunde;user;model;prompt_tokens;completion_tokens;request_id;prompt_text";
    public static final int ACCOUNTS = 8;

    private WizardExtracts() {
    }

    /**
     * Writes {@code rows} events and, when {@code badRow}, one more whose time is unreadable (at line
     * {@code rows + 2}, after the header and the good rows); prompts hold markup and a formula, which
     * must stay text.
     */
    public static Path write(Path dir, String name, int rows, boolean badRow, String requestPrefix) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        Instant start = Instant.parse("2024-03-01T00:00:00Z");
        for (int i = 0; i < rows; i++) {
            int account = i % ACCOUNTS;
            text.append(String.format(Locale.ROOT, "%s;kd-%03d;Person %d;claude-3-haiku;%d;%d;%s-%05d;\"question %d: <b>why</b>; =1+1\"%n",
                    start.plusSeconds(37L * i), account, account, 20 + i % 50, 100 + i % 300, requestPrefix, i, i));
        }
        if (badRow) {
            text.append("yesterday at noon;kd-001;Person 1;claude-3-haiku;5;5;").append(requestPrefix).append("-bad;\"<script>x</script>\"\n");
        }
        Path file = dir.resolve(name);
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
        return file;
    }
}
