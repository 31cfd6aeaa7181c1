package dev.quarry.synth;

import dev.quarry.synth.CampaignPersonas.Member;
import dev.quarry.synth.LegitPersonas.AppBackend;
import dev.quarry.synth.LegitPersonas.Individual;
import dev.quarry.synth.LegitPersonas.LabMember;
import dev.quarry.synth.Network.AsnKind;
import dev.quarry.synth.Network.Country;
import dev.quarry.synth.Network.Endpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds every account of the extract from one population stream: legitimate kinds in their
 * groups (organisations, labs, shared NATs), then the campaigns with their shared pools. Accounts
 * are shuffled so a campaign's accounts are not neighbours in any file.
 */
final class Population {

    final List<Persona> accounts;
    final List<Campaign> campaigns;

    final World world;
    final SplittableRandom r;
    private final Set<String> usedIds = new HashSet<>();
    private final Set<String> usedArns = new HashSet<>();
    private final List<Persona> built = new ArrayList<>();
    /** The campus NATs behind which shared-NAT students work, where a farm can hide among them. */
    private final List<Endpoint> campusNats = new ArrayList<>();

    private Population(World world) {
        this.world = world;
        this.r = Draws.stream(world.seed, 0x504f50L);
        this.campaigns = new ArrayList<>();
        GeneratorOptions options = world.options;
        List<CampaignSpec> specs = options.resolvedCampaigns();
        int campaignAccounts = specs.stream().mapToInt(CampaignSpec::accounts).sum();
        int[] legitCounts = apportion(options.accounts() - campaignAccounts, options.legit());
        for (LegitKind kind : LegitKind.values()) {
            buildLegit(kind, legitCounts[kind.ordinal()]);
        }
        int[] perKind = new int[CampaignKind.values().length];
        for (int c = 0; c < specs.size(); c++) {
            CampaignSpec spec = specs.get(c);
            buildCampaign(spec, "C" + (c + 1) + "-" + spec.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    perKind[spec.kind().ordinal()]++);
        }
        List<Persona> shuffled = new ArrayList<>(built);
        Collections.shuffle(shuffled, new Random(r.nextLong()));
        for (int i = 0; i < shuffled.size(); i++) {
            shuffled.get(i).index = i;
        }
        this.accounts = List.copyOf(shuffled);
    }

    /** Index the next account built gets, before the shuffle. */
    int nextIndex() {
        return built.size();
    }

    static Population build(World world) {
        return new Population(world);
    }

