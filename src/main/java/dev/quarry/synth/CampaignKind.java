package dev.quarry.synth;

/** Extraction campaigns of increasing sophistication; the label is what truth.csv says. */
public enum CampaignKind {
    /** Burst signups, patterned emails, reused cards, a few datacenter IPs, one user agent, round the clock. */
    NAIVE_FARM("campaign_naive_farm"),
    /** Residential proxies shared across accounts, distinct cards from few BINs, synchronized shifts. */
    PROXY_FARM("campaign_proxy_farm"),
    /** Few requests a day per account, diurnal mimicry, unique IPs and cards; only the scaffold and parameters are shared. */
    LOW_AND_SLOW("campaign_low_slow"),
    /** Switches to a newly released model within a day of its release and harvests it. */
    MODEL_PIVOT("campaign_model_pivot"),
    /**
     * Poses as labs running a public benchmark: the harness's user agent, temperature 0 and item-like
     * prompts, but long worked answers across the whole taxonomy, from accounts created together on
     * shared proxies and cards, working in shifts.
     */
    BENCHMARK_MIMIC("campaign_benchmark_mimic"),
    /**
     * Poses as the users of a popular app built on a public template: the template's system prompt, SDK
     * and parameters, but harvesting long worked solutions across the taxonomy from a few cloud addresses.
     */
    APP_MIMIC("campaign_app_mimic"),
    /**
     * Works from behind a busy campus NAT (students' shared address), each account on its own card
     * and its own sign-up: the address it shares is shared by hundreds of unrelated people too.
     */
    NAT_FARM("campaign_nat_farm");

    private final String label;

    CampaignKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
