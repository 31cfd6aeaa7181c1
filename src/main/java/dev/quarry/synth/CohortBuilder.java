package dev.quarry.synth;

import dev.quarry.synth.Network.AsnKind;
import dev.quarry.synth.Network.Country;
import dev.quarry.synth.Network.Endpoint;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Builds the legitimate cohorts: for each cohort kind, groups of accounts of different organisations
 * around one public artefact, each with its own identity, billing and addresses, and a schedule of
 * the days they use the artefact. Draws from the population stream, after the original kinds, so a
 * mix without cohorts gives the same extract as before cohorts existed.
 */
final class CohortBuilder {

    private static final String[] UNIVERSITY_STEMS = {"stateu", "northfield", "rivertown", "tu-nord", "kanto-u",
            "baycity", "lakeshore", "highland", "eastbrook", "westmoor", "ridgecrest", "pinecone"};
    private static final String[] UNIVERSITY_TLDS = {".edu", ".edu", ".ac.uk", ".de", ".ac.jp", ".edu.au"};
    private static final String[] COMPANY_STEMS = {"acme", "bluefin", "copperleaf", "dunmore", "evergreen", "foxglove",
            "granite", "harbor", "ironwood", "juniper", "kestrel", "larkspur", "meridian", "northstar"};
    private static final String[] APP_BRANDS = {"Mathly", "Tutorly", "Homeworkr", "StudyOwl", "Quizzo", "LearnLoop",
            "BrainBoost", "Sumwise", "Examprep", "Notebot"};

    private final Population population;
    private final World world;
    private final SplittableRandom r;

    CohortBuilder(Population population) {
        this.population = population;
        this.world = population.world;
        this.r = population.r;
    }

    void build(LegitKind kind, int count) {
        int mean = world.options.legit().cohortSize();
        int groupMean = switch (kind) {
            case COHORT_VIRAL -> 3 * mean;
            // the readers of one launch post who try it at once: a handful to a few dozen
            case COHORT_EARLY_ADOPTER -> Math.max(3, mean / 3);
            default -> mean;
        };
        for (int size : population.groups(count, groupMean)) {
            Cohort cohort = schedule(kind);
            for (int m = 0; m < size; m++) {
                member(cohort);
            }
        }
    }

