package dev.quarry.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimestampParserTest {

    @ParameterizedTest
    @CsvSource({
            "2024-03-05T10:15:30Z, 2024-03-05T10:15:30Z",
            "2024-03-05T10:15:30.123Z, 2024-03-05T10:15:30.123Z",
            "2024-03-05T10:15:30.123456789Z, 2024-03-05T10:15:30.123Z",
            "2024-03-05t10:15:30z, 2024-03-05T10:15:30Z",
            "2024-03-05T10:15:30+02:00, 2024-03-05T08:15:30Z",
            "2024-03-05T10:15:30-0530, 2024-03-05T15:45:30Z",
            "2024-03-05T10:15:30+02, 2024-03-05T08:15:30Z",
            "2024-03-05 10:15:30+00:00, 2024-03-05T10:15:30Z",
            "2024-03-05T10:15Z, 2024-03-05T10:15:00Z",
            "2024-02-29T23:59:59.999Z, 2024-02-29T23:59:59.999Z",
            "1709633730, 2024-03-05T10:15:30Z",
            "1709633730.5, 2024-03-05T10:15:30.500Z",
            "1709633730123, 2024-03-05T10:15:30.123Z",
            "1709633730123456, 2024-03-05T10:15:30.123Z",
            "'  1709633730 ', 2024-03-05T10:15:30Z",
            "2024-03-05 10:15:30.123456 UTC, 2024-03-05T10:15:30.123Z",
            "2024-03-05T10:15:30 utc, 2024-03-05T10:15:30Z",
            "2024-03-05T10:15:30GMT, 2024-03-05T10:15:30Z",
            "2024-03-05 10:15:30 GMT+02:00, 2024-03-05T08:15:30Z",
            "2024-03-05T10:15:30Z[UTC], 2024-03-05T10:15:30Z",
            "2024-03-05T10:15:30+01:00[Europe/Paris], 2024-03-05T09:15:30Z",
            "2024/03/05 10:15:30Z, 2024-03-05T10:15:30Z",
            "'Tue, 5 Mar 2024 10:15:30 GMT', 2024-03-05T10:15:30Z",
            "'Tue, 05 Mar 2024 12:15:30 +0200', 2024-03-05T10:15:30Z",
    })
    void parsesZonedAndEpochTimestamps(String text, String expected) {
        TimestampParser parser = new TimestampParser();
        assertEquals(Instant.parse(expected).toEpochMilli(), parser.parse(text));
        assertFalse(parser.sawZoneless());
    }

    @ParameterizedTest
    @CsvSource({
            "2024-03-05 10:15:30, 2024-03-05T10:15:30Z",
            "2024-03-05 10:15:30.250, 2024-03-05T10:15:30.250Z",
            "2024-03-05T10:15:30, 2024-03-05T10:15:30Z",
            "2024/03/05 10:15:30, 2024-03-05T10:15:30Z",
    })
    void readsTimestampsWithoutZoneAsUtcAndRemembersIt(String text, String expected) {
        TimestampParser parser = new TimestampParser();
        assertEquals(Instant.parse(expected).toEpochMilli(), parser.parse(text));
        assertTrue(parser.sawZoneless());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "yesterday", "2024-13-01T00:00:00Z", "2024-02-30T00:00:00Z", "2023-02-29 00:00:00",
            "2024-03-05T24:00:00Z", "2024-03-05T10:60:00Z", "2024-03-05T10:15:61Z", "2024-03-05T10:15:30+19:00",
            "2024-03-05T10:15:30 UTCX", "2024-03-05", "2024/03-05 10:15:30", "12.", "1e9", "0x1F", "1709633730abc",
            "2024-03-05T10:15:30.Z", "99999999999999999999", "2024-03-05T10:15:30+02:0", "2024-03-05T10:15:30[Europe/Paris]",
            "05/03/2024 10:15:30", "Mar 5, 2024 10:15:30 AM", "Tue, 5 Mar 2024 10:15:30"})
    void rejectsTextThatIsNoTimestamp(String text) {
        assertEquals(TimestampParser.INVALID, new TimestampParser().parse(text));
    }

    @Test
    void agreesWithJavaTimeOnRandomInstantsAndOffsets() {
        Random random = new Random(20240305);
        TimestampParser parser = new TimestampParser();
        DateTimeFormatter[] zoned = {
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX"),
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX"),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxx"),
        };
        for (int i = 0; i < 20_000; i++) {
            long millis = (long) (random.nextDouble() * 4_102_444_800_000L); // 1970 .. 2100
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(37) - 18) * 1800);
            OffsetDateTime time = Instant.ofEpochMilli(millis).atOffset(offset);
            String text = time.format(zoned[i % zoned.length]);
            long expected = OffsetDateTime.parse(text, zoned[i % zoned.length]).toInstant().toEpochMilli();
            assertEquals(expected, parser.parse(text), text);

            String local = LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC)
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS"));
            assertEquals(millis, parser.parse(local), local);
            assertEquals(millis / 1000 * 1000, parser.parse(Long.toString(millis / 1000)));
            if (millis >= 100_000_000_000L) {
                assertEquals(millis, parser.parse(Long.toString(millis)));
            }
        }
    }

    @Test
    void countsDaysLikeJavaTimeAcrossCenturiesAndLeapYears() {
        for (int year = 1600; year <= 2400; year += 7) {
            for (int month = 1; month <= 12; month++) {
                assertEquals(java.time.LocalDate.of(year, month, 1).toEpochDay(), TimestampParser.epochDay(year, month, 1));
            }
        }
    }
}
