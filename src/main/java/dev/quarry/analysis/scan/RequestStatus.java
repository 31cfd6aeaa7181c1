package dev.quarry.analysis.scan;

import java.util.Locale;

/**
 * Request outcomes normalised across sources: textual statuses (ok, refused, rate_limited, …), HTTP
 * codes (200, 429, 400, …) and provider stop reasons all map onto the few outcomes the features need.
 */
public enum RequestStatus {
    OK, REFUSED, RATE_LIMITED, ERROR, UNKNOWN;

    public static RequestStatus of(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        String s = raw.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return UNKNOWN;
        }
        if (s.chars().allMatch(Character::isDigit) && s.length() <= 3) {
            int code = Integer.parseInt(s);
            if (code == 429) {
                return RATE_LIMITED;
            }
            if (code == 451) {
                return REFUSED;
            }
            return code >= 200 && code < 300 ? OK : ERROR;
        }
        if (s.contains("rate") || s.contains("throttl") || s.contains("too many") || s.contains("quota")) {
            return RATE_LIMITED;
        }
        if (s.contains("refus") || s.contains("content_filter") || s.contains("content filter")
                || s.contains("blocked") || s.contains("policy") || s.contains("safety") || s.contains("moderat")
                || s.contains("denied") && !s.contains("access")) {
            return REFUSED;
        }
        if (s.equals("ok") || s.startsWith("success") || s.equals("succeeded") || s.equals("completed")
                || s.equals("complete") || s.equals("stop") || s.equals("end_turn") || s.equals("length")
                || s.equals("max_tokens") || s.equals("done") || s.equals("true")) {
            return OK;
        }
        if (s.contains("error") || s.contains("fail") || s.contains("timeout") || s.contains("invalid")
                || s.contains("exception") || s.contains("unavailable") || s.equals("false")) {
            return ERROR;
        }
        return UNKNOWN;
    }
}