    /** The artefact the cohort shares and the days its members use it. */
    private Cohort schedule(LegitKind kind) {
        Cohort c = new Cohort(kind, world.days);
        int days = world.days;
        switch (kind) {
            case COHORT_BENCHMARK -> {
                int benchmark = r.nextInt(PublicArtefacts.BENCHMARK_HARNESSES.length);
                c.agent = PublicArtefacts.BENCHMARK_HARNESSES[benchmark];
                c.maxTokens = PublicArtefacts.BENCHMARK_MAX_TOKENS[benchmark];
                c.temperature = 0;
                c.passLength = PublicArtefacts.BENCHMARK_ITEMS[benchmark];
                c.timing = Cohort.Timing.RUN_AT_OWN_HOUR;
                c.cadenceSeconds = 3 + 5 * r.nextDouble();
                for (int d = 0; d < days; d++) {
                    int sinceRelease = d - world.releaseDay;
                    // every lab evaluates a new model in the days after its release; otherwise now and then
                    c.participation[d] = sinceRelease >= 0 && sinceRelease <= 3 ? 0.45 : 0.04;
                    c.artefact[d] = benchmark;
                }
            }
            case COHORT_SAFETY -> {
                int set = r.nextInt(PublicArtefacts.RED_TEAM_HARNESSES.length);
                c.agent = PublicArtefacts.RED_TEAM_HARNESSES[set];
                c.maxTokens = 256;
                c.temperature = 0;
                c.passLength = PublicArtefacts.RED_TEAM_ITEMS;
                c.timing = Cohort.Timing.RUN_AT_OWN_HOUR;
                c.cadenceSeconds = 4 + 4 * r.nextDouble();
                for (int d = 0; d < days; d++) {
                    int sinceRelease = d - world.releaseDay;
                    c.participation[d] = sinceRelease >= 0 && sinceRelease <= 2 ? 0.5 : 0.06;
                    c.artefact[d] = set;
                }
            }
            case COHORT_TEMPLATE_APP -> {
                int template = r.nextInt(PublicArtefacts.APP_TEMPLATES.size());
                PublicArtefacts.AppTemplate t = PublicArtefacts.APP_TEMPLATES.get(template);
                c.agent = t.agent();
                c.maxTokens = t.maxTokens();
                c.temperature = t.temperature();
                c.hours = Persona.APP_HOURS;
                for (int d = 0; d < days; d++) {
                    c.participation[d] = 1;
                    c.artefact[d] = template;
                }
            }
            case COHORT_INTEGRATION -> {
                int partner = r.nextInt(PublicArtefacts.INTEGRATIONS.size());
                PublicArtefacts.Integration integration = PublicArtefacts.INTEGRATIONS.get(partner);
                c.agent = integration.agent();
                c.maxTokens = integration.maxTokens();
                c.temperature = integration.temperature();
                c.model = Draws.chance(r, 0.5) ? Models.FAST : Models.FLAGSHIP;
                c.hours = Persona.OFFICE_HOURS;
                Network.Asn cloud = Network.asn(r, AsnKind.DATACENTER, "US");
                c.egress = new Endpoint[6 + r.nextInt(11)];
                for (int i = 0; i < c.egress.length; i++) {
                    c.egress[i] = Network.endpoint(r, cloud, false);
                }
                for (int d = 0; d < days; d++) {
                    c.participation[d] = world.weekend(d, 0) ? 0.4 : 0.95;
                    c.artefact[d] = partner;
                }
            }
            case COHORT_SCHEDULED_JOB -> {
                // the common hours of cron: midnight UTC, midnight or 02:00 local, business-day start, every hour
                int schedule = r.nextInt(4);
                c.timing = schedule == 3 ? Cohort.Timing.HOURLY : Cohort.Timing.RUN_AT_COMMON_HOUR;
                c.utc = schedule == 0;
                c.commonMinute = switch (schedule) {
                    case 1 -> Draws.chance(r, 0.5) ? 0 : 120;
                    case 2 -> 9 * 60;
                    default -> 0;
                };
                c.cadenceSeconds = 1 + 2 * r.nextDouble();
                boolean businessDays = schedule >= 2;
                for (int d = 0; d < days; d++) {
                    c.participation[d] = businessDays && world.weekend(d, 0) ? 0 : 0.97;
                }
            }
            case COHORT_CLASS -> {
                // two assignments a week apart; work piles up in the days before each deadline
                int assignment = r.nextInt(PublicArtefacts.ASSIGNMENTS.length);
                int deadline = Math.min(days - 1, 3 + r.nextInt(Math.max(1, Math.min(7, days - 3))));
                double[] ramp = {0.12, 0.2, 0.35, 0.55, 0.75};
                for (int d = 0; d < days; d++) {
                    int second = deadline + 7;
                    int toFirst = deadline - d;
                    int toSecond = second - d;
                    if (toFirst >= 0 && toFirst < ramp.length) {
                        c.participation[d] = ramp[ramp.length - 1 - toFirst];
                        c.artefact[d] = assignment;
                    } else if (toSecond >= 0 && toSecond < ramp.length) {
                        c.participation[d] = ramp[ramp.length - 1 - toSecond];
                        c.artefact[d] = assignment + 1;
                    }
                }
                c.hours = Persona.LEISURE_HOURS;
            }
            case COHORT_VIRAL -> {
                int prompt = r.nextInt(PublicArtefacts.VIRAL_PROMPTS.length);
                int viralDay = r.nextInt(Math.max(1, days - 2));
                double[] decay = {0.45, 0.3, 0.18, 0.1, 0.06, 0.03};
                for (int i = 0; i < decay.length && viralDay + i < days; i++) {
                    c.participation[viralDay + i] = decay[i];
                    c.artefact[viralDay + i] = prompt;
                }
                c.hours = Persona.LEISURE_HOURS;
            }
            case COHORT_EARLY_ADOPTER -> {
                int prompt = r.nextInt(PublicArtefacts.LAUNCH_PROMPTS.length);
                c.model = Models.NEW_RELEASE;
                c.hours = Persona.LONG_DAY_HOURS;
                // they read the launch post the day it is out and keep trying the model for days
                double[] interest = {0.85, 0.7, 0.5, 0.35, 0.25};
                for (int d = world.releaseDay; d >= 0 && d < days; d++) {
                    c.participation[d] = interest[Math.min(interest.length - 1, d - world.releaseDay)];
                    c.artefact[d] = prompt;
                }
            }
            default -> throw new IllegalArgumentException("not a cohort kind: " + kind);
        }
        return c;
    }

