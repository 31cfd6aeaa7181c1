package dev.quarry.synth;

import dev.quarry.synth.Network.Endpoint;
import dev.quarry.synth.Taxonomy.Task;

import java.util.SplittableRandom;

/** The legitimate kinds of account. Each is ordinary on its own and a hard negative for some naive rule. */
final class LegitPersonas {

    private LegitPersonas() {
    }

    /**
     * A person using the API directly: hobbyists, people behind a shared NAT, heavy users and members of
     * an enterprise organisation differ in schedule, volume, addresses and how fixed their parameters are.
     */
    static class Individual extends Persona {
        double[] hours = LEISURE_HOURS;
        double activeWeekday;
        double activeWeekend;
        double meanWhenActive;
        Endpoint[] endpoints;
        double[] endpointWeights;
        String[] agents;
        int[] interests;
        double[] interestWeights;
        double adoption;
        /** An organisation's gateway pins parameters; people otherwise drift from their usual ones. */
        boolean fixedParameters;
        double completionMedian = 350;

        Individual(World world, int index) {
            super(world, index);
        }

        private double activeProbability(int day) {
            return world.weekend(day, utcOffsetMinutes) ? activeWeekend : activeWeekday;
        }

        @Override
        double expectedEvents(int day) {
            return activeProbability(day) * meanWhenActive;
        }

        @Override
        int eventCount(int day, SplittableRandom r, double scale) {
            return activeThenPoisson(r, activeProbability(day), meanWhenActive, scale);
        }

        @Override
        double[] hours() {
            return hours;
        }

        @Override
        void render(EventDraft e, SplittableRandom r, int day, long ts, int ordinal) {
            e.apiKeyId = apiKey(r);
            e.endpoint = endpoints[Draws.weighted(r, endpointWeights)];
            e.userAgent = Draws.pick(r, agents);
            e.model = popularModel(r, ts, adoption);
            if (fixedParameters) {
                e.maxTokens = usualMaxTokens;
                e.temperature = usualTemperature;
            } else {
                usualParameters(e, r);
            }
            Task task = Draws.chance(r, 0.9) ? Taxonomy.TASKS.get(interests[Draws.weighted(r, interestWeights)])
                    : Draws.pick(r, Taxonomy.TASKS);
            e.promptText = Prompts.personal(r, task);
            outcome(e, r, task.category().equals("safety") ? 0.25 : 0.01, 0.003, 0.003, completionMedian, 12);
        }
    }

    /** A product's server: steady volume from cloud addresses, one prompt template with variable slots. */
    static final class AppBackend extends Persona {
        int template;
        String brand;
        Endpoint[] endpoints;
        String agent;
        Models.Model model;
        double meanPerDay;

        AppBackend(World world, int index) {
            super(world, index);
        }

        @Override
        double expectedEvents(int day) {
            return meanPerDay * (world.weekend(day, utcOffsetMinutes) ? 0.8 : 1.0);
        }

        @Override
        double[] hours() {
            return APP_HOURS;
        }

        @Override
        void render(EventDraft e, SplittableRandom r, int day, long ts, int ordinal) {
            e.apiKeyId = apiKey(r);
            e.endpoint = Draws.pick(r, endpoints);
            e.userAgent = agent;
            e.model = model;
            e.maxTokens = usualMaxTokens;
            e.temperature = usualTemperature;
            e.promptText = Prompts.product(r, template, brand);
            outcome(e, r, 0.004, 0.01, 0.004, 180, 150);
        }
    }

    /**
     * A member of a university or lab group behind one NAT. On run days a scripted benchmark suite
     * sweeps the whole taxonomy at a fixed cadence with the lab's fixed parameters; otherwise the
     * member asks ordinary questions.
     */
    static final class LabMember extends Persona {
        static final double RUN_PROBABILITY = 0.08;
        private static final long RUN_DAY_STREAM = 0x4c4142L;
        private static final long EVALUATED_MODEL_STREAM = 0x4d4f44L;
        static final double ORDINARY_MEAN = 6;

