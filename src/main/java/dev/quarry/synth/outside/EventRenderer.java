package dev.quarry.synth.outside;

import java.util.SplittableRandom;

/**
 * Turns a planned event (its key) into fields: prompt, client, network, model, parameters, token
 * counts and status. Everything is drawn from keys (account, local day, session, event), so one
 * event's fields do not depend on any other event.
 */
final class EventRenderer {

    private static final long SESSION_SALT = 0x5E5510L;
    private static final long EVENT_SALT = 0xE7E47L;
    private static final double[] HARVEST_TEMPERATURES = {0.6, 0.7, 0.8, 0.9, 1.0, 1.0, 1.1};
    private static final int[] MAX_TOKEN_CHOICES = {256, 512, 1024, 1024, 2048, 4096};
    private static final double[] TEMPERATURE_CHOICES = {0.7, 1.0, 0.2, 0.5, 0.0};

    private final Population population;
    private final long seed;

    EventRenderer(Population population) {
        this.population = population;
        this.seed = population.seed;
    }

    void render(int day, long key, RenderedEvent e) {
        Account a = population.accounts[DayPlan.account(key)];
        int localDay = day + DayPlan.delta(key);
        int session = DayPlan.session(key);
        int event = DayPlan.event(key);
        SplittableRandom sr = Keyed.random(seed, SESSION_SALT, a.index, localDay, session);
        long eventKey = Keyed.hash(seed, EVENT_SALT, a.index, localDay, (session << 10) | event);
        SplittableRandom er = new SplittableRandom(eventKey);
        e.ts = population.windowStart + day * Population.DAY_MS + DayPlan.msInDay(key);
        e.account = a;
        e.eventKey = eventKey;
        e.requestId = "req_" + Keyed.base62(eventKey, 24);
        e.orgId = orgBlank(a) ? "" : a.orgId;
        // Accounts with a second key use it for about one request in eight (a staging script, a rotated key).
        e.apiKey = a.apiKeys.length == 1 || (Keyed.mix(eventKey) & 7) != 0 ? a.apiKeys[0] : a.apiKeys[1];
        e.promptTokens = 0;
        e.maxTokens = -1;
        e.temperature = Double.NaN;
        e.refusal = false;
        e.streamed = false;
        e.throttled = false;
        e.model = modelAt(a, e.ts, sr, er);
        int answer;
        boolean harvest = false;
        boolean owner = false;
        Group g = a.group;
        switch (a.kind) {
            case LEGIT_HOBBYIST, LEGIT_SHARED_NAT, LEGIT_POWER_USER, LEGIT_VIRAL_PROMPT, LEGIT_EARLY_ADOPTER -> {
                answer = casual(a, e, sr, er, event, session);
                if (a.kind == OutsideKind.LEGIT_SHARED_NAT) {
                    groupNetwork(g, e, er);
                } else {
                    personalNetwork(a, e, sr, localDay);
                }
            }
            case LEGIT_APP_BACKEND -> {
                PromptBook.AppTemplate t = g.template;
                e.prompt = PromptBook.appPrompt(er, t);
                e.userAgent = t.userAgent();
                e.apiKey = a.apiKeys[0];
                e.temperature = t.temperature() == null ? Double.NaN : t.temperature();
                e.maxTokens = t.maxTokens() == null ? -1 : t.maxTokens();
                answer = (int) Keyed.logNormal(er, t.answerMedian(), 0.5);
                groupNetwork(g, e, er);
            }
            case LEGIT_ENTERPRISE_EMPLOYEE -> {
                e.prompt = Keyed.chance(er, 0.65) ? PromptBook.work(er) : PromptBook.casual(er, a.topics[er.nextInt(a.topics.length)]);
                clientOf(a, e, sr, 0.6);
                answer = (int) Keyed.logNormal(er, 420, 0.8);
                if (Keyed.chance(sr, 0.8)) {
                    groupNetwork(g, e, er);
                } else {
                    personalNetwork(a, e, sr, localDay);
                }
            }
            case LEGIT_ENTERPRISE_BATCH -> {
                long item = (long) localDay * 30_000 + session * 1024L + event;
                e.prompt = PromptBook.batchItem(a.slice, item);
                e.userAgent = a.userAgent;
                e.apiKey = a.apiKeys[0];
                e.temperature = 0.0;
                e.maxTokens = a.slice == 0 ? 16 : 256;
                answer = a.slice == 0 ? 2 + er.nextInt(4) : (int) Keyed.logNormal(er, 70, 0.3);
                groupNetwork(g, e, er);
            }
            case LEGIT_BENCHMARK_LAB -> {
                PromptBook.Benchmark b = g.benchmark;
                int item = Math.floorMod(sr.nextInt(b.items()) + event, b.items());
                e.prompt = PromptBook.benchmarkItem(b, item);
                e.userAgent = Catalog.HARNESS;
                e.temperature = 0.0;
                e.maxTokens = b.maxTokens();
                answer = (int) Keyed.logNormal(er, b.name().equals("mmlu_pro") ? 90 : b.name().equals("gsm8k") ? 150 : 280, 0.5);
                if (session == ActivityPlanner.SPECIAL && e.ts >= population.releaseAt) {
                    e.model = Catalog.NEW_RELEASE;
                }
                groupNetwork(g, e, er);
            }
            case LEGIT_CLASS_COHORT -> {
                e.prompt = session == 2 ? PromptBook.casual(er, a.topics[0])
                        : PromptBook.assignment(er, g.course, g.activeFrom / 7 + a.index % 2);
                clientOf(a, e, sr, a.browserShare);
                answer = (int) Keyed.logNormal(er, 380, 0.7);
                if (g.egress != null && (session == 0 || Keyed.chance(sr, 0.5))) {
                    groupNetwork(g, e, er);
                } else {
                    personalNetwork(a, e, sr, localDay);
                }
            }
            case LEGIT_INTEGRATION_PARTNER -> {
                PromptBook.Partner p = g.partner;
                e.prompt = PromptBook.partnerPrompt(er, p, g.partnerIndex);
                e.userAgent = p.userAgent();
                e.temperature = p.temperature();
                e.maxTokens = p.maxTokens();
                answer = (int) Keyed.logNormal(er, Math.min(600, p.maxTokens() / 3.0), 0.6);
                personalNetwork(a, e, sr, localDay);
            }
            case LEGIT_SAFETY_RESEARCHER -> {
                int category = a.slice + session * 3 + event / 25;
                e.prompt = PromptBook.probe(category, event, event % 4 + session);
                e.userAgent = Catalog.SAFETY_HARNESS;
                e.temperature = Keyed.chance(sr, 0.5) ? 0.0 : 0.7;
                e.maxTokens = 512;
                e.refusal = Keyed.chance(er, 0.7);
                answer = e.refusal ? 15 + er.nextInt(60) : (int) Keyed.logNormal(er, 260, 0.6);
                groupNetwork(g, e, er);
            }
            case LEGIT_RESELLER -> {
                // End customers' requests passed through: their prompts, models and parameters, the platform's keys.
                e.prompt = PromptBook.resellerPassThrough(er);
                e.userAgent = a.userAgent;
                e.apiKey = a.apiKeys[er.nextInt(a.apiKeys.length)];
                e.model = Catalog.ESTABLISHED.get(Keyed.weighted(er, Catalog.ESTABLISHED_WEIGHTS));
                if (a.adoptMinutes >= 0 && e.ts >= population.releaseAt + a.adoptMinutes * Population.MINUTE_MS
                        && Keyed.chance(er, 0.35)) {
                    e.model = Catalog.NEW_RELEASE;
                }
                e.temperature = Keyed.chance(er, 0.4) ? Double.NaN : TEMPERATURE_CHOICES[er.nextInt(TEMPERATURE_CHOICES.length)];
                e.maxTokens = Keyed.chance(er, 0.3) ? -1 : MAX_TOKEN_CHOICES[er.nextInt(MAX_TOKEN_CHOICES.length)];
                answer = (int) Keyed.logNormal(er, 380, 0.9);
                groupNetwork(g, e, er);
            }
            case LEGIT_EVAL_VENDOR -> {
                int benchmarks = PromptBook.EVAL_BENCHMARKS.size();
                boolean sweep = session >= ActivityPlanner.SPECIAL;
                PromptBook.Benchmark b = PromptBook.EVAL_BENCHMARKS.get(
                        (a.slice + (sweep ? session - ActivityPlanner.SPECIAL : session)) % benchmarks);
                int item = sweep ? event % b.items() : Math.floorMod(sr.nextInt(b.items()) + event, b.items());
                e.prompt = PromptBook.benchmarkItem(b, item);
                e.userAgent = Catalog.EVAL_RUNNER;
                e.apiKey = a.apiKeys[0];
                e.temperature = 0.0;
                e.maxTokens = b.maxTokens();
                answer = (int) Keyed.logNormal(er, graded(b), 0.5);
                if (sweep && e.ts >= population.releaseAt) {
                    e.model = Catalog.NEW_RELEASE;
                }
                groupNetwork(g, e, er);
            }
            case LEGIT_SYNTHETIC_DATA_VENDOR -> {
                // Each session walks the whole taxonomy of the client's data plan.
                int category = (a.slice * 5 + localDay + event) % PromptBook.CAPABILITIES.size();
                long item = a.slice * 1_000_000L + localDay * 30_000L + session * 1024L + event;
                e.prompt = PromptBook.syntheticDataTask(g.tag, category, item);
                e.userAgent = Catalog.SYNTHETIC_PIPELINE;
                e.apiKey = a.apiKeys[0];
                e.temperature = Keyed.chance(sr, 0.5) ? 0.9 : 1.0;
                e.maxTokens = 4096;
                answer = (int) Keyed.logNormal(er, 2200, 0.35);
                groupNetwork(g, e, er);
            }
            case LEGIT_HACKATHON -> {
                if (session == 0) {
                    e.prompt = PromptBook.TUTORIAL_STEPS.get(event % PromptBook.TUTORIAL_STEPS.size());
                    e.userAgent = Catalog.TUTORIAL_SDK;
                    e.temperature = 0.7;
                    e.maxTokens = 256;
                    answer = (int) Keyed.logNormal(er, 120, 0.5);
                } else {
                    e.prompt = session == 8 ? PromptBook.casual(er, a.topics[0]) : PromptBook.hackProject(er, a.slice);
                    clientOf(a, e, sr, a.browserShare);
                    answer = (int) Keyed.logNormal(er, 350, 0.7);
                }
                if (g.active(localDay)) {
                    groupNetwork(g, e, er);
                } else {
                    personalNetwork(a, e, sr, localDay);
                }
            }
            case LEGIT_UNIVERSITY -> {
                if (session == ActivityPlanner.SPECIAL) {
                    // A research script: one instruction over a list of survey responses.
                    e.prompt = "Classify the sentiment of this survey response as positive, negative or neutral (study "
                            + a.slice + "-" + (localDay / 7) + "):\n" + PromptBook.casual(er, a.topics[er.nextInt(a.topics.length)]);
                    e.userAgent = Catalog.SCRIPTS.get((int) Math.floorMod(Keyed.mix(a.index + seed), 3L));
                    e.temperature = 0.0;
                    e.maxTokens = 16;
                    answer = 1 + er.nextInt(3);
                } else {
                    e.prompt = Keyed.chance(er, 0.5) ? PromptBook.work(er) : PromptBook.casual(er, a.topics[er.nextInt(a.topics.length)]);
                    clientOf(a, e, sr, a.browserShare);
                    answer = (int) Keyed.logNormal(er, 450, 0.8);
                }
                if (Keyed.chance(sr, 0.75)) {
                    groupNetwork(g, e, er);
                } else {
                    personalNetwork(a, e, sr, localDay);
                }
            }
            case LEGIT_SUPPORT_PRODUCT -> {
                e.prompt = PromptBook.helpdeskPrompt(er, g.tag);
                e.userAgent = a.userAgent;
                e.apiKey = a.apiKeys[0];
                e.temperature = 0.2;
                e.maxTokens = 512;
                answer = (int) Keyed.logNormal(er, 160, 0.5);
                groupNetwork(g, e, er);
            }
            case LEGIT_AGENT_FRAMEWORK -> {
                // A retried step repeats the prompt of the step that was throttled.
                int step = 0;
                for (int i = 0; i < event; i++) {
                    step += ActivityPlanner.agentThrottled(seed, a.index, localDay, session, i) ? 0 : 1;
                }
                e.throttled = ActivityPlanner.agentThrottled(seed, a.index, localDay, session, event);
                e.prompt = PromptBook.agentStep(a.slice + session, step);
                e.userAgent = Catalog.AGENT_FRAMEWORK;
                e.temperature = 0.0;
                e.maxTokens = 4096;
                answer = (int) Keyed.logNormal(er, 180, 0.6);
                personalNetwork(a, e, sr, localDay);
            }
            case LEGIT_LOCALISATION -> {
                long segment = localDay * 3000L + session * 1024L + event;
                e.prompt = PromptBook.translationRequest(g.tag + "-" + localDay, PromptBook.LOCALES.get(a.slice), g.index, segment);
                e.userAgent = Catalog.LOCALISATION_TMS;
                e.apiKey = a.apiKeys[0];
                e.temperature = 0.2;
                e.maxTokens = 4096;
                // A translation is about as long as its source, a little longer in most target languages.
                answer = (int) (e.prompt.length() / 3.8 * (0.8 + 0.5 * er.nextDouble()));
                groupNetwork(g, e, er);
            }
            case LEGIT_CI_PIPELINE -> {
                int testCase = event % g.suiteCases;
                e.prompt = PromptBook.regressionCase(g.tag, testCase);
                e.userAgent = a.userAgent;
                e.apiKey = a.apiKeys[0];
                e.temperature = 0.0;
                e.maxTokens = 512;
                // Deterministic decoding: each case's answer is about the same length on every run.
                answer = (int) Keyed.logNormal(er, 20 + Math.floorMod(Keyed.mix(g.index * 1009L + testCase), 280), 0.08);
                groupNetwork(g, e, er);
            }
            case LEGIT_IDE_PLUGIN -> {
                boolean chat = Keyed.chance(er, 0.12);
                e.prompt = chat ? PromptBook.ideChat(er) : PromptBook.ideCompletion(er, a.slice + session);
                e.userAgent = a.userAgent;
                e.apiKey = a.apiKeys[0];
                e.temperature = chat ? 0.5 : 0.1;
                e.maxTokens = chat ? 2048 : 256;
                answer = (int) Keyed.logNormal(er, chat ? 380 : 45, 0.7);
                personalNetwork(a, e, sr, localDay);
            }
            default -> {
                owner = a.kind == OutsideKind.FARM_COMPROMISED && session < 8;
                if (owner) {
                    // The account's owner, still using it alongside the operator.
                    answer = casual(a, e, sr, er, event, session);
                    e.apiKey = a.apiKeys[0];
                    personalNetwork(a, e, sr, localDay);
                } else {
                    harvest = !Keyed.chance(er, g.innocuousShare) || session == ActivityPlanner.SPECIAL;
                    answer = harvest ? farm(a, e, sr, er, localDay, session, event) : innocuous(a, e, sr, er);
                    farmNetwork(a, e, sr, er, localDay);
                }
            }
        }
        if (e.ts >= population.releaseAt && a.adoptMinutes >= 0 && a.kind.campaign() && !owner
                && e.ts >= population.releaseAt + a.adoptMinutes * Population.MINUTE_MS) {
            e.model = Catalog.NEW_RELEASE;
        }
        finish(e, er, answer, harvest);
    }

