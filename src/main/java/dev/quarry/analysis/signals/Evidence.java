package dev.quarry.analysis.signals;

/**
 * The independent bodies of evidence the engine weighs. A campaign is a group linked by several of
 * them; any one alone has innocent explanations (a campus NAT shares IPs, an office works the same
 * hours, an app sends one template).
 */
public enum Evidence {
    BILLING("shared_billing", "shared billing and signup details"),
    INFRASTRUCTURE("shared_infrastructure", "shared network infrastructure"),
    SYNCHRONIZED("synchronized", "synchronized activity"),
    TEMPLATE("shared_template", "shared prompt templates"),
    CLIENT("shared_client_configuration", "the same uncommon client"),
    DENSE_BLOCK("dense_block", "dense block of shared attributes"),
    REASONING_HARVEST("reasoning_harvest", "chain-of-thought harvesting"),
    OUTPUT_HARVEST("output_harvest", "harvesting of long answers"),
    CAPABILITY_SWEEP("capability_sweep", "complementary capability sweep"),
    MODEL_PIVOT("model_pivot", "fast pivot to a new model"),
    BEHAVIOUR("behaviour", "uniform behaviour");

    private final String signal;
    private final String description;

    Evidence(String signal, String description) {
        this.signal = signal;
        this.description = description;
    }

    /** The evidence a signal name stands for, as stored with a run and exported. */
    public static Evidence ofSignal(String signal) {
        for (Evidence e : values()) {
            if (e.signal.equals(signal)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no evidence is called " + signal);
    }

    /** The name used in SignalStatus, stored runs and exports. */
    public String signal() {
        return signal;
    }

    public String description() {
        return description;
    }
}
