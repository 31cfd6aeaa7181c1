package dev.quarry.analysis;

/**
 * An edge of a campaign's own graph: a member account and a value it shares with at least one other
 * member (a card, an IP, a network prefix, a user agent, a template).
 *
 * @param attribute what kind of value it is, e.g. "payment fingerprint" or "prompt template"
 */
public record CampaignAttribute(int campaignId, String accountId, LinkFamily family, String attribute, String value) {
}
