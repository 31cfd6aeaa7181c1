package dev.quarry.synth.outside;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Every account and group of one run, drawn from the seed before any event is written. Kept small
 * (a few hundred bytes per account) so the event stream can be generated day by day against it.
 */
final class Population {

    static final long DAY_MS = 86_400_000L;
    static final long HOUR_MS = 3_600_000L;
    static final long MINUTE_MS = 60_000L;

    final OutsideOptions options;
    final long seed;
    final Account[] accounts;
    final List<Group> groups = new ArrayList<>();
    final long windowStart;
    /** Epoch ms of the new model's release, or Long.MAX_VALUE when it falls outside the window. */
    final long releaseAt;
    /** Service incidents: [start, end) epoch ms where errors spike for everyone. */
    final long[][] incidents;

    private final List<Account> built = new ArrayList<>();
    private int campaignNumber;

    private Population(OutsideOptions options) {
        this.options = options;
        this.seed = options.seed();
        this.windowStart = options.start().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        this.releaseAt = options.releaseDay() < options.days()
                ? windowStart + options.releaseDay() * DAY_MS + 17 * HOUR_MS : Long.MAX_VALUE;
        SplittableRandom r = Keyed.random(seed, 0x1C1DE47L);
        int count = 1 + options.days() / 12;
        incidents = new long[count][];
        for (int i = 0; i < count; i++) {
            long start = windowStart + (long) (r.nextDouble() * options.days() * DAY_MS);
            incidents[i] = new long[] {start, start + (15 + r.nextInt(50)) * MINUTE_MS};
        }
        this.accounts = buildAccounts();
    }

    static Population build(OutsideOptions options) {
        return new Population(options);
    }

    int days() {
        return options.days();
    }

    boolean inIncident(long ts) {
        for (long[] incident : incidents) {
            if (ts >= incident[0] && ts < incident[1]) {
                return true;
            }
        }
        return false;
    }

    static int quota(String plan) {
        return switch (plan) {
            case "free" -> 150;
            case "payg" -> 600;
            case "tier-2" -> 5000;
            case "team" -> 3000;
            case "edu" -> 600;
            default -> 50_000;
        };
    }

    // ---- building --------------------------------------------------------------------------------

    private Account[] buildAccounts() {
        EnumMap<OutsideKind, Integer> counts = options.mix().allot(options.accounts());
        for (OutsideKind kind : OutsideKind.values()) {
            int n = counts.get(kind);
            if (n > 0) {
                buildKind(kind, n);
            }
        }
        return built.toArray(new Account[0]);
    }

    private SplittableRandom groupRandom(OutsideKind kind, int salt) {
        return Keyed.random(seed, 0x6E0B5L, kind.ordinal(), salt);
    }

    /** Splits {@code n} accounts into groups: a farm kind's first farm takes 55-80% when large. */
    private List<Integer> groupSizes(OutsideKind kind, int n, SplittableRandom r) {
        List<Integer> sizes = new ArrayList<>();
        int left = n;
        int min = kind.minGroup();
        while (left > 0) {
            int size;
            if (left < 2 * min) {
                size = left;
            } else if (kind.campaign() && sizes.isEmpty() && n >= 60) {
                size = (int) Math.round(n * (0.55 + 0.25 * r.nextDouble()));
            } else {
                double logMin = Math.log(min);
                double logMax = Math.log(Math.max(min, Math.min(kind.maxGroup(), left)));
                size = (int) Math.round(Math.exp(logMin + r.nextDouble() * (logMax - logMin)));
            }
            size = Math.max(min, Math.min(size, left));
            if (left - size > 0 && left - size < min) {
                size = left;
            }
            sizes.add(size);
            left -= size;
        }
        return sizes;
    }

    private Group newGroup(OutsideKind kind, int size) {
        Group g = new Group(groups.size(), kind);
        g.firstAccount = built.size();
        g.size = size;
        groups.add(g);
        return g;
    }

    private Account newAccount(OutsideKind kind, Group group) {
        Account a = new Account(built.size(), kind, group);
        built.add(a);
        SplittableRandom r = Keyed.random(seed, 0xACC7L, a.index);
        a.id = "acct_" + Keyed.base62(Keyed.hash(seed, 0x1DL, a.index), 20);
        a.awsAccount = Keyed.digits(Keyed.hash(seed, 0xA3L, a.index), 12).replaceFirst("^0", "4");
        a.apiKeys = new String[1 + (r.nextInt(4) == 0 ? 1 : 0)];
        for (int k = 0; k < a.apiKeys.length; k++) {
            a.apiKeys[k] = "key_" + Keyed.base62(Keyed.hash(seed, 0x4E7L, a.index, k), 16);
        }
        return a;
    }

    private void buildKind(OutsideKind kind, int n) {
        SplittableRandom r = groupRandom(kind, 0);
        switch (kind) {
            case LEGIT_HOBBYIST, LEGIT_POWER_USER, LEGIT_EARLY_ADOPTER -> {
                for (int i = 0; i < n; i++) {
                    Account a = newAccount(kind, null);
                    person(a, Keyed.random(seed, 0x9E45L, a.index), null);
                    individualHabits(a, Keyed.random(seed, 0x4AB1L, a.index));
                }
            }
            case LEGIT_APP_BACKEND -> groupSizes(kind, n, r).forEach(size -> appCompany(newGroup(kind, size), r));
            case LEGIT_ENTERPRISE_EMPLOYEE -> groupSizes(kind, n, r).forEach(size -> enterprise(newGroup(kind, size), r));
            case LEGIT_ENTERPRISE_BATCH -> groupSizes(kind, n, r).forEach(size -> batchJobs(newGroup(kind, size), r));
            case LEGIT_BENCHMARK_LAB -> groupSizes(kind, n, r).forEach(size -> lab(newGroup(kind, size), r));
            case LEGIT_CLASS_COHORT -> groupSizes(kind, n, r).forEach(size -> cohort(newGroup(kind, size), r));
            case LEGIT_VIRAL_PROMPT -> groupSizes(kind, n, r).forEach(size -> viral(newGroup(kind, size), r));
            case LEGIT_INTEGRATION_PARTNER -> groupSizes(kind, n, r).forEach(size -> partner(newGroup(kind, size), r));
            case LEGIT_SAFETY_RESEARCHER -> groupSizes(kind, n, r).forEach(size -> safetyTeam(newGroup(kind, size), r));
            case LEGIT_SHARED_NAT -> groupSizes(kind, n, r).forEach(size -> natPool(newGroup(kind, size), r));
            case LEGIT_RESELLER -> groupSizes(kind, n, r).forEach(size -> reseller(newGroup(kind, size), r));
            case LEGIT_EVAL_VENDOR -> groupSizes(kind, n, r).forEach(size -> evalVendor(newGroup(kind, size), r));
            case LEGIT_SYNTHETIC_DATA_VENDOR -> groupSizes(kind, n, r).forEach(size -> dataVendor(newGroup(kind, size), r));
            case LEGIT_HACKATHON -> groupSizes(kind, n, r).forEach(size -> hackathon(newGroup(kind, size), r));
            case LEGIT_UNIVERSITY -> groupSizes(kind, n, r).forEach(size -> university(newGroup(kind, size), r));
            case LEGIT_AGENT_FRAMEWORK -> groupSizes(kind, n, r).forEach(size -> agentFramework(newGroup(kind, size), r));
            case LEGIT_SUPPORT_PRODUCT -> groupSizes(kind, n, r).forEach(size -> supportProduct(newGroup(kind, size), r));
            case LEGIT_LOCALISATION -> groupSizes(kind, n, r).forEach(size -> localisation(newGroup(kind, size), r));
            case LEGIT_CI_PIPELINE -> groupSizes(kind, n, r).forEach(size -> ciPipeline(newGroup(kind, size), r));
            case LEGIT_IDE_PLUGIN -> groupSizes(kind, n, r).forEach(size -> idePlugin(newGroup(kind, size), r));
            default -> groupSizes(kind, n, r).forEach(size -> farm(newGroup(kind, size), r));
        }
    }

