package dev.quarry.synth;

import dev.quarry.synth.Network.Endpoint;
import dev.quarry.synth.Taxonomy.Task;

import java.util.SplittableRandom;

/** The fake accounts of extraction campaigns, one class per playbook. */
final class CampaignPersonas {

    private CampaignPersonas() {
    }

    abstract static class Member extends Persona {
        final Campaign campaign;
        final int member;
        /** The account's own address when the campaign shares no pool. */
        Endpoint ownEndpoint;
        String agent;
        /** Where in the campaign's sweep this account starts, and how many task types it covers. */
        int sweepOffset;
        int sweepWidth;

        Member(World world, int index, Campaign campaign, int member) {
            super(world, index);
            this.campaign = campaign;
            this.member = member;
        }

        Endpoint endpoint(SplittableRandom r) {
            return campaign.ipPool.length > 0 ? Draws.pick(r, campaign.ipPool) : ownEndpoint;
        }

        String agent(SplittableRandom r) {
            return campaign.spec.userAgents() == 0 ? People.anyAgent(r) : agent;
        }

        void parameters(EventDraft e, SplittableRandom r) {
            usualParameters(e, r);
            if (campaign.spec.maxTokens() > 0) {
                e.maxTokens = campaign.spec.maxTokens();
            }
            if (campaign.spec.temperature() >= 0) {
                e.temperature = campaign.spec.temperature();
            }
        }

        /** The n-th task of this account's systematic sweep through its share of the taxonomy. */
        Task sweptTask(int ordinal) {
            int position = (sweepOffset + ordinal % sweepWidth) % campaign.taskOrder.length;
            return Taxonomy.TASKS.get(campaign.taskOrder[position]);
        }

        String sweptSubject(Task task, int ordinal) {
            return task.subjects().get((ordinal / sweepWidth + member) % task.subjects().size());
        }

        static double refusal(Task task, double base) {
            return task.category().equals("safety") ? 0.35 : base;
        }
    }

    /** Round the clock, uniformly, from a handful of datacenter addresses, one script. */
    static class NaiveFarm extends Member {
        NaiveFarm(World world, int index, Campaign campaign, int member) {
            super(world, index, campaign, member);
        }

        @Override
        double expectedEvents(int day) {
            return campaign.spec.requestsPerAccount() / (double) campaign.span();
        }

        @Override
        void timestamps(int day, int count, SplittableRandom r, int[] msOfDay) {
            for (int i = 0; i < count; i++) {
                msOfDay[i] = r.nextInt((int) World.DAY_MS);
            }
        }

        @Override
        void render(EventDraft e, SplittableRandom r, int day, long ts, int ordinal) {
            Task task = sweptTask(ordinal);
            e.apiKeyId = apiKey(r);
            e.endpoint = endpoint(r);
            e.userAgent = agent(r);
            e.model = Models.FLAGSHIP;
            parameters(e, r);
            e.promptText = Scaffolds.naive(r, campaign.scaffoldFamily, campaign.spec.paraphraseRate(), task,
                    sweptSubject(task, ordinal), ordinal + 1);
            outcome(e, r, refusal(task, 0.03), 0.04, 0.004, 900, 10);
        }
    }

    /**
     * Residential proxies, randomized clients, and shifts: every account starts and stops within
     * minutes of the others, on the days the farm works.
     */
    static class ProxyFarm extends Member {
        static final double PARTICIPATION = 0.9;

        ProxyFarm(World world, int index, Campaign campaign, int member) {
            super(world, index, campaign, member);
        }

        private double meanPerWorkedDay() {
            int workDays = 0;
            for (int d = campaign.firstDay; d < campaign.lastDay; d++) {
                workDays += campaign.workDays[d] ? 1 : 0;
            }
            return campaign.spec.requestsPerAccount() / (Math.max(1, workDays) * PARTICIPATION);
        }

