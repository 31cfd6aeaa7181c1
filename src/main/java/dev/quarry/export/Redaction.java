package dev.quarry.export;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what a packet shared outside the team must not show: prompt texts, e-mail addresses and IP
 * addresses, wherever they occur (an account id that is an e-mail, an IP quoted in a reason or a
 * note). The same value always gets the same mask within a packet, so the links between accounts
 * stay visible: two accounts on {@code [ip 3]} shared an address. One instance serves a whole packet,
 * its PDF and its attached files alike.
 */
public final class Redaction {

    public static final Redaction NONE = new Redaction(false);

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,}");
    // IPv4, and IPv6 with at least three colons or a "::" (a clock time has at most two colons)
    private static final Pattern IP = Pattern.compile(
            "(?<![\\w.:])(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?![\\w.])"
                    + "|(?<![\\w:])(?:[0-9A-Fa-f]{1,4}:){3,7}[0-9A-Fa-f]{1,4}(?![\\w:])"
                    + "|(?<![\\w:])(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?::(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?(?![\\w:])");

    private final boolean active;
    private final Map<String, String> prompts = new HashMap<>();
    private final Map<String, String> emails = new HashMap<>();
    private final Map<String, String> ips = new HashMap<>();

    private Redaction(boolean active) {
        this.active = active;
    }

    public static Redaction masking() {
        return new Redaction(true);
    }

    public boolean active() {
        return active;
    }

    /** A prompt text: replaced whole, since any part of it may identify the requester or the harvested data. */
    public synchronized String prompt(String text) {
        if (!active || text == null || text.isEmpty()) {
            return text;
        }
        return prompts.computeIfAbsent(text, t -> "[prompt " + (prompts.size() + 1) + "]");
    }

    /** Any other text: e-mail addresses and IP addresses in it masked, the rest kept. */
    public synchronized String text(String text) {
        if (!active || text == null || text.isEmpty()) {
            return text;
        }
        return mask(IP, ips, "ip", mask(EMAIL, emails, "email", text));
    }

    private static String mask(Pattern pattern, Map<String, String> masks, String kind, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        do {
            String value = matcher.group();
            out.append(text, last, matcher.start())
                    .append(masks.computeIfAbsent(value.toLowerCase(java.util.Locale.ROOT),
                            v -> "[" + kind + " " + (masks.size() + 1) + "]"));
            last = matcher.end();
        } while (matcher.find());
        return out.append(text, last, text.length()).toString();
    }

    /** What the cover states. */
    public String statement() {
        return active
                ? String.format(java.util.Locale.ROOT, "REDACTED for sharing: prompt texts, e-mail addresses and IP "
                + "addresses are masked, the same value with the same mask (%d prompts, %d e-mails, %d IPs masked)",
                prompts.size(), emails.size(), ips.size())
                : "Not redacted: prompt texts, e-mail addresses and IP addresses are shown as recorded";
    }
}
