package dev.quarry.synth;

import java.util.Locale;
import java.util.Objects;

/**
 * One planted extraction campaign and how sophisticated it is. Start from {@link #defaults} for a
 * kind and change what a test needs with the {@code with...} methods; the constructor validates.
 *
 * @param kind               the campaign's playbook
 * @param accounts           fake accounts it runs
 * @param requestsPerAccount mean requests per account over its active days (before any events target scaling)
 * @param startDay           first active day (0-based), or -1 for the kind's default
 * @param activeDays         days it runs, or 0 for "until the end of the extract"
 * @param sharedIps          size of the IP pool the accounts share, or 0 for one address per account (for
 *                           {@link CampaignKind#NAT_FARM}: how many of the population's campus NATs it uses)
 * @param sharedCards        distinct payment cards behind all accounts, or 0 for one card per account
 * @param cardBins           distinct card BINs those cards come from, or 0 for ordinary variety
 * @param userAgents         user agents the farm uses (each account sticks to one), or 0 for a random one per request
 * @param timingJitter       0 = machine-regular timing, 1 = as irregular as people
 * @param paraphraseRate     share of requests whose scaffold instruction is a paraphrase of the canonical one
 * @param topicsPerAccount   task types each account covers (the taxonomy split between accounts), or 0 for all
 * @param maxTokens          max_tokens on every request, or 0 for varied values like legitimate traffic
 * @param temperature        temperature on every request, or a negative value for varied values
 * @param pivotDelayHours    for {@link CampaignKind#MODEL_PIVOT}: hours after the release before it switches (under 24)
 */
