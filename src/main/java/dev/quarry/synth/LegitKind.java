package dev.quarry.synth;

/**
 * Kinds of legitimate account. All but hobbyists are hard negatives: each trips a naive rule (shared
 * billing, shared IP, top volume, templated prompts, topic sweeps) without being a campaign. The
 * {@code COHORT_} kinds are accounts of different organisations that share a public artefact (a
 * benchmark harness, a framework's default prompt, an assignment, a viral prompt, a common schedule, an
 * integration's client, a red-team prompt set): alike across organisations without any operational link.
 */
public enum LegitKind {
    HOBBYIST("legit_hobbyist", false, false),
    HEAVY_USER("legit_heavy_user", true, false),
    APP_BACKEND("legit_app_backend", true, false),
    ENTERPRISE("legit_enterprise", true, false),
    LAB_BENCHMARK("legit_lab_benchmark", true, false),
    SHARED_NAT("legit_shared_nat", true, false),
    /** Labs at different institutions running one public benchmark harness, in bursts after a model release. */
    COHORT_BENCHMARK("legit_cohort_benchmark", true, true),
    /** Startups built on one open-source template: its default system prompt, SDK and parameters. */
    COHORT_TEMPLATE_APP("legit_cohort_template_app", true, true),
    /** Students of one class or bootcamp pasting the same assignment in the days before its deadline. */
    COHORT_CLASS("legit_cohort_class", true, true),
    /** Unrelated people pasting a prompt that went viral, in the days after it did. */
    COHORT_VIRAL("legit_cohort_viral", true, true),
    /** Enterprises' scheduled batch jobs that start at the same common hour. */
    COHORT_SCHEDULED_JOB("legit_cohort_scheduled_job", true, true),
    /** An integration partner's customers: one client, one set of parameters, the partner's egress addresses. */
    COHORT_INTEGRATION("legit_cohort_integration", true, true),
    /** Safety researchers at different institutions running one public red-team prompt set. */
    COHORT_SAFETY("legit_cohort_safety", true, true),
    /**
     * One institution (a university, a company group) whose departments hold their own organisation
     * ids but pay with one procurement card and reach the API through one egress, each doing its own
     * ordinary work: common ownership without any extraction.
     */
    INSTITUTION("legit_institution", true, false),
    /**
     * Unrelated people who read the same launch post: they paste its example phrasing, move to the
     * newly released model within a day and ask for long answers while they try it out.
     */
    COHORT_EARLY_ADOPTER("legit_cohort_early_adopter", true, true);

    private final String label;
    private final boolean hardNegative;
    private final boolean cohort;

    LegitKind(String label, boolean hardNegative, boolean cohort) {
        this.label = label;
        this.hardNegative = hardNegative;
        this.cohort = cohort;
    }

    /** The label in truth.csv. */
    public String label() {
        return label;
    }

    public boolean hardNegative() {
        return hardNegative;
    }

    /** Accounts of different organisations tied by a public artefact. */
    public boolean cohort() {
        return cohort;
    }
}