    // ---- individuals -----------------------------------------------------------------------------

    private static String handle(SplittableRandom r) {
        String first = Keyed.pick(r, Geography.FIRST_NAMES);
        String last = Keyed.pick(r, Geography.LAST_NAMES);
        return switch (r.nextInt(5)) {
            case 0 -> first + "." + last;
            case 1 -> first + last + (10 + r.nextInt(90));
            case 2 -> first.charAt(0) + last;
            case 3 -> first + "_" + last + (1970 + r.nextInt(36));
            default -> first + "." + last + r.nextInt(10);
        };
    }

    /** Identity, billing and home network of a person; {@code domain} replaces the personal mail domain. */
    private void person(Account a, SplittableRandom r, String domain) {
        Geography.Country c = Geography.drawCountry(r);
        a.country = c;
        a.offsetMinutes = Geography.drawOffset(r, c);
        a.email = handle(r) + "@" + (domain != null ? domain : Keyed.pick(r, Geography.PERSONAL_MAIL));
        double p = r.nextDouble();
        a.plan = p < 0.52 ? "free" : p < 0.93 ? "payg" : "tier-2";
        if (!a.plan.equals("free") || r.nextInt(5) == 0) {
            a.card = "card_" + Keyed.base62(r.nextLong(), 14);
            a.bin = Keyed.pick(r, Geography.CONSUMER_BINS);
        }
        a.billingCountry = r.nextInt(40) == 0 ? "" : c.code();
        boolean mobile = r.nextInt(7) == 0;
        a.home = Keyed.pick(r, mobile ? c.mobile() : c.residential());
        a.homeKey = r.nextLong();
        a.signupIp = a.home.address(a.homeKey);
        // Account age: most accounts months old, a steady trickle of recent ones.
        double ageDays = Math.min(900, 1 + Math.abs(Keyed.logNormal(r, 120, 1.0)));
        a.createdAt = windowStart - (long) (ageDays * DAY_MS) + (long) (r.nextDouble() * DAY_MS);
        a.orgId = "org-" + Keyed.base62(Keyed.hash(seed, 0x0E6L, a.index), 24);
        a.dailyQuota = quota(a.plan);
        a.arn = "arn:aws:iam::" + a.awsAccount + ":user/" + a.email.substring(0, a.email.indexOf('@')).replace('+', '-');
    }

    private void individualHabits(Account a, SplittableRandom r) {
        int topicCount = 1 + r.nextInt(3);
        a.topics = new int[topicCount];
        for (int i = 0; i < topicCount; i++) {
            a.topics[i] = r.nextInt(3) == 0 ? 0 : r.nextInt(PromptBook.TOPICS);
        }
        a.model = Catalog.ESTABLISHED.get(Keyed.weighted(r, Catalog.ESTABLISHED_WEIGHTS));
        a.browserShare = r.nextDouble() < 0.4 ? 0.9 : r.nextDouble() * 0.3;
        a.userAgent = Keyed.pick(r, Catalog.SDKS);
        a.activity = Keyed.logNormal(r, 1.0, 0.6);
        double h = r.nextDouble();
        a.preferredHour = h < 0.55 ? 19 + r.nextInt(4) : h < 0.8 ? 12 + r.nextInt(2) : 8 + r.nextInt(3);
        if (r.nextDouble() < 0.06) {
            a.adoptMinutes = 60 * (6 + r.nextInt(90));
        }
        switch (a.kind) {
            case LEGIT_POWER_USER -> {
                a.plan = r.nextInt(3) == 0 ? "tier-2" : "payg";
                a.dailyQuota = quota(a.plan);
                if (a.card.isEmpty()) {
                    a.card = "card_" + Keyed.base62(r.nextLong(), 14);
                    a.bin = Keyed.pick(r, Geography.CONSUMER_BINS);
                }
                a.activity = Keyed.logNormal(r, 1.0, 0.5);
                a.scripts = r.nextInt(3) == 0;
                a.model = r.nextBoolean() ? Catalog.LARGE : a.model;
                a.topics[0] = 0;
            }
            case LEGIT_EARLY_ADOPTER -> {
                a.adoptMinutes = 5 + r.nextInt(360);
                a.activity = Keyed.logNormal(r, 1.5, 0.5);
            }
            default -> {
            }
        }
    }

    private long hiredAt(SplittableRandom r, long orgCreated) {
        long span = Math.max(DAY_MS, windowStart - orgCreated);
        return orgCreated + (long) (Math.pow(r.nextDouble(), 0.7) * span);
    }

    private static String companyWord(SplittableRandom r) {
        return Keyed.pick(r, List.of("nova", "bright", "lumen", "quanta", "vertex", "harbor", "pine", "atlas",
                "orbit", "cobalt", "maple", "zen", "kite", "ember", "delta", "river", "forge", "north"))
                + Keyed.pick(r, List.of("labs", "ly", "ify", "works", "hq", "stack", "learn", "desk", "flow", "base", "path", "mind"));
    }

    private void groupIdentity(Group g, SplittableRandom r, String tld) {
        g.orgId = "org-" + Keyed.base62(r.nextLong(), 24);
        g.sharedCard = "card_" + Keyed.base62(r.nextLong(), 14);
        g.bins = List.of(Keyed.pick(r, Geography.CORPORATE_BINS));
        g.mailDomain = companyWord(r) + "-" + Integer.toString(g.index, 36) + tld;
        g.country = Geography.drawCountry(r);
        g.offsetMinutes = Geography.drawOffset(r, g.country);
        g.awsAccount = Keyed.digits(r.nextLong(), 12).replaceFirst("^0", "3");
        g.egressKey = r.nextLong();
    }

    /** A member of a group: billing from the group, mail at its domain, its country and clock. */
    private Account member(Group g, SplittableRandom r, long createdAt) {
        Account a = newAccount(g.kind, g);
        person(a, Keyed.random(seed, 0x9E45L, a.index), g.mailDomain.isEmpty() ? null : g.mailDomain);
        individualHabits(a, Keyed.random(seed, 0x4AB1L, a.index));
        if (g.country != null) {
            // Members live where their company or school is: its clock, its billing, its home ISPs.
            a.country = g.country;
            a.offsetMinutes = g.offsetMinutes;
            a.billingCountry = g.country.code();
            a.home = Keyed.pick(r, g.country.residential());
            a.signupIp = a.home.address(a.homeKey);
        }
        if (!g.orgId.isEmpty()) {
            a.orgId = g.orgId;
        }
        if (!g.sharedCard.isEmpty()) {
            a.card = g.sharedCard;
            a.bin = g.bins.get(0);
        }
        a.createdAt = createdAt;
        if (!g.awsAccount.isEmpty()) {
            a.awsAccount = g.awsAccount;
            a.arn = "arn:aws:iam::" + g.awsAccount + ":user/" + a.email.substring(0, a.email.indexOf('@'));
        }
        return a;
    }