    /** Median tokens of a graded benchmark answer: a letter, a number with its working, a function. */
    private static double graded(PromptBook.Benchmark b) {
        return switch (b.name()) {
            case "arc_challenge" -> 3;
            case "truthfulqa_gen" -> 45;
            case "mmlu_pro" -> 90;
            case "humaneval" -> 110;
            case "bbh", "gsm8k" -> 150;
            default -> 280;
        };
    }

    private boolean orgBlank(Account a) {
        return a.group == null && (Keyed.mix(a.index ^ seed) & 3) == 0;
    }

    /** The model this request is for: the account's usual one, the new release once adopted. */
    private Catalog.Model modelAt(Account a, long ts, SplittableRandom sr, SplittableRandom er) {
        if (ts >= population.releaseAt) {
            if (followsLatestAlias(a)) {
                return Catalog.NEW_RELEASE;
            }
            if (a.adoptMinutes >= 0 && ts >= population.releaseAt + a.adoptMinutes * Population.MINUTE_MS) {
                return Keyed.chance(sr, a.kind.campaign() ? 0.95 : 0.7) ? Catalog.NEW_RELEASE : a.model;
            }
            // Everyone else drifts over in the following days, a few percent a day.
            double days = (ts - population.releaseAt) / (double) Population.DAY_MS;
            if (a.group == null && Keyed.chance(sr, Math.min(0.35, 0.04 * days))) {
                return Catalog.NEW_RELEASE;
            }
        }
        if (a.group == null && Keyed.chance(er, 0.12)) {
            return Catalog.ESTABLISHED.get(Keyed.weighted(er, Catalog.ESTABLISHED_WEIGHTS));
        }
        return a.model;
    }

