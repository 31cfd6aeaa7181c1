package dev.quarry.cli;

/** Text from a case (labels, reasons, account ids) printed on a terminal, with control characters shown as '?'. */
final class Terminal {

    private Terminal() {
    }

    /** Untrusted text may carry escape sequences that would rewrite the terminal; they are not passed through. */
    static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