    private void appCompany(Group g, SplittableRandom r) {
        groupIdentity(g, r, ".io");
        boolean shared = r.nextDouble() < 0.7;
        List<PromptBook.AppTemplate> choices = PromptBook.APP_TEMPLATES.stream().filter(t -> t.shared() == shared).toList();
        PromptBook.AppTemplate t = shared && r.nextDouble() < 0.5 ? PromptBook.APP_TEMPLATES.get(0) : Keyed.pick(r, choices);
        if (!shared) {
            String brand = g.mailDomain.substring(0, g.mailDomain.indexOf('-'));
            t = new PromptBook.AppTemplate(brand, "You are " + brand + "'s assistant. " + t.template(),
                    Keyed.pick(r, Catalog.SDKS), t.temperature(), t.maxTokens(), t.userText(), t.answerMedian(), false);
        }
        g.template = t;
        g.egress = Keyed.pick(r, Geography.DATACENTERS.subList(0, 4));
        g.egressHosts = 2 + r.nextInt(5);
        g.dailyVolume = Keyed.logNormal(r, 420, 0.9);
        // End users mostly in the company's own market: their diurnal curve, not the servers' clock.
        long founded = windowStart - (long) ((60 + r.nextInt(700)) * DAY_MS);
        Catalog.Model model = r.nextBoolean() ? Catalog.MINI : Catalog.STANDARD;
        for (int i = 0; i < g.size; i++) {
            Account a = member(g, r, founded + i * (long) (r.nextDouble() * 30 * DAY_MS));
            a.email = (i == 0 ? "dev" : i == 1 ? "platform" : "eng" + i) + "@" + g.mailDomain;
            a.plan = "tier-2";
            a.dailyQuota = quota(a.plan);
            a.model = model;
            a.userAgent = t.userAgent();
            a.activity = i == 0 ? 1.0 : 0.15;
            a.hardNegative = t.shared();
            a.arn = "arn:aws:sts::" + g.awsAccount + ":assumed-role/" + t.name() + "-prod-role/app-" + i;
        }
    }

    private void enterprise(Group g, SplittableRandom r) {
        groupIdentity(g, r, ".com");
        g.egress = r.nextDouble() < 0.45 ? Geography.CORPORATE_EGRESS.get(0) : Keyed.pick(r, Geography.CORPORATE_EGRESS);
        g.egressHosts = 2 + r.nextInt(7);
        long onboarded = windowStart - (long) ((20 + r.nextInt(400)) * DAY_MS);
        for (int i = 0; i < g.size; i++) {
            Account a = member(g, r, hiredAt(r, onboarded));
            a.plan = "enterprise";
            a.dailyQuota = quota(a.plan);
            a.topics = new int[] {0, 1};
        }
    }

    private void batchJobs(Group g, SplittableRandom r) {
        List<Group> enterprises = groups.stream().filter(x -> x.kind == OutsideKind.LEGIT_ENTERPRISE_EMPLOYEE).toList();
        if (enterprises.isEmpty()) {
            groupIdentity(g, r, ".com");
        } else {
            Group e = Keyed.pick(r, enterprises);
            g.parent = e;
            g.orgId = e.orgId;
            g.sharedCard = e.sharedCard;
            g.bins = e.bins;
            g.mailDomain = e.mailDomain;
            g.country = e.country;
            g.offsetMinutes = e.offsetMinutes;
            g.awsAccount = e.awsAccount;
        }
        g.egress = Keyed.pick(r, Geography.DATACENTERS.subList(0, 3));
        g.egressKey = r.nextLong();
        g.egressHosts = 1 + r.nextInt(2);
        for (int i = 0; i < g.size; i++) {
            // Opened at any time of its day: a whole day's count alone would put every sign-up at midnight.
            Account a = member(g, r, windowStart - (long) ((10 + r.nextInt(300)) * DAY_MS) + (long) (r.nextDouble() * DAY_MS));
            a.email = Keyed.pick(r, List.of("svc-etl", "data-pipeline", "batch", "ml-jobs", "reporting")) + i + "@" + g.mailDomain;
            a.plan = "enterprise";
            a.dailyQuota = quota(a.plan);
            a.model = r.nextBoolean() ? Catalog.MINI : Catalog.LITE;
            a.userAgent = r.nextBoolean() ? "atlas-python/1.40.3" : "Apache-HttpClient/5.2.1 (Java/17.0.9)";
            // Jobs start at the hours everyone's cron uses: midnight, 02:00, 09:00 or every hour.
            int[] hours = {0, 0, 2, 9, -1, -1};
            a.preferredHour = hours[r.nextInt(hours.length)];
            a.slice = r.nextInt(5);
            a.activity = a.preferredHour < 0 ? 5 + r.nextInt(25) : Math.min(1000, Keyed.logNormal(r, 220, 0.7));
            a.arn = "arn:aws:sts::" + g.awsAccount + ":assumed-role/BatchInvokeRole/" + a.email.substring(0, a.email.indexOf('@'));
        }
    }

    /** A university's side of a group: campus, its clock, the institution's card, mail domain and NAT. */
    private void campusIdentity(Group g, SplittableRandom r) {
        g.campus = Keyed.pick(r, Geography.CAMPUSES);
        g.country = Geography.country(g.campus.country());
        g.offsetMinutes = g.country.offsetsMinutes()[0];
        g.sharedCard = "card_" + Keyed.base62(r.nextLong(), 14);
        g.bins = List.of(Keyed.pick(r, Geography.CORPORATE_BINS));
        g.mailDomain = g.campus.domain();
        g.awsAccount = Keyed.digits(r.nextLong(), 12).replaceFirst("^0", "5");
        g.egress = g.campus.network();
        g.egressKey = r.nextLong();
    }

    private void lab(Group g, SplittableRandom r) {
        campusIdentity(g, r);
        g.orgId = "org-" + Keyed.base62(r.nextLong(), 24);
        g.egressHosts = 1 + r.nextInt(3);
        g.benchmark = PromptBook.BENCHMARKS.get(Math.floorMod(g.index * 7 + r.nextInt(2), PromptBook.BENCHMARKS.size()));
        // A paper deadline: several days of back-to-back runs somewhere in the window.
        g.specialDay = new boolean[days()];
        int crunch = r.nextInt(Math.max(1, days()));
        for (int d = crunch; d < Math.min(days(), crunch + 3 + r.nextInt(4)); d++) {
            g.specialDay[d] = true;
        }
        g.pivotMinutes = 45 + r.nextInt(420);
        for (int i = 0; i < g.size; i++) {
            Account a = member(g, r, windowStart - (long) ((30 + r.nextInt(500)) * DAY_MS) + (long) (r.nextDouble() * DAY_MS));
            a.plan = "payg";
            a.dailyQuota = quota(a.plan);
            a.userAgent = Catalog.HARNESS;
            a.model = Keyed.pick(r, List.of(Catalog.STANDARD, Catalog.LARGE, Catalog.MINI));
            a.adoptMinutes = g.pivotMinutes + r.nextInt(30);
            a.home = g.egress;
            a.homeKey = g.egressKey;
        }
    }

