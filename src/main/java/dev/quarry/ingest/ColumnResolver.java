package dev.quarry.ingest;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Decides which canonical field a source column (or dotted JSON path) feeds: the mapping file first,
 * then the alias table. Also decides whether a file holds events or accounts from its column names.
 */
final class ColumnResolver {

    /** Returned for a column that maps to no canonical field and is kept in {@code extra}. */
    static final int EXTRA = -1;

    private final RecordKind kind;
    private final MappingFile mapping;
    private final FieldAliases aliases = FieldAliases.standard();
    private final Map<String, Integer> cache = new HashMap<>();
    private final int promptColumn;

    ColumnResolver(RecordKind kind, MappingFile mapping) {
        this.kind = kind;
        this.mapping = mapping;
        this.promptColumn = kind.indexOf("prompt_text");
    }

    RecordKind kind() {
        return kind;
    }

    /** The index of {@code prompt_text} in this kind's columns, or -1 (accounts have none). */
    int promptColumn() {
        return promptColumn;
    }

    int resolve(String sourceName) {
        Integer cached = cache.get(sourceName);
        if (cached != null) {
            return cached;
        }
        int index = resolve(kind, sourceName, mapping, aliases);
        if (cache.size() < 10_000) {
            cache.put(sourceName, index);
        }
        return index;
    }

    /**
     * Event fields recognised by the last segment of a nested JSON path too ({@code request.max_tokens},
     * {@code client.user_agent}, {@code response.usage.output_tokens}): request bodies and client
     * metadata are nested differently in every logging pipeline. Fields whose name is ambiguous out
     * of context (a nested {@code message} may be an error's, a nested {@code id} anybody's) are not.
     */
    private static final java.util.Set<String> NESTED_EVENT_FIELDS = java.util.Set.of(
            "max_tokens", "temperature", "prompt_tokens", "completion_tokens", "model", "user_agent", "ip");

    private static int resolve(RecordKind kind, String sourceName, MappingFile mapping, FieldAliases aliases) {
        String target = mapping.target(sourceName);
        if (target != null) {
            return target.equals(MappingFile.EXTRA) ? EXTRA : kind.indexOf(target);
        }
        int index = aliases.lookup(kind, sourceName);
        int dot = sourceName.lastIndexOf('.');
        if (index < 0 && dot >= 0 && kind == RecordKind.EVENTS) {
            int nested = aliases.lookup(kind, sourceName.substring(dot + 1));
            if (nested >= 0 && NESTED_EVENT_FIELDS.contains(kind.column(nested))) {
                return nested;
            }
        }
        return index;
    }

    /**
     * Accounts when the columns hold an account id and account attributes (email, payment fingerprint,
     * signup time…) and no event time; events otherwise. Names that fit both tables (created_at, country,
     * ip) decide nothing. A mapping file's {@code kind} overrides this.
     */
    static RecordKind detectKind(Collection<String> names, MappingFile mapping) {
        if (mapping.kind() != null) {
            return mapping.kind();
        }
        FieldAliases aliases = FieldAliases.standard();
        boolean accountId = false;
        boolean eventTime = false;
        int accountOnly = 0;
        int eventOnly = 0;
        for (String name : names) {
            int event = resolve(RecordKind.EVENTS, name, mapping, aliases);
            int account = resolve(RecordKind.ACCOUNTS, name, mapping, aliases);
            if (account == RecordKind.ACCOUNTS.indexOf("account_id")) {
                accountId = true;
            } else if (account >= 0 && event < 0) {
                accountOnly++;
            } else if (event >= 0 && account < 0) {
                eventOnly++;
                eventTime |= event == RecordKind.EVENTS.indexOf("ts");
            }
        }
        return accountId && accountOnly > 0 && !eventTime && eventOnly < accountOnly ? RecordKind.ACCOUNTS : RecordKind.EVENTS;
    }
}