        @Override
        double expectedEvents(int day) {
            return campaign.workDays[day] ? PARTICIPATION * meanPerWorkedDay() : 0;
        }

        @Override
        int eventCount(int day, SplittableRandom r, double scale) {
            return campaign.workDays[day] ? activeThenPoisson(r, PARTICIPATION, meanPerWorkedDay(), scale) : 0;
        }

        @Override
        void timestamps(int day, int count, SplittableRandom r, int[] msOfDay) {
            int shifts = campaign.shiftStartMinutes.length;
            long[] begin = new long[shifts];
            long[] end = new long[shifts];
            double jitterMinutes = 1 + 45 * campaign.spec.timingJitter();
            for (int s = 0; s < shifts; s++) {
                begin[s] = (long) ((campaign.shiftStartMinutes[s] + jitterMinutes * Math.abs(Draws.gaussian(r))) * 60_000);
                end[s] = (long) ((campaign.shiftStartMinutes[s] + campaign.shiftMinutes - jitterMinutes * Math.abs(Draws.gaussian(r))) * 60_000);
            }
            for (int i = 0; i < count; i++) {
                int s = r.nextInt(shifts);
                long at = begin[s] + (long) (r.nextDouble() * Math.max(60_000, end[s] - begin[s]));
                msOfDay[i] = (int) Math.floorMod(at, World.DAY_MS);
            }
        }

        @Override
        void render(EventDraft e, SplittableRandom r, int day, long ts, int ordinal) {
            Task task = sweptTask(ordinal);
            e.apiKeyId = apiKey(r);
            e.endpoint = endpoint(r);
            e.userAgent = agent(r);
            e.model = Draws.chance(r, 0.8) ? Models.FLAGSHIP : Models.OPEN_LARGE;
            parameters(e, r);
            e.promptText = Scaffolds.proxy(r, campaign.spec.kind(), campaign.scaffoldFamily, campaign.spec.paraphraseRate(), task,
                    sweptSubject(task, ordinal), "");
            outcome(e, r, refusal(task, 0.02), 0.01, 0.004, 800, 10);
        }
    }

    /**
     * A few dozen requests a day in the account's own daytime, at a regular cadence, from its own
     * home address and card; the prompts read like a person's but end in the campaign's scaffold.
     */
    static final class LowAndSlow extends Member {
        static final double ACTIVE = 0.92;
        long windowStartMs;
        long windowMs;

        LowAndSlow(World world, int index, Campaign campaign, int member) {
            super(world, index, campaign, member);
        }

        private double meanWhenActive() {
            return campaign.spec.requestsPerAccount() / (campaign.span() * ACTIVE);
        }

        @Override
        double expectedEvents(int day) {
            return ACTIVE * meanWhenActive();
        }

        @Override
        int eventCount(int day, SplittableRandom r, double scale) {
            return activeThenPoisson(r, ACTIVE, meanWhenActive(), scale);
        }

        @Override
        void timestamps(int day, int count, SplittableRandom r, int[] msOfDay) {
            double interval = windowMs / (double) Math.max(1, count);
            double jitter = campaign.spec.timingJitter();
            for (int i = 0; i < count; i++) {
                double local = windowStartMs + (i + 0.5) * interval + jitter * interval * 0.5 * Draws.gaussian(r);
                msOfDay[i] = localToUtc(Math.round(local));
            }
        }

        @Override
        void render(EventDraft e, SplittableRandom r, int day, long ts, int ordinal) {
            Task task = sweptTask(ordinal);
            e.apiKeyId = apiKey(r);
            e.endpoint = endpoint(r);
            e.userAgent = agent(r);
            e.model = Draws.chance(r, 0.85) ? Models.FLAGSHIP : Models.FAST;
            parameters(e, r);
            e.promptText = Scaffolds.lowAndSlow(r, campaign.scaffoldFamily, campaign.spec.paraphraseRate(), task);
            outcome(e, r, refusal(task, 0.015), 0.002, 0.003, 850, 12);
        }
    }