    private void cohort(Group g, SplittableRandom r) {
        g.course = Keyed.pick(r, PromptBook.COURSES);
        boolean online = r.nextInt(5) == 0;
        g.campus = Keyed.pick(r, Geography.CAMPUSES);
        g.country = online ? null : Geography.country(g.campus.country());
        g.offsetMinutes = g.country == null ? 0 : g.country.offsetsMinutes()[0];
        g.mailDomain = online ? "" : g.campus.domain();
        g.egress = online ? null : g.campus.network();
        g.egressKey = r.nextLong();
        g.egressHosts = 1 + r.nextInt(4);
        g.activeFrom = r.nextInt(Math.max(1, days() - 3));
        g.activeTo = g.activeFrom + 6;
        // Term start: a whole class signs up within days of the first lecture.
        long termStart = windowStart - (long) ((5 + r.nextInt(70)) * DAY_MS);
        for (int i = 0; i < g.size; i++) {
            Account a = member(g, r, termStart + (long) (Math.pow(r.nextDouble(), 2) * 10 * DAY_MS));
            if (!online) {
                a.email = (r.nextBoolean() ? "s" + Keyed.digits(r.nextLong(), 7) : a.email.substring(0, a.email.indexOf('@')))
                        + "@" + g.mailDomain;
                a.offsetMinutes = g.offsetMinutes;
            }
            a.plan = r.nextInt(3) == 0 ? "edu" : "free";
            a.dailyQuota = quota(a.plan);
            a.card = a.plan.equals("free") ? "" : a.card;
            a.bin = a.card.isEmpty() ? "" : a.bin.isEmpty() ? Keyed.pick(r, Geography.CONSUMER_BINS) : a.bin;
            a.model = Catalog.MINI;
            a.browserShare = 0.85;
        }
    }

    private void viral(Group g, SplittableRandom r) {
        g.viral = g.index % PromptBook.VIRAL.size();
        g.activeFrom = r.nextInt(Math.max(1, days()));
        g.activeTo = g.activeFrom + 2 + r.nextInt(3);
        for (int i = 0; i < g.size; i++) {
            member(g, r, 0).createdAt = windowStart - (long) (Math.abs(Keyed.logNormal(r, 90, 1.0)) * DAY_MS);
        }
    }

    private void partner(Group g, SplittableRandom r) {
        g.partnerIndex = Math.floorMod(g.index, PromptBook.PARTNERS.size());
        g.partner = PromptBook.PARTNERS.get(g.partnerIndex);
        for (int i = 0; i < g.size; i++) {
            Account a = member(g, r, windowStart - (long) (Math.abs(Keyed.logNormal(r, 100, 1.0)) * DAY_MS));
            a.userAgent = g.partner.userAgent();
            a.browserShare = 0;
            a.model = Catalog.STANDARD;
            a.plan = r.nextBoolean() ? "payg" : "free";
            a.dailyQuota = quota(a.plan);
        }
    }

    private void safetyTeam(Group g, SplittableRandom r) {
        groupIdentity(g, r, ".org");
        g.egress = Keyed.pick(r, Geography.DATACENTERS.subList(0, 3));
        g.egressHosts = 1 + r.nextInt(3);
        for (int i = 0; i < g.size; i++) {
            Account a = member(g, r, windowStart - (long) ((15 + r.nextInt(300)) * DAY_MS) + (long) (r.nextDouble() * DAY_MS));
            a.plan = "tier-2";
            a.dailyQuota = quota(a.plan);
            a.userAgent = Catalog.SAFETY_HARNESS;
            a.slice = r.nextInt(PromptBook.PROBE_CATEGORIES.size());
        }
    }

    private void natPool(Group g, SplittableRandom r) {
        double p = r.nextDouble();
        Geography.Country c = Geography.drawCountry(r);
        if (p < 0.5) {
            g.egress = Keyed.pick(r, c.mobile());
        } else if (p < 0.8) {
            g.egress = Keyed.pick(r, Geography.VPN_EXITS);
        } else {
            g.campus = Keyed.pick(r, Geography.CAMPUSES);
            g.egress = g.campus.network();
        }
        g.egressKey = r.nextLong();
        g.egressHosts = 1 + r.nextInt(3);
        for (int i = 0; i < g.size; i++) {
            Account a = member(g, r, 0);
            a.createdAt = windowStart - (long) (Math.abs(Keyed.logNormal(r, 120, 1.0)) * DAY_MS);
            if (g.egress.type() == Geography.NetworkType.MOBILE) {
                a.country = c;
                a.offsetMinutes = Geography.drawOffset(r, c);
            }
        }
    }

    /**
     * An API aggregator: a handful of platform accounts whose key pools, gateway client and egress
     * carry thousands of end customers' requests, round the clock, on every model.
     */
    private void reseller(Group g, SplittableRandom r) {
        groupIdentity(g, r, ".ai");
        g.egress = Keyed.pick(r, Geography.DATACENTERS.subList(0, 4));
        g.egressHosts = 4 + r.nextInt(12);
        g.dailyVolume = Keyed.logNormal(r, 1200, 0.6);
        // The platform lists the new model within hours; many of its customers switch the same day.
        g.pivotMinutes = 30 + r.nextInt(150);
        String gateway = Keyed.pick(r, Catalog.RESELLER_GATEWAYS);
        long founded = windowStart - (long) ((200 + r.nextInt(500)) * DAY_MS);
        for (int i = 0; i < g.size; i++) {
            Account a = member(g, r, founded + (long) (r.nextDouble() * 60 * DAY_MS));
            a.email = (i == 0 ? "billing" : "ops" + i) + "@" + g.mailDomain;
            a.plan = "enterprise";
            a.dailyQuota = quota(a.plan);
            a.userAgent = gateway;
            a.apiKeys = new String[3 + r.nextInt(6)];
            for (int k = 0; k < a.apiKeys.length; k++) {
                a.apiKeys[k] = "key_" + Keyed.base62(Keyed.hash(seed, 0x4E7L, a.index, k), 16);
            }
            a.activity = Keyed.logNormal(r, 1.0, 0.5);
            a.adoptMinutes = g.pivotMinutes;
            a.arn = "arn:aws:sts::" + g.awsAccount + ":assumed-role/gateway-" + i + "/router";
        }
    }

    /**
     * An evaluation vendor: one organisation per client engagement, all billed to the vendor's card and
     * run from its runners, sweeping many public benchmarks; a full sweep on a new model within hours.
     */
    private void evalVendor(Group g, SplittableRandom r) {
        groupIdentity(g, r, ".com");
        g.egress = Keyed.pick(r, Geography.DATACENTERS.subList(0, 3));
        g.egressHosts = 2 + r.nextInt(4);
        g.pivotMinutes = 60 + r.nextInt(300);
        long founded = windowStart - (long) ((100 + r.nextInt(600)) * DAY_MS);
        for (int i = 0; i < g.size; i++) {
            Account a = member(g, r, founded + (long) (r.nextDouble() * 90 * DAY_MS));
            a.orgId = "org-" + Keyed.base62(r.nextLong(), 24);
            a.email = "eval+" + companyWord(r) + i + "@" + g.mailDomain;
            a.plan = "tier-2";
            a.dailyQuota = quota(a.plan);
            a.userAgent = Catalog.EVAL_RUNNER;
            a.model = Keyed.pick(r, List.of(Catalog.STANDARD, Catalog.LARGE, Catalog.MINI));
            a.slice = r.nextInt(PromptBook.EVAL_BENCHMARKS.size());
            a.adoptMinutes = g.pivotMinutes + r.nextInt(40);
            a.home = g.egress;
            a.homeKey = g.egressKey;
            a.arn = "arn:aws:sts::" + g.awsAccount + ":assumed-role/eval-runner/client-" + i;
        }
    }

