package dev.quarry.analysis.features;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BehaviourFeatureTest {

    @Test
    void storedAndExportedNamesAreThoseRunsHaveAlwaysCarried() {
        // runs stored before the enum, and every exported packet, name features exactly so
        List<String> stored = List.of("events", "active_days", "events_per_active_day", "active_hours_of_day",
                "hour_entropy", "gap_cv", "median_gap_seconds", "mean_prompt_tokens", "mean_completion_tokens",
                "completion_prompt_ratio", "refusal_rate", "rate_limit_rate", "error_rate", "models_used",
                "model_entropy", "model_switch_rate", "ip_count", "prefix_count", "asn_count", "country_count",
                "user_agent_count", "parameter_fingerprints", "top_parameter_share", "mean_temperature",
                "mean_prompt_chars", "prompt_chars_cv", "distinct_frame_ratio", "top_frame_share",
                "reasoning_request_share", "account_age_days_at_first_request");
        assertEquals(stored, Arrays.stream(BehaviourFeature.values()).map(BehaviourFeature::columnName).toList());
    }

    @Test
    void countsAndAmountsAreLogScaledRatesAreNot() {
        assertTrue(BehaviourFeature.EVENTS.logScaled());
        assertTrue(BehaviourFeature.IP_COUNT.logScaled());
        assertTrue(BehaviourFeature.MEAN_COMPLETION_TOKENS.logScaled());
        assertFalse(BehaviourFeature.REASONING_REQUEST_SHARE.logScaled());
        assertFalse(BehaviourFeature.HOUR_ENTROPY.logScaled());
    }
}
