package dev.quarry.analysis.features;

import java.util.Locale;

/**
 * The per-account behaviour features, in the column order of {@link BehaviourFeatures#compute}.
 * {@link #columnName()} is the name stored with a run and exported, unchanged from when features were
 * a list of names.
 */
public enum BehaviourFeature {
    /** Requests made. */
    EVENTS(true),
    /** Days with a request. */
    ACTIVE_DAYS(false),
    /** Requests per active day. */
    EVENTS_PER_ACTIVE_DAY(true),
    /** Hours of the day with a request. */
    ACTIVE_HOURS_OF_DAY(false),
    /** Entropy of requests over the hours of the day. */
    HOUR_ENTROPY(false),
    /** Coefficient of variation of the gaps between requests. */
    GAP_CV(false),
    /** Median gap between requests, seconds. */
    MEDIAN_GAP_SECONDS(true),
    /** Mean prompt tokens. */
    MEAN_PROMPT_TOKENS(true),
    /** Mean completion tokens (answer length). */
    MEAN_COMPLETION_TOKENS(true),
    /** Completion tokens over prompt tokens. */
    COMPLETION_PROMPT_RATIO(true),
    /** Share of requests refused. */
    REFUSAL_RATE(false),
    /** Share of requests rate-limited. */
    RATE_LIMIT_RATE(false),
    /** Share of requests failed. */
    ERROR_RATE(false),
    /** Distinct models. */
    MODELS_USED(true),
    /** Entropy of requests over models. */
    MODEL_ENTROPY(false),
    /** Share of requests to another model than the one before. */
    MODEL_SWITCH_RATE(false),
    /** Distinct ip addresses. */
    IP_COUNT(true),
    /** Distinct network prefixes. */
    PREFIX_COUNT(true),
    /** Distinct asns. */
    ASN_COUNT(true),
    /** Distinct countries. */
    COUNTRY_COUNT(true),
    /** Distinct user agents. */
    USER_AGENT_COUNT(true),
    /** Distinct request-parameter combinations. */
    PARAMETER_FINGERPRINTS(true),
    /** Share of requests with the most used parameter combination. */
    TOP_PARAMETER_SHARE(false),
    /** Mean temperature. */
    MEAN_TEMPERATURE(false),
    /** Mean prompt length, characters. */
    MEAN_PROMPT_CHARS(true),
    /** Coefficient of variation of prompt length. */
    PROMPT_CHARS_CV(false),
    /** Distinct prompt frames per analysed prompt. */
    DISTINCT_FRAME_RATIO(false),
    /** Share of analysed prompts in the most used frame. */
    TOP_FRAME_SHARE(false),
    /** Share of analysed prompts asking for visible reasoning. */
    REASONING_REQUEST_SHARE(false),
    /** Days from account creation to its first request. */
    ACCOUNT_AGE_DAYS_AT_FIRST_REQUEST(true);

    /** Heavy-tailed counts and amounts, log-scaled before z-scoring so one giant account does not squash the rest. */
    private final boolean logScaled;

    BehaviourFeature(boolean logScaled) {
        this.logScaled = logScaled;
    }

    boolean logScaled() {
        return logScaled;
    }

    /** The feature's name in stored runs and exports, e.g. {@code reasoning_request_share}. */
    public String columnName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The feature of a column of the feature matrix. */
    public static BehaviourFeature ofColumn(int column) {
        return values()[column];
    }

    /** How many features (columns of the feature matrix) there are. */
    public static int count() {
        return values().length;
    }
}
