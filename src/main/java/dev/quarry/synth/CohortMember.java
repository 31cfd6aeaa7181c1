package dev.quarry.synth;

import dev.quarry.synth.LegitPersonas.Individual;
import dev.quarry.synth.Network.Endpoint;

import java.util.SplittableRandom;

/**
 * A member of a legitimate cohort: an ordinary account of its own organisation (a person's life, or
 * none for a service) that on the cohort's days uses the cohort's public artefact. Which days a member
 * takes part, when its run starts and at which cadence come from streams keyed by the account and day,
 * so counting, timing and rendering agree without keeping state.
 */
final class CohortMember extends Individual {

    private static final long PARTICIPATION_STREAM = 0x434f4850L;
    private static final long SESSION_STREAM = 0x434f4853L;
    private static final long EVALUATED_MODEL_STREAM = 0x434f4d4dL;

    final Cohort cohort;
    /** Requests of a session day when the cohort has no fixed pass length. */
    double sessionMean;
    /** The member's own start hour for runs at its own hour (local time). */
    int ownStartMinute;
    /** A service's own addresses (apps, batch jobs); people use {@link Individual#endpoints}. */
    Endpoint[] serviceEndpoints;
    String serviceAgent;
    Models.Model serviceModel;
    String brand;
    int serviceTemplate;

    CohortMember(World world, int index, Cohort cohort) {
        super(world, index);
        this.cohort = cohort;
    }

    boolean sessionDay(int day) {
        double p = cohort.participation[day];
        return p > 0 && Draws.stream(world.seed, index, day, PARTICIPATION_STREAM).nextDouble() < p;
    }

    private double sessionRequests() {
        return cohort.passLength > 0 ? cohort.passLength : sessionMean;
    }

    @Override
    double expectedEvents(int day) {
        double p = cohort.participation[day];
        return p * sessionRequests() + (1 - p) * super.expectedEvents(day);
    }

    @Override
    int eventCount(int day, SplittableRandom r, double scale) {
        if (!sessionDay(day)) {
            return super.eventCount(day, r, scale);
        }
        // a benchmark pass sends all its items, however busy the rest of the extract is
        return cohort.passLength > 0 ? (int) Math.max(1, Math.round(cohort.passLength * scale))
                : Draws.poisson(r, sessionMean * scale);
    }

    /** Start of the day's run (ms into the UTC day) and the steady gap between its requests. */
    private record Run(long beginMs, long cadenceMs) {
    }

    private Run run(int day) {
        SplittableRandom s = Draws.stream(world.seed, index, day, SESSION_STREAM);
        long cadence = Math.max(200, Math.round(cohort.cadenceSeconds * 1000 * (0.7 + 0.6 * s.nextDouble())));
        long begin = switch (cohort.timing) {
            // cron fires on the minute; the job starts a few seconds later
            case RUN_AT_COMMON_HOUR -> {
                long at = cohort.commonMinute * 60_000L + s.nextInt(20_000);
                yield cohort.utc ? at : localToUtc(at);
            }
            case RUN_AT_OWN_HOUR -> localToUtc((ownStartMinute + s.nextInt(180) - 90) * 60_000L + s.nextInt(60_000));
            default -> 0;
        };
        return new Run(Math.floorMod(begin, World.DAY_MS), cadence);
    }

    @Override
    void timestamps(int day, int count, SplittableRandom r, int[] msOfDay) {
        if (!sessionDay(day)) {
            super.timestamps(day, count, r, msOfDay);
            return;
        }
        Run run = run(day);
        for (int i = 0; i < count; i++) {
            long at = switch (cohort.timing) {
                case SPREAD -> localToUtc(Draws.weighted(r, cohort.hours) * World.HOUR_MS + r.nextInt((int) World.HOUR_MS));
                case HOURLY -> localToUtc((8 + i % 10) * World.HOUR_MS + r.nextInt(15_000) + (i / 10) * run.cadenceMs());
                default -> run.beginMs() + i * run.cadenceMs() + r.nextInt(1_000);
            };
            // a run that would cross midnight stops at the end of the day
            msOfDay[i] = cohort.timing == Cohort.Timing.SPREAD || cohort.timing == Cohort.Timing.HOURLY
                    ? (int) Math.floorMod(at, World.DAY_MS) : (int) Math.min(at, World.DAY_MS - 1);
        }
    }

    /** Which item of the pass a request at this time is: the run sends them in order. */
    private int item(int day, long ts) {
        Run run = run(day);
        long intoRun = Math.floorMod(ts - world.dayStart(day) - run.beginMs(), World.DAY_MS);
        return (int) (intoRun / run.cadenceMs());
    }

