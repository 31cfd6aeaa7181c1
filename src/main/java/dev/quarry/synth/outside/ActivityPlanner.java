package dev.quarry.synth.outside;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * When each account sends requests. An account's activity is planned per local day of its own clock
 * (keyed by account and day, so re-planning gives the same times); a UTC day collects the local days
 * that overlap it and keeps the events that fall inside.
 *
 * <p>Sessions 0..63 are ordinary work; from {@link #SPECIAL} on they mark a special purpose the renderer
 * recognises (a script run, a viral paste, a release-day run).
 */
final class ActivityPlanner {

    static final int SPECIAL = 64;
    private static final long SALT = 0x97A2L;

    /** End users' requests per local hour for a consumer app: quiet before dawn, peak in the evening. */
    private static final double[] CONSUMER_DIURNAL = {0.35, 0.22, 0.15, 0.11, 0.10, 0.14, 0.28, 0.50, 0.72, 0.85,
            0.92, 0.98, 1.00, 0.98, 0.95, 0.97, 1.02, 1.08, 1.15, 1.25, 1.30, 1.20, 0.92, 0.60};
    private static final double DIURNAL_SUM = sum(CONSUMER_DIURNAL);
    /** An aggregator's customers are spread over many zones: a flattened diurnal curve. */
    private static final double RESELLER_SUM = 24 * 0.6 + 0.4 * DIURNAL_SUM;
    private static final long AGENT_SALT = 0xA6E47L;
    /** Where a support product's tenants are: UTC offset in minutes and share of the load. */
    private static final int[] TENANT_ZONES = {-480, -300, -180, 0, 60, 330, 480, 540};
    private static final double[] TENANT_WEIGHTS = {0.12, 0.22, 0.06, 0.14, 0.2, 0.1, 0.08, 0.08};

    private final Population population;
    private DayPlan out;
    private long dayStart;
    private int account;
    private int delta;
    private long notBefore;

    ActivityPlanner(Population population) {
        this.population = population;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    /** Fills {@code plan} (reset to {@code day}) with every event of that UTC day. */
    void planDay(int day, DayPlan plan) {
        plan.reset(day);
        out = plan;
        dayStart = population.windowStart + day * Population.DAY_MS;
        for (Account a : population.accounts) {
            account = a.index;
            notBefore = a.createdAt;
            for (delta = -1; delta <= 1; delta++) {
                int localDay = day + delta;
                long localStart = population.windowStart + localDay * Population.DAY_MS - a.offsetMinutes * Population.MINUTE_MS;
                // Sessions can run up to a day past their local day's end (night shifts, long jobs).
                if (localStart + 2 * Population.DAY_MS <= dayStart || localStart >= dayStart + Population.DAY_MS) {
                    continue;
                }
                planLocalDay(a, localDay, localStart);
            }
        }
        plan.sort();
    }

    /**
     * Whether an agent-framework request is answered 429: the framework then retries the same step
     * after a backoff. Keyed, so the planner (the retry's timing) and the renderer (its status and
     * repeated prompt) agree.
     */
    static boolean agentThrottled(long seed, int account, int localDay, int session, int event) {
        return Long.remainderUnsigned(Keyed.hash(seed, AGENT_SALT, account, localDay, ((long) session << 10) | event), 100) < 8;
    }

    private void emit(long ts, int session, int event) {
        long inDay = ts - dayStart;
        if (inDay >= 0 && inDay < Population.DAY_MS && ts >= notBefore && event < DayPlan.MAX_SESSION_EVENTS) {
            out.add(inDay, account, delta, session, event);
        }
    }

    /** Events one after another, gaps drawn around a median (people typing, a harness looping). */
    private void sequence(int session, long start, int events, double medianGapSeconds, double sigma, SplittableRandom r) {
        long t = start;
        int n = Math.min(events, DayPlan.MAX_SESSION_EVENTS);
        for (int e = 0; e < n; e++) {
            emit(t, session, e);
            t += Math.max(200, (long) (Keyed.logNormal(r, medianGapSeconds, sigma) * 1000));
        }
    }

    /** Events scattered independently over an interval (many end users behind one backend). */
    private void scatter(int session, long from, long span, int events, SplittableRandom r) {
        int n = Math.min(events, DayPlan.MAX_SESSION_EVENTS);
        for (int e = 0; e < n; e++) {
            emit(from + (long) (r.nextDouble() * span), session, e);
        }
    }

    private static long at(long localStart, double hour) {
        return localStart + (long) (hour * Population.HOUR_MS);
    }

    private boolean released(long from, long to) {
        return population.releaseAt >= from && population.releaseAt < to;
    }

    private void planLocalDay(Account a, int localDay, long localStart) {
        if (localDay < 0 || localDay >= population.days()) {
            return;
        }
        if (localStart + Population.DAY_MS <= a.createdAt) {
            return;
        }
        SplittableRandom r = Keyed.random(population.seed, SALT, a.index, localDay);
        LocalDate date = population.options.start().plusDays(localDay);
        boolean weekend = Geography.weekend(date);
        boolean holiday = a.country != null && Geography.holiday(a.country, date);
        boolean offDay = weekend || holiday;
        Group g = a.group;
        switch (a.kind) {
            case LEGIT_HOBBYIST, LEGIT_SHARED_NAT -> casualDay(a, r, localStart, offDay ? 1.35 : 0.9);
            case LEGIT_VIRAL_PROMPT -> {
                casualDay(a, r, localStart, offDay ? 1.35 : 0.9);
                if (g.active(localDay)) {
                    // The paste is most likely on the first day the prompt spreads, then fades.
                    double p = 0.75 / (1 + localDay - g.activeFrom);
                    if (Keyed.chance(r, p)) {
                        sequence(SPECIAL, at(localStart, a.preferredHour + 3 * Keyed.gaussian(r)), 1 + r.nextInt(3), 40, 0.8, r);
                    }
                }
            }
            case LEGIT_EARLY_ADOPTER -> {
                casualDay(a, r, localStart, offDay ? 1.3 : 1.0);
                long first = population.releaseAt == Long.MAX_VALUE ? Long.MAX_VALUE
                        : population.releaseAt + a.adoptMinutes * Population.MINUTE_MS;
                if (first != Long.MAX_VALUE && first < localStart + 2 * Population.DAY_MS && first + 3 * Population.DAY_MS > localStart) {
                    long start = Math.max(first, at(localStart, 9 + 12 * r.nextDouble()));
                    sequence(SPECIAL, start, 15 + r.nextInt(60), 25, 0.8, r);
                }
            }
            case LEGIT_POWER_USER -> {
                if (Keyed.chance(r, offDay ? 0.6 : 0.88)) {
                    int sessions = 2 + r.nextInt(3);
                    for (int s = 0; s < sessions; s++) {
                        double hour = 8 + 15 * r.nextDouble();
                        sequence(s, at(localStart, hour), Keyed.geometric(r, 22 * a.activity), 35, 0.9, r);
                    }
                    if (a.scripts && Keyed.chance(r, 0.2)) {
                        sequence(SPECIAL, at(localStart, 10 + 12 * r.nextDouble()), 80 + r.nextInt(400), 1.8, 0.5, r);
                    }
                }
            }
            case LEGIT_APP_BACKEND -> {
                double dayFactor = (weekend ? 0.82 : 1.0) * Keyed.logNormal(r, 1.0, 0.12);
                for (int h = 0; h < 24; h++) {
                    double mean = g.dailyVolume * a.activity * dayFactor * CONSUMER_DIURNAL[h] / DIURNAL_SUM;
                    scatter(h, at(localStart, h), Population.HOUR_MS, Keyed.poisson(r, mean), r);
                }
            }
            case LEGIT_ENTERPRISE_EMPLOYEE -> {
                if (Keyed.chance(r, offDay ? 0.04 : 0.72)) {
                    int sessions = 1 + r.nextInt(4);
                    for (int s = 0; s < sessions; s++) {
                        double hour = r.nextBoolean() ? 8.5 + 3.5 * r.nextDouble() : 13.3 + 4.7 * r.nextDouble();
                        sequence(s, at(localStart, hour), Keyed.geometric(r, 5), 60, 0.9, r);
                    }
                }
            }
            case LEGIT_ENTERPRISE_BATCH -> batchDay(a, r, localStart, date, holiday);
            case LEGIT_BENCHMARK_LAB -> labDay(a, r, localStart, localDay);
            case LEGIT_CLASS_COHORT -> {
                if (g.active(localDay)) {
                    if (!weekend && Keyed.chance(r, 0.45)) {
                        sequence(0, at(localStart, 10 + 6 * r.nextDouble()), Keyed.geometric(r, 4), 70, 0.8, r);
                    }
                    double dueSoon = localDay >= g.activeTo - 1 ? 0.8 : 0.35;
                    if (Keyed.chance(r, dueSoon)) {
                        sequence(1, at(localStart, 19 + 4.5 * r.nextDouble()), Keyed.geometric(r, 6), 80, 0.8, r);
                    }
                } else if (Keyed.chance(r, 0.06)) {
                    sequence(2, at(localStart, 12 + 10 * r.nextDouble()), Keyed.geometric(r, 3), 60, 0.8, r);
                }
            }
            case LEGIT_INTEGRATION_PARTNER -> {
                if (Keyed.chance(r, (offDay ? 0.12 : 0.45) * Math.min(1.5, a.activity))) {
                    int sessions = 1 + r.nextInt(3);
                    for (int s = 0; s < sessions; s++) {
                        sequence(s, at(localStart, 8.5 + 9.5 * r.nextDouble()), Keyed.geometric(r, 4), 90, 0.9, r);
                    }
                }
            }
            case LEGIT_SAFETY_RESEARCHER -> {
                if (!offDay && Keyed.chance(r, 0.6)) {
                    int sweeps = 1 + r.nextInt(2);
                    for (int s = 0; s < sweeps; s++) {
                        sequence(s, at(localStart, 10 + 7 * r.nextDouble()), 40 + r.nextInt(160), 3, 0.5, r);
                    }
                }
            }
            case LEGIT_RESELLER -> {
                double dayFactor = (weekend ? 0.9 : 1.0) * Keyed.logNormal(r, 1.0, 0.1);
                for (int h = 0; h < 24; h++) {
                    double mean = g.dailyVolume * a.activity * dayFactor * (0.6 + 0.4 * CONSUMER_DIURNAL[h]) / RESELLER_SUM;
                    scatter(h, at(localStart, h), Population.HOUR_MS, Keyed.poisson(r, mean), r);
                }
            }
            case LEGIT_EVAL_VENDOR -> evalVendorDay(a, r, localStart, offDay);
            case LEGIT_SYNTHETIC_DATA_VENDOR -> {
                // Pipelines run round the clock; now and then one pauses for a spec review.
                if (!Keyed.chance(r, 0.06)) {
                    double perHour = g.dailyVolume * a.activity / 24;
                    for (int h = 0; h < 24; h++) {
                        scatter(h, at(localStart, h), Population.HOUR_MS, Keyed.poisson(r, perHour), r);
                    }
                }
            }
            case LEGIT_HACKATHON -> hackathonDay(a, r, localStart, localDay);
            case LEGIT_UNIVERSITY -> {
                if (!offDay && Keyed.chance(r, 0.6)) {
                    int sessions = 1 + r.nextInt(3);
                    for (int s = 0; s < sessions; s++) {
                        sequence(s, at(localStart, 9 + 9 * r.nextDouble()), Keyed.geometric(r, 5), 70, 0.9, r);
                    }
                } else if (offDay && Keyed.chance(r, 0.1)) {
                    sequence(0, at(localStart, 14 + 6 * r.nextDouble()), Keyed.geometric(r, 4), 60, 0.9, r);
                }
                if (a.scripts && !offDay && Keyed.chance(r, 0.12)) {
                    sequence(SPECIAL, at(localStart, 10 + 8 * r.nextDouble()), 80 + r.nextInt(300), 1.6, 0.5, r);
                }
            }
            case LEGIT_AGENT_FRAMEWORK -> agentDay(a, r, localStart, localDay, offDay);
            case LEGIT_SUPPORT_PRODUCT -> {
                for (int h = 0; h < 24; h++) {
                    double mean = g.dailyVolume * a.activity * tenantLoad(date, h) / 8;
                    scatter(h, at(localStart, h), Population.HOUR_MS, Keyed.poisson(r, mean), r);
                }
            }
            case LEGIT_LOCALISATION -> localisationDay(a, r, localStart, localDay, offDay);
            case LEGIT_CI_PIPELINE -> ciDay(a, r, localStart, weekend, holiday);
            case LEGIT_IDE_PLUGIN -> ideDay(a, r, localStart, offDay);
            case FARM_SAAS_FRONT -> {
                // The front's traffic arrives round the clock through its platform, a flattened diurnal curve.
                double dayFactor = (weekend ? 0.92 : 1.0) * Keyed.logNormal(r, 1.0, 0.1);
                for (int h = 0; h < 24; h++) {
                    double mean = g.dailyVolume * a.activity * dayFactor * (0.6 + 0.4 * CONSUMER_DIURNAL[h]) / RESELLER_SUM;
                    scatter(h, at(localStart, h), Population.HOUR_MS, Keyed.poisson(r, mean), r);
                }
            }
            case FARM_COMPROMISED -> {
                // The owner keeps using the account; the operator's traffic comes on top from the takeover.
                casualDay(a, r, localStart, offDay ? 1.35 : 0.9);
                farmDay(a, r, localStart, localDay, date);
            }
            default -> farmDay(a, r, localStart, localDay, date);
        }
    }

    /**
     * The share of a support product's tenants in office hours at UTC hour {@code utcHour} of {@code date}:
     * full from 9 to 17 local on a local weekday, a shoulder either side, little at night or weekends.
     */
    static double tenantLoad(LocalDate date, int utcHour) {
        double load = 0;
        for (int z = 0; z < TENANT_ZONES.length; z++) {
            int localMinutes = utcHour * 60 + TENANT_ZONES[z];
            LocalDate localDate = date.plusDays(Math.floorDiv(localMinutes, 24 * 60));
            double hour = Math.floorMod(localMinutes, 24 * 60) / 60.0;
            double office = hour >= 9 && hour < 17 ? 1.0 : hour >= 8 && hour < 19 ? 0.35 : 0.04;
            load += TENANT_WEIGHTS[z] * (Geography.weekend(localDate) ? 0.08 : office);
        }
        return load;
    }

    /**
     * A translation-management system's batches on the company's business days: segments one after
     * another, a few seconds apart; heavier while a catalogue launch is due.
     */
    private void localisationDay(Account a, SplittableRandom r, long localStart, int localDay, boolean offDay) {
        Group g = a.group;
        if (offDay) {
            return;
        }
        double volume = g.dailyVolume * a.activity * (g.active(localDay) ? 2.5 : 0.6);
        int batches = 1 + r.nextInt(3);
        for (int s = 0; s < batches; s++) {
            sequence(s, at(localStart, 8.5 + 8.5 * r.nextDouble()), Keyed.poisson(r, volume / batches), 4, 0.4, r);
        }
    }

    /**
     * Every merge to the main branch runs the whole prompt regression suite, case after case; merges come
     * on office days (a hotfix now and then at a weekend), and a nightly run goes every day at 02:00.
     */
    private void ciDay(Account a, SplittableRandom r, long localStart, boolean weekend, boolean holiday) {
        int cases = a.group.suiteCases;
        int merges = weekend || holiday ? (Keyed.chance(r, 0.1) ? 1 : 0) : Math.min(SPECIAL - 1, Keyed.poisson(r, a.activity));
        for (int s = 0; s < merges; s++) {
            double hour = 9.5 + 9 * Math.sqrt(r.nextDouble());
            sequence(s, at(localStart, hour), cases, 0.8, 0.3, r);
        }
        sequence(SPECIAL, at(localStart, 2) + r.nextInt(600_000), cases, 0.8, 0.3, r);
    }

    /**
     * A developer's coding sessions from their own morning on working days: bursts of inline
     * completions while typing, seconds apart, and pauses while reading; some code evenings too.
     */
    private void ideDay(Account a, SplittableRandom r, long localStart, boolean offDay) {
        if (Keyed.chance(r, offDay ? 0.08 : 0.8)) {
            int sessions = 2 + r.nextInt(3);
            for (int s = 0; s < sessions; s++) {
                double hour = a.preferredHour + s * 2.5 + Keyed.gaussian(r);
                sequence(s, at(localStart, hour), Keyed.geometric(r, 40 * a.activity), 9, 1.1, r);
            }
        }
        if (a.scripts && Keyed.chance(r, 0.4)) {
            sequence(6, at(localStart, 20 + 3 * r.nextDouble()), Keyed.geometric(r, 30 * a.activity), 9, 1.1, r);
        }
    }

    private void evalVendorDay(Account a, SplittableRandom r, long localStart, boolean offDay) {
        int benchmarks = PromptBook.EVAL_BENCHMARKS.size();
        if (!offDay && Keyed.chance(r, 0.45)) {
            int runs = 1 + r.nextInt(2);
            for (int s = 0; s < runs; s++) {
                PromptBook.Benchmark b = PromptBook.EVAL_BENCHMARKS.get((a.slice + s) % benchmarks);
                sequence(s, at(localStart, 9 + 9 * r.nextDouble()), Math.min(b.items(), 150 + r.nextInt(600)), 0.7, 0.4, r);
            }
        }
        if (Keyed.chance(r, 0.25)) {
            // A client's nightly regression run.
            sequence(2, at(localStart, 1 + 2 * r.nextDouble()), 100 + r.nextInt(200), 0.7, 0.4, r);
        }
        if (a.adoptMinutes >= 0 && population.releaseAt != Long.MAX_VALUE) {
            long run = population.releaseAt + a.adoptMinutes * Population.MINUTE_MS;
            if (run >= localStart && run < localStart + Population.DAY_MS) {
                // Every client wants the new model's numbers: four benchmarks back to back.
                for (int k = 0; k < 4; k++) {
                    PromptBook.Benchmark b = PromptBook.EVAL_BENCHMARKS.get((a.slice + k) % benchmarks);
                    sequence(SPECIAL + k, run + k * 40 * Population.MINUTE_MS, Math.min(b.items(), DayPlan.MAX_SESSION_EVENTS), 0.6, 0.4, r);
                }
            }
        }
    }

    private void hackathonDay(Account a, SplittableRandom r, long localStart, int localDay) {
        Group g = a.group;
        if (g.active(localDay)) {
            if (localDay == g.activeFrom) {
                // The opening tutorial: everyone types the same steps behind the speaker.
                sequence(0, at(localStart, 10 + 0.15 * r.nextDouble()), PromptBook.TUTORIAL_STEPS.size() + r.nextInt(3), 75, 0.5, r);
            }
            int sessions = 2 + r.nextInt(3);
            for (int s = 0; s < sessions; s++) {
                // Hacking from lunch until well past midnight.
                sequence(1 + s, at(localStart, 13 + 12 * r.nextDouble()), Keyed.geometric(r, 10 * a.activity), 45, 0.9, r);
            }
        } else if (localDay > g.activeTo && Keyed.chance(r, 0.07)) {
            sequence(8, at(localStart, 19 + 3 * r.nextDouble()), Keyed.geometric(r, 4), 60, 0.9, r);
        }
    }

    private void agentDay(Account a, SplittableRandom r, long localStart, int localDay, boolean offDay) {
        double runsPerWeek = 3.0 * a.activity * (offDay ? 1.2 : 1.0);
        if (Keyed.chance(r, Math.min(0.95, runsPerWeek / 7))) {
            int runs = 1 + r.nextInt(3);
            for (int s = 0; s < runs; s++) {
                agentRun(a, s, at(localStart, a.preferredHour + 2 * Keyed.gaussian(r)), 4 + r.nextInt(12), localDay, r);
            }
        }
        if (a.scripts && Keyed.chance(r, 0.3)) {
            // Agents left running on a server overnight.
            int runs = 3 + r.nextInt(6);
            for (int s = 0; s < runs; s++) {
                agentRun(a, 4 + s, at(localStart, 1 + 5 * r.nextDouble()), 4 + r.nextInt(12), localDay, r);
            }
        }
    }

    /** Steps a few seconds apart; a throttled step is retried after 1, 2, 4 ... seconds, as the framework does. */
    private void agentRun(Account a, int session, long start, int steps, int localDay, SplittableRandom r) {
        long t = start;
        int retries = 0;
        int step = 0;
        for (int e = 0; step < steps && e < DayPlan.MAX_SESSION_EVENTS; e++) {
            emit(t, session, e);
            if (agentThrottled(population.seed, a.index, localDay, session, e)) {
                t += (1000L << Math.min(4, retries++)) + r.nextInt(300);
            } else {
                retries = 0;
                step++;
                t += (long) (Keyed.logNormal(r, 5, 0.6) * 1000);
            }
        }
    }

    private void casualDay(Account a, SplittableRandom r, long localStart, double dayFactor) {
        double sessionsPerWeek = 2.6 * a.activity * dayFactor;
        if (!Keyed.chance(r, Math.min(0.95, sessionsPerWeek / 7))) {
            return;
        }
        int sessions = Keyed.chance(r, 0.25) ? 2 : 1;
        for (int s = 0; s < sessions; s++) {
            double hour = a.preferredHour + 1.6 * Keyed.gaussian(r) + (s == 1 ? 4 * r.nextDouble() - 2 : 0);
            sequence(s, at(localStart, hour), Keyed.geometric(r, 6 * Math.sqrt(a.activity)), 50, 1.0, r);
        }
    }

    private void batchDay(Account a, SplittableRandom r, long localStart, LocalDate date, boolean holiday) {
        boolean businessDay = !Geography.weekend(date) && !holiday;
        if (a.preferredHour < 0) {
            // Hourly job: at the top of every hour, to the second, each run a few dozen items.
            for (int h = 0; h < 24; h++) {
                long start = at(localStart, h) + r.nextInt(2500);
                sequence(h, start, (int) Math.round(a.activity * Keyed.logNormal(r, 1, 0.15)), 0.9, 0.3, r);
            }
            return;
        }
        if (a.preferredHour == 9 && !businessDay) {
            return;
        }
        long start = at(localStart, a.preferredHour) + r.nextInt(3000);
        sequence(0, start, (int) Math.round(a.activity * Keyed.logNormal(r, 1, 0.1)), 1.1, 0.35, r);
    }

    private void labDay(Account a, SplittableRandom r, long localStart, int localDay) {
        Group g = a.group;
        int items = g.benchmark.items();
        if (g.special(localDay) && Keyed.chance(r, 0.7)) {
            int runs = 1 + r.nextInt(2);
            for (int s = 0; s < runs; s++) {
                sequence(s, at(localStart, 10 + 13 * r.nextDouble()), Math.min(items, 300 + r.nextInt(724)), 0.9, 0.5, r);
            }
        } else if (Keyed.chance(r, 0.12)) {
            sequence(0, at(localStart, 10 + 10 * r.nextDouble()), 10 + r.nextInt(90), 2.0, 0.6, r);
        }
        if (a.adoptMinutes >= 0 && population.releaseAt != Long.MAX_VALUE) {
            long run = population.releaseAt + a.adoptMinutes * Population.MINUTE_MS;
            if (run >= localStart && run < localStart + Population.DAY_MS) {
                // New model out: the lab reruns its benchmark on it within hours.
                sequence(SPECIAL, run, Math.min(items, DayPlan.MAX_SESSION_EVENTS), 0.8, 0.4, r);
            }
        }
    }

    private void farmDay(Account a, SplittableRandom r, long localStart, int localDay, LocalDate date) {
        Group g = a.group;
        // Accounts start and stop with their farm; a few join a day late or leave a day early.
        int from = Math.max(a.firstDay, g.activeFrom + (a.slice % 9 == 0 ? 1 : 0));
        int to = Math.min(a.lastDay, g.activeTo - (a.slice % 11 == 0 ? 1 : 0));
        if (localDay < from || localDay > to || g.special(localDay)) {
            return;
        }
        boolean pivotToday = g.pivotMinutes >= 0 && a.adoptMinutes >= 0 && released(localStart, localStart + Population.DAY_MS);
        // A stolen account is spent up to what its owner's plan allows, not to a trial quota.
        double pace = a.kind == OutsideKind.FARM_COMPROMISED ? Math.min(a.dailyQuota, 1500) * 0.9 : a.dailyQuota * a.activity;
        int target = (int) Math.round(pace * (pivotToday ? 0.75 : 1.0));
        switch (a.kind) {
            case FARM_COMPROMISED -> {
                // Sessions from 8 on: the owner's own sessions keep 0 and 1.
                for (int h = 0; h < 24; h++) {
                    scatter(8 + h, at(localStart, h), Population.HOUR_MS, Keyed.poisson(r, target / 24.0), r);
                }
            }
            case FARM_RESIDENTIAL_PREPAID -> {
                // Human-looking sessions in the proxy household's waking hours.
                int sessions = 3 + r.nextInt(3);
                for (int s = 0; s < sessions; s++) {
                    sequence(s, at(localStart, 8 + 15 * r.nextDouble()), target / sessions, 12, 0.6, r);
                }
            }
            case FARM_OFFICE_HOURS -> {
                // Business days in the imitated zone, a lunch break, but through that zone's holidays.
                if (Geography.weekend(date)) {
                    return;
                }
                double[] hours = {9, 10, 11, 13, 14, 15, 16, 17};
                for (int h = 0; h < hours.length; h++) {
                    double span = h == hours.length - 1 ? 0.5 : 1.0;
                    scatter(h, at(localStart, hours[h]), (long) (span * Population.HOUR_MS),
                            Keyed.poisson(r, target * span / 7.5), r);
                }
            }
            case FARM_PROXY, FARM_AUTOMATION, FARM_WAVES -> {
                // Round the clock, paced to stay just under the daily quota.
                double perHour = target / 24.0;
                for (int h = 0; h < 24; h++) {
                    int n = a.kind == OutsideKind.FARM_AUTOMATION ? (int) Math.round(perHour) : Keyed.poisson(r, perHour);
                    if (a.kind == OutsideKind.FARM_AUTOMATION) {
                        long gap = Population.HOUR_MS / Math.max(1, n);
                        for (int e = 0; e < n; e++) {
                            emit(at(localStart, h) + e * gap + (long) (r.nextDouble() * gap * 0.2), h, e);
                        }
                    } else {
                        scatter(h, at(localStart, h), Population.HOUR_MS, n, r);
                    }
                }
            }
            case FARM_SHIFT_CREW -> {
                // Crew shifts of ten hours from the operators' own morning; a second shift covers the night.
                int hours = 10 * g.shifts;
                int perHour = Math.max(1, target / hours);
                for (int h = 0; h < hours; h++) {
                    scatter(h, at(localStart, g.startHour + h), Population.HOUR_MS, Keyed.poisson(r, perHour), r);
                }
            }
            case FARM_SPLIT_SWEEP -> {
                // Each account keeps a rhythm of its own: which days, what hour, how many, how fast.
                if (!Keyed.chance(r, a.dayShare)) {
                    return;
                }
                int sessions = 1 + r.nextInt(3);
                double gap = 4 + Math.floorMod(Keyed.mix(a.index * 71L + population.seed), 80);
                for (int s = 0; s < sessions; s++) {
                    double hour = a.preferredHour + 3 * Keyed.gaussian(r);
                    sequence(s, at(localStart, hour), Math.max(1, Keyed.poisson(r, target / (double) sessions)), gap, 0.7, r);
                }
            }
            case FARM_LOW_SLOW -> {
                // A few hundred requests per account over weeks: modest days, many days off.
                if (Keyed.chance(r, 0.45)) {
                    int sessions = 1 + r.nextInt(2);
                    for (int s = 0; s < sessions; s++) {
                        sequence(s, at(localStart, 9 + 14 * r.nextDouble()), 4 + r.nextInt(14), 75, 0.8, r);
                    }
                }
            }
            case FARM_BENCHMARK_MIMIC, FARM_BENCHMARK_NOVEL -> {
                int runs = 2 + r.nextInt(3);
                for (int s = 0; s < runs; s++) {
                    sequence(s, at(localStart, 24 * r.nextDouble()), target / runs, 2.2, 0.4, r);
                }
            }
            case FARM_APP_MIMIC -> {
                for (int h = 0; h < 24; h++) {
                    double shape = 0.5 + 0.5 * CONSUMER_DIURNAL[h];
                    scatter(h, at(localStart, h), Population.HOUR_MS, Keyed.poisson(r, target * shape / (12 + DIURNAL_SUM / 2)), r);
                }
            }
            default -> {
                // Behind a campus NAT in class hours, weekdays, like the students around it.
                if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    return;
                }
                int sessions = 3 + r.nextInt(2);
                for (int s = 0; s < sessions; s++) {
                    sequence(s, at(localStart, 9 + 9 * r.nextDouble()), target / sessions, 22, 0.5, r);
                }
            }
        }
        if (pivotToday) {
            // The farm jumps on the new model within hours of its release: a burst in the quota it saved.
            long start = population.releaseAt + a.adoptMinutes * Population.MINUTE_MS;
            sequence(SPECIAL, start, Math.max(20, target / 3), 8, 0.5, r);
        }
    }
}
