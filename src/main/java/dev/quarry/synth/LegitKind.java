package dev.quarry.synth;

/**
 * Kinds of legitimate account. All but hobbyists are hard negatives: each trips a naive rule (shared
 * billing, shared IP, top volume, templated prompts, topic sweeps) without being a campaign.
 */
public enum LegitKind {
    HOBBYIST("legit_hobbyist", false),
    HEAVY_USER("legit_heavy_user", true),
    APP_BACKEND("legit_app_backend", true),
    ENTERPRISE("legit_enterprise", true),
    LAB_BENCHMARK("legit_lab_benchmark", true),
    SHARED_NAT("legit_shared_nat", true);

    private final String label;
    private final boolean hardNegative;

    LegitKind(String label, boolean hardNegative) {
        this.label = label;
        this.hardNegative = hardNegative;
    }

    /** The label in truth.csv. */
    public String label() {
        return label;
    }

    public boolean hardNegative() {
        return hardNegative;
    }
}
