package dev.quarry.synth;

import java.util.Locale;

/**
 * The legitimate population: relative weights of each kind (normalised, need not sum to 1) and the
 * size of the groups that legitimately share infrastructure or a public artefact.
 *
 * @param enterpriseOrgSize mean accounts per enterprise organisation (shared billing, org id, egress IPs)
 * @param labGroupSize      mean accounts per university or lab group behind one NAT
 * @param natGroupSize      mean unrelated people behind one shared campus, coworking or carrier NAT
 * @param cohortSize        mean accounts per cohort (of different organisations) sharing one public artefact;
 *                          viral-prompt cohorts are three times as large
 */
public record LegitMix(double hobbyist, double heavyUser, double appBackend, double enterprise, double labBenchmark,
                       double sharedNat, double cohortBenchmark, double cohortTemplateApp, double cohortClass,
                       double cohortViral, double cohortScheduledJob, double cohortIntegration, double cohortSafety,
                       double institution, double cohortEarlyAdopter, int enterpriseOrgSize, int labGroupSize, int natGroupSize, int cohortSize) {

    /** The mix of the original population model: no cohorts. */
    public static final LegitMix DEFAULT = new LegitMix(0.55, 0.04, 0.02, 0.15, 0.04, 0.20, 6, 6, 12);

    /**
     * A population where a third of the legitimate accounts belong to cohorts, as on a provider with
     * public benchmarks, popular templates and integrations: every cohort kind present.
     */
    public static final LegitMix COHORTS = new LegitMix(0.40, 0.03, 0.02, 0.10, 0.03, 0.10,
            0.05, 0.05, 0.06, 0.06, 0.04, 0.04, 0.02, 0, 0, 6, 6, 12, 30);

    /**
     * {@link #COHORTS} with institutions whose departments hold their own organisation ids but share
     * one card and one egress, and early adopters of a new model release: every legitimate kind.
     */
    public static final LegitMix INSTITUTIONS = COHORTS.withWeight(LegitKind.INSTITUTION, 0.08)
            .withWeight(LegitKind.COHORT_EARLY_ADOPTER, 0.04);

    public LegitMix(double hobbyist, double heavyUser, double appBackend, double enterprise, double labBenchmark,
                    double sharedNat, int enterpriseOrgSize, int labGroupSize, int natGroupSize) {
        this(hobbyist, heavyUser, appBackend, enterprise, labBenchmark, sharedNat, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                enterpriseOrgSize, labGroupSize, natGroupSize, 30);
    }

    public LegitMix {
        double total = 0;
        for (LegitKind kind : LegitKind.values()) {
            double w = weightOf(kind, hobbyist, heavyUser, appBackend, enterprise, labBenchmark, sharedNat, cohortBenchmark,
                    cohortTemplateApp, cohortClass, cohortViral, cohortScheduledJob, cohortIntegration, cohortSafety, institution,
                    cohortEarlyAdopter);
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("legit mix: weights must be finite and not negative");
            }
            total += w;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("legit mix: at least one weight must be positive");
        }
        if (enterpriseOrgSize < 2 || labGroupSize < 2 || natGroupSize < 2 || cohortSize < 2) {
            throw new IllegalArgumentException("legit mix: group sizes must be at least 2 (a group shares something)");
        }
    }

    private static double weightOf(LegitKind kind, double... weights) {
        return weights[kind.ordinal()];
    }

    public double weight(LegitKind kind) {
        return weightOf(kind, hobbyist, heavyUser, appBackend, enterprise, labBenchmark, sharedNat, cohortBenchmark,
                cohortTemplateApp, cohortClass, cohortViral, cohortScheduledJob, cohortIntegration, cohortSafety, institution,
                    cohortEarlyAdopter);
    }

    public LegitMix withWeight(LegitKind kind, double weight) {
        double[] w = new double[LegitKind.values().length];
        for (LegitKind k : LegitKind.values()) {
            w[k.ordinal()] = k == kind ? weight : weight(k);
        }
        return new LegitMix(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], w[9], w[10], w[11], w[12], w[13], w[14],
                enterpriseOrgSize, labGroupSize, natGroupSize, cohortSize);
    }

    public LegitMix withGroupSizes(int orgSize, int labSize, int natSize) {
        return new LegitMix(hobbyist, heavyUser, appBackend, enterprise, labBenchmark, sharedNat, cohortBenchmark,
                cohortTemplateApp, cohortClass, cohortViral, cohortScheduledJob, cohortIntegration, cohortSafety,
                institution, cohortEarlyAdopter, orgSize, labSize, natSize, cohortSize);
    }

    public LegitMix withCohortSize(int size) {
        return new LegitMix(hobbyist, heavyUser, appBackend, enterprise, labBenchmark, sharedNat, cohortBenchmark,
                cohortTemplateApp, cohortClass, cohortViral, cohortScheduledJob, cohortIntegration, cohortSafety,
                institution, cohortEarlyAdopter, enterpriseOrgSize, labGroupSize, natGroupSize, size);
    }

    /**
     * Reads comma-separated overrides of the default mix, e.g. {@code hobbyist=0.5,shared_nat=0.3,nat_size=20}.
     * Weight keys are the lower-case kind names (hobbyist ... cohort_early_adopter); group keys are org_size,
     * lab_size, nat_size and cohort_size. The word {@code cohorts} first switches to {@link #COHORTS}, e.g.
     * {@code cohorts,cohort_viral=0.2}; {@code institutions} switches to {@link #INSTITUTIONS}.
     */
    public static LegitMix parse(String text) {
        LegitMix mix = DEFAULT;
        for (String setting : text.split(",")) {
            if (setting.isBlank()) {
                continue;
            }
            if (setting.trim().equalsIgnoreCase("cohorts")) {
                mix = COHORTS;
                continue;
            }
            if (setting.trim().equalsIgnoreCase("institutions")) {
                mix = INSTITUTIONS;
                continue;
            }
            String[] kv = setting.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("legit mix: expected key=value, 'cohorts' or 'institutions', got '" + setting + "'");
            }
            String key = kv[0].trim().toLowerCase(Locale.ROOT);
            String value = kv[1].trim();
            try {
                mix = switch (key) {
                    case "org_size" -> mix.withGroupSizes(Integer.parseInt(value), mix.labGroupSize, mix.natGroupSize);
                    case "lab_size" -> mix.withGroupSizes(mix.enterpriseOrgSize, Integer.parseInt(value), mix.natGroupSize);
                    case "nat_size" -> mix.withGroupSizes(mix.enterpriseOrgSize, mix.labGroupSize, Integer.parseInt(value));
                    case "cohort_size" -> mix.withCohortSize(Integer.parseInt(value));
                    default -> mix.withWeight(kind(key), Double.parseDouble(value));
                };
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("legit mix: " + key + " must be a number, got '" + value + "'");
            }
        }
        return mix;
    }

    private static LegitKind kind(String key) {
        for (LegitKind k : LegitKind.values()) {
            if (k.name().equalsIgnoreCase(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("legit mix: unknown key '" + key
                + "' (hobbyist, heavy_user, app_backend, enterprise, lab_benchmark, shared_nat, cohort_benchmark,"
                + " cohort_template_app, cohort_class, cohort_viral, cohort_scheduled_job, cohort_integration,"
                + " cohort_safety, institution, cohort_early_adopter, org_size, lab_size, nat_size, cohort_size; or 'cohorts', 'institutions')");
    }
}
