package dev.quarry.model;

import java.util.Locale;

/** The canonical account columns of DESIGN.md, in contract order. {@code account_id} is required. */
public enum AccountField {
    ACCOUNT_ID(FieldType.TEXT),
    CREATED_AT(FieldType.TIMESTAMP),
    EMAIL(FieldType.TEXT),
    PAYMENT_FINGERPRINT(FieldType.TEXT),
    CARD_BIN(FieldType.TEXT),
    BILLING_COUNTRY(FieldType.TEXT),
    SIGNUP_IP(FieldType.TEXT),
    PLAN(FieldType.TEXT);

    private final FieldType type;
    private final String column;

    AccountField(FieldType type) {
        this.type = type;
        this.column = name().toLowerCase(Locale.ROOT);
    }

    public FieldType type() {
        return type;
    }

    public String column() {
        return column;
    }
}