    /**
     * Whether the account asks for the provider's "latest" alias rather than a pinned model: when the
     * alias moves to the new release, all such customers switch in the same minute, unrelated as they are.
     */
    private boolean followsLatestAlias(Account a) {
        return switch (a.kind) {
            // Half the framework's users keep its default configuration, which names the alias.
            case LEGIT_AGENT_FRAMEWORK -> (Keyed.mix(a.index * 17L + seed) & 1) == 0;
            case LEGIT_APP_BACKEND, LEGIT_INTEGRATION_PARTNER -> Long.remainderUnsigned(Keyed.mix(a.group.index * 29L + seed), 4) == 0;
            default -> false;
        };
    }

    private String browserOf(Account a) {
        return Catalog.BROWSERS.get((int) Math.floorMod(Keyed.mix(a.index * 31L + seed), Catalog.BROWSERS.size()));
    }

    /** Browser console (no key, platform defaults) or the account's SDK with its own habitual parameters. */
    private void clientOf(Account a, RenderedEvent e, SplittableRandom sr, double browserShare) {
        if (Keyed.chance(sr, browserShare)) {
            e.userAgent = browserOf(a);
            e.apiKey = "";
            e.streamed = true;
            return;
        }
        e.userAgent = a.userAgent;
        long habit = Keyed.mix(a.index * 131L + seed);
        if ((habit & 1) == 0) {
            e.maxTokens = MAX_TOKEN_CHOICES[(int) ((habit >>> 8) % MAX_TOKEN_CHOICES.length)];
        }
        if ((habit & 2) == 0) {
            e.temperature = TEMPERATURE_CHOICES[(int) ((habit >>> 16) % TEMPERATURE_CHOICES.length)];
        }
    }

