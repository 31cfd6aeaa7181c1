package dev.quarry.synth;

/** One event being written; reused for every event so the hot loop allocates only its strings. */
final class EventDraft {
    static final String OK = "ok";
    static final String REFUSED = "refused";
    static final String RATE_LIMITED = "rate_limited";
    static final String ERROR = "error";

    long ordinal;
    long ts;
    Persona account;
    String apiKeyId;
    Network.Endpoint endpoint;
    String userAgent;
    Models.Model model;
    int promptTokens;
    int completionTokens;
    /** 0 when the request did not set it. */
    int maxTokens;
    /** Negative when the request did not set it. */
    double temperature;
    String status;
    String promptText;
}
