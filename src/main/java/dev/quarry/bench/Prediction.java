package dev.quarry.bench;

/** What an export says of one account: flagged or not, and the campaign it was put in (or null). */
public record Prediction(boolean flagged, String campaignId) {
}