    private int casual(Account a, RenderedEvent e, SplittableRandom sr, SplittableRandom er, int event, int session) {
        Group g = a.group;
        int topic = a.topics[sr.nextInt(a.topics.length)];
        if (session == ActivityPlanner.SPECIAL && a.kind == OutsideKind.LEGIT_VIRAL_PROMPT) {
            e.prompt = PromptBook.VIRAL.get(g.viral) + (Keyed.chance(er, 0.25) ? "\n\n" + PromptBook.followUp(er) : "");
            clientOf(a, e, sr, 0.8);
            return (int) Keyed.logNormal(er, 480, 0.4);
        }
        if (session == ActivityPlanner.SPECIAL && a.kind == OutsideKind.LEGIT_POWER_USER) {
            // The user's own script: same instruction over a list of inputs.
            e.prompt = "Summarize in one paragraph:\n" + PromptBook.casual(er, topic);
            e.userAgent = Catalog.SCRIPTS.get((int) Math.floorMod(Keyed.mix(a.index + seed), 3L));
            e.temperature = 0.2;
            e.maxTokens = 1024;
            return (int) Keyed.logNormal(er, 200, 0.5);
        }
        if (session == ActivityPlanner.SPECIAL && a.kind == OutsideKind.LEGIT_EARLY_ADOPTER) {
            e.prompt = Keyed.chance(er, 0.3) ? "testing " + Catalog.NEW_RELEASE.name() + " — " + PromptBook.casual(er, topic)
                    : PromptBook.casual(er, topic);
            clientOf(a, e, sr, a.browserShare);
            if (e.ts >= population.releaseAt) {
                e.model = Catalog.NEW_RELEASE;
            }
            return (int) Keyed.logNormal(er, 600, 0.9);
        }
        e.prompt = event > 0 && Keyed.chance(er, 0.45) ? PromptBook.followUp(er) : PromptBook.casual(er, topic);
        clientOf(a, e, sr, a.browserShare);
        // A conversation's history is sent again with every turn: tokens grow beyond the text shown.
        e.promptTokens = Math.min(60, event) * (120 + er.nextInt(160));
        return (int) Keyed.logNormal(er, a.kind == OutsideKind.LEGIT_POWER_USER ? 560 : 330, 0.85);
    }