        int suite;
        Endpoint labNat;
        Endpoint home;
        String harnessAgent;
        String personalAgent;
        int labMaxTokens;
        double labTemperature;
        double runMean;
        int[] interests;
        /** Benchmark runs continue through the taxonomy where the last one stopped. */
        int sweepOffset;
        /** The harness asks for a worked solution before the answer (chain-of-thought evaluation); answers stay short. */
        boolean workedSolutions;

        LabMember(World world, int index) {
            super(world, index);
        }

        boolean runDay(int day) {
            return Draws.stream(world.seed, index, day, RUN_DAY_STREAM).nextDouble() < RUN_PROBABILITY;
        }

        private double ordinaryProbability(int day) {
            return world.weekend(day, utcOffsetMinutes) ? 0.1 : 0.5;
        }

        @Override
        double expectedEvents(int day) {
            return RUN_PROBABILITY * runMean + (1 - RUN_PROBABILITY) * ordinaryProbability(day) * ORDINARY_MEAN;
        }

        @Override
        int eventCount(int day, SplittableRandom r, double scale) {
            return runDay(day) ? Draws.poisson(r, runMean * scale)
                    : activeThenPoisson(r, ordinaryProbability(day), ORDINARY_MEAN, scale);
        }

        @Override
        void timestamps(int day, int count, SplittableRandom r, int[] msOfDay) {
            if (!runDay(day)) {
                double[] hours = OFFICE_HOURS;
                for (int i = 0; i < count; i++) {
                    msOfDay[i] = localToUtc(Draws.weighted(r, hours) * World.HOUR_MS + r.nextInt((int) World.HOUR_MS));
                }
                return;
            }
            // a script: one request after another at a steady cadence, often started in the evening
            long cadenceMs = 4_000 + r.nextInt(20_000);
            long begin = (9 + r.nextInt(14)) * World.HOUR_MS + r.nextInt((int) World.HOUR_MS);
            for (int i = 0; i < count; i++) {
                long local = begin + i * cadenceMs + r.nextInt(1_500);
                msOfDay[i] = localToUtc(Math.min(local, begin + World.DAY_MS - 1));
            }
        }

        @Override
        void render(EventDraft e, SplittableRandom r, int day, long ts, int ordinal) {
            e.apiKeyId = apiKey(r);
            if (runDay(day)) {
                Task task = Taxonomy.TASKS.get((sweepOffset + ordinal) % Taxonomy.TASKS.size());
                e.endpoint = labNat;
                e.userAgent = harnessAgent;
                // labs evaluate whatever is newest, including a model released this week
                e.model = ts >= world.releaseMs && Draws.stream(world.seed, index, day, EVALUATED_MODEL_STREAM).nextDouble() < 0.6
                        ? Models.NEW_RELEASE : Models.ESTABLISHED.get(Math.floorMod(day + suite, Models.ESTABLISHED.size()));
                e.maxTokens = labMaxTokens;
                e.temperature = labTemperature;
                e.promptText = Prompts.benchmarkItem(r, suite, task, ordinal / Taxonomy.TASKS.size())
                        + (workedSolutions ? "\nLet's think step by step, then give the final answer." : "");
                outcome(e, r, task.category().equals("safety") ? 0.3 : 0.01, 0.02, 0.003, workedSolutions ? 160 : 60, 20);
            } else {
                Task task = Draws.chance(r, 0.85) ? Taxonomy.TASKS.get(interests[r.nextInt(interests.length)])
                        : Draws.pick(r, Taxonomy.TASKS);
                e.endpoint = Draws.chance(r, 0.8) ? labNat : home;
                e.userAgent = personalAgent;
                e.model = popularModel(r, ts, 0.5);
                usualParameters(e, r);
                e.promptText = Prompts.personal(r, task);
                outcome(e, r, task.category().equals("safety") ? 0.25 : 0.01, 0.003, 0.003, 350, 12);
            }
        }
    }
}
