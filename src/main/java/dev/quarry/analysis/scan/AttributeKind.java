package dev.quarry.analysis.scan;

/**
 * The attributes an account can share with others. An email shape is supporting evidence only: its
 * weight stays below a strong tie (0.25) however rare the shape, since a company's addresses share
 * one shape as much as a farm's do. Event attributes come from the events table,
 * account attributes from the accounts table; {@link #linkWeight} is how strongly one rare shared
 * value suggests common control before rarity and independence are weighed (a payment card is
 * personal, an ASN is shared by a whole cloud).
 */
public enum AttributeKind {
    IP("IP address", Family.INFRASTRUCTURE, 0.8),
    NETWORK_PREFIX("network prefix", Family.INFRASTRUCTURE, 0.45),
    ASN("ASN", Family.INFRASTRUCTURE, 0.15),
    USER_AGENT("user agent", Family.CLIENT, 0.3),
    PARAMETERS("request-parameter fingerprint", Family.CLIENT, 0.0),
    COUNTRY("country", Family.INFRASTRUCTURE, 0.0),
    MODEL("model", Family.INFRASTRUCTURE, 0.0),
    PAYMENT("payment fingerprint", Family.BILLING, 1.0),
    CARD_BIN("card BIN", Family.BILLING, 0.25),
    SIGNUP_IP("signup IP", Family.INFRASTRUCTURE, 0.8),
    SIGNUP_PREFIX("signup network prefix", Family.INFRASTRUCTURE, 0.4),
    EMAIL_PATTERN("email pattern", Family.BILLING, 0.24);

    /**
     * Which independent body of evidence a shared value belongs to. Signup IPs are network
     * evidence, not billing: a campus signs up and works from the same NAT. A user agent is client
     * evidence, with the request parameters, not network: one script sets both, so counting them as
     * two bodies of evidence would tie together two farms whose only common trait is their tooling.
     */
    public enum Family { INFRASTRUCTURE, BILLING, CLIENT }

    private final String label;
    private final Family family;
    private final double linkWeight;

    AttributeKind(String label, Family family, double linkWeight) {
        this.label = label;
        this.family = family;
        this.linkWeight = linkWeight;
    }

    public String label() {
        return label;
    }

    /** Whether the value is a column of the accounts table (one value per account) rather than of events. */
    public boolean fromAccountsTable() {
        return this == PAYMENT || this == CARD_BIN || this == SIGNUP_IP || this == SIGNUP_PREFIX || this == EMAIL_PATTERN;
    }

    public Family family() {
        return family;
    }

    /** 0 for attributes that describe behaviour rather than control (country, model): never a link by themselves. */
    public double linkWeight() {
        return linkWeight;
    }
}