    private int farm(Account a, RenderedEvent e, SplittableRandom sr, SplittableRandom er, int localDay, int session, int event) {
        Group g = a.group;
        int categories = PromptBook.CAPABILITIES.size();
        // Each account works a slice of the capability list and moves on to the next every few days.
        int category = (a.slice + localDay / 3 + (event % 7 == 6 ? 1 : 0)) % categories;
        long task = a.slice * 200_000L + localDay * 4096L + session * 1024L + event;
        e.userAgent = a.userAgent;
        switch (a.kind) {
            case FARM_BENCHMARK_MIMIC -> {
                e.prompt = PromptBook.mimicBenchmark(category, task);
                e.temperature = 0.0;
                e.maxTokens = 4096;
                return (int) Keyed.logNormal(er, 2400, 0.35);
            }
            case FARM_BENCHMARK_NOVEL -> {
                e.prompt = PromptBook.novelBenchmarkItem(g.benchmark, category, task);
                e.temperature = 0.0;
                // The harness's format, but the answer budget raised far above the benchmark's own.
                e.maxTokens = 4096;
                return (int) Keyed.logNormal(er, 2000, 0.4);
            }
            case FARM_OFFICE_HOURS -> {
                e.prompt = PromptBook.officeHarvest(category, task, g.tag);
                e.temperature = 0.7;
                e.maxTokens = e.model.maxOutput();
                return (int) Keyed.logNormal(er, 2400, 0.45);
            }
            case FARM_SAAS_FRONT -> {
                // The operator's task list arrives through the front's API under its product prompt.
                e.prompt = PromptBook.saasFrontRequest(g.tag, PromptBook.harvest(g.scaffold, category, task, g.tag));
                e.apiKey = a.apiKeys[er.nextInt(a.apiKeys.length)];
                e.temperature = HARVEST_TEMPERATURES[er.nextInt(HARVEST_TEMPERATURES.length)];
                e.maxTokens = e.model.maxOutput();
                return (int) Keyed.logNormal(er, 2500, 0.45);
            }
            case FARM_SPLIT_SWEEP -> {
                // One capability per account; accounts on the same capability interleave its task list.
                long habit = Keyed.mix(a.index * 131L + seed);
                int sharing = Math.max(1, (g.size - a.slice % categories + categories - 1) / categories);
                long item = (long) localDay * 3072 + session * 1024L + event;
                e.prompt = PromptBook.splitSweepItem((int) (habit & 0xFF), a.slice % categories, item * sharing + a.slice / categories);
                if (Catalog.BROWSERS.contains(a.userAgent)) {
                    e.apiKey = "";
                    e.streamed = true;
                } else {
                    e.temperature = HARVEST_TEMPERATURES[(int) ((habit >>> 8) % HARVEST_TEMPERATURES.length)];
                    e.maxTokens = (habit & 0x300) == 0 ? e.model.maxOutput() : 4096;
                }
                return (int) Keyed.logNormal(er, 2000, 0.5);
            }
            case FARM_APP_MIMIC -> {
                PromptBook.AppTemplate t = g.template;
                e.prompt = t.template().replace("{context}", PromptBook.CAPABILITIES.get(category))
                        .replace("{age}", "12").replace("{input}", PromptBook.harvest(3, category, task, g.tag));
                e.temperature = t.temperature() == null ? Double.NaN : t.temperature();
                e.maxTokens = t.maxTokens() == null ? -1 : t.maxTokens();
                e.apiKey = a.apiKeys[0];
                return (int) (e.maxTokens * (0.9 + 0.15 * er.nextDouble()));
            }
            default -> {
                if (a.kind == OutsideKind.FARM_COMPROMISED) {
                    // The operator's own key and script, and the largest model the owner's plan pays for.
                    e.apiKey = a.apiKeys[1];
                    e.userAgent = Catalog.SCRIPTS.get(Math.floorMod(g.index, Catalog.SCRIPTS.size()));
                    if (e.model != Catalog.NEW_RELEASE) {
                        e.model = Catalog.LARGE;
                    }
                }
                int scaffold = g.scaffold + (Keyed.chance(er, 0.2) ? 1 : 0);
                e.prompt = PromptBook.harvest(scaffold, category, task, g.tag);
                e.temperature = HARVEST_TEMPERATURES[er.nextInt(HARVEST_TEMPERATURES.length)];
                e.maxTokens = Keyed.chance(sr, 0.15) ? 8192 : e.model.maxOutput();
                if (a.kind == OutsideKind.FARM_PROXY || a.kind == OutsideKind.FARM_CAMPUS_NAT) {
                    e.apiKey = Keyed.chance(er, 0.5) ? a.apiKeys[0] : a.apiKeys[a.apiKeys.length - 1];
                }
                return (int) Keyed.logNormal(er, 2600, 0.45);
            }
        }
    }

