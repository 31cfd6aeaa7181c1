package dev.quarry.synth.outside;

import java.util.Locale;

/**
 * The kinds of account in the outside population. A legitimate kind is {@code hardNegative} when its
 * accounts look coordinated (shared template, NAT, card, schedule or prompt) without being a campaign.
 * Campaign kinds are extraction farms; every account of a farm is a positive.
 */
public enum OutsideKind {
    LEGIT_HOBBYIST(false, false, 1, 1),
    LEGIT_POWER_USER(false, false, 1, 1),
    LEGIT_APP_BACKEND(false, true, 1, 4),
    LEGIT_ENTERPRISE_EMPLOYEE(false, true, 8, 300),
    LEGIT_ENTERPRISE_BATCH(false, true, 1, 6),
    LEGIT_BENCHMARK_LAB(false, true, 2, 6),
    LEGIT_CLASS_COHORT(false, true, 12, 120),
    LEGIT_VIRAL_PROMPT(false, true, 20, 4000),
    LEGIT_INTEGRATION_PARTNER(false, true, 10, 1500),
    LEGIT_SAFETY_RESEARCHER(false, true, 2, 8),
    LEGIT_SHARED_NAT(false, true, 4, 40),
    LEGIT_EARLY_ADOPTER(false, true, 1, 1),
    FARM_PROXY(true, false, 10, 1500),
    FARM_SHIFT_CREW(true, false, 10, 400),
    FARM_AUTOMATION(true, false, 10, 300),
    FARM_LOW_SLOW(true, false, 20, 1500),
    FARM_BENCHMARK_MIMIC(true, false, 10, 200),
    FARM_APP_MIMIC(true, false, 10, 300),
    FARM_CAMPUS_NAT(true, false, 10, 150),
    // Added with the second round (kept after the first so the first round's kinds keep their ordinals).
    LEGIT_RESELLER(false, true, 2, 10),
    LEGIT_EVAL_VENDOR(false, true, 3, 16),
    LEGIT_SYNTHETIC_DATA_VENDOR(false, true, 2, 12),
    LEGIT_HACKATHON(false, true, 20, 600),
    LEGIT_UNIVERSITY(false, true, 6, 60),
    LEGIT_AGENT_FRAMEWORK(false, true, 10, 3000),
    FARM_COMPROMISED(true, false, 10, 400),
    FARM_RESIDENTIAL_PREPAID(true, false, 10, 800),
    FARM_BENCHMARK_NOVEL(true, false, 10, 200),
    FARM_OFFICE_HOURS(true, false, 10, 300),
    FARM_WAVES(true, false, 20, 1200),
    LEGIT_SUPPORT_PRODUCT(false, true, 1, 6),
    // Added with the third round, again after the others so earlier kinds keep their ordinals.
    LEGIT_LOCALISATION(false, true, 2, 12),
    LEGIT_CI_PIPELINE(false, true, 1, 4),
    LEGIT_IDE_PLUGIN(false, true, 10, 2500),
    FARM_SAAS_FRONT(true, false, 10, 60),
    FARM_SPLIT_SWEEP(true, false, 10, 500);

    private final boolean campaign;
    private final boolean hardNegative;
    private final int minGroup;
    private final int maxGroup;
    private final String label;

    OutsideKind(boolean campaign, boolean hardNegative, int minGroup, int maxGroup) {
        this.campaign = campaign;
        this.hardNegative = hardNegative;
        this.minGroup = minGroup;
        this.maxGroup = maxGroup;
        this.label = name().toLowerCase(Locale.ROOT);
    }

    /** The name written in {@code truth.csv}'s {@code label} column. */
    public String label() {
        return label;
    }

    public boolean campaign() {
        return campaign;
    }

    /** Legitimate, but coordinated-looking; always false for a campaign kind. */
    public boolean hardNegative() {
        return hardNegative;
    }

    /** The fewest accounts one group (company, cohort, lab, farm) of this kind has. */
    int minGroup() {
        return minGroup;
    }

    int maxGroup() {
        return maxGroup;
    }

    public static OutsideKind fromLabel(String label) {
        for (OutsideKind kind : values()) {
            if (kind.label.equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown account kind '" + label + "'");
    }
}
