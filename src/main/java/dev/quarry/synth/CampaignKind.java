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
    MODEL_PIVOT("campaign_model_pivot");

    private final String label;

    CampaignKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