    /**
     * A synthetic-data vendor under an enterprise contract: pipeline workers generating long, diverse
     * training examples over the client's taxonomy round the clock. Legitimate by contract.
     */
    private void dataVendor(Group g, SplittableRandom r) {
        groupIdentity(g, r, ".ai");
        g.egress = Keyed.pick(r, Geography.DATACENTERS.subList(0, 3));
        g.egressHosts = 2 + r.nextInt(5);
        g.tag = "proj-" + Keyed.base62(r.nextLong(), 4).toLowerCase(Locale.ROOT);
        g.dailyVolume = Keyed.logNormal(r, 1500, 0.4);
        long contract = windowStart - (long) ((30 + r.nextInt(170)) * DAY_MS);
        for (int i = 0; i < g.size; i++) {
            Account a = member(g, r, contract + (long) (r.nextDouble() * 20 * DAY_MS));
            a.email = "pipeline-worker" + i + "@" + g.mailDomain;
            a.plan = "enterprise";
            a.dailyQuota = quota(a.plan);
            a.userAgent = Catalog.SYNTHETIC_PIPELINE;
            a.model = r.nextBoolean() ? Catalog.LARGE : Catalog.STANDARD;
            a.slice = i;
            a.activity = Keyed.logNormal(r, 1.0, 0.3);
            a.arn = "arn:aws:sts::" + g.awsAccount + ":assumed-role/datagen-worker/worker-" + i;
        }
    }

    /**
     * A hackathon or course week: hundreds of accounts opened in the first hours at one venue, the same
     * tutorial followed verbatim with the SDK version it pins, two or three intense days, then quiet.
     */
    private void hackathon(Group g, SplittableRandom r) {
        g.campus = Keyed.pick(r, Geography.CAMPUSES);
        g.country = Geography.country(g.campus.country());
        g.offsetMinutes = g.country.offsetsMinutes()[0];
        g.egress = g.campus.network();
        g.egressKey = r.nextLong();
        g.egressHosts = 1 + r.nextInt(3);
        g.activeFrom = r.nextInt(Math.max(1, days() - 2));
        g.activeTo = Math.min(days() - 1, g.activeFrom + 1 + r.nextInt(2));
        long doorsOpen = windowStart + g.activeFrom * DAY_MS - g.offsetMinutes * MINUTE_MS + 9 * HOUR_MS;
        for (int i = 0; i < g.size; i++) {
            Account a = member(g, r, doorsOpen + (long) (Math.pow(r.nextDouble(), 1.5) * 3 * HOUR_MS));
            a.plan = "free";
            a.dailyQuota = quota(a.plan);
            a.userAgent = Catalog.TUTORIAL_SDK;
            a.browserShare = 0.15;
            a.model = Catalog.MINI;
            a.slice = r.nextInt(7);
            a.activity = Keyed.logNormal(r, 1.0, 0.6);
        }
    }

    private static final List<String> DEPARTMENTS = List.of("cs", "bio", "econ", "med", "physics", "lib", "admin", "chem");

    /**
     * A university whose departments each hold their own organisation but pay with the procurement
     * card and leave through the campus network: shared card and NAT across organisations.
     */
    private void university(Group g, SplittableRandom r) {
        campusIdentity(g, r);
        g.egressHosts = 2 + r.nextInt(7);
        int departments = Math.min(g.size, 2 + r.nextInt(6));
        String[] orgs = new String[departments];
        for (int d = 0; d < departments; d++) {
            orgs[d] = "org-" + Keyed.base62(r.nextLong(), 24);
        }
        for (int i = 0; i < g.size; i++) {
            Account a = member(g, r, windowStart - (long) ((30 + r.nextInt(600)) * DAY_MS) + (long) (r.nextDouble() * DAY_MS));
            int d = i % departments;
            String department = DEPARTMENTS.get(Math.floorMod(d + g.index, DEPARTMENTS.size()));
            a.orgId = orgs[d];
            a.email = a.email.substring(0, a.email.indexOf('@')) + "@" + department + "." + g.mailDomain;
            a.plan = r.nextBoolean() ? "team" : "payg";
            a.dailyQuota = quota(a.plan);
            a.slice = d;
            a.topics = department.equals("cs") ? new int[] {0} : new int[] {1, 9, 6};
            a.scripts = (department.equals("cs") || department.equals("bio") || department.equals("econ")) && r.nextInt(3) == 0;
        }
    }

    /**
     * Users of a popular open-source agent framework: unrelated people and companies whose requests all
     * carry its client string, default system prompt, parameters and retry-on-429 backoff.
     */
    private void agentFramework(Group g, SplittableRandom r) {
        for (int i = 0; i < g.size; i++) {
            Account a = member(g, r, 0);
            a.createdAt = windowStart - (long) (Math.abs(Keyed.logNormal(r, 100, 1.0)) * DAY_MS);
            a.userAgent = Catalog.AGENT_FRAMEWORK;
            a.browserShare = 0;
            a.model = r.nextBoolean() ? Catalog.STANDARD : Catalog.LARGE;
            a.slice = r.nextInt(64);
            a.scripts = r.nextInt(4) == 0;
            a.activity = Keyed.logNormal(r, 1.0, 0.7);
        }
    }

    /**
     * A customer-support product: regional deployments of one vendor answering its tenants' customers,
     * so its load follows office hours in many time zones, rolling round the globe on weekdays.
     */
    private void supportProduct(Group g, SplittableRandom r) {
        groupIdentity(g, r, ".io");
        g.egress = Keyed.pick(r, Geography.DATACENTERS.subList(0, 4));
        g.egressHosts = 2 + r.nextInt(7);
        g.dailyVolume = Keyed.logNormal(r, 900, 0.5);
        g.tag = g.mailDomain.substring(0, g.mailDomain.indexOf('-'));
        long founded = windowStart - (long) ((120 + r.nextInt(600)) * DAY_MS);
        for (int i = 0; i < g.size; i++) {
            Account a = member(g, r, founded + (long) (r.nextDouble() * 200 * DAY_MS));
            a.email = "deploy-" + Keyed.pick(r, List.of("us", "eu", "apac", "latam", "me")) + i + "@" + g.mailDomain;
            a.plan = "tier-2";
            a.dailyQuota = quota(a.plan);
            // Servers run on UTC; the tenants' clocks shape the load.
            a.offsetMinutes = 0;
            a.userAgent = g.tag + "-helpdesk/5.2.0 atlas-node/4.8.1";
            a.model = Catalog.MINI;
            a.activity = Keyed.logNormal(r, 1.0, 0.4);
            a.arn = "arn:aws:sts::" + g.awsAccount + ":assumed-role/helpdesk-" + i + "/answer";
        }
    }