    /** Cover traffic a farm mixes in: ordinary questions with ordinary parameters. */
    private int innocuous(Account a, RenderedEvent e, SplittableRandom sr, SplittableRandom er) {
        if (a.kind == OutsideKind.FARM_CAMPUS_NAT && a.group.course != null) {
            e.prompt = PromptBook.assignment(er, a.group.course, a.slice % 3);
        } else if (a.kind == OutsideKind.FARM_SAAS_FRONT) {
            e.prompt = PromptBook.saasFrontRequest(a.group.tag, PromptBook.casual(er, er.nextInt(PromptBook.TOPICS)));
            e.apiKey = a.apiKeys[er.nextInt(a.apiKeys.length)];
        } else {
            e.prompt = PromptBook.casual(er, er.nextInt(PromptBook.TOPICS));
        }
        e.userAgent = a.userAgent;
        e.temperature = Keyed.chance(sr, 0.5) ? Double.NaN : 0.7;
        return (int) Keyed.logNormal(er, 300, 0.8);
    }

    private void network(RenderedEvent e, Geography.Network n, String ip) {
        e.ip = ip;
        e.asn = n.asnText();
        e.country = n.country();
    }

    private void groupNetwork(Group g, RenderedEvent e, SplittableRandom er) {
        network(e, g.egress, g.egress.addressInSubnet(g.egressKey, er.nextInt(g.egressHosts)));
    }

