package dev.quarry.analysis.scan;

import java.util.Locale;

/** Network prefixes and email shapes: the coarser identities that farms share even when they rotate exact values. */
public final class NetworkAddresses {
    private NetworkAddresses() {
    }

    /** The /24 of an IPv4 address or the /48 of an IPv6 address, or null when the text is neither. */
    public static String prefix(String ip) {
        if (ip == null) {
            return null;
        }
        String s = ip.trim();
        if (s.indexOf(':') >= 0) {
            int zone = s.indexOf('%');
            if (zone >= 0) {
                s = s.substring(0, zone);
            }
            String[] groups = expandIpv6(s.toLowerCase(Locale.ROOT));
            return groups == null ? null : groups[0] + ":" + groups[1] + ":" + groups[2] + "::/48";
        }
        String[] octets = s.split("\\.");
        if (octets.length != 4) {
            return null;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit)) {
                return null;
            }
        }
        return octets[0] + "." + octets[1] + "." + octets[2] + ".0/24";
    }

    private static String[] expandIpv6(String s) {
        String[] out = new String[8];
        int gap = s.indexOf("::");
        String[] head = gap >= 0 ? split(s.substring(0, gap)) : split(s);
        String[] tail = gap >= 0 ? split(s.substring(gap + 2)) : new String[0];
        if (gap < 0 && head.length != 8 || head.length + tail.length > 8) {
            return null;
        }
        for (int i = 0; i < 8; i++) {
            out[i] = "0";
        }
        for (int i = 0; i < head.length; i++) {
            out[i] = normalizeGroup(head[i]);
        }
        for (int i = 0; i < tail.length; i++) {
            out[8 - tail.length + i] = normalizeGroup(tail[i]);
        }
        for (String group : out) {
            if (group == null) {
                return null;
            }
        }
        return out;
    }

    private static String[] split(String s) {
        return s.isEmpty() ? new String[0] : s.split(":", -1);
    }

    private static String normalizeGroup(String group) {
        if (group.isEmpty() || group.length() > 4 || !group.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return null;
        }
        return Integer.toHexString(Integer.parseInt(group, 16));
    }

    /**
     * The shape of an email address: its domain plus the run structure of its local part, e.g.
     * {@code jane.doe1987@example.com -> a4.a3d4@example.com}. Generated accounts made by one script
     * share a shape on an uncommon domain; people on common domains spread over many shapes, and
     * rarity weighting discounts shapes that many accounts have.
     */
    public static String emailPattern(String email) {
        if (email == null) {
            return null;
        }
        String s = email.trim().toLowerCase(Locale.ROOT);
        int at = s.lastIndexOf('@');
        if (at <= 0 || at == s.length() - 1) {
            return null;
        }
        String local = s.substring(0, at);
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        StringBuilder shape = new StringBuilder();
        char kind = 0;
        int run = 0;
        for (int i = 0; i <= local.length(); i++) {
            char c = i < local.length() ? local.charAt(i) : 0;
            char k = c == 0 ? 0 : Character.isLetter(c) ? 'a' : Character.isDigit(c) ? 'd' : c;
            if (k != kind || k != 'a' && k != 'd') {
                if (kind == 'a' || kind == 'd') {
                    shape.append(kind).append(run);
                } else if (kind != 0) {
                    shape.append(kind);
                }
                kind = k;
                run = 0;
            }
            run++;
        }
        return shape + s.substring(at);
    }
}