    @Override
    void render(EventDraft e, SplittableRandom r, int day, long ts, int ordinal) {
        if (!sessionDay(day)) {
            super.render(e, r, day, ts, ordinal);
            return;
        }
        e.apiKeyId = apiKey(r);
        int artefact = cohort.artefact[day];
        switch (cohort.kind) {
            case COHORT_BENCHMARK -> {
                e.endpoint = endpoints[0];
                e.userAgent = cohort.agent;
                e.model = evaluatedModel(day, ts);
                cohortParameters(e);
                e.promptText = PublicArtefacts.benchmarkItem(artefact, Math.min(item(day, ts), cohort.passLength - 1));
                outcome(e, r, 0.01, 0.02, 0.003, 90, 20);
            }
            case COHORT_SAFETY -> {
                e.endpoint = endpoints[0];
                e.userAgent = cohort.agent;
                e.model = evaluatedModel(day, ts);
                cohortParameters(e);
                e.promptText = PublicArtefacts.redTeamItem(artefact, Math.min(item(day, ts), cohort.passLength - 1));
                outcome(e, r, 0.6, 0.01, 0.003, 140, 20);
            }
            case COHORT_TEMPLATE_APP -> {
                e.endpoint = Draws.pick(r, serviceEndpoints);
                e.userAgent = cohort.agent;
                e.model = serviceModel;
                cohortParameters(e);
                e.promptText = PublicArtefacts.tutoredQuestion(r, PublicArtefacts.APP_TEMPLATES.get(artefact), brand);
                outcome(e, r, 0.004, 0.01, 0.004, 320, 60);
            }
            case COHORT_INTEGRATION -> {
                e.endpoint = Draws.pick(r, cohort.egress);
                e.userAgent = cohort.agent;
                e.model = cohort.model;
                cohortParameters(e);
                e.promptText = PublicArtefacts.integrationStep(r, PublicArtefacts.INTEGRATIONS.get(artefact),
                        serviceTemplate, brand);
                outcome(e, r, 0.003, 0.01, 0.004, 220, 80);
            }
            case COHORT_SCHEDULED_JOB -> {
                e.endpoint = Draws.pick(r, serviceEndpoints);
                e.userAgent = serviceAgent;
                e.model = serviceModel;
                e.maxTokens = usualMaxTokens;
                e.temperature = usualTemperature;
                e.promptText = Prompts.product(r, serviceTemplate, brand);
                outcome(e, r, 0.002, 0.01, 0.004, 200, 120);
            }
            case COHORT_CLASS, COHORT_VIRAL -> {
                e.endpoint = endpoints[Draws.weighted(r, endpointWeights)];
                e.userAgent = Draws.pick(r, agents);
                e.model = popularModel(r, ts, adoption);
                usualParameters(e, r);
                e.promptText = cohort.kind == LegitKind.COHORT_CLASS ? PublicArtefacts.assignment(r, artefact)
                        : PublicArtefacts.viral(r, artefact);
                outcome(e, r, 0.01, 0.003, 0.003, cohort.kind == LegitKind.COHORT_CLASS ? 700 : 650, 12);
            }
            case COHORT_EARLY_ADOPTER -> {
                e.endpoint = endpoints[Draws.weighted(r, endpointWeights)];
                e.userAgent = Draws.pick(r, agents);
                // the new model within a day of its release; otherwise what they used before
                e.model = ts >= world.releaseMs && Draws.chance(r, 0.85) ? cohort.model : popularModel(r, ts, adoption);
                usualParameters(e, r);
                Taxonomy.Task task = Taxonomy.TASKS.get(interests[Draws.weighted(r, interestWeights)]);
                e.promptText = PublicArtefacts.launchPrompt(r, artefact, task);
                outcome(e, r, 0.01, 0.005, 0.003, completionMedian, 12);
            }
            default -> throw new IllegalStateException("not a cohort kind: " + cohort.kind);
        }
    }

    /** Evaluations run on the newest model once it is out, on the day's established model before. */
    private Models.Model evaluatedModel(int day, long ts) {
        if (ts >= world.releaseMs && Draws.stream(world.seed, index, day, EVALUATED_MODEL_STREAM).nextDouble() < 0.8) {
            return Models.NEW_RELEASE;
        }
        return Models.ESTABLISHED.get(Math.floorMod(day, 2));
    }

    private void cohortParameters(EventDraft e) {
        e.maxTokens = cohort.maxTokens;
        e.temperature = cohort.temperature;
    }
}