    private void member(Cohort c) {
        LegitKind kind = c.kind;
        CohortMember p = new CohortMember(world, population.nextIndex(), c);
        Country country = Network.country(r);
        population.person(p, kind, country, null);
        switch (kind) {
            case COHORT_BENCHMARK, COHORT_SAFETY -> {
                String domain = "ai." + Draws.pick(r, UNIVERSITY_STEMS) + "-" + Draws.base36(r, 3) + Draws.pick(r, UNIVERSITY_TLDS);
                Endpoint institute = Network.endpoint(r, Draws.chance(r, 0.7) ? AsnKind.UNIVERSITY : AsnKind.BUSINESS,
                        country.code(), 0);
                p.endpoints = new Endpoint[] {institute, p.endpoints[0]};
                p.endpointWeights = new double[] {0.8, 0.2};
                p.signupIp = institute.ip();
                p.email = People.workEmail(r, domain);
                p.plan = Draws.chance(r, 0.6) ? "team" : "pay_as_you_go";
                p.hours = Persona.OFFICE_HOURS;
                p.activeWeekday = 0.4;
                p.activeWeekend = 0.05;
                p.ownStartMinute = (10 + r.nextInt(12)) * 60;
                p.arn = population.arn(p.awsAccount, "assumed-role/ResearchCompute/" + Population.userName(p.email));
            }
            case COHORT_TEMPLATE_APP, COHORT_SCHEDULED_JOB, COHORT_INTEGRATION -> service(p, kind);
            case COHORT_EARLY_ADOPTER -> {
                p.sessionMean = Draws.logNormal(r, 30, 0.6);
                p.plan = Draws.chance(r, 0.7) ? "pro" : "pay_as_you_go";
                p.completionMedian = 700 + 500 * r.nextDouble();
            }
            case COHORT_CLASS, COHORT_VIRAL -> {
                p.sessionMean = kind == LegitKind.COHORT_CLASS ? Draws.logNormal(r, 6, 0.5) : 1 + r.nextInt(3);
                p.plan = kind == LegitKind.COHORT_CLASS && Draws.chance(r, 0.6) ? "free" : Draws.pick(r, Population.PERSONAL_PLANS);
            }
            default -> throw new IllegalArgumentException("not a cohort kind: " + kind);
        }
    }

    /** An app backend, batch job or integration customer: a company's service, no person's life beside it. */
    private void service(CohortMember p, LegitKind kind) {
        p.meanWhenActive = 0;
        String company = Draws.pick(r, COMPANY_STEMS) + "-" + Draws.base36(r, 4);
        p.brand = kind == LegitKind.COHORT_TEMPLATE_APP ? Draws.pick(r, APP_BRANDS) + " " + Draws.base36(r, 2).toUpperCase(Locale.ROOT)
                : company;
        p.email = kind == LegitKind.COHORT_TEMPLATE_APP
                ? "dev@" + p.brand.toLowerCase(Locale.ROOT).replace(" ", "") + ".app" : People.workEmail(r, company + ".com");
        p.plan = kind == LegitKind.COHORT_SCHEDULED_JOB ? "enterprise" : Draws.chance(r, 0.5) ? "scale" : "pay_as_you_go";
        Network.Asn cloud = Network.asn(r, AsnKind.DATACENTER, p.billingCountry);
        p.serviceEndpoints = new Endpoint[1 + r.nextInt(3)];
        for (int i = 0; i < p.serviceEndpoints.length; i++) {
            p.serviceEndpoints[i] = Network.endpoint(r, cloud, Draws.chance(r, 0.1));
        }
        p.signupIp = Network.endpoint(r, AsnKind.BUSINESS, p.billingCountry, 0).ip();
        p.serviceAgent = Draws.pick(r, People.SDK_AGENTS);
        p.serviceModel = Draws.chance(r, 0.6) ? Models.FAST : Models.FLAGSHIP;
        List<Integer> chores = java.util.Arrays.stream(PublicArtefacts.JOB_TEMPLATES).boxed().toList();
        p.serviceTemplate = kind == LegitKind.COHORT_SCHEDULED_JOB ? Draws.pick(r, chores) : r.nextInt(8);
        p.usualMaxTokens = Draws.pick(r, new Integer[] {256, 512, 1024});
        p.usualTemperature = Draws.pick(r, new Double[] {0.0, 0.0, 0.2});
        p.sessionMean = switch (kind) {
            case COHORT_TEMPLATE_APP -> Draws.logNormal(r, 90, 0.7);
            case COHORT_SCHEDULED_JOB -> Draws.logNormal(r, 150, 0.5);
            default -> Draws.logNormal(r, 40, 0.7);
        };
        p.arn = population.arn(p.awsAccount, "assumed-role/" + p.brand.toLowerCase(Locale.ROOT).replace(" ", "-")
                + "-svc/task-" + Draws.base36(r, 6));
    }
}