    /** Home line (address changes weekly), phone on the carrier's CGNAT, or now and then a VPN. */
    private void personalNetwork(Account a, RenderedEvent e, SplittableRandom sr, int localDay) {
        double p = sr.nextDouble();
        if (p < 0.12) {
            Geography.Network mobile = a.country.mobile().get(0);
            network(e, mobile, mobile.address(sr.nextLong()));
        } else if (p < 0.15) {
            Geography.Network vpn = Geography.VPN_EXITS.get(sr.nextInt(Geography.VPN_EXITS.size()));
            network(e, vpn, vpn.addressInSubnet(sr.nextInt(4), sr.nextInt(3)));
        } else {
            network(e, a.home, a.home.address(a.homeKey + Math.floorDiv(localDay, 7) * (a.home.type() == Geography.NetworkType.MOBILE ? 0 : 1)));
        }
    }

    private void farmNetwork(Account a, RenderedEvent e, SplittableRandom sr, SplittableRandom er, int localDay) {
        Group g = a.group;
        switch (a.kind) {
            case FARM_RESIDENTIAL_PREPAID -> {
                // The rented household address sticks to its account for a few days, then rotates.
                network(e, a.home, a.home.address(a.homeKey + Math.floorDiv(localDay, 3)));
            }
            case FARM_PROXY -> {
                // A residential proxy pool: a different household's address on almost every request.
                Geography.Country c = Geography.drawCountry(er);
                Geography.Network n = c.residential().get(er.nextInt(c.residential().size()));
                network(e, n, n.address(er.nextLong()));
            }
            // Each account of a divided sweep poses as one person at home.
            case FARM_SPLIT_SWEEP -> personalNetwork(a, e, sr, localDay);
            case FARM_LOW_SLOW -> {
                Geography.Country c = Geography.drawCountry(sr);
                Geography.Network n = c.residential().get(sr.nextInt(c.residential().size()));
                network(e, n, n.address(sr.nextLong()));
            }
            default -> groupNetwork(g, e, er);
        }
    }