    /** Largest-remainder split of the legitimate accounts by the mix's weights. */
    static int[] apportion(int total, LegitMix mix) {
        LegitKind[] kinds = LegitKind.values();
        double sum = 0;
        for (LegitKind k : kinds) {
            sum += mix.weight(k);
        }
        int[] counts = new int[kinds.length];
        double[] remainders = new double[kinds.length];
        int assigned = 0;
        for (LegitKind k : kinds) {
            double exact = total * mix.weight(k) / sum;
            counts[k.ordinal()] = (int) Math.floor(exact);
            remainders[k.ordinal()] = exact - counts[k.ordinal()];
            assigned += counts[k.ordinal()];
        }
        while (assigned < total) {
            int best = 0;
            for (int i = 1; i < kinds.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            counts[best]++;
            remainders[best] = -1;
            assigned++;
        }
        return counts;
    }

    /** Group sizes around the mean that add up to the total, none below 2 unless the total is 1. */
    List<Integer> groups(int total, int mean) {
        List<Integer> sizes = new ArrayList<>();
        int left = total;
        while (left > 0) {
            int size = (int) Math.max(2, Math.round(Draws.logNormal(r, mean, 0.35)));
            if (left - size < 2) {
                size = left;
            }
            sizes.add(size);
            left -= size;
        }
        return sizes;
    }

    private String newAccountId() {
        String id;
        do {
            id = "acct_" + Draws.base36(r, 10);
        } while (!usedIds.add(id));
        return id;
    }

    String arn(String account, String path) {
        String arn = (path.startsWith("user/") ? "arn:aws:iam::" : "arn:aws:sts::") + account + ":" + path;
        String unique = arn;
        for (int n = 2; !usedArns.add(unique); n++) {
            unique = arn + n;
        }
        return unique;
    }

    private static String region(String country, SplittableRandom r) {
        return switch (country) {
            case "US", "CA", "BR" -> r.nextBoolean() ? "us-east-1" : "us-west-2";
            case "IN" -> "ap-south-1";
            case "JP", "KR" -> "ap-northeast-1";
            case "AU", "ID", "VN" -> r.nextBoolean() ? "ap-southeast-2" : "ap-southeast-1";
            default -> r.nextBoolean() ? "eu-central-1" : "eu-west-1";
        };
    }

    static String userName(String email) {
        return email.substring(0, email.indexOf('@')).replace('_', '.');
    }

    /** Identity fields every account has; kinds then override what they share. */
    void identity(Persona p, String label, boolean hardNegative, Country country, String campaignId) {
        p.accountId = newAccountId();
        p.label = label;
        p.hardNegative = hardNegative;
        p.campaignId = campaignId;
        p.utcOffsetMinutes = country.utcOffsetMinutes();
        p.billingCountry = country.code();
        p.orgId = "org_" + Draws.base36(r, 12);
        int keys = 1 + (Draws.chance(r, 0.3) ? 1 + r.nextInt(2) : 0);
        p.apiKeys = new String[keys];
        for (int k = 0; k < keys; k++) {
            p.apiKeys[k] = "key_" + Draws.base36(r, 16);
        }
        p.paymentFingerprint = People.fingerprint(r);
        p.cardBin = People.cardBin(r);
        p.awsAccount = People.awsAccount(r);
        p.region = region(country.code(), r);
        p.bedrockConverse = Draws.chance(r, 0.3);
        Persona.chooseUsualParameters(p, r);
        built.add(p);
    }

    /** Legitimate accounts mostly predate the extract; a few sign up during it and start the day after. */
    void legitCreation(Persona p) {
        if (Draws.chance(r, 0.08)) {
            int day = r.nextInt(world.days);
            p.createdAt = world.dayStart(day) + r.nextInt((int) World.DAY_MS);
            p.firstDay = day + 1;
        } else {
            p.createdAt = world.startMs - (1 + r.nextInt(730)) * World.DAY_MS + r.nextInt((int) World.DAY_MS);
            p.firstDay = 0;
        }
    }

    static final String[] PERSONAL_PLANS = {"free", "free", "pay_as_you_go", "pay_as_you_go", "pro"};

    private static final double[] CATEGORY_POPULARITY_BY_TASK = taskPopularity();

    private static double[] taskPopularity() {
        double[] w = new double[Taxonomy.TASKS.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = switch (Taxonomy.TASKS.get(i).category()) {
                case "code" -> 3;
                case "writing" -> 2.5;
                case "knowledge", "math" -> 1.3;
                case "safety" -> 0.15;
                case "agentic" -> 0.5;
                default -> 1;
            };
        }
        return w;
    }

    /** A person's few favourite task types, unevenly weighted. */
    void interests(Individual p, int min, int max) {
        int n = min + r.nextInt(max - min + 1);
        p.interests = new int[n];
        p.interestWeights = new double[n];
        for (int i = 0; i < n; i++) {
            p.interests[i] = Draws.weighted(r, CATEGORY_POPULARITY_BY_TASK);
            p.interestWeights[i] = -StrictMath.log(1 - r.nextDouble());
        }
    }

    private void buildLegit(LegitKind kind, int count) {
        if (count == 0) {
            // draws nothing, so a mix without a kind gives the same population as before the kind existed
            return;
        }
        switch (kind) {
            case HOBBYIST -> {
                for (int i = 0; i < count; i++) {
                    individual(kind, Network.country(r), null);
                }
            }
            case SHARED_NAT -> {
                for (int size : groups(count, world.options.legit().natGroupSize())) {
                    Country country = Network.country(r);
                    AsnKind natKind = switch (r.nextInt(3)) {
                        case 0 -> AsnKind.UNIVERSITY;
                        case 1 -> AsnKind.MOBILE;
                        default -> AsnKind.BUSINESS;
                    };
                    Endpoint nat = Network.endpoint(r, natKind, country.code(), natKind == AsnKind.MOBILE ? 0.3 : 0);
                    if (natKind == AsnKind.UNIVERSITY) {
                        campusNats.add(nat);
                    }
                    for (int i = 0; i < size; i++) {
                        individual(kind, Network.country(nat.country()), nat);
                    }
                }
            }
            case HEAVY_USER -> {
                for (int i = 0; i < count; i++) {
                    Individual p = individual(kind, Network.country(r), null);
                    p.hours = Persona.LONG_DAY_HOURS;
                    p.activeWeekday = 0.9;
                    p.activeWeekend = 0.6;
                    p.meanWhenActive = Draws.logNormal(r, 55, 0.4);
                    p.adoption = 0.7;
                    p.completionMedian = 600;
                    p.agents = new String[] {Draws.pick(r, People.SDK_AGENTS), Draws.pick(r, People.BROWSER_AGENTS)};
                    Endpoint office = Network.endpoint(r, AsnKind.BUSINESS, p.billingCountry, 0);
                    p.endpoints = new Endpoint[] {p.endpoints[0], office};
                    p.endpointWeights = new double[] {0.5, 0.5};
                    p.plan = Draws.chance(r, 0.6) ? "pro" : "pay_as_you_go";
                }
            }
            case APP_BACKEND -> {
                for (int i = 0; i < count; i++) {
                    appBackend();
                }
            }
            case ENTERPRISE -> {
                for (int size : groups(count, world.options.legit().enterpriseOrgSize())) {
                    enterprise(size);
                }
            }
            case LAB_BENCHMARK -> {
                for (int size : groups(count, world.options.legit().labGroupSize())) {
                    lab(size);
                }
            }
            case INSTITUTION -> {
                for (int size : groups(count, world.options.legit().cohortSize())) {
                    institution(size);
                }
            }
            default -> new CohortBuilder(this).build(kind, count);
        }
    }

    private Individual individual(LegitKind kind, Country country, Endpoint nat) {
        return person(new Individual(world, built.size()), kind, country, nat);
    }

    /** A person's identity, home and mobile addresses (and the shared NAT, if any), habits and interests. */
    <P extends Individual> P person(P p, LegitKind kind, Country country, Endpoint nat) {
        identity(p, kind.label(), kind.hardNegative(), country, null);
        legitCreation(p);
        p.email = People.personalEmail(r);
        p.plan = Draws.pick(r, PERSONAL_PLANS);
        Endpoint home = Network.endpoint(r, AsnKind.RESIDENTIAL, country.code(), 0.2);
        Endpoint mobile = Network.endpoint(r, AsnKind.MOBILE, country.code(), 0.5);
        if (nat != null) {
            p.endpoints = new Endpoint[] {nat, home, mobile};
            p.endpointWeights = new double[] {0.8, 0.15, 0.05};
            p.activeWeekday = 0.35;
            p.activeWeekend = 0.3;
        } else {
            p.endpoints = new Endpoint[] {home, mobile};
            p.endpointWeights = new double[] {0.85, 0.15};
            p.activeWeekday = 0.25;
            p.activeWeekend = 0.35;
        }
        p.signupIp = p.endpoints[0].ip();
        p.meanWhenActive = Draws.logNormal(r, 5, 0.6);
        p.agents = Draws.chance(r, 0.5) ? new String[] {People.anyAgent(r)}
                : new String[] {People.anyAgent(r), People.anyAgent(r)};
        p.adoption = 0.1 + 0.4 * r.nextDouble();
        interests(p, 2, 6);
        p.arn = arn(p.awsAccount, "user/" + userName(p.email));
        return p;
    }

    private void appBackend() {
        AppBackend p = new AppBackend(world, built.size());
        Country market = Network.country(r);
        identity(p, LegitKind.APP_BACKEND.label(), true, market, null);
        legitCreation(p);
        p.brand = Draws.pick(r, new String[] {"Acme Shop", "Brightdesk", "Cookly", "Tallyho CRM", "Nimbus Notes",
                "Parcelpal", "Studybuddy", "Hirewise", "Lumen Health", "Quillpad"});
        p.template = r.nextInt(8);
        p.email = "dev@" + p.brand.toLowerCase(Locale.ROOT).replace(" ", "") + ".io";
        p.plan = Draws.chance(r, 0.5) ? "scale" : "pay_as_you_go";
        Network.Asn cloud = Network.asn(r, AsnKind.DATACENTER, "US");
        p.endpoints = new Endpoint[2 + r.nextInt(5)];
        for (int i = 0; i < p.endpoints.length; i++) {
            p.endpoints[i] = Network.endpoint(r, cloud, Draws.chance(r, 0.1));
        }
        p.signupIp = Network.endpoint(r, AsnKind.RESIDENTIAL, market.code(), 0).ip();
        p.agent = Draws.pick(r, People.SDK_AGENTS);
        p.model = Draws.chance(r, 0.6) ? Models.FAST : Draws.pick(r, Models.ESTABLISHED);
        p.meanPerDay = Draws.logNormal(r, 120, 0.7);
        p.usualMaxTokens = Draws.pick(r, new Integer[] {256, 512, 800, 1024});
        p.usualTemperature = Draws.pick(r, new Double[] {0.0, 0.2, 0.3, 0.5});
        p.arn = arn(p.awsAccount, "assumed-role/" + p.brand.toLowerCase(Locale.ROOT).replace(" ", "-")
                + "-api-task/svc-" + Draws.base36(r, 6));
    }

    private void enterprise(int size) {
        Country hq = Network.country(r);
        String company = Draws.pick(r, new String[] {"northwind", "contoso", "globex", "initech", "umbrella-labs",
                "stark-logistics", "wayne-capital", "tyrell-bio", "cyberdyne-legal", "soylent-foods"});
        String domain = company + "-" + Draws.base36(r, 3) + ".com";
        String org = "org_" + Draws.base36(r, 12);
        String fingerprint = People.fingerprint(r);
        String bin = People.cardBin(r);
        String orgAws = People.awsAccount(r);
        Endpoint[] egress = new Endpoint[2 + r.nextInt(3)];
        Network.Asn corporate = Network.asn(r, Draws.chance(r, 0.3) ? AsnKind.DATACENTER : AsnKind.BUSINESS, hq.code());
        for (int i = 0; i < egress.length; i++) {
            egress[i] = Network.endpoint(r, corporate, false);
        }
        double[] weights = new double[egress.length];
        Arrays.fill(weights, 1);
        int gatewayMaxTokens = Draws.pick(r, new Integer[] {1024, 2048, 4096});
        double gatewayTemperature = Draws.pick(r, new Double[] {0.0, 0.2, 0.3});
        String gatewayAgent = Draws.pick(r, People.SDK_AGENTS) + " " + company + "-ai-gateway/2." + r.nextInt(9);
        for (int i = 0; i < size; i++) {
            Individual p = new Individual(world, built.size());
            identity(p, LegitKind.ENTERPRISE.label(), true, hq, null);
            legitCreation(p);
            p.orgId = org;
            p.paymentFingerprint = fingerprint;
            p.cardBin = bin;
            p.plan = "enterprise";
            p.email = People.workEmail(r, domain);
            p.hours = Persona.OFFICE_HOURS;
            p.activeWeekday = 0.85;
            p.activeWeekend = 0.08;
            p.meanWhenActive = Draws.logNormal(r, 22, 0.5);
            p.endpoints = egress;
            p.endpointWeights = weights;
            p.signupIp = egress[0].ip();
            p.agents = new String[] {gatewayAgent};
            p.fixedParameters = true;
            p.usualMaxTokens = gatewayMaxTokens;
            p.usualTemperature = gatewayTemperature;
            p.adoption = 0.15;
            interests(p, 2, 5);
            p.awsAccount = orgAws;
            p.arn = arn(orgAws, "assumed-role/BedrockUsers/" + userName(p.email));
        }
    }

    private static final String[] DEPARTMENTS = {"physics", "law", "medicine", "history", "chemistry", "library",
            "finance", "marketing", "research", "engineering", "admissions", "linguistics"};

    /**
     * One institution's departments: each its own organisation id (and AWS account), its own people,
     * hours, volume and work, but one procurement card and one egress for all of them. A department
     * is office staff (long drafts in some, short questions in others) or a lab running a benchmark
     * harness; accounts were opened over years, not together.
     */
    private void institution(int size) {
        Country country = Network.country(r);
        boolean university = Draws.chance(r, 0.6);
        String domain = (university ? Draws.pick(r, new String[] {"stateu", "northfield", "rivertown", "lakeshore"}) + ".edu"
                : Draws.pick(r, new String[] {"globex-group", "initech-holdings", "contoso-group"}) + ".com")
                .replace(".", "-" + Draws.base36(r, 3) + ".");
        String card = People.fingerprint(r);
        String bin = People.cardBin(r);
        Network.Asn asn = Network.asn(r, university ? AsnKind.UNIVERSITY : AsnKind.BUSINESS, country.code());
        Endpoint[] egress = new Endpoint[1 + r.nextInt(3)];
        for (int i = 0; i < egress.length; i++) {
            egress[i] = Network.endpoint(r, asn, false);
        }
        double[] egressWeights = new double[egress.length];
        Arrays.fill(egressWeights, 1);
        // what the institution does: evaluations in every department (a university's labs running
        // benchmarks with worked-solution prompts), long drafts in every department (a law or consulting
        // group), or a mix of both
        int work = r.nextInt(3);
        int left = size;
        while (left > 0) {
            int department = Math.min(left, 2 + r.nextInt(7));
            if (left - department == 1) {
                department = left;
            }
            left -= department;
            String org = "org_" + Draws.base36(r, 12);
            String departmentAws = People.awsAccount(r);
            String unit = Draws.pick(r, DEPARTMENTS);
            boolean lab = work == 0 || work == 2 && Draws.chance(r, 0.3);
            double answers = work == 1 ? 600 + 500 * r.nextDouble() : Draws.pick(r, new Double[] {250.0, 400.0, 700.0, 1000.0});
            double volume = Draws.logNormal(r, Draws.pick(r, new Double[] {6.0, 15.0, 40.0}), 0.5);
            String harness = Draws.pick(r, new String[] {"lm-eval-harness/0.4.3 python-httpx/0.27.0",
                    "helm/0.5.2 python-requests/2.32.3"});
            int suite = r.nextInt(3);
            for (int i = 0; i < department; i++) {
                Persona p;
                if (lab) {
                    LabMember m = new LabMember(world, built.size());
                    identity(m, LegitKind.INSTITUTION.label(), true, country, null);
                    m.suite = suite;
                    m.labNat = egress[0];
                    m.home = Network.endpoint(r, AsnKind.RESIDENTIAL, country.code(), 0.2);
                    m.harnessAgent = harness;
                    m.personalAgent = People.anyAgent(r);
                    m.labMaxTokens = 512;
                    m.labTemperature = 0;
                    m.workedSolutions = work == 0;
                    m.runMean = Draws.logNormal(r, 300, 0.5);
                    m.sweepOffset = r.nextInt(Taxonomy.TASKS.size());
                    m.interests = new int[] {Draws.weighted(r, CATEGORY_POPULARITY_BY_TASK),
                            Draws.weighted(r, CATEGORY_POPULARITY_BY_TASK)};
                    p = m;
                } else {
                    Individual m = new Individual(world, built.size());
                    identity(m, LegitKind.INSTITUTION.label(), true, country, null);
                    m.hours = Persona.OFFICE_HOURS;
                    m.activeWeekday = 0.5 + 0.4 * r.nextDouble();
                    m.activeWeekend = 0.05;
                    m.meanWhenActive = Draws.logNormal(r, volume, 0.4);
                    m.completionMedian = answers;
                    m.endpoints = egress;
                    m.endpointWeights = egressWeights;
                    m.agents = new String[] {People.anyAgent(r)};
                    m.adoption = 0.1 + 0.3 * r.nextDouble();
                    interests(m, 2, 5);
                    p = m;
                }
                legitCreation(p);
                p.orgId = org;
                p.paymentFingerprint = card;
                p.cardBin = bin;
                p.plan = Draws.chance(r, 0.5) ? "team" : "enterprise";
                p.email = People.workEmail(r, unit + "." + domain);
                p.signupIp = egress[0].ip();
                p.awsAccount = departmentAws;
                p.arn = arn(departmentAws, "assumed-role/" + unit + "-staff/" + userName(p.email));
            }
        }
    }

    private void lab(int size) {
        Country country = Network.country(Draws.pick(r, new String[] {"US", "US", "GB", "DE", "JP"}));
        String university = Draws.pick(r, new String[] {"stateu.edu", "cs.northfield.edu", "ml.rivertown.ac.uk",
                "informatik.tu-nord.de", "ai.kanto-u.ac.jp", "eecs.baycity.edu"});
        Endpoint nat = Network.endpoint(r, AsnKind.UNIVERSITY, country.code(), 0);
        String org = "org_" + Draws.base36(r, 12);
        String labAws = People.awsAccount(r);
        String sharedCard = Draws.chance(r, 0.5) ? People.fingerprint(r) : null;
        int suite = r.nextInt(3);
        int maxTokens = Draws.pick(r, new Integer[] {16, 256, 512, 1024});
        double temperature = 0.0;
        String harness = Draws.pick(r, new String[] {"lm-eval-harness/0.4.3 python-httpx/0.27.0",
                "helm/0.5.2 python-requests/2.32.3", "python-requests/2.31.0"});
        for (int i = 0; i < size; i++) {
            LabMember p = new LabMember(world, built.size());
            identity(p, LegitKind.LAB_BENCHMARK.label(), true, country, null);
            legitCreation(p);
            p.orgId = org;
            if (sharedCard != null) {
                p.paymentFingerprint = sharedCard;
            }
            p.plan = "team";
            p.email = People.workEmail(r, university);
            p.suite = suite;
            p.labNat = nat;
            p.home = Network.endpoint(r, AsnKind.RESIDENTIAL, country.code(), 0.2);
            p.signupIp = nat.ip();
            p.harnessAgent = harness;
            p.personalAgent = People.anyAgent(r);
            p.labMaxTokens = maxTokens;
            p.labTemperature = temperature;
            p.runMean = Draws.logNormal(r, 450, 0.4);
            p.sweepOffset = r.nextInt(Taxonomy.TASKS.size());
            p.interests = new int[] {Draws.weighted(r, CATEGORY_POPULARITY_BY_TASK), Draws.weighted(r, CATEGORY_POPULARITY_BY_TASK)};
            p.awsAccount = labAws;
            p.arn = arn(labAws, "assumed-role/ResearchCompute/" + userName(p.email));
        }
    }

    private int defaultStartDay(CampaignKind kind) {
        return switch (kind) {
            case NAIVE_FARM -> world.days >= 10 ? 3 : 0;
            case PROXY_FARM -> world.days >= 10 ? 5 : 0;
            case LOW_AND_SLOW -> 0;
            case MODEL_PIVOT -> Math.max(0, world.releaseDay - 2);
            // hides in the evaluation burst that follows a release
            case BENCHMARK_MIMIC -> Math.max(0, world.releaseDay - 1);
            case APP_MIMIC -> world.days >= 10 ? 2 : 0;
            case NAT_FARM -> world.days >= 10 ? 4 : 0;
            case COMPROMISED_AGED, OFFICE_HOURS, BACKEND_MIMIC, PREPAID_PROXY, NOVEL_BENCHMARK -> 0;
        };
    }

    private void buildCampaign(CampaignSpec spec, String id, int ordinalOfKind) {
        int first = spec.startDay() >= 0 ? spec.startDay() : defaultStartDay(spec.kind());
        int last = spec.activeDays() > 0 ? Math.min(world.days, first + spec.activeDays()) : world.days;
        Campaign c = new Campaign(spec, id, first, last, ordinalOfKind);
        campaigns.add(c);

        AsnKind poolKind = switch (spec.kind()) {
            case NAIVE_FARM, MODEL_PIVOT, APP_MIMIC, BACKEND_MIMIC, NOVEL_BENCHMARK -> AsnKind.DATACENTER;
            case PROXY_FARM, LOW_AND_SLOW, BENCHMARK_MIMIC, COMPROMISED_AGED, OFFICE_HOURS, PREPAID_PROXY -> AsnKind.RESIDENTIAL;
            case NAT_FARM -> AsnKind.UNIVERSITY;
        };
        if (spec.kind() == CampaignKind.NAT_FARM) {
            // the busiest campus NATs students already work behind; a campus of its own if there are none
            c.ipPool = new Endpoint[Math.max(1, spec.sharedIps())];
            for (int i = 0; i < c.ipPool.length; i++) {
                c.ipPool[i] = i < campusNats.size() ? campusNats.get(i) : Network.endpoint(r, AsnKind.UNIVERSITY,
                        Network.country(r).code(), 0);
            }
        } else if (spec.sharedIps() > 0) {
            c.ipPool = new Endpoint[spec.sharedIps()];
            List<Network.Asn> hosting = Network.of(poolKind);
            Network.Asn few = Draws.pick(r, hosting);
            for (int i = 0; i < c.ipPool.length; i++) {
                // a naive farm rents from one host; proxies and clouds spread across many networks
                Network.Asn asn = spec.kind() == CampaignKind.NAIVE_FARM ? few : Draws.pick(r, hosting);
                c.ipPool[i] = Network.endpoint(r, asn, spec.kind() == CampaignKind.MODEL_PIVOT && Draws.chance(r, 0.2));
            }
        }
        if (spec.userAgents() > 0) {
            c.agentPool = new String[spec.userAgents()];
            for (int i = 0; i < c.agentPool.length; i++) {
                c.agentPool[i] = i > 0 ? People.anyAgent(r) : switch (spec.kind()) {
                    case NAIVE_FARM -> "python-requests/2.31.0";
                    // the disguise: the public client of the cohort the farm poses as
                    case BENCHMARK_MIMIC, NOVEL_BENCHMARK ->
                            PublicArtefacts.BENCHMARK_HARNESSES[ordinalOfKind % PublicArtefacts.BENCHMARK_HARNESSES.length];
                    case APP_MIMIC -> PublicArtefacts.APP_TEMPLATES.get(ordinalOfKind % PublicArtefacts.APP_TEMPLATES.size()).agent();
                    default -> People.anyAgent(r);
                };
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int t = 0; t < Taxonomy.TASKS.size(); t++) {
            order.add(t);
        }
        Collections.shuffle(order, new Random(r.nextLong()));
        c.taskOrder = order.stream().mapToInt(Integer::intValue).toArray();
        c.workDays = new boolean[world.days];
        for (int d = 0; d < world.days; d++) {
            c.workDays[d] = d >= first && d < last && !Draws.chance(r, 1 / 7.0);
        }
        int shifts = 1 + r.nextInt(2);
        c.shiftMinutes = 240 + 30 * r.nextInt(5);
        c.shiftStartMinutes = new int[shifts];
        int firstShift = r.nextInt(12 * 60);
        for (int s = 0; s < shifts; s++) {
            c.shiftStartMinutes[s] = firstShift + s * 12 * 60;
        }
        c.pivotMs = world.releaseMs + Math.round(spec.pivotDelayHours() * World.HOUR_MS);

        String[] fingerprints = new String[spec.sharedCards()];
        for (int i = 0; i < fingerprints.length; i++) {
            fingerprints[i] = People.fingerprint(r);
        }
        String[] bins = new String[spec.cardBins()];
        for (int i = 0; i < bins.length; i++) {
            bins[i] = People.cardBin(r);
        }
        String emailPrefix = Draws.pick(r, new String[] {"dataops", "mlwork", "trainer", "acct", "devtest"});
        String emailDomain = Draws.pick(r, new String[] {"outlook.com", "mail.com", "gmx.com", "yandex.com"});
        int emailStart = 10 + r.nextInt(400);
        Country farmCountry = Network.country(r);
        long signupBurst = world.dayStart(first) - World.DAY_MS + r.nextInt((int) (20 * World.HOUR_MS));
        // bought or taken-over accounts change hands together, a third of the way into the extract or later
        long takeoverMs = spec.kind() == CampaignKind.COMPROMISED_AGED
                ? world.dayStart(Math.max(first, world.days / 3 + r.nextInt(Math.max(1, world.days / 4))))
                + r.nextInt((int) World.DAY_MS) : Long.MAX_VALUE;

        for (int m = 0; m < spec.accounts(); m++) {
            Member p = switch (spec.kind()) {
                case NAIVE_FARM -> new CampaignPersonas.NaiveFarm(world, built.size(), c, m);
                case PROXY_FARM -> new CampaignPersonas.ProxyFarm(world, built.size(), c, m);
                case LOW_AND_SLOW -> new CampaignPersonas.LowAndSlow(world, built.size(), c, m);
                case MODEL_PIVOT -> new CampaignPersonas.ModelPivot(world, built.size(), c, m);
                case BENCHMARK_MIMIC -> new CampaignPersonas.BenchmarkMimic(world, built.size(), c, m);
                case APP_MIMIC -> new CampaignPersonas.AppMimic(world, built.size(), c, m);
                case NAT_FARM -> new CampaignPersonas.ProxyFarm(world, built.size(), c, m);
                case COMPROMISED_AGED, OFFICE_HOURS, BACKEND_MIMIC, PREPAID_PROXY, NOVEL_BENCHMARK ->
                        new CampaignPersonas.QuietFleet(world, built.size(), c, m);
            };
            Country country = spec.kind() == CampaignKind.NAIVE_FARM || spec.kind() == CampaignKind.OFFICE_HOURS
                    ? farmCountry : Network.country(r);
            identity(p, spec.kind().label(), false, country, c.id);
            p.firstDay = first;
            p.lastDay = last;
            if (fingerprints.length > 0) {
                p.paymentFingerprint = fingerprints[m % fingerprints.length];
            }
            if (bins.length > 0) {
                p.cardBin = bins[r.nextInt(bins.length)];
            }
            p.ownEndpoint = Network.endpoint(r, poolKind, country.code(), poolKind == AsnKind.RESIDENTIAL ? 0.15 : 0);
            p.agent = c.agentPool.length > 0 ? c.agentPool[r.nextInt(c.agentPool.length)] : People.anyAgent(r);
            p.signupIp = c.ipPool.length > 0 ? c.ipPool[r.nextInt(c.ipPool.length)].ip() : p.ownEndpoint.ip();
            int width = spec.topicsPerAccount() > 0 ? spec.topicsPerAccount() : Taxonomy.TASKS.size();
            p.sweepWidth = width;
            // with a split taxonomy, consecutive accounts take consecutive slices
            p.sweepOffset = spec.topicsPerAccount() > 0 ? (m * width) % Taxonomy.TASKS.size()
                    : r.nextInt(Taxonomy.TASKS.size());
            switch (spec.kind()) {
                case NAIVE_FARM -> {
                    p.createdAt = signupBurst + r.nextInt((int) (3 * World.HOUR_MS));
                    p.email = emailPrefix + String.format(Locale.ROOT, "%04d", emailStart + m) + "@" + emailDomain;
                    p.plan = Draws.chance(r, 0.5) ? "free" : "pay_as_you_go";
                    p.billingCountry = farmCountry.code();
                }
                case PROXY_FARM -> {
                    p.createdAt = signupBurst - r.nextInt((int) (2 * World.DAY_MS));
                    p.email = Draws.pick(r, People.FIRST) + Draws.pick(r, People.LAST) + (100 + r.nextInt(9900))
                            + "@" + Draws.pick(r, new String[] {"gmail.com", "outlook.com", "yahoo.com"});
                    p.plan = "pay_as_you_go";
                }
                case LOW_AND_SLOW -> {
                    p.createdAt = world.startMs - (30 + r.nextInt(90)) * World.DAY_MS + r.nextInt((int) World.DAY_MS);
                    p.email = People.personalEmail(r);
                    p.plan = Draws.chance(r, 0.7) ? "pay_as_you_go" : "pro";
                    ((CampaignPersonas.LowAndSlow) p).windowStartMs = (8 + r.nextInt(3)) * World.HOUR_MS + r.nextInt((int) World.HOUR_MS);
                    ((CampaignPersonas.LowAndSlow) p).windowMs = (10 + r.nextInt(4)) * World.HOUR_MS;
                }
                case BENCHMARK_MIMIC -> {
                    p.createdAt = signupBurst - r.nextInt((int) (2 * World.DAY_MS));
                    p.email = Draws.pick(r, People.FIRST) + "." + Draws.pick(r, People.LAST) + (10 + r.nextInt(90))
                            + "@" + Draws.pick(r, new String[] {"gmail.com", "outlook.com", "proton.me"});
                    p.plan = Draws.chance(r, 0.5) ? "team" : "pay_as_you_go";
                }
                case APP_MIMIC -> {
                    p.createdAt = signupBurst + r.nextInt((int) (6 * World.HOUR_MS));
                    p.email = "dev." + Draws.base36(r, 5) + "@" + Draws.pick(r, new String[] {"gmail.com", "mail.com", "outlook.com"});
                    p.plan = "pay_as_you_go";
                }
                case NAT_FARM -> {
                    // student-like sign-ups from the campus over the weeks before it starts
                    p.createdAt = signupBurst - r.nextInt((int) (20 * World.DAY_MS));
                    p.email = Draws.pick(r, People.FIRST) + "." + Draws.pick(r, People.LAST) + (10 + r.nextInt(90))
                            + "@" + Draws.pick(r, new String[] {"gmail.com", "outlook.com", "proton.me"});
                    p.plan = Draws.chance(r, 0.6) ? "free" : "pay_as_you_go";
                }
                case COMPROMISED_AGED, OFFICE_HOURS, BACKEND_MIMIC, PREPAID_PROXY, NOVEL_BENCHMARK ->
                        quietFleetMember((CampaignPersonas.QuietFleet) p, c, country, takeoverMs, signupBurst);
                case MODEL_PIVOT -> {
                    p.createdAt = signupBurst - r.nextInt((int) (World.DAY_MS / 2));
                    p.email = Draws.pick(r, People.FIRST) + "." + Draws.pick(r, People.LAST) + "." + Draws.base36(r, 3)
                            + "@" + Draws.pick(r, new String[] {"proton.me", "tutanota.com"});
                    p.plan = "pay_as_you_go";
                }
            }
            p.arn = arn(p.awsAccount, "user/" + userName(p.email));
        }
    }

    /**
     * The sign-up and disguise of a farm account that hides among ordinary customers: opened at its own
     * time (taken over after years of its owner's use, or opened over the weeks before), its own card
     * and address, and its own share of the work.
     */
    private void quietFleetMember(CampaignPersonas.QuietFleet p, Campaign c, Country country, long takeoverMs,
                                  long signupBurst) {
        p.volumeFactor = Draws.logNormal(r, 1, 0.6);
        p.email = Draws.chance(r, 0.5) ? People.personalEmail(r)
                : Draws.pick(r, People.FIRST) + "." + Draws.pick(r, People.LAST) + (10 + r.nextInt(90)) + "@gmail.com";
        p.plan = Draws.chance(r, 0.6) ? "pay_as_you_go" : "pro";
        switch (c.spec.kind()) {
            case COMPROMISED_AGED -> {
                p.createdAt = world.startMs - (90 + r.nextInt(1400)) * World.DAY_MS + r.nextInt((int) World.DAY_MS);
                p.firstDay = 0;
                p.ownerEndpoint = Network.endpoint(r, AsnKind.RESIDENTIAL, country.code(), 0.1);
                p.ownerAgent = People.anyAgent(r);
                // the buyer's script logs into each account within the same hour
                p.takeoverMs = takeoverMs + r.nextInt((int) World.HOUR_MS);
            }
            case OFFICE_HOURS -> {
                p.createdAt = signupBurst - r.nextLong(90 * World.DAY_MS);
                p.startLateMinutes = r.nextInt(25) - 5;
            }
            case BACKEND_MIMIC -> {
                p.createdAt = world.startMs - (10 + r.nextInt(400)) * World.DAY_MS + r.nextInt((int) World.DAY_MS);
                p.brand = Draws.pick(r, new String[] {"Lumen", "Quill", "Tutorly", "Brightpath", "Mentora", "Cogwise",
                        "Studyhub", "Askwell", "Nimbus", "Orbit"}) + " " + Draws.pick(r, new String[] {"Learn", "AI",
                        "Assist", "Notes", "Pro", "Go", "Desk", "Labs"});
                p.usualMaxTokens = 2048 + 1024 * r.nextInt(3);
                p.usualTemperature = 0.2 + 0.1 * r.nextInt(6);
            }
            case PREPAID_PROXY -> p.createdAt = signupBurst - r.nextInt((int) (14 * World.DAY_MS));
            case NOVEL_BENCHMARK -> {
                p.createdAt = signupBurst - r.nextLong(45 * World.DAY_MS);
                p.runHour = r.nextInt(24);
            }
            default -> throw new IllegalStateException("not a quiet fleet: " + c.spec.kind());
        }
    }
}
