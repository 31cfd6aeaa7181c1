package dev.quarry.export;

/**
 * Keeps untrusted text from running as a spreadsheet formula (CSV injection), by the OWASP rule: a
 * cell whose first character, after any leading spaces, is {@code =}, {@code +}, {@code -}, {@code @},
 * a tab, a carriage return or a line feed, or the full-width form of one of the first four (which
 * some spreadsheets fold to ASCII), gets a leading apostrophe, which spreadsheets show as plain text.
 * Only text cells go through here; numeric columns are formatted by Quarry itself, so a negative
 * score stays a number. The JSON Lines copy of each file keeps the values unmodified.
 */
public final class SpreadsheetSafe {

    /** The rule in words, as the manifest and the README state it. */
    public static final String RULE = "a text cell whose first character, after any leading spaces, is = + - @ "
            + "tab, carriage return or line feed, or the full-width \uFF1D \uFF0B \uFF0D \uFF20, is written with a "
            + "leading apostrophe (') so spreadsheets show it as text; numeric cells are written by Quarry and left "
            + "as numbers; the .jsonl copy of each file holds the same rows unmodified";

    private SpreadsheetSafe() {
    }

    public static String text(String cell) {
        if (cell == null) {
            return "";
        }
        return startsFormula(cell) ? "'" + cell : cell;
    }

    /**
     * Undoes {@link #text} for a reader of an exported file. Ambiguous only for text that itself began
     * with an apostrophe followed by a formula character; the .jsonl copy has the exact value.
     */
    public static String original(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && startsFormula(cell.substring(1)) ? cell.substring(1) : cell;
    }

    static boolean startsFormula(String cell) {
        int i = 0;
        while (i < cell.length() && isLeadingSpace(cell.charAt(i))) {
            i++;
        }
        return i < cell.length() && isTrigger(cell.charAt(i));
    }

    private static boolean isLeadingSpace(char c) {
        // the space, no-break space and ideographic (full-width) space; a tab is itself a trigger
        return c == ' ' || c == '\u00A0' || c == '\u3000';
    }

    private static boolean isTrigger(char first) {
        return switch (first) {
            case '=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
            default -> false;
        };
    }
}
