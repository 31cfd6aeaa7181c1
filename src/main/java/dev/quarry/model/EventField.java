package dev.quarry.model;

import java.util.Locale;

/** The canonical event columns of DESIGN.md, in contract order. {@code ts} and {@code account_id} are required. */
public enum EventField {
    REQUEST_ID(FieldType.TEXT),
    TS(FieldType.TIMESTAMP),
    ACCOUNT_ID(FieldType.TEXT),
    ORG_ID(FieldType.TEXT),
    API_KEY_ID(FieldType.TEXT),
    IP(FieldType.TEXT),
    ASN(FieldType.TEXT),
    COUNTRY(FieldType.TEXT),
    USER_AGENT(FieldType.TEXT),
    MODEL(FieldType.TEXT),
    PROMPT_TOKENS(FieldType.INTEGER),
    COMPLETION_TOKENS(FieldType.INTEGER),
    MAX_TOKENS(FieldType.INTEGER),
    TEMPERATURE(FieldType.REAL),
    STATUS(FieldType.TEXT),
    PROMPT_TEXT(FieldType.TEXT);

    private final FieldType type;
    private final String column;

    EventField(FieldType type) {
        this.type = type;
        this.column = name().toLowerCase(Locale.ROOT);
    }

    public FieldType type() {
        return type;
    }

    /** The column name in the case file and in exported CSV. */
    public String column() {
        return column;
    }

    public boolean required() {
        return this == TS || this == ACCOUNT_ID;
    }
}
