package dev.quarry.analysis;

import dev.quarry.analysis.scan.AttributeKind;
import dev.quarry.analysis.scan.CaseData;
import dev.quarry.analysis.scan.Vocabulary;
import dev.quarry.analysis.signals.Evidence;
import dev.quarry.analysis.signals.Links;
import dev.quarry.analysis.signals.SharedValues;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What the workbench views draw, gathered while a run's data is still in memory so that opening a
 * view never scans the events table: the account links with the value behind each, the attribute
 * edges of each campaign, and the traffic counts of {@link TrafficCounts}.
 */
public record ViewData(AccountLinks links, List<CampaignAttribute> campaignAttributes, TrafficCounts traffic) {

    static ViewData collect(CaseData data, Map<Evidence, SharedValues> shared, Map<Evidence, Links> links,
                            Integer[] campaignOf) {
        List<String> accountIds = new ArrayList<>(data.size());
        for (int account = 0; account < data.size(); account++) {
            accountIds.add(data.accountId(account));
        }
        AccountLinks accountLinks = new AccountLinks(accountIds);
        for (Map.Entry<Evidence, Links> entry : links.entrySet()) {
            LinkFamily family = LinkFamily.of(entry.getKey());
            if (family == null) {
                continue;
            }
            Links found = entry.getValue();
            SharedValues values = shared.get(entry.getKey());
            for (int i = 0; i < found.size(); i++) {
                int a = found.first(i);
                int b = found.second(i);
                String value = values == null
                        ? found.detail(i) + " synchronized windows"
                        : describe(data, values, strongestShared(values, a, b));
                accountLinks.add(a, b, family, found.weight(i), value);
            }
        }
        List<CampaignAttribute> attributes = new ArrayList<>();
        for (SharedValues values : shared.values()) {
            LinkFamily family = LinkFamily.of(values.family());
            for (int value = 0; value < values.size(); value++) {
                addCampaignAttributes(data, values, value, family, campaignOf, attributes);
            }
        }
        return new ViewData(accountLinks, attributes, TrafficCounts.count(data, campaignOf));
    }

    /** Every member holding a value that another member of its campaign holds too. */
    private static void addCampaignAttributes(CaseData data, SharedValues values, int value, LinkFamily family,
                                              Integer[] campaignOf, List<CampaignAttribute> out) {
        Map<Integer, Integer> holdersByCampaign = new HashMap<>();
        for (int account : values.holders(value)) {
            if (campaignOf[account] != null) {
                holdersByCampaign.merge(campaignOf[account], 1, Integer::sum);
            }
        }
        if (holdersByCampaign.values().stream().noneMatch(count -> count >= 2)) {
            return;
        }
        String attribute = attributeName(values, value);
        String text = valueText(data, values, value);
        for (int account : values.holders(value)) {
            Integer campaign = campaignOf[account];
            if (campaign != null && holdersByCampaign.get(campaign) >= 2) {
                out.add(new CampaignAttribute(campaign, data.accountId(account), family, attribute, text));
            }
        }
    }

    /** The value of the heaviest weight among those both accounts hold; -1 when they hold none in common. */
    private static int strongestShared(SharedValues values, int a, int b) {
        int[] ofA = values.valuesOf(a);
        int[] ofB = values.valuesOf(b);
        int best = -1;
        int i = 0;
        int j = 0;
        while (i < ofA.length && j < ofB.length) { // both ascending: they are filled in value order
            if (ofA[i] < ofB[j]) {
                i++;
            } else if (ofA[i] > ofB[j]) {
                j++;
            } else {
                if (best < 0 || values.weight(ofA[i]) > values.weight(best)) {
                    best = ofA[i];
                }
                i++;
                j++;
            }
        }
        return best;
    }

    private static String describe(CaseData data, SharedValues values, int value) {
        return value < 0 ? "" : attributeName(values, value) + " " + valueText(data, values, value);
    }

    private static String attributeName(SharedValues values, int value) {
        AttributeKind kind = values.kind(value);
        return kind == null ? "prompt template" : kind.label();
    }

    /** Templates are known by their hash only; every other value has its text in the run's vocabulary. */
    private static String valueText(CaseData data, SharedValues values, int value) {
        AttributeKind kind = values.kind(value);
        long id = values.id(value);
        Vocabulary vocabulary = kind == null ? null : data.vocabulary(kind);
        if (vocabulary == null || id < 0 || id >= vocabulary.size()) {
            return "#" + HexFormat.of().toHexDigits(id);
        }
        return vocabulary.value((int) id);
    }
}
