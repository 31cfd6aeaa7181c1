package dev.quarry.analysis;

import dev.quarry.analysis.signals.Evidence;

/**
 * The kinds of link the account graph draws and lets the analyst toggle, each one body of evidence
 * of the engine; the stored name is what {@code run_links.family} holds.
 */
public enum LinkFamily {
    BILLING("billing", "shared billing"),
    NETWORK("network", "shared network"),
    CLIENT("client", "same client"),
    TEMPLATE("template", "shared template"),
    TIMING("timing", "synchronized timing");

    private final String stored;
    private final String label;

    LinkFamily(String stored, String label) {
        this.stored = stored;
        this.label = label;
    }

    public String stored() {
        return stored;
    }

    public String label() {
        return label;
    }

    public static LinkFamily ofStored(String name) {
        for (LinkFamily family : values()) {
            if (family.stored.equals(name)) {
                return family;
            }
        }
        throw new IllegalArgumentException("unknown link family '" + name + "'");
    }

    /** The family that draws a body of evidence, or null for evidence that links no pair of accounts. */
    static LinkFamily of(Evidence evidence) {
        return switch (evidence) {
            case BILLING -> BILLING;
            case INFRASTRUCTURE -> NETWORK;
            case CLIENT -> CLIENT;
            case TEMPLATE -> TEMPLATE;
            case SYNCHRONIZED -> TIMING;
            default -> null;
        };
    }
}
