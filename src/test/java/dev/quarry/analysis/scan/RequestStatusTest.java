package dev.quarry.analysis.scan;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RequestStatusTest {

    @ParameterizedTest
    @CsvSource({"ok, OK", "200, OK", "Success, OK", "end_turn, OK", "429, RATE_LIMITED", "rate_limited, RATE_LIMITED",
            "ThrottlingException, RATE_LIMITED", "refused, REFUSED", "content_filter, REFUSED", "451, REFUSED",
            "400, ERROR", "500, ERROR", "error, ERROR", "'', UNKNOWN", "pending, UNKNOWN"})
    void normalisesStatusesFromEverySource(String raw, RequestStatus expected) {
        assertEquals(expected, RequestStatus.of(raw));
    }

    @ParameterizedTest
    @CsvSource({"accessdenied"})
    void treatsAccessDeniedAsAnErrorNotARefusal(String raw) {
        assertEquals(RequestStatus.UNKNOWN, RequestStatus.of(null));
        assertEquals(RequestStatus.ERROR, RequestStatus.of("access_denied_error"));
    }
}
