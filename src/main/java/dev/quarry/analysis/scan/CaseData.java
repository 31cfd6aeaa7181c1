package dev.quarry.analysis.scan;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one pass over a case yields: the accounts (in accounts-table order) with their table
 * attributes, each account's activity, the vocabularies that give attribute ids their values, and
 * which event columns the extract actually carries.
 */
public final class CaseData {
    final List<String> accountIds;
    final long[] createdAtMs;
    final Map<AttributeKind, int[]> accountAttributes;
    final AccountActivity[] activity;
    final Map<AttributeKind, Vocabulary> vocabularies;
    final Vocabulary models;
    final Vocabulary orgs;
    final long originMs;
    final Set<String> columnsPresent;
    final long eventsOfUnknownAccounts;
    final TaskTaxonomy taxonomy;

    CaseData(List<String> accountIds, long[] createdAtMs, Map<AttributeKind, int[]> accountAttributes,
             AccountActivity[] activity, Map<AttributeKind, Vocabulary> vocabularies, Vocabulary models, Vocabulary orgs,
             long originMs, Set<String> columnsPresent, long eventsOfUnknownAccounts, TaskTaxonomy taxonomy) {
        this.accountIds = accountIds;
        this.createdAtMs = createdAtMs;
        this.accountAttributes = accountAttributes;
        this.activity = activity;
        this.vocabularies = vocabularies;
        this.models = models;
        this.orgs = orgs;
        this.originMs = originMs;
        this.columnsPresent = columnsPresent;
        this.eventsOfUnknownAccounts = eventsOfUnknownAccounts;
        this.taxonomy = taxonomy;
    }

    public int size() {
        return accountIds.size();
    }

    public String accountId(int account) {
        return accountIds.get(account);
    }

    public AccountActivity activity(int account) {
        return activity[account];
    }

    /** The account's value id of an accounts-table attribute, or -1. */
    public int accountAttribute(AttributeKind kind, int account) {
        int[] values = accountAttributes.get(kind);
        return values == null ? -1 : values[account];
    }

    public Vocabulary vocabulary(AttributeKind kind) {
        return vocabularies.get(kind);
    }

    /** The task categories prompts were sorted into (see {@link AccountActivity#tasks}). */
    public TaskTaxonomy taxonomy() {
        return taxonomy;
    }

    public Vocabulary models() {
        return models;
    }

    /** Events whose account is not in the accounts table and could not be created from them. */
    public long eventsOfUnknownAccounts() {
        return eventsOfUnknownAccounts;
    }

    public long originMs() {
        return originMs;
    }

    /** Milliseconds since the epoch of account creation, or Long.MIN_VALUE when unknown. */
    public long createdAtMs(int account) {
        return createdAtMs[account];
    }

    public boolean hasColumn(String column) {
        return columnsPresent.contains(column);
    }

    /** Attribute kinds with at least one value in this case. */
    public Set<AttributeKind> kindsPresent() {
        Set<AttributeKind> kinds = EnumSet.noneOf(AttributeKind.class);
        for (Map.Entry<AttributeKind, Vocabulary> e : vocabularies.entrySet()) {
            if (e.getValue().size() > 0) {
                kinds.add(e.getKey());
            }
        }
        return kinds;
    }

    static Map<AttributeKind, Vocabulary> newVocabularies() {
        Map<AttributeKind, Vocabulary> vocabularies = new EnumMap<>(AttributeKind.class);
        for (AttributeKind kind : AttributeKind.values()) {
            vocabularies.put(kind, new Vocabulary());
        }
        return vocabularies;
    }
}