public record CampaignSpec(CampaignKind kind, int accounts, int requestsPerAccount, int startDay, int activeDays,
                           int sharedIps, int sharedCards, int cardBins, int userAgents, double timingJitter,
                           double paraphraseRate, int topicsPerAccount, int maxTokens, double temperature,
                           double pivotDelayHours) {

    public CampaignSpec {
        Objects.requireNonNull(kind, "kind");
        require(accounts >= 1, "a campaign needs at least one account");
        require(requestsPerAccount >= 1, "requestsPerAccount must be at least 1");
        require(startDay >= -1, "startDay must be -1 (default) or a day index");
        require(activeDays >= 0, "activeDays must be 0 (until the end) or positive");
        require(sharedIps >= 0 && sharedCards >= 0 && cardBins >= 0 && userAgents >= 0,
                "sharedIps, sharedCards, cardBins and userAgents must not be negative");
        require(timingJitter >= 0 && timingJitter <= 1, "timingJitter must be between 0 and 1");
        require(paraphraseRate >= 0 && paraphraseRate <= 1, "paraphraseRate must be between 0 and 1");
        require(topicsPerAccount >= 0 && topicsPerAccount <= Taxonomy.TASKS.size(),
                "topicsPerAccount must be between 0 and " + Taxonomy.TASKS.size());
        require(maxTokens >= 0, "maxTokens must be 0 (varied) or positive");
        require(temperature <= 2, "temperature must be at most 2 (negative = varied)");
        require(pivotDelayHours >= 0 && pivotDelayHours < 24, "pivotDelayHours must be in [0, 24)");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("campaign: " + message);
        }
    }

    /** The playbook of each kind as the issue describes it, for a campaign of the given size. */
    public static CampaignSpec defaults(CampaignKind kind, int accounts) {
        return switch (kind) {
            case NAIVE_FARM -> new CampaignSpec(kind, accounts, 600, -1, 0, 4, Math.max(1, accounts / 12), 1, 1,
                    0.0, 0.0, 0, 4096, 1.0, 0);
            case PROXY_FARM -> new CampaignSpec(kind, accounts, 650, -1, 0, Math.max(8, accounts * 2 / 3), 0, 3, 0,
                    0.1, 0.5, Math.min(6, Taxonomy.TASKS.size()), 0, -1, 0);
            case LOW_AND_SLOW -> new CampaignSpec(kind, accounts, 667, -1, 0, 0, 0, 0, 12,
                    0.1, 0.0, 0, 4000, 0.6, 0);
            case MODEL_PIVOT -> new CampaignSpec(kind, accounts, 500, -1, 0, 12, Math.max(1, accounts / 4), 2, 3,
                    0.3, 0.2, 0, 8192, 0.7, 6);
            case BENCHMARK_MIMIC -> new CampaignSpec(kind, accounts, 600, -1, 0, Math.max(6, accounts / 3), 0, 2, 1,
                    0.2, 0.3, 0, 4096, 0.0, 0);
            case APP_MIMIC -> new CampaignSpec(kind, accounts, 650, -1, 0, Math.max(4, accounts / 5), Math.max(1, accounts / 6),
                    2, 1, 0.3, 0.4, Math.min(8, Taxonomy.TASKS.size()), 4096, 0.7, 0);
            case NAT_FARM -> new CampaignSpec(kind, accounts, 450, -1, 0, 1, 0, 0, 0,
                    0.3, 0.5, Math.min(7, Taxonomy.TASKS.size()), 0, -1, 0);
            case COMPROMISED_AGED -> new CampaignSpec(kind, accounts, 500, -1, 0, Math.max(10, accounts), 0, 0, 0,
                    0.4, 0.5, 0, 0, -1, 0);
            case OFFICE_HOURS -> new CampaignSpec(kind, accounts, 450, -1, 0, 0, 0, 0, 30,
                    0.5, 0.8, Math.min(5, Taxonomy.TASKS.size()), 0, -1, 0);
            case BACKEND_MIMIC -> new CampaignSpec(kind, accounts, 600, -1, 0, 0, 0, 0, 30,
                    0.3, 0.5, 0, 0, -1, 0);
            case PREPAID_PROXY -> new CampaignSpec(kind, accounts, 500, -1, 0, 0, 0, 3, 0,
                    0.5, 0.5, 0, 0, -1, 0);
            case NOVEL_BENCHMARK -> new CampaignSpec(kind, accounts, 550, -1, 0, 0, 0, 0, 1,
                    0.2, 0.3, 0, 4096, 0.0, 0);
        };
    }

    public CampaignSpec withAccounts(int n) {
        return new CampaignSpec(kind, n, requestsPerAccount, startDay, activeDays, sharedIps, sharedCards, cardBins,
                userAgents, timingJitter, paraphraseRate, topicsPerAccount, maxTokens, temperature, pivotDelayHours);
    }

    public CampaignSpec withRequestsPerAccount(int n) {
        return new CampaignSpec(kind, accounts, n, startDay, activeDays, sharedIps, sharedCards, cardBins,
                userAgents, timingJitter, paraphraseRate, topicsPerAccount, maxTokens, temperature, pivotDelayHours);
    }

    public CampaignSpec withSchedule(int firstDay, int days) {
        return new CampaignSpec(kind, accounts, requestsPerAccount, firstDay, days, sharedIps, sharedCards, cardBins,
                userAgents, timingJitter, paraphraseRate, topicsPerAccount, maxTokens, temperature, pivotDelayHours);
    }

    public CampaignSpec withSharedIps(int n) {
        return new CampaignSpec(kind, accounts, requestsPerAccount, startDay, activeDays, n, sharedCards, cardBins,
                userAgents, timingJitter, paraphraseRate, topicsPerAccount, maxTokens, temperature, pivotDelayHours);
    }

    public CampaignSpec withSharedCards(int cards, int bins) {
        return new CampaignSpec(kind, accounts, requestsPerAccount, startDay, activeDays, sharedIps, cards, bins,
                userAgents, timingJitter, paraphraseRate, topicsPerAccount, maxTokens, temperature, pivotDelayHours);
    }

    public CampaignSpec withUserAgents(int n) {
        return new CampaignSpec(kind, accounts, requestsPerAccount, startDay, activeDays, sharedIps, sharedCards, cardBins,
                n, timingJitter, paraphraseRate, topicsPerAccount, maxTokens, temperature, pivotDelayHours);
    }

    public CampaignSpec withTimingJitter(double jitter) {
        return new CampaignSpec(kind, accounts, requestsPerAccount, startDay, activeDays, sharedIps, sharedCards, cardBins,
                userAgents, jitter, paraphraseRate, topicsPerAccount, maxTokens, temperature, pivotDelayHours);
    }

    public CampaignSpec withParaphraseRate(double rate) {
        return new CampaignSpec(kind, accounts, requestsPerAccount, startDay, activeDays, sharedIps, sharedCards, cardBins,
                userAgents, timingJitter, rate, topicsPerAccount, maxTokens, temperature, pivotDelayHours);
    }

    public CampaignSpec withTopicsPerAccount(int n) {
        return new CampaignSpec(kind, accounts, requestsPerAccount, startDay, activeDays, sharedIps, sharedCards, cardBins,
                userAgents, timingJitter, paraphraseRate, n, maxTokens, temperature, pivotDelayHours);
    }

    public CampaignSpec withParameters(int fixedMaxTokens, double fixedTemperature) {
        return new CampaignSpec(kind, accounts, requestsPerAccount, startDay, activeDays, sharedIps, sharedCards, cardBins,
                userAgents, timingJitter, paraphraseRate, topicsPerAccount, fixedMaxTokens, fixedTemperature, pivotDelayHours);
    }

    public CampaignSpec withPivotDelayHours(double hours) {
        return new CampaignSpec(kind, accounts, requestsPerAccount, startDay, activeDays, sharedIps, sharedCards, cardBins,
                userAgents, timingJitter, paraphraseRate, topicsPerAccount, maxTokens, temperature, hours);
    }

    /**
     * Reads {@code KIND:ACCOUNTS[:key=value,...]}, e.g. {@code proxy_farm:40:ips=12,paraphrase=0.3}. Keys:
     * requests, start_day, days, ips, cards, bins, agents, jitter, paraphrase, topics, max_tokens,
     * temperature, pivot_hours. Unset keys keep the kind's defaults.
     */
    public static CampaignSpec parse(String text) {
        String[] parts = text.trim().split(":", 3);
        if (parts.length < 2) {
            throw new IllegalArgumentException("campaign '" + text + "': expected KIND:ACCOUNTS[:key=value,...]");
        }
        CampaignKind kind;
        try {
            kind = CampaignKind.valueOf(parts[0].trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("campaign '" + text + "': unknown kind '" + parts[0]
                    + "' (naive_farm, proxy_farm, low_and_slow, model_pivot, benchmark_mimic, app_mimic, nat_farm, compromised_aged, office_hours, backend_mimic, prepaid_proxy,"
                    + " novel_benchmark)");
        }
        CampaignSpec spec = defaults(kind, parseInt(text, "accounts", parts[1]));
        if (parts.length == 3 && !parts[2].isBlank()) {
            for (String setting : parts[2].split(",")) {
                String[] kv = setting.split("=", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException("campaign '" + text + "': expected key=value, got '" + setting + "'");
                }
                String key = kv[0].trim();
                String value = kv[1].trim();
                spec = switch (key) {
                    case "requests" -> spec.withRequestsPerAccount(parseInt(text, key, value));
                    case "start_day" -> spec.withSchedule(parseInt(text, key, value), spec.activeDays());
                    case "days" -> spec.withSchedule(spec.startDay(), parseInt(text, key, value));
                    case "ips" -> spec.withSharedIps(parseInt(text, key, value));
                    case "cards" -> spec.withSharedCards(parseInt(text, key, value), spec.cardBins());
                    case "bins" -> spec.withSharedCards(spec.sharedCards(), parseInt(text, key, value));
                    case "agents" -> spec.withUserAgents(parseInt(text, key, value));
                    case "jitter" -> spec.withTimingJitter(parseDouble(text, key, value));
                    case "paraphrase" -> spec.withParaphraseRate(parseDouble(text, key, value));
                    case "topics" -> spec.withTopicsPerAccount(parseInt(text, key, value));
                    case "max_tokens" -> spec.withParameters(parseInt(text, key, value), spec.temperature());
                    case "temperature" -> spec.withParameters(spec.maxTokens(), parseDouble(text, key, value));
                    case "pivot_hours" -> spec.withPivotDelayHours(parseDouble(text, key, value));
                    default -> throw new IllegalArgumentException("campaign '" + text + "': unknown setting '" + key + "'");
                };
            }
        }
        return spec;
    }

    private static int parseInt(String text, String key, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("campaign '" + text + "': " + key + " must be a whole number, got '" + value + "'");
        }
    }

    private static double parseDouble(String text, String key, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("campaign '" + text + "': " + key + " must be a number, got '" + value + "'");
        }
    }
}
