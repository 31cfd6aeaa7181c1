package dev.quarry.ingest;

/**
 * Parses the timestamp shapes real extracts use into epoch milliseconds UTC, by hand: {@code Instant.parse}
 * costs about a second per million rows, more than the rest of a row's work together.
 * <ul>
 *   <li>ISO-8601 with {@code Z} or an offset ({@code +02:00}, {@code +0200}, {@code +02}),
 *       separator {@code T} or a space, optional seconds and fraction; the zone may also be written
 *       {@code UTC} or {@code GMT} (optionally with an offset), after a space or not (BigQuery
 *       exports write {@code 2024-03-05 10:15:30.123456 UTC}), and may be followed by a bracketed
 *       zone id ({@code Z[UTC]}, as Java prints it); the date may use slashes ({@code 2024/03/05});</li>
 *   <li>the same without a zone (e.g. {@code yyyy-MM-dd HH:mm:ss[.SSS]}), read as UTC and remembered
 *       so the import summary can say so;</li>
 *   <li>epoch numbers, optionally with a fraction, whose unit is told by magnitude: below 10^11
 *       seconds (until year 5138), below 10^14 milliseconds, below 10^17 microseconds, else nanoseconds;</li>
 *   <li>RFC 1123, as HTTP logs write it ({@code Tue, 5 Mar 2024 10:15:30 GMT}), through java.time.</li>
 * </ul>
 * Day-first and month-first dates ({@code 05/03/2024}) are refused rather than guessed.
 * Fractions finer than a millisecond are truncated. Not thread-safe: one per reading thread.
 */
final class TimestampParser {

    /** Returned for text that is not a timestamp. No real event falls on this instant. */
    static final long INVALID = Long.MIN_VALUE;

    private static final long SECONDS_LIMIT = 100_000_000_000L;
    private static final long MILLIS_LIMIT = 100_000_000_000_000L;
    private static final long MICROS_LIMIT = 100_000_000_000_000_000L;

    private boolean sawZoneless;

    /** True once any timestamp without a zone was read (and taken as UTC). */
    boolean sawZoneless() {
        return sawZoneless;
    }

