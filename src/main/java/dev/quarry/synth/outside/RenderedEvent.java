package dev.quarry.synth.outside;

/** One event's fields, refilled for every event to keep the stream allocation-light. Absent: blank, -1 or NaN. */
final class RenderedEvent {
    String requestId;
    /** The 64-bit key every field of the event was drawn from; unique within a run. */
    long eventKey;
    long ts;
    Account account;
    String orgId;
    String apiKey;
    String ip;
    String asn;
    String country;
    String userAgent;
    Catalog.Model model;
    int promptTokens;
    int completionTokens;
    int maxTokens;
    double temperature;
    String status;
    String prompt;
    boolean refusal;
    /** A few words of the answer, for log shapes that record output. */
    String answer;
    boolean streamed;
    /** Answered 429 whatever the draw (an agent framework's throttled step, retried next). */
    boolean throttled;
}