    /**
     * Quiet on the established flagship until the new model is released, then, hours later, all of
     * its accounts move to the new model at full rate.
     */
    static final class ModelPivot extends Member {
        static final double QUIET_SHARE = 0.15;

        ModelPivot(World world, int index, Campaign campaign, int member) {
            super(world, index, campaign, member);
        }

        private double fullRatePerDay() {
            long from = world.dayStart(campaign.firstDay);
            long to = world.dayStart(campaign.lastDay);
            long pivot = Math.max(from, Math.min(to, campaign.pivotMs));
            double quietDays = (pivot - from) / (double) World.DAY_MS;
            double fullDays = (to - pivot) / (double) World.DAY_MS;
            return campaign.spec.requestsPerAccount() / Math.max(1e-9, fullDays + QUIET_SHARE * quietDays);
        }

        /** Share of the day after the pivot. */
        private double afterPivot(int day) {
            double share = (world.dayStart(day + 1) - campaign.pivotMs) / (double) World.DAY_MS;
            return Math.max(0, Math.min(1, share));
        }

        @Override
        double expectedEvents(int day) {
            double after = afterPivot(day);
            return fullRatePerDay() * (after + QUIET_SHARE * (1 - after));
        }

        @Override
        void timestamps(int day, int count, SplittableRandom r, int[] msOfDay) {
            double after = afterPivot(day);
            double afterWeight = after / (after + QUIET_SHARE * (1 - after));
            long pivotInDay = World.DAY_MS - Math.round(after * World.DAY_MS);
            for (int i = 0; i < count; i++) {
                long at = Draws.chance(r, afterWeight)
                        ? pivotInDay + (long) (r.nextDouble() * (World.DAY_MS - pivotInDay))
                        : (long) (r.nextDouble() * pivotInDay);
                msOfDay[i] = (int) Math.min(World.DAY_MS - 1, at);
            }
        }

        @Override
        void render(EventDraft e, SplittableRandom r, int day, long ts, int ordinal) {
            Task task = sweptTask(ordinal);
            e.apiKeyId = apiKey(r);
            e.endpoint = endpoint(r);
            e.userAgent = agent(r);
            e.model = ts >= campaign.pivotMs ? Models.NEW_RELEASE : Models.FLAGSHIP;
            parameters(e, r);
            e.promptText = Scaffolds.pivot(r, campaign.scaffoldFamily, campaign.spec.paraphraseRate(), task,
                    sweptSubject(task, ordinal));
            outcome(e, r, refusal(task, 0.02), 0.03, 0.005, 1000, 10);
        }
    }

    /**
     * Poses as a lab running a public benchmark (the harness's user agent, temperature 0, item-like
     * prompts) while harvesting long worked answers across the taxonomy, in the proxy farm's shifts.
     */
    static final class BenchmarkMimic extends ProxyFarm {
        BenchmarkMimic(World world, int index, Campaign campaign, int member) {
            super(world, index, campaign, member);
        }

        @Override
        void render(EventDraft e, SplittableRandom r, int day, long ts, int ordinal) {
            Task task = sweptTask(ordinal);
            e.apiKeyId = apiKey(r);
            e.endpoint = endpoint(r);
            e.userAgent = agent(r);
            // the disguise extends to evaluating the newest model
            e.model = ts >= world.releaseMs && Draws.chance(r, 0.8) ? Models.NEW_RELEASE : Models.FLAGSHIP;
            parameters(e, r);
            e.promptText = Scaffolds.benchmarkMimic(r, campaign.scaffoldFamily, campaign.spec.paraphraseRate(), task,
                    sweptSubject(task, ordinal), ordinal + 1);
            outcome(e, r, refusal(task, 0.02), 0.01, 0.004, 1100, 20);
        }
    }