    long parse(CharSequence text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && text.charAt(end - 1) <= ' ') {
            end--;
        }
        if (start == end) {
            return INVALID;
        }
        if (end - start >= 16 && (text.charAt(start + 4) == '-' || text.charAt(start + 4) == '/')) {
            return parseIso(text, start, end);
        }
        if (Character.isLetter(text.charAt(start))) {
            return parseRfc1123(text.subSequence(start, end));
        }
        return parseEpoch(text, start, end);
    }

    private static long parseRfc1123(CharSequence text) {
        try {
            return java.time.ZonedDateTime.parse(text, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant().toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            return INVALID;
        }
    }

    private static long parseEpoch(CharSequence s, int i, int end) {
        boolean negative = false;
        if (s.charAt(i) == '-') {
            negative = true;
            i++;
        }
        long whole = 0;
        int digits = 0;
        while (i < end && isDigit(s.charAt(i))) {
            if (++digits > 18) {
                return INVALID;
            }
            whole = whole * 10 + (s.charAt(i) - '0');
            i++;
        }
        if (digits == 0) {
            return INVALID;
        }
        long fractionNanos = 0;
        if (i < end && s.charAt(i) == '.') {
            i++;
            int fractionDigits = 0;
            long scale = 100_000_000L;
            while (i < end && isDigit(s.charAt(i))) {
                if (fractionDigits < 9) {
                    fractionNanos += (s.charAt(i) - '0') * scale;
                    scale /= 10;
                }
                fractionDigits++;
                i++;
            }
            if (fractionDigits == 0) {
                return INVALID;
            }
        }
        if (i != end) {
            return INVALID;
        }
        long millis;
        if (whole < SECONDS_LIMIT) {
            millis = whole * 1000 + fractionNanos / 1_000_000;
        } else if (whole < MILLIS_LIMIT) {
            millis = whole;
        } else if (whole < MICROS_LIMIT) {
            millis = whole / 1000;
        } else {
            millis = whole / 1_000_000;
        }
        return negative ? -millis : millis;
    }

    private long parseIso(CharSequence s, int i, int end) {
        int year = digits(s, i, 4);
        char dateSeparator = s.charAt(i + 4);
        if (year < 0 || dateSeparator != '-' && dateSeparator != '/') {
            return INVALID;
        }
        int month = digits(s, i + 5, 2);
        if (month < 1 || month > 12 || s.charAt(i + 7) != dateSeparator) {
            return INVALID;
        }
        int day = digits(s, i + 8, 2);
        if (day < 1 || day > daysInMonth(year, month)) {
            return INVALID;
        }
        char separator = s.charAt(i + 10);
        if (separator != 'T' && separator != 't' && separator != ' ') {
            return INVALID;
        }
        int hour = digits(s, i + 11, 2);
        if (hour < 0 || hour > 23 || s.charAt(i + 13) != ':') {
            return INVALID;
        }
        int minute = digits(s, i + 14, 2);
        if (minute < 0 || minute > 59) {
            return INVALID;
        }
        int p = i + 16;
        int second = 0;
        int millis = 0;
        if (p < end && s.charAt(p) == ':') {
            if (p + 3 > end) {
                return INVALID;
            }
            second = digits(s, p + 1, 2);
            if (second < 0 || second > 59) {
                return INVALID;
            }
            p += 3;
            if (p < end && (s.charAt(p) == '.' || s.charAt(p) == ',')) {
                p++;
                int fractionDigits = 0;
                int scale = 100;
                while (p < end && isDigit(s.charAt(p))) {
                    if (fractionDigits < 3) {
                        millis += (s.charAt(p) - '0') * scale;
                        scale /= 10;
                    }
                    fractionDigits++;
                    p++;
                }
                if (fractionDigits == 0 || fractionDigits > 9) {
                    return INVALID;
                }
            }
        }
        long offsetSeconds;
        if (p < end && s.charAt(p) == ' ') {
            p++;
        }
        if (end > p && s.charAt(end - 1) == ']') {
            // a zone id after an explicit offset ("Z[UTC]", "+01:00[Europe/Paris]") adds nothing
            int open = lastIndexOf(s, '[', p, end);
            if (open <= p) {
                return INVALID;
            }
            end = open;
        }
        boolean namedUtc = end - p >= 3 && (regionMatches(s, p, "UTC") || regionMatches(s, p, "GMT"));
        if (namedUtc) {
            p += 3;
        }
        if (p == end) {
            sawZoneless |= !namedUtc;
            offsetSeconds = 0;
        } else {
            char zone = s.charAt(p);
            if ((zone == 'Z' || zone == 'z') && p + 1 == end) {
                offsetSeconds = 0;
            } else if (zone == '+' || zone == '-') {
                int offsetHours = digits(s, p + 1, 2, end);
                int offsetMinutes = 0;
                int q = p + 3;
                if (q < end && s.charAt(q) == ':') {
                    q++;
                }
                if (q < end) {
                    offsetMinutes = digits(s, q, 2, end);
                    q += 2;
                }
                if (offsetHours < 0 || offsetHours > 18 || offsetMinutes < 0 || offsetMinutes > 59 || q != end
                        || offsetHours * 3600 + offsetMinutes * 60 > 18 * 3600) {
                    return INVALID;
                }
                offsetSeconds = offsetHours * 3600L + offsetMinutes * 60L;
                if (zone == '-') {
                    offsetSeconds = -offsetSeconds;
                }
            } else {
                return INVALID;
            }
        }
        long epochSeconds = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return epochSeconds * 1000 + millis;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }

    private static int daysInMonth(int year, int month) {
        switch (month) {
            case 2:
                boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            case 4: case 6: case 9: case 11:
                return 30;
            default:
                return 31;
        }
    }

    private static int digits(CharSequence s, int from, int count) {
        return digits(s, from, count, s.length());
    }

    /** The value of {@code count} decimal digits at {@code from}, or -1 when they are not all digits. */
    private static int digits(CharSequence s, int from, int count, int end) {
        if (from + count > end) {
            return -1;
        }
        int value = 0;
        for (int k = from; k < from + count; k++) {
            char c = s.charAt(k);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean regionMatches(CharSequence s, int from, String word) {
        for (int k = 0; k < word.length(); k++) {
            if (Character.toUpperCase(s.charAt(from + k)) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int lastIndexOf(CharSequence s, char c, int from, int end) {
        for (int k = end - 1; k >= from; k--) {
            if (s.charAt(k) == c) {
                return k;
            }
        }
        return -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