    /**
     * A localisation company machine-translating a client's product catalogue: one service account per
     * target locale in its translation-management system, the same segments into every locale, in long
     * batches on the company's business days, with a heavier push while a catalogue launch is due.
     */
    private void localisation(Group g, SplittableRandom r) {
        groupIdentity(g, r, ".com");
        g.egress = Keyed.pick(r, Geography.DATACENTERS.subList(0, 3));
        g.egressHosts = 1 + r.nextInt(3);
        g.tag = "LOC" + Keyed.digits(r.nextLong(), 4);
        g.dailyVolume = Keyed.logNormal(r, 300, 0.5);
        g.activeFrom = r.nextInt(Math.max(1, days() - 4));
        g.activeTo = Math.min(days() - 1, g.activeFrom + 3 + r.nextInt(6));
        long contract = windowStart - (long) ((60 + r.nextInt(600)) * DAY_MS);
        int firstLocale = r.nextInt(PromptBook.LOCALES.size());
        for (int i = 0; i < g.size; i++) {
            Account a = member(g, r, contract + (long) (r.nextDouble() * 120 * DAY_MS));
            String locale = PromptBook.LOCALES.get((firstLocale + i) % PromptBook.LOCALES.size());
            a.email = "mt-" + locale.toLowerCase(Locale.ROOT) + "@" + g.mailDomain;
            a.plan = "team";
            a.dailyQuota = quota(a.plan);
            a.userAgent = Catalog.LOCALISATION_TMS;
            a.browserShare = 0;
            a.model = r.nextBoolean() ? Catalog.LARGE : Catalog.STANDARD;
            a.slice = (firstLocale + i) % PromptBook.LOCALES.size();
            a.activity = Keyed.logNormal(r, 1.0, 0.3);
            a.arn = "arn:aws:sts::" + g.awsAccount + ":assumed-role/tms-mt/" + locale;
        }
    }

    /**
     * A software company's CI: every merge to the main branch runs the same prompt regression suite
     * (identical prompts, temperature 0), so runs come in bursts on its office days, plus a nightly run.
     */
    private void ciPipeline(Group g, SplittableRandom r) {
        groupIdentity(g, r, ".dev");
        g.egress = Keyed.pick(r, Geography.DATACENTERS.subList(0, 3));
        g.egressHosts = 8 + r.nextInt(32);
        g.tag = g.mailDomain.substring(0, g.mailDomain.indexOf('-'));
        g.suiteCases = 20 + r.nextInt(180);
        String runner = Keyed.pick(r, Catalog.CI_RUNNERS);
        Catalog.Model pinned = Keyed.pick(r, List.of(Catalog.MINI, Catalog.STANDARD, Catalog.LARGE));
        for (int i = 0; i < g.size; i++) {
            Account a = member(g, r, windowStart - (long) ((30 + r.nextInt(500)) * DAY_MS) + (long) (r.nextDouble() * DAY_MS));
            a.email = (i == 0 ? "ci-bot" : "ci-bot-" + i) + "@" + g.mailDomain;
            a.plan = "tier-2";
            a.dailyQuota = quota(a.plan);
            a.userAgent = runner;
            a.browserShare = 0;
            a.model = pinned;
            // Merges per business day: a small team merges a few times, a large one dozens.
            a.activity = Keyed.logNormal(r, 6, 0.7);
            a.arn = "arn:aws:sts::" + g.awsAccount + ":assumed-role/ci-runner/" + a.email.substring(0, a.email.indexOf('@'));
        }
    }

    /**
     * Developers who installed one IDE coding-assistant plugin: unrelated people, each their own account,
     * card and rhythm, all sending the plugin's client string and system prompt.
     */
    private void idePlugin(Group g, SplittableRandom r) {
        for (int i = 0; i < g.size; i++) {
            Account a = member(g, r, windowStart - (long) (Math.abs(Keyed.logNormal(r, 150, 1.0)) * DAY_MS));
            a.userAgent = Catalog.IDE_PLUGINS.get(r.nextInt(Catalog.IDE_PLUGINS.size()));
            a.browserShare = 0;
            a.model = Catalog.CODER;
            a.plan = r.nextInt(3) == 0 ? "free" : "payg";
            a.dailyQuota = quota(a.plan);
            a.preferredHour = 7 + r.nextInt(5);
            a.slice = r.nextInt(64);
            a.activity = Keyed.logNormal(r, 1.0, 0.7);
            // A few code in the evenings and at weekends too.
            a.scripts = r.nextInt(5) == 0;
        }
    }

    // ---- farms -----------------------------------------------------------------------------------

    private static final int[] OPERATOR_OFFSETS = {480, 480, 180, 330, 420, 120, 60, -300};