    /**
     * Poses as the users of an app built on a public template (its system prompt, SDK and temperature)
     * while asking for complete worked solutions across the taxonomy, round the clock from cloud addresses.
     */
    static final class AppMimic extends NaiveFarm {
        AppMimic(World world, int index, Campaign campaign, int member) {
            super(world, index, campaign, member);
        }

        @Override
        void render(EventDraft e, SplittableRandom r, int day, long ts, int ordinal) {
            Task task = sweptTask(ordinal);
            e.apiKeyId = apiKey(r);
            e.endpoint = endpoint(r);
            e.userAgent = agent(r);
            e.model = Draws.chance(r, 0.7) ? Models.FLAGSHIP : Models.FAST;
            parameters(e, r);
            e.promptText = Scaffolds.appMimic(r, campaign.scaffoldFamily, campaign.spec.paraphraseRate(), task,
                    sweptSubject(task, ordinal));
            outcome(e, r, refusal(task, 0.02), 0.02, 0.004, 950, 60);
        }
    }

    /**
     * Farms that hide among ordinary customers: every account makes its own volume (one operator's
     * quota multiplied by a factor of its own), keeps its own hours or an office's, and was opened at
     * its own time; what they share is the work (one worklist, split between them) and what they take
     * out. One class for the kinds of {@link CampaignKind} that differ only in disguise.
     */
    static final class QuietFleet extends Member {
        /** This account's share of the farm's mean volume (log-normal around 1). */
        double volumeFactor = 1;
        /** Compromised accounts: when the buyer's script takes this account over. */
        long takeoverMs = Long.MAX_VALUE;
        /** Compromised accounts: the owner's own address and client before the takeover. */
        Endpoint ownerEndpoint;
        String ownerAgent;
        /** Office workers: minutes after 09:00 local this worker usually starts. */
        int startLateMinutes;
        /** Novel benchmark: the local hour of the account's daily run; backend mimic: the app's name. */
        int runHour;
        String brand;

        QuietFleet(World world, int index, Campaign campaign, int member) {
            super(world, index, campaign, member);
        }

        private CampaignKind kind() {
            return campaign.spec.kind();
        }

        private int workingDays() {
            int days = 0;
            for (int d = campaign.firstDay; d < campaign.lastDay; d++) {
                days += kind() != CampaignKind.OFFICE_HOURS || !world.weekend(d, utcOffsetMinutes) ? 1 : 0;
            }
            return Math.max(1, days);
        }

        /** Share of the day after the takeover. */
        private double afterTakeover(int day) {
            double share = (world.dayStart(day + 1) - takeoverMs) / (double) World.DAY_MS;
            return Math.max(0, Math.min(1, share));
        }

        private static final double OWNER_PER_DAY = 4;

        @Override
        double expectedEvents(int day) {
            double harvest = volumeFactor * campaign.spec.requestsPerAccount();
            return switch (kind()) {
                case COMPROMISED_AGED -> {
                    double after = afterTakeover(day);
                    double harvestDays = Math.max(1, (world.dayStart(world.days) - takeoverMs) / (double) World.DAY_MS);
                    yield after * harvest / harvestDays + (1 - after) * OWNER_PER_DAY;
                }
                case OFFICE_HOURS -> world.weekend(day, utcOffsetMinutes) ? 0 : harvest / workingDays();
                default -> harvest / campaign.span();
            };
        }