    private void finish(RenderedEvent e, SplittableRandom er, int answer, boolean harvest) {
        Catalog.Model model = e.model;
        int ceiling = e.maxTokens > 0 ? Math.min(e.maxTokens, model.maxOutput()) : model.maxOutput();
        boolean refusal = e.refusal || Keyed.chance(er, harvest ? 0.004 : 0.006);
        int completion = Math.max(1, Math.min(ceiling, refusal ? 12 + er.nextInt(50) : answer));
        String prompt = e.prompt;
        int text = (int) Math.ceil(prompt.length() / 3.8 * (0.94 + 0.12 * er.nextDouble()));
        int prompts = Math.max(1, text + 4 + Math.max(0, e.promptTokens));
        String status = "200";
        double p = er.nextDouble();
        OutsideKind k = e.account.kind;
        double throttle = switch (k) {
            case LEGIT_POWER_USER, LEGIT_BENCHMARK_LAB -> 0.02;
            case LEGIT_APP_BACKEND, FARM_AUTOMATION, FARM_BENCHMARK_MIMIC -> 0.012;
            case LEGIT_ENTERPRISE_BATCH -> 0.006;
            // Its 429s are the planned ones, each followed by the framework's retry.
            case LEGIT_AGENT_FRAMEWORK -> 0;
            default -> k.campaign() ? 0.003 : 0.004;
        };
        if (e.throttled) {
            status = "429";
        } else if (population.inIncident(e.ts) && p < 0.35) {
            status = p < 0.2 ? "503" : "500";
        } else if (p < throttle) {
            status = "429";
        } else if (p < throttle + 0.003) {
            status = "400";
        } else if (p < throttle + 0.0045) {
            status = completion > 3000 ? "504" : "500";
        } else if (k == OutsideKind.LEGIT_SAFETY_RESEARCHER && p > 0.9) {
            // Blocked by input moderation before the model ran.
            status = "400";
        }
        if (!status.equals("200")) {
            completion = 0;
            prompts = status.equals("429") || status.equals("503") ? 0 : prompts;
            refusal = false;
        }
        e.refusal = refusal;
        e.promptTokens = prompts;
        e.completionTokens = completion;
        e.status = status;
        e.answer = status.equals("200") ? PromptBook.answerOpening(er, refusal) : "";
        // What real extracts lose now and then: a geo lookup, a header, a logged prompt.
        double q = er.nextDouble();
        if (q < 0.012) {
            e.asn = "";
            e.country = "";
        } else if (q < 0.016) {
            e.userAgent = "";
        } else if (q < 0.021) {
            e.prompt = "";
        }
    }
}
