package dev.quarry.synth;

import java.util.SplittableRandom;

/**
 * One account: what its sign-up looks like, when it is active, and how each of its requests looks.
 * Subclasses are the kinds of the population model; all randomness comes in through the stream the
 * generator hands over, so an account's traffic does not depend on the other accounts.
 */
abstract class Persona {

    /** Local-time activity by hour: evenings and weekends for people at home. */
    static final double[] LEISURE_HOURS = {2, 1, 0.5, 0.3, 0.2, 0.3, 0.8, 2, 3, 4, 4, 4, 5, 4, 4, 4, 5, 6, 7, 8, 9, 9, 7, 4};
    /** Local-time activity by hour: office hours with a lunch dip. */
    static final double[] OFFICE_HOURS = {0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.3, 1.5, 5, 9, 10, 9, 6, 8, 10, 10, 9, 7, 3, 1.5, 1, 0.6, 0.3, 0.2};
    /** Local-time activity by hour: a consumer app's users, never quite zero. */
    static final double[] APP_HOURS = {3, 2, 1.5, 1.2, 1.2, 1.5, 2.5, 4, 5, 6, 6.5, 7, 7, 7, 7, 7, 7, 7.5, 8, 8.5, 8, 7, 5.5, 4};
    /** A heavy user: long working days that run into the evening. */
    static final double[] LONG_DAY_HOURS = {1, 0.5, 0.3, 0.2, 0.2, 0.3, 1, 3, 6, 8, 9, 9, 7, 8, 9, 9, 8, 7, 6, 6, 6, 5, 3, 2};

    final World world;
    /** Position in the shuffled population; keys the account's random streams. */
    int index;
    String accountId;
    String label;
    String campaignId;
    boolean hardNegative;

    long createdAt;
    String email;
    String paymentFingerprint;
    String cardBin;
    String billingCountry;
    String signupIp;
    String plan;

    String orgId;
    String[] apiKeys;
    int utcOffsetMinutes;
    String awsAccount;
    String arn;
    String region;
    /** Calls Bedrock through the Converse API rather than InvokeModel with a family-specific body. */
    boolean bedrockConverse;
    /** Active days: [firstDay, lastDay). */
    int firstDay;
    int lastDay;

    /** The account's usual request parameters; it sometimes deviates. */
    int usualMaxTokens;
    double usualTemperature;

    Persona(World world, int index) {
        this.world = world;
        this.index = index;
        this.lastDay = world.days;
    }

    /** Expected requests on the day at natural rates (scale 1), assuming the day is in the active range. */
    abstract double expectedEvents(int day);

    /** Requests on the day, scaled; the default is Poisson around the expectation. */
    int eventCount(int day, SplittableRandom r, double scale) {
        return Draws.poisson(r, expectedEvents(day) * scale);
    }

    /** Milliseconds into the UTC day for each of the day's requests; the default follows {@link #hours()}. */
    void timestamps(int day, int count, SplittableRandom r, int[] msOfDay) {
        double[] hours = hours();
        for (int i = 0; i < count; i++) {
            msOfDay[i] = localToUtc(Draws.weighted(r, hours) * World.HOUR_MS + r.nextInt((int) World.HOUR_MS));
        }
    }

    double[] hours() {
        return LEISURE_HOURS;
    }

    abstract void render(EventDraft e, SplittableRandom r, int day, long ts, int ordinal);

    int localToUtc(long localMsOfDay) {
        return (int) Math.floorMod(localMsOfDay - utcOffsetMinutes * 60_000L, World.DAY_MS);
    }

    static int activeThenPoisson(SplittableRandom r, double activeProbability, double meanWhenActive, double scale) {
        return Draws.chance(r, activeProbability) ? Draws.poisson(r, meanWhenActive * scale) : 0;
    }

    /** Request parameters people and SDKs send: common defaults, often left unset. */
    static void chooseUsualParameters(Persona p, SplittableRandom r) {
        int[] maxTokens = {0, 0, 256, 512, 1000, 1024, 1024, 2048, 4096, 8192};
        double[] temperatures = {-1, -1, -1, 0, 0.2, 0.5, 0.7, 0.7, 1.0};
        p.usualMaxTokens = maxTokens[r.nextInt(maxTokens.length)];
        p.usualTemperature = temperatures[r.nextInt(temperatures.length)];
    }

    void usualParameters(EventDraft e, SplittableRandom r) {
        if (Draws.chance(r, 0.15)) {
            int[] maxTokens = {0, 512, 1024, 2048, 4096};
            double[] temperatures = {-1, 0, 0.3, 0.7, 1.0};
            e.maxTokens = maxTokens[r.nextInt(maxTokens.length)];
            e.temperature = temperatures[r.nextInt(temperatures.length)];
        } else {
            e.maxTokens = usualMaxTokens;
            e.temperature = usualTemperature;
        }
    }

    /** An established model by popularity, or the new model with a probability that grows after its release. */
    Models.Model popularModel(SplittableRandom r, long ts, double adoption) {
        if (ts >= world.releaseMs && adoption > 0) {
            double daysSince = (ts - world.releaseMs) / (double) World.DAY_MS;
            if (Draws.chance(r, adoption * Math.min(1, daysSince / 5))) {
                return Models.NEW_RELEASE;
            }
        }
        return Models.ESTABLISHED.get(Draws.weighted(r, Models.ESTABLISHED_POPULARITY));
    }

    /** Status and token counts; completions are long-tailed and capped by max_tokens. */
    static void outcome(EventDraft e, SplittableRandom r, double refusal, double rateLimited, double error,
                        double completionMedian, int promptOverheadTokens) {
        e.promptTokens = promptOverheadTokens + (e.promptText.length() + 3) / 4;
        double x = r.nextDouble();
        if (x < rateLimited) {
            e.status = EventDraft.RATE_LIMITED;
            e.completionTokens = 0;
        } else if (x < rateLimited + error) {
            e.status = EventDraft.ERROR;
            e.completionTokens = 0;
        } else if (x < rateLimited + error + refusal) {
            e.status = EventDraft.REFUSED;
            e.completionTokens = 15 + r.nextInt(60);
        } else {
            e.status = EventDraft.OK;
            int cap = e.maxTokens > 0 ? e.maxTokens : 8192;
            e.completionTokens = (int) Math.max(1, Math.min(cap, Math.round(Draws.logNormal(r, completionMedian, 0.7))));
        }
    }

    String apiKey(SplittableRandom r) {
        return apiKeys.length == 1 || Draws.chance(r, 0.8) ? apiKeys[0] : apiKeys[1 + r.nextInt(apiKeys.length - 1)];
    }
}
