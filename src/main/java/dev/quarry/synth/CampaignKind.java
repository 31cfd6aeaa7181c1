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
    NAT_FARM("campaign_nat_farm"),
    /**
     * Real accounts of every age, bought or taken over: months of their owners' ordinary evening use,
     * then, within the same hour for all of them, the buyer's harvest through a residential proxy pool.
     */
    COMPROMISED_AGED("campaign_compromised_aged"),
    /**
     * People paid to work a day shift in one city, weekdays from nine, each from home on their own
     * card and account, typing items of one worklist: their own pace, their own slice of the tasks.
     */
    OFFICE_HOURS("campaign_office_hours"),
    /**
     * Each account dressed as an independent app's backend (its own cloud address, product system
     * prompt and steady app-hours traffic of its own size) while asking the farm's worklist.
     */
    BACKEND_MIMIC("campaign_backend_mimic"),
    /**
     * Prepaid cards from a few prepaid BINs and a residential proxy service that gives every request
     * a new home address; human-looking hours, volumes of every size.
     */
    PREPAID_PROXY("campaign_prepaid_proxy"),
    /**
     * A public benchmark harness's client and format around items nobody published: each account asks
     * its own new items, worked out at length, in one run a day at its own hour.
     */
    NOVEL_BENCHMARK("campaign_novel_benchmark");

    private final String label;

    CampaignKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