        @Override
        void timestamps(int day, int count, SplittableRandom r, int[] msOfDay) {
            switch (kind()) {
                case COMPROMISED_AGED -> {
                    double after = afterTakeover(day);
                    double harvestRate = expectedEvents(day) - (1 - after) * OWNER_PER_DAY;
                    double afterWeight = harvestRate / Math.max(1e-9, expectedEvents(day));
                    long takeoverInDay = World.DAY_MS - Math.round(after * World.DAY_MS);
                    for (int i = 0; i < count; i++) {
                        if (Draws.chance(r, afterWeight)) {
                            msOfDay[i] = (int) Math.min(World.DAY_MS - 1,
                                    takeoverInDay + (long) (r.nextDouble() * (World.DAY_MS - takeoverInDay)));
                        } else {
                            int at;
                            do {
                                at = localToUtc(Draws.weighted(r, LEISURE_HOURS) * World.HOUR_MS + r.nextInt((int) World.HOUR_MS));
                            } while (at >= takeoverInDay && takeoverInDay < World.DAY_MS && takeoverInDay > 0);
                            msOfDay[i] = at;
                        }
                    }
                }
                case OFFICE_HOURS -> {
                    // 09:00 plus the worker's own lateness, a lunch break, home at 17:30
                    long start = (9 * 60 + startLateMinutes + r.nextInt(11)) * 60_000L;
                    long lunch = (12 * 60 + 30 + r.nextInt(16)) * 60_000L;
                    long back = lunch + 45 * 60_000L;
                    long end = (17 * 60 + 30 - r.nextInt(16)) * 60_000L;
                    long working = (lunch - start) + (end - back);
                    for (int i = 0; i < count; i++) {
                        long t = (long) (r.nextDouble() * working);
                        long local = t < lunch - start ? start + t : back + (t - (lunch - start));
                        msOfDay[i] = localToUtc(local);
                    }
                }
                case NOVEL_BENCHMARK -> {
                    long spacing = 20_000 + r.nextInt(25_000);
                    long begin = runHour * World.HOUR_MS + r.nextInt((int) World.HOUR_MS);
                    for (int i = 0; i < count; i++) {
                        msOfDay[i] = localToUtc(begin + i * spacing + r.nextInt(5_000));
                    }
                }
                default -> super.timestamps(day, count, r, msOfDay);
            }
        }

        @Override
        double[] hours() {
            return kind() == CampaignKind.BACKEND_MIMIC ? APP_HOURS : LEISURE_HOURS;
        }

        @Override
        void render(EventDraft e, SplittableRandom r, int day, long ts, int ordinal) {
            e.apiKeyId = apiKey(r);
            if (ts < takeoverMs && kind() == CampaignKind.COMPROMISED_AGED) {
                // the owner's own use: an evening question now and then
                Task task = Draws.pick(r, Taxonomy.TASKS);
                e.endpoint = ownerEndpoint;
                e.userAgent = ownerAgent;
                e.model = popularModel(r, ts, 0.3);
                usualParameters(e, r);
                e.promptText = Prompts.personal(r, task);
                outcome(e, r, refusal(task, 0.01), 0.002, 0.003, 300, 10);
                return;
            }
            Task task = sweptTask(ordinal);
            String subject = sweptSubject(task, ordinal);
            e.endpoint = kind() == CampaignKind.PREPAID_PROXY
                    // a residential proxy service: a new home address on every request
                    ? Network.endpoint(r, Network.AsnKind.RESIDENTIAL, Network.country(r).code(), 0.1)
                    : endpoint(r);
            e.userAgent = agent(r);
            e.model = Draws.chance(r, 0.8) ? Models.FLAGSHIP : Models.OPEN_LARGE;
            parameters(e, r);
            int family = campaign.scaffoldFamily;
            double paraphrase = campaign.spec.paraphraseRate();
            e.promptText = switch (kind()) {
                case OFFICE_HOURS -> Scaffolds.worklist(r, kind(), family, paraphrase, task, subject, ordinal + 1);
                case BACKEND_MIMIC -> Scaffolds.backendMimic(r, family, paraphrase, task, subject, brand);
                case NOVEL_BENCHMARK -> Scaffolds.novelBenchmarkItem(r, family, paraphrase, task, subject,
                        member * 10_000 + ordinal);
                default -> Scaffolds.proxy(r, kind(), family, paraphrase, task, subject, Scaffolds.itemMaterial(r));
            };
            outcome(e, r, refusal(task, 0.02), 0.01, 0.004, 950, 12);
        }
    }
}