    private void farm(Group g, SplittableRandom r) {
        OutsideKind k = g.kind;
        campaignNumber++;
        g.campaignId = String.format(Locale.ROOT, "camp-%03d-%s", campaignNumber, k.label().substring(5).replace('_', '-'));
        g.tag = Keyed.base62(r.nextLong(), 3).toUpperCase(Locale.ROOT);
        g.offsetMinutes = OPERATOR_OFFSETS[r.nextInt(OPERATOR_OFFSETS.length)];
        g.scaffold = r.nextInt(PromptBook.HARVEST_SCAFFOLDS.size());
        int days = days();
        g.activeFrom = r.nextInt(3) == 0 ? 0 : r.nextInt(Math.max(1, days / 2));
        g.activeTo = Math.min(days - 1, g.activeFrom + Math.max(2, (int) (days * (0.35 + 0.65 * r.nextDouble()))));
        g.specialDay = new boolean[days];
        int restDay = r.nextInt(7);
        for (int d = 0; d < days; d++) {
            // Crews go quiet together: a weekly rest day and the odd outage of their own tooling.
            g.specialDay[d] = (k == OutsideKind.FARM_SHIFT_CREW && d % 7 == restDay) || r.nextInt(12) == 0;
        }
        g.pivotMinutes = r.nextDouble() < 0.7 ? 20 + r.nextInt(220) : -1;
        g.innocuousShare = r.nextBoolean() ? 0.05 + 0.25 * r.nextDouble() : 0;
        g.shifts = 1 + r.nextInt(2);
        g.startHour = 8 + r.nextInt(3);
        g.awsAccount = Keyed.digits(r.nextLong(), 12).replaceFirst("^0", "6");
        int cards = Math.min(8, 1 + g.size / 40);
        List<String> farmCards = new ArrayList<>();
        for (int i = 0; i < cards; i++) {
            farmCards.add("card_" + Keyed.base62(r.nextLong(), 14));
        }
        g.bins = List.of(Keyed.pick(r, Geography.PREPAID_BINS), Keyed.pick(r, Geography.PREPAID_BINS));
        String disposable = Keyed.pick(r, Geography.DISPOSABLE_MAIL);
        String ownDomain = "mbox-" + Keyed.base62(r.nextLong(), 5).toLowerCase(Locale.ROOT) + ".top";
        int emailStyle = k == OutsideKind.FARM_LOW_SLOW ? 4 : r.nextInt(4);
        String stem = Keyed.pick(r, List.of("ai.work", "devtest", "studio", "mark", "alpha", "pro.user"));
        List<String> signupIps = new ArrayList<>();
        Geography.Network signupNet = Keyed.pick(r, Geography.DATACENTERS.subList(3, 8));
        for (int i = 0; i < 1 + r.nextInt(3); i++) {
            signupIps.add(signupNet.address(r.nextLong()));
        }
        if (k == OutsideKind.FARM_CAMPUS_NAT) {
            List<Group> classes = groups.stream().filter(x -> x.kind == OutsideKind.LEGIT_CLASS_COHORT && x.egress != null).toList();
            g.host = classes.isEmpty() ? null : Keyed.pick(r, classes);
            g.campus = g.host != null ? g.host.campus : Keyed.pick(r, Geography.CAMPUSES);
            g.egress = g.host != null ? g.host.egress : g.campus.network();
            g.egressKey = g.host != null ? g.host.egressKey : r.nextLong();
            g.egressHosts = g.host != null ? g.host.egressHosts : 2;
            g.course = g.host != null ? g.host.course : PromptBook.COURSES.get(0);
        } else if (k == OutsideKind.FARM_APP_MIMIC) {
            g.template = PromptBook.APP_TEMPLATES.get(r.nextInt(3));
            g.egress = Keyed.pick(r, Geography.DATACENTERS.subList(0, 4));
            g.egressKey = r.nextLong();
            g.egressHosts = 4 + r.nextInt(12);
        } else {
            g.egress = Keyed.pick(r, Geography.DATACENTERS.subList(3, 8));
            g.egressKey = r.nextLong();
            g.egressHosts = 8 + r.nextInt(40);
        }
        if (k == OutsideKind.FARM_BENCHMARK_NOVEL) {
            g.benchmark = PromptBook.BENCHMARKS.get(r.nextInt(PromptBook.BENCHMARKS.size()));
        } else if (k == OutsideKind.FARM_OFFICE_HOURS) {
            // Poses as a consultancy in one time zone: a team organisation, a corporate-looking domain.
            int[] imitatedZones = {-300, -300, 0, 60, -480};
            g.offsetMinutes = imitatedZones[r.nextInt(imitatedZones.length)];
            g.orgId = "org-" + Keyed.base62(r.nextLong(), 24);
            g.mailDomain = companyWord(r) + "-consulting.com";
            g.egress = Keyed.pick(r, Geography.DATACENTERS.subList(0, 4));
            g.egressHosts = 3 + r.nextInt(8);
        } else if (k == OutsideKind.FARM_SAAS_FRONT) {
            // A standing front business: one organisation and card, mainstream cloud hosting, all window long.
            g.orgId = "org-" + Keyed.base62(r.nextLong(), 24);
            g.mailDomain = companyWord(r) + ".ai";
            g.tag = g.mailDomain.substring(0, 1).toUpperCase(Locale.ROOT) + g.mailDomain.substring(1, g.mailDomain.indexOf('.'));
            g.sharedCard = "card_" + Keyed.base62(r.nextLong(), 14);
            g.bins = List.of(Keyed.pick(r, Geography.CORPORATE_BINS));
            g.egress = Keyed.pick(r, Geography.DATACENTERS.subList(0, 4));
            g.egressHosts = 3 + r.nextInt(10);
            g.dailyVolume = Keyed.logNormal(r, 600, 0.4);
            g.activeFrom = 0;
            g.activeTo = days - 1;
            // Some genuine users sign up to the front too; their requests are cover.
            g.innocuousShare = 0.12 + 0.2 * r.nextDouble();
        }
        int waves = 1;
        int waveGap = 1;
        int waveLife = days;
        if (k == OutsideKind.FARM_WAVES) {
            // Accounts are burned through their quota in a few days and replaced by the next wave.
            g.activeTo = days - 1;
            waveGap = 2 + r.nextInt(3);
            waveLife = 2 + r.nextInt(3);
            waves = Math.max(1, Math.min(Math.max(2, g.size / (15 + r.nextInt(25))), 1 + (days - 1 - g.activeFrom) / waveGap));
        }
        // Opened in bursts: a few sessions of sign-ups minutes apart, weeks before or during the run.
        int bursts = 1 + r.nextInt(3);
        long[] burstStart = new long[bursts];
        for (int b = 0; b < bursts; b++) {
            burstStart[b] = windowStart + g.activeFrom * DAY_MS - (long) ((1 + r.nextInt(40)) * DAY_MS)
                    + (long) (r.nextDouble() * DAY_MS);
        }
        for (int i = 0; i < g.size; i++) {
            Account a = newAccount(k, g);
            SplittableRandom ar = Keyed.random(seed, 0xFA4L, a.index);
            int b = i % bursts;
            a.createdAt = k == OutsideKind.FARM_LOW_SLOW
                    ? windowStart - (long) ((20 + ar.nextInt(120)) * DAY_MS) + (long) (ar.nextDouble() * DAY_MS)
                    : burstStart[b] + (i / bursts) * (long) ((20 + ar.nextInt(280)) * 1000L);
            String first = Keyed.pick(ar, Geography.FIRST_NAMES);
            String last = Keyed.pick(ar, Geography.LAST_NAMES);
            a.email = switch (emailStyle) {
                case 0 -> first + last.charAt(0) + Keyed.digits(ar.nextLong(), 5) + "@" + disposable;
                case 1 -> first + "." + last + "+" + (i + 1) + "@gmail.com";
                case 2 -> String.format(Locale.ROOT, "%s.%04d@outlook.com", stem, i + 1 + r.nextInt(3));
                case 3 -> Keyed.base62(ar.nextLong(), 10).toLowerCase(Locale.ROOT) + "@" + ownDomain;
                default -> handle(ar) + "@" + Keyed.pick(ar, Geography.PERSONAL_MAIL);
            };
            a.card = k == OutsideKind.FARM_LOW_SLOW ? "card_" + Keyed.base62(ar.nextLong(), 14) : farmCards.get(i % cards);
            a.bin = g.bins.get(k == OutsideKind.FARM_LOW_SLOW ? ar.nextInt(2) : (i % cards) % g.bins.size());
            a.billingCountry = ar.nextInt(4) == 0 ? "GB" : "US";
            a.country = Geography.country(a.billingCountry);
            a.offsetMinutes = g.offsetMinutes;
            a.signupIp = k == OutsideKind.FARM_LOW_SLOW || k == OutsideKind.FARM_CAMPUS_NAT
                    ? Keyed.pick(ar, Geography.COUNTRIES).residential().get(0).address(ar.nextLong())
                    : signupIps.get(i % signupIps.size());
            // Mostly free trials (cards only verified), some topped-up pay-as-you-go for more quota.
            a.plan = ar.nextInt(k == OutsideKind.FARM_AUTOMATION || k == OutsideKind.FARM_SHIFT_CREW ? 3 : 5) == 0 ? "payg" : "free";
            a.dailyQuota = quota(a.plan);
            a.orgId = "org-" + Keyed.base62(Keyed.hash(seed, 0x0E6L, a.index), 24);
            a.model = ar.nextDouble() < 0.6 ? Catalog.LARGE : Catalog.STANDARD;
            a.adoptMinutes = g.pivotMinutes < 0 ? -1 : g.pivotMinutes + ar.nextInt(25);
            a.slice = i;
            a.activity = 0.85 + 0.12 * ar.nextDouble();
            a.homeKey = ar.nextLong();
            a.userAgent = switch (k) {
                case FARM_PROXY, FARM_CAMPUS_NAT, FARM_RESIDENTIAL_PREPAID -> Keyed.pick(ar, Catalog.BROWSERS);
                case FARM_AUTOMATION, FARM_WAVES -> Keyed.pick(ar, Catalog.SCRIPTS);
                case FARM_BENCHMARK_MIMIC, FARM_BENCHMARK_NOVEL -> Catalog.HARNESS;
                case FARM_APP_MIMIC -> g.template.userAgent();
                default -> Keyed.pick(ar, Catalog.SDKS);
            };
            if (k == OutsideKind.FARM_CAMPUS_NAT) {
                a.email = (ar.nextBoolean() ? "s" + Keyed.digits(ar.nextLong(), 7) : first + "." + last) + "@" + g.campus.domain();
                a.plan = "free";
                a.dailyQuota = quota(a.plan);
            }
            int perAwsAccount = 25;
            String aws = Keyed.digits(Keyed.hash(g.awsAccount.hashCode(), i / perAwsAccount), 12).replaceFirst("^0", "6");
            switch (k) {
                case FARM_COMPROMISED -> compromised(a, g, ar);
                case FARM_RESIDENTIAL_PREPAID -> residentialPrepaid(a, ar);
                case FARM_OFFICE_HOURS -> {
                    a.email = first + "." + last + "@" + g.mailDomain;
                    a.orgId = g.orgId;
                    a.plan = "team";
                    a.dailyQuota = 600 + ar.nextInt(400);
                    a.offsetMinutes = g.offsetMinutes;
                    a.billingCountry = g.offsetMinutes == 60 ? "DE" : g.offsetMinutes == 0 ? "GB" : "US";
                    a.country = Geography.country(a.billingCountry);
                }
                case FARM_WAVES -> {
                    int wave = (int) ((long) i * waves / g.size);
                    a.firstDay = g.activeFrom + wave * waveGap;
                    a.lastDay = a.firstDay + waveLife - 1;
                    // Each wave is opened in the hours before it starts working.
                    a.createdAt = windowStart + a.firstDay * DAY_MS - (2 + wave % 9) * HOUR_MS
                            + (i % 1000) * 45_000L + ar.nextInt(30_000);
                    a.plan = "free";
                    a.dailyQuota = quota(a.plan);
                }
                case FARM_SAAS_FRONT -> saasFront(a, g, i, ar);
                case FARM_SPLIT_SWEEP -> splitSweep(a, g, ar);
                default -> {
                }
            }
            if (k != OutsideKind.FARM_COMPROMISED) {
                a.awsAccount = aws;
                a.arn = "arn:aws:iam::" + aws + ":user/" + a.email.substring(0, a.email.indexOf('@')).replace('+', '-');
            }
        }
    }

