package dev.quarry.export;

/**
 * Keeps untrusted text from running as a spreadsheet formula (CSV injection): a cell that starts with
 * a character Excel, LibreOffice or Sheets reads as the start of a formula gets a leading apostrophe,
 * which spreadsheets show as plain text. Only text cells go through here; numeric columns are
 * formatted by Quarry itself, so a negative score stays a number.
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    public static String text(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell == null ? "" : cell;
        }
        return startsFormula(cell.charAt(0)) ? "'" + cell : cell;
    }

    /**
     * Undoes {@link #text} for a reader of an exported file. Ambiguous only for text that itself began
     * with an apostrophe followed by a formula character, which Quarry's own ids and reasons never do.
     */
    public static String original(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && startsFormula(cell.charAt(1)) ? cell.substring(1) : cell;
    }

    static boolean startsFormula(char first) {
        return switch (first) {
            // ASCII triggers, then their full-width forms, which some spreadsheets normalize to ASCII
            case '=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
            default -> false;
        };
    }
}
