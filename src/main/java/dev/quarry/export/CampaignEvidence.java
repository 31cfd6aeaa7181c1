package dev.quarry.export;

import dev.quarry.model.EventField;
import dev.quarry.store.CaseRecords;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a packet shows of one campaign beyond the run's own figures, gathered from the case's events in
 * the one pass the export makes anyway: its requests per hour (the timeline and the hour-of-day ×
 * day heatmap), the attribute values its members share (the links that tie them, and the account
 * graph drawn from them), and its most frequent prompts.
 */
final class CampaignEvidence {

    static final long HOUR = 3_600_000L;
    /** Distinct prompts counted per campaign; after that only the ones already seen are counted. */
    private static final int PROMPTS_COUNTED = 5_000;

    /** The attributes whose shared values tie members together, with where they are read from. */
    enum LinkAttribute {
        IP("ip", "IP address"),
        USER_AGENT("user_agent", "user agent"),
        API_KEY("api_key_id", "API key"),
        ORG("org_id", "organisation"),
        PAYMENT("payment_fingerprint", "payment fingerprint"),
        SIGNUP_IP("signup_ip", "sign-up IP");

        final String column;
        final String words;

        LinkAttribute(String column, String words) {
            this.column = column;
            this.words = words;
        }

        /** IP addresses are masked by a redaction, the other values are identifiers of the operator's systems. */
        boolean isAddress() {
            return this == IP || this == SIGNUP_IP;
        }
    }

    /** One shared value and the members that used it. */
    record SharedValue(LinkAttribute attribute, String value, List<String> members) {
    }

    record PromptCount(String prompt, long requests) {
    }

    final int campaignId;
    private final TreeMap<Long, Long> hourly = new TreeMap<>();
    private final Map<LinkAttribute, Map<String, TreeSet<String>>> values = new LinkedHashMap<>();
    private final Map<String, long[]> prompts = new HashMap<>();
    long events;

    CampaignEvidence(int campaignId) {
        this.campaignId = campaignId;
        for (LinkAttribute attribute : LinkAttribute.values()) {
            values.put(attribute, new HashMap<>());
        }
    }

    void add(CaseRecords.EventRow event) {
        events++;
        hourly.merge(Math.floorDiv(event.ts(), HOUR), 1L, Long::sum);
        String account = event.accountId();
        value(LinkAttribute.IP, event.text(EventField.IP), account);
        value(LinkAttribute.USER_AGENT, event.text(EventField.USER_AGENT), account);
        value(LinkAttribute.API_KEY, event.text(EventField.API_KEY_ID), account);
        value(LinkAttribute.ORG, event.text(EventField.ORG_ID), account);
        String prompt = event.text(EventField.PROMPT_TEXT);
        if (prompt != null && !prompt.isBlank()) {
            long[] count = prompts.get(prompt);
            if (count != null) {
                count[0]++;
            } else if (prompts.size() < PROMPTS_COUNTED) {
                prompts.put(prompt, new long[] {1});
            }
        }
    }

    void value(LinkAttribute attribute, String value, String account) {
        if (value != null && !value.isBlank()) {
            values.get(attribute).computeIfAbsent(value, v -> new TreeSet<>()).add(account);
        }
    }

    /** Requests per hour, keyed by hours since the epoch (UTC). */
    TreeMap<Long, Long> hourly() {
        return hourly;
    }

    /** Values used by two or more members, the most widely shared first. */
    List<SharedValue> sharedValues() {
        List<SharedValue> shared = new ArrayList<>();
        values.forEach((attribute, byValue) -> byValue.forEach((value, members) -> {
            if (members.size() >= 2) {
                shared.add(new SharedValue(attribute, value, List.copyOf(members)));
            }
        }));
        shared.sort(Comparator.comparingInt((SharedValue s) -> -s.members().size())
                .thenComparing(s -> s.attribute().ordinal()).thenComparing(SharedValue::value));
        return shared;
    }

    /** The {@code limit} most frequent prompts, ties by text so the choice is the same every time. */
    List<PromptCount> topPrompts(int limit) {
        return prompts.entrySet().stream()
                .map(e -> new PromptCount(e.getKey(), e.getValue()[0]))
                .sorted(Comparator.comparingLong((PromptCount p) -> -p.requests()).thenComparing(PromptCount::prompt))
                .limit(limit).toList();
    }
}