    /**
     * A real customer's account taken over with leaked credentials: the owner's identity, billing,
     * age and history stay; from the takeover day the operator adds its own key and harvests.
     */
    private void compromised(Account a, Group g, SplittableRandom ar) {
        a.awsAccount = Keyed.digits(Keyed.hash(seed, 0xA3L, a.index), 12).replaceFirst("^0", "4");
        a.card = "";
        a.bin = "";
        person(a, Keyed.random(seed, 0x9E45L, a.index), null);
        individualHabits(a, Keyed.random(seed, 0x4AB1L, a.index));
        if (a.plan.equals("free")) {
            a.plan = "payg";
        }
        if (a.card.isEmpty()) {
            a.card = "card_" + Keyed.base62(ar.nextLong(), 14);
            a.bin = Keyed.pick(ar, Geography.CONSUMER_BINS);
        }
        a.dailyQuota = quota(a.plan);
        a.adoptMinutes = g.pivotMinutes < 0 ? -1 : g.pivotMinutes + ar.nextInt(25);
        a.firstDay = g.activeFrom + ar.nextInt(3);
        a.apiKeys = new String[] {a.apiKeys[0], "key_" + Keyed.base62(Keyed.hash(seed, 0x4E7L, a.index, 7), 16)};
    }

    /**
     * A service account of a SaaS front: the front's organisation, card and domain, a pool of keys for
     * its "end users", its own client string; accounts opened over the weeks before the window.
     */
    private void saasFront(Account a, Group g, int i, SplittableRandom ar) {
        // One service account per product feature and region, as a real SaaS back end keeps them.
        a.email = (i == 0 ? "billing" : Keyed.pick(ar, List.of("svc-writer", "svc-research", "svc-tutor", "svc-api", "svc-batch"))
                + "-" + Keyed.pick(ar, List.of("us", "eu", "ap")) + i) + "@" + g.mailDomain;
        a.orgId = g.orgId;
        a.card = g.sharedCard;
        a.bin = g.bins.get(0);
        a.plan = "enterprise";
        a.dailyQuota = quota(a.plan);
        a.billingCountry = ar.nextBoolean() ? "US" : "SG";
        a.country = Geography.country(a.billingCountry);
        a.createdAt = windowStart - (long) ((20 + ar.nextInt(100)) * DAY_MS) + (long) (ar.nextDouble() * DAY_MS);
        a.userAgent = g.tag + "/2.4.1 (+https://" + g.mailDomain + ")";
        a.apiKeys = new String[4 + ar.nextInt(7)];
        for (int k = 0; k < a.apiKeys.length; k++) {
            a.apiKeys[k] = "key_" + Keyed.base62(Keyed.hash(seed, 0x4E7L, a.index, k), 16);
        }
        a.activity = Keyed.logNormal(ar, 1.0, 0.3);
    }

    /**
     * An account of a farm that divides its sweep: an ordinary-looking person of its own (country, clock,
     * card, home line, client), one capability per account, and a volume, schedule and active span each
     * drawn widely so that no two accounts keep the same rhythm.
     */
    private void splitSweep(Account a, Group g, SplittableRandom ar) {
        person(a, Keyed.random(seed, 0x9E45L, a.index), null);
        a.createdAt = windowStart - (long) ((10 + ar.nextInt(150)) * DAY_MS) + (long) (ar.nextDouble() * DAY_MS);
        if (a.card.isEmpty() || ar.nextInt(3) == 0) {
            a.card = "card_" + Keyed.base62(ar.nextLong(), 14);
            a.bin = ar.nextBoolean() ? Keyed.pick(ar, Geography.CONSUMER_BINS) : Keyed.pick(ar, Geography.PREPAID_BINS);
        }
        a.activity = Math.min(1.0, Keyed.logNormal(ar, 0.25, 1.0));
        a.dayShare = 0.3 + 0.7 * ar.nextDouble();
        a.preferredHour = ar.nextInt(24);
        a.userAgent = switch (ar.nextInt(3)) {
            case 0 -> Keyed.pick(ar, Catalog.BROWSERS);
            case 1 -> Keyed.pick(ar, Catalog.SDKS);
            default -> Keyed.pick(ar, Catalog.SCRIPTS);
        };
        a.model = Keyed.pick(ar, List.of(Catalog.STANDARD, Catalog.LARGE, Catalog.MINI));
        // Only some accounts move to the new model, each in its own time.
        a.adoptMinutes = g.pivotMinutes < 0 || ar.nextBoolean() ? -1 : g.pivotMinutes + ar.nextInt(24 * 60);
        int span = Math.max(1, g.activeTo - g.activeFrom);
        a.firstDay = g.activeFrom + ar.nextInt(Math.max(1, span / 3));
        a.lastDay = g.activeTo - ar.nextInt(Math.max(1, span / 3));
    }

    /**
     * A rented residential proxy per account (one household's address, sticky for days, in many
     * countries), each with its own prepaid card from many BINs and an ordinary-looking mailbox.
     */
    private static void residentialPrepaid(Account a, SplittableRandom ar) {
        Geography.Country c = Geography.drawCountry(ar);
        a.country = c;
        a.offsetMinutes = Geography.drawOffset(ar, c);
        a.home = Keyed.pick(ar, c.residential());
        a.homeKey = ar.nextLong();
        a.signupIp = a.home.address(a.homeKey);
        a.card = "card_" + Keyed.base62(ar.nextLong(), 14);
        a.bin = Keyed.pick(ar, Geography.PREPAID_BINS);
        a.billingCountry = c.code();
        a.email = handle(ar) + "@" + Keyed.pick(ar, Geography.PERSONAL_MAIL);
    }
}
