package dev.quarry.analysis;

import dev.quarry.model.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.quarry.analysis.CaseFixture.DAY;
import static dev.quarry.analysis.CaseFixture.START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hand-built legitimate cohorts (accounts of different organisations sharing one public artefact)
 * that must not be judged campaigns, and farms hiding in such cohorts that must. Each case has a
 * background of ordinary users, so that "long answers" and "asks for reasoning" are measured
 * against accounts tied to nobody, as in a real extract.
 */
class LegitimateCohortsTest {
    private static final int DAYS = 14;
    private static final long HOUR = 3_600_000L;
    private static final long MINUTE = 60_000L;

    /** Subjects across the task taxonomy: a benchmark's items and a farm's sweep both cover it. */
    private static final String[] SUBJECTS = {
            "write a python function that parses a log line and fix the bug in it",
            "prove the theorem that the integral of the derivative equals the difference",
            "what is the variance and expected value of this probability distribution",
            "translate this paragraph into french and german",
            "write a poem and a short story about the sea",
            "draft an email and a cover letter for the job",
            "summarize the key points of this report",
            "explain the physics of the electron and the chemistry reaction",
            "what are the symptoms and diagnosis and treatment of this disease",
            "review this contract clause for liability under the statute",
            "how should I invest my portfolio and what taxes apply",
            "explain the history of the empire and its wars in the century",
            "discuss the ethics and morality in kant's philosophy",
            "solve this logic puzzle and riddle",
            "plan a trip itinerary and a workout schedule",
            "extract the fields from this json into a csv schema"};

    private static Map<String, AccountVerdict> analyze(CaseFixture f, List<Campaign> campaigns) throws Exception {
        AnalysisResult result = Analyzer.analyze(f.done(), AnalysisOptions.defaults(11), ProgressListener.NONE);
        campaigns.addAll(result.campaigns());
        return result.accounts().stream().collect(Collectors.toMap(AccountVerdict::accountId, Function.identity()));
    }

    /** Ordinary users of different organisations: their own words, addresses, hours and answer lengths. */
    private static void background(CaseFixture f, Random random, boolean network) throws Exception {
        for (int a = 0; a < 90; a++) {
            String id = "user" + a;
            f.account(id, network ? "person" + a + "@mail" + a + ".test" : null, network ? "card-user-" + a : null,
                    network ? "4" + (10000 + a) : null, network ? "192.0.2." + a : null);
            int events = 60 + random.nextInt(200);
            int meanAnswer = 80 + random.nextInt(700);
            for (int e = 0; e < events; e++) {
                long at = START + random.nextInt(DAYS) * DAY + (7 + random.nextInt(14)) * HOUR + random.nextInt((int) HOUR);
                f.event(id, at, "org-user" + a, network ? "100.64." + a + "." + random.nextInt(3) : null,
                        network ? "Mozilla/5.0 (" + (a % 9) + ")" : null, a % 3 == 0 ? "model-b" : "model-a",
                        random.nextBoolean() ? 1024 : null, 0.7, "ok", CaseFixture.freeText(random, 6 + random.nextInt(25)),
                        meanAnswer / 2 + random.nextInt(meanAnswer));
            }
        }
    }

    /**
     * Research groups at twelve institutions running one public benchmark harness: its user agent,
     * temperature 0, its item template with "let's think step by step", items across the taxonomy,
     * short answers; each lab on its own days at its own hour, from its own campus network.
     */
    private static void benchmarkLabs(CaseFixture f, Random random) throws Exception {
        for (int lab = 0; lab < 12; lab++) {
            String id = "lab" + lab;
            f.account(id, "eval@ai.uni" + lab + ".edu", "card-lab-" + lab, "5" + (30000 + lab), "198.51." + lab + ".1");
            int hour = 8 + random.nextInt(10);
            for (int run = 0; run < 3; run++) {
                long begin = START + random.nextInt(DAYS) * DAY + hour * HOUR + random.nextInt((int) HOUR);
                for (int item = 0; item < 150; item++) {
                    f.event(id, begin + item * 5_000L, "org-lab" + lab, "198.51." + lab + "." + (1 + item % 2),
                            "lm-eval-harness/0.4.3 python-httpx/0.27.0", "model-a", 256, 0.0, "ok",
                            "Question: " + SUBJECTS[item % SUBJECTS.length] + " (item " + item + "). Let's think step by step. Answer:",
                            30 + random.nextInt(60));
                }
            }
        }
    }

    @Test
    void labsRunningOnePublicBenchmarkHarnessAreNoCampaign(@TempDir Path dir) throws Exception {
        try (CaseFixture f = new CaseFixture(dir.resolve("case.quarry"))) {
            Random random = new Random(3);
            background(f, random, true);
            benchmarkLabs(f, random);
            List<Campaign> campaigns = new java.util.ArrayList<>();
            Map<String, AccountVerdict> verdicts = analyze(f, campaigns);
            for (int lab = 0; lab < 12; lab++) {
                AccountVerdict v = verdicts.get("lab" + lab);
                assertFalse(v.flagged(), v + "\n" + campaigns);
            }
            assertTrue(campaigns.isEmpty(), "a shared harness with short answers is no campaign: " + campaigns);
        }
    }

    @Test
    void startupsOnOneFrameworkDefaultPromptAreNoCampaign(@TempDir Path dir) throws Exception {
        try (CaseFixture f = new CaseFixture(dir.resolve("case.quarry"))) {
            Random random = new Random(5);
            background(f, random, true);
            // fourteen independent startups built on one open-source framework: its default system
            // prompt (asking for step-by-step answers), its SDK user agent and parameters; each serves
            // its own customers around the clock from its own cloud addresses
            for (int s = 0; s < 14; s++) {
                String id = "startup" + s;
                f.account(id, "dev@startup" + s + ".io", "card-startup-" + s, "6" + (40000 + s), "203.0." + s + ".9");
                for (int e = 0; e < 700; e++) {
                    long at = START + random.nextInt(DAYS) * DAY + random.nextInt((int) DAY);
                    f.event(id, at, "org-startup" + s, "203.0." + s + "." + (9 + random.nextInt(3)),
                            "acmekit/1.2.0 python-requests/2.32", "model-a", 1024, 0.7, "ok",
                            "You are a helpful assistant built with AcmeKit. Think step by step before you answer the "
                                    + "customer. Customer: " + CaseFixture.freeText(random, 8 + random.nextInt(15)),
                            150 + random.nextInt(250));
                }
            }
            List<Campaign> campaigns = new java.util.ArrayList<>();
            Map<String, AccountVerdict> verdicts = analyze(f, campaigns);
            for (int s = 0; s < 14; s++) {
                assertFalse(verdicts.get("startup" + s).flagged(), verdicts.get("startup" + s) + "\n" + campaigns);
            }
            assertTrue(campaigns.isEmpty(), "a framework's default prompt is a public artefact: " + campaigns);
        }
    }

    @Test
    void enterprisesBatchJobsAtTheCommonNightlyHourAreNoCampaign(@TempDir Path dir) throws Exception {
        try (CaseFixture f = new CaseFixture(dir.resolve("case.quarry"))) {
            Random random = new Random(9);
            background(f, random, true);
            // twelve enterprises whose cron fires at 02:00 UTC every night: the same popular SDK and
            // settings, a few minutes of short classification calls, each its own prompts and network
            for (int c = 0; c < 12; c++) {
                String id = "batch" + c;
                f.account(id, "ops@corp" + c + ".com", "card-corp-" + c, "7" + (50000 + c), "198.18." + c + ".2");
                for (int d = 0; d < DAYS; d++) {
                    long begin = START + d * DAY + 2 * HOUR + random.nextInt(20_000);
                    for (int i = 0; i < 90; i++) {
                        f.event(id, begin + i * 2_000L, "org-corp" + c, "198.18." + c + ".2", "openai-python/1.35.0",
                                "model-a", 64, 0.0, "ok",
                                "Classify this ticket of company " + c + " by urgency: " + CaseFixture.freeText(random, 10),
                                10 + random.nextInt(20));
                    }
                }
            }
            List<Campaign> campaigns = new java.util.ArrayList<>();
            Map<String, AccountVerdict> verdicts = analyze(f, campaigns);
            for (int c = 0; c < 12; c++) {
                assertFalse(verdicts.get("batch" + c).flagged(), verdicts.get("batch" + c) + "\n" + campaigns);
            }
            assertTrue(campaigns.isEmpty(), "jobs in step at a common hour, taking nothing out, are no campaign: " + campaigns);
        }
    }

    /**
     * One enterprise's nightly report jobs under ten organisation ids (its subsidiaries), on one card
     * and one egress: cron starts them all at midnight UTC, each writes long reports of its own kind,
     * as many as its own business gives it that night.
     */
    @Test
    void oneEnterprisesNightlyJobsOnOneCardInStepAtMidnightAreNoCampaign(@TempDir Path dir) throws Exception {
        try (CaseFixture f = new CaseFixture(dir.resolve("case.quarry"))) {
            Random random = new Random(19);
            background(f, random, true);
            for (int c = 0; c < 10; c++) {
                String id = "report" + c;
                f.account(id, "ops" + c + "@group-holding.com", "card-group-holding", "499998", "198.17.0.1",
                        START - (100 + 170L * c) * DAY);
                int perNight = 20 + 15 * c;
                for (int d = 0; d < DAYS; d++) {
                    long begin = START + d * DAY + random.nextInt(20_000);
                    int reports = perNight / 2 + random.nextInt(perNight);
                    for (int i = 0; i < reports; i++) {
                        f.event(id, begin + i * 20_000L, "org-sub" + c, "198.17.0." + (1 + i % 2), "openai-python/1.35.0",
                                "model-a", 4096, 0.2, "ok", "Write the nightly report on " + SUBJECTS[c % SUBJECTS.length]
                                        + " for unit " + c + ": " + CaseFixture.freeText(random, 12), 1400 + random.nextInt(800));
                    }
                }
            }
            List<Campaign> campaigns = new java.util.ArrayList<>();
            Map<String, AccountVerdict> verdicts = analyze(f, campaigns);
            for (int c = 0; c < 10; c++) {
                assertFalse(verdicts.get("report" + c).flagged(), verdicts.get("report" + c) + "\n" + campaigns);
            }
            assertTrue(campaigns.isEmpty(), "one owner's jobs in step at the common hour are no fleet: " + campaigns);
        }
    }

    /**
     * A farm posing as benchmark runners among real labs: the harness's user agent, temperature 0
     * and item template, but long worked answers across the taxonomy, in shifts the farm works
     * together, from a small pool of residential proxies (when the extract shows addresses).
     */
    private static void benchmarkMimic(CaseFixture f, Random random, boolean network) throws Exception {
        for (int a = 0; a < 12; a++) {
            f.account("mimic" + a, network ? "j.doe" + (10 + a) + "@gmail.test" : null, network ? "card-mimic-" + a : null,
                    network ? "4" + (60000 + a) : null, network ? "100.100.0." + (a % 4) : null);
        }
        for (int d = 0; d < DAYS; d++) {
            if (d % 7 == 5) {
                continue; // the farm's day off
            }
            long shift = START + d * DAY + (3 + random.nextInt(4)) * HOUR;
            for (int a = 0; a < 12; a++) {
                for (int i = 0; i < 60; i++) {
                    long at = shift + random.nextInt((int) (3 * HOUR));
                    f.event("mimic" + a, at, "org-mimic" + a, network ? "100.100.0." + random.nextInt(4) : null,
                            network ? "lm-eval-harness/0.4.3 python-httpx/0.27.0" : null, "model-a", 4096, 0.0, "ok",
                            "Question: " + SUBJECTS[(a + i + d) % SUBJECTS.length] + " (item " + random.nextInt(100000)
                                    + "). Let's think step by step. Answer:",
                            1200 + random.nextInt(800));
                }
            }
        }
    }

    @Test
    void aFarmPosingAsBenchmarkRunnersAmongRealLabsIsFound(@TempDir Path dir) throws Exception {
        try (CaseFixture f = new CaseFixture(dir.resolve("case.quarry"))) {
            Random random = new Random(13);
            background(f, random, true);
            benchmarkLabs(f, random);
            benchmarkMimic(f, random, true);
            List<Campaign> campaigns = new java.util.ArrayList<>();
            Map<String, AccountVerdict> verdicts = analyze(f, campaigns);
            Integer campaign = verdicts.get("mimic0").campaignId();
            assertNotNull(campaign, verdicts.get("mimic0") + "\n" + campaigns);
            for (int a = 0; a < 12; a++) {
                assertEquals(campaign, verdicts.get("mimic" + a).campaignId(), verdicts.get("mimic" + a).toString());
            }
            for (int lab = 0; lab < 12; lab++) {
                assertFalse(verdicts.get("lab" + lab).flagged(), verdicts.get("lab" + lab) + "\n" + campaigns);
            }
            assertEquals(1, campaigns.size(), campaigns.toString());
            String basis = campaigns.get(0).reasons().get(0);
            assertTrue(basis.startsWith("the verdict rests on operational linkage: members share network addresses"), basis);
        }
    }

    @Test
    void aBenchmarkMimicIsFoundInLogsWithoutAddressesBillingOrUserAgentsAndTheReasonSaysWhatItRestsOn(@TempDir Path dir)
            throws Exception {
        try (CaseFixture f = new CaseFixture(dir.resolve("case.quarry"))) {
            Random random = new Random(17);
            background(f, random, false);
            benchmarkMimic(f, random, false);
            List<Campaign> campaigns = new java.util.ArrayList<>();
            Map<String, AccountVerdict> verdicts = analyze(f, campaigns);
            long flagged = verdicts.values().stream().filter(AccountVerdict::flagged).count();
            for (int a = 0; a < 12; a++) {
                assertTrue(verdicts.get("mimic" + a).flagged(), verdicts.get("mimic" + a) + "\n" + campaigns);
            }
            assertEquals(12, flagged, campaigns.toString());
            String basis = campaigns.get(0).reasons().get(0);
            assertTrue(basis.startsWith("the verdict rests on shared artefacts alone (prompt templates"), basis);
            assertTrue(basis.contains("draw long answers"), basis);
            assertTrue(basis.contains("this extract has no billing or network addresses"), basis);
        }
    }

    @Test
    void aFarmPosingAsAPopularAppsUsersIsFoundAndTheAppsUsersAreNot(@TempDir Path dir) throws Exception {
        try (CaseFixture f = new CaseFixture(dir.resolve("case.quarry"))) {
            Random random = new Random(21);
            background(f, random, true);
            // forty companies' tutoring apps built on one public template: its system prompt asking for
            // step-by-step explanations, its SDK and settings, each app's own cloud address and users' hours
            String template = "You are TutorKit, a friendly tutor. Explain step by step for a student: ";
            for (int a = 0; a < 40; a++) {
                String id = "app" + a;
                f.account(id, "dev@tutorapp" + a + ".app", "card-app-" + a, "8" + (70000 + a), "203.1." + a + ".5");
                int events = 150 + random.nextInt(150);
                for (int e = 0; e < events; e++) {
                    long at = START + random.nextInt(DAYS) * DAY + (15 + random.nextInt(8)) * HOUR + random.nextInt((int) HOUR);
                    f.event(id, at, "org-app" + a, "203.1." + a + ".5", "tutorkit-starter/2.1.0", "model-a", 1024, 0.7, "ok",
                            template + "solve the homework equation " + random.nextInt(1000) + " for x", 200 + random.nextInt(250));
                }
            }
            // the farm: the same template, SDK and settings, but complete worked answers on every
            // subject, around the clock, from three cloud addresses
            for (int a = 0; a < 10; a++) {
                f.account("appfarm" + a, "dev." + a + "x@mail.test", "card-appfarm-" + a, "4" + (80000 + a), "198.19.7." + a);
                for (int e = 0; e < 900; e++) {
                    long at = START + random.nextInt(DAYS) * DAY + random.nextInt((int) DAY);
                    f.event("appfarm" + a, at, "org-appfarm" + a, "198.19.7." + random.nextInt(3), "tutorkit-starter/2.1.0",
                            "model-a", 1024, 0.7, "ok", template + SUBJECTS[(a + e) % SUBJECTS.length] + " " + random.nextInt(100000),
                            1400 + random.nextInt(600));
                }
            }
            List<Campaign> campaigns = new java.util.ArrayList<>();
            Map<String, AccountVerdict> verdicts = analyze(f, campaigns);
            Integer campaign = verdicts.get("appfarm0").campaignId();
            assertNotNull(campaign, verdicts.get("appfarm0") + "\n" + campaigns);
            for (int a = 0; a < 10; a++) {
                assertEquals(campaign, verdicts.get("appfarm" + a).campaignId(), verdicts.get("appfarm" + a).toString());
            }
            long appUsersFlagged = java.util.stream.IntStream.range(0, 40).filter(a -> verdicts.get("app" + a).flagged()).count();
            assertEquals(0, appUsersFlagged, campaigns.toString());
            Campaign found = campaigns.stream().filter(c -> c.campaignId() == campaign).findFirst().orElseThrow();
            assertTrue(found.reasons().get(0).startsWith("the verdict rests on operational linkage: members share network addresses"),
                    found.reasons().toString());
        }
    }

    /** A person's or a department's request count: spread over an order of magnitude around the median. */
    private static int peoplesVolume(Random random, int median) {
        return (int) Math.max(20, Math.min(20 * median, Math.round(median * Math.exp(random.nextGaussian()))));
    }

    private static final String LAUNCH_PHRASE = "Think deeply and show your full reasoning before you answer. Take as long as you need: ";
    /** The new model's first request (by an early adopter) comes on day six, in the afternoon. */
    private static final long RELEASE = START + 6 * DAY + 17 * HOUR;

    /**
     * Twelve unrelated customers who read one launch post: accounts of every age, each with its own
     * organisation, card and address, asking about their own two subjects at their own volume; within
     * hours of the release they paste the post's phrasing into the new model and draw long answers.
     */
    private static void earlyAdopters(CaseFixture f, Random random) throws Exception {
        for (int a = 0; a < 12; a++) {
            String id = "adopter" + a;
            f.account(id, "reader" + a + "@mail" + a + ".test", "card-adopter-" + a, "4" + (20000 + a), "192.0.3." + a,
                    START - (60 + 97L * a) * DAY);
            String[] interests = {SUBJECTS[(3 * a) % SUBJECTS.length], SUBJECTS[(5 * a + 1) % SUBJECTS.length]};
            int before = 10 + random.nextInt(60);
            for (int e = 0; e < before; e++) {
                long at = START + random.nextInt(6) * DAY + (8 + random.nextInt(14)) * HOUR + random.nextInt((int) HOUR);
                f.event(id, at, "org-adopter" + a, "192.0.3." + a, "Mozilla/5.0 (adopter " + a + ")", "model-a", 2048, 0.7, "ok",
                        interests[e % 2] + " " + CaseFixture.freeText(random, 5 + random.nextInt(10)), 300 + random.nextInt(400));
            }
            int after = peoplesVolume(random, 150);
            for (int e = 0; e < after; e++) {
                long at = RELEASE + (a == 0 && e == 0 ? 0 : HOUR + (long) (random.nextDouble() * (DAYS * DAY - (RELEASE - START) - 2 * HOUR)));
                f.event(id, at, "org-adopter" + a, "192.0.3." + a, "Mozilla/5.0 (adopter " + a + ")", "model-new", 4096, 0.7, "ok",
                        LAUNCH_PHRASE + interests[e % 2] + " " + CaseFixture.freeText(random, 5 + random.nextInt(10)),
                        1000 + random.nextInt(800));
            }
        }
    }

    @Test
    void earlyAdoptersOfANewModelSharingTheLaunchPostsPhrasingAreNoCampaign(@TempDir Path dir) throws Exception {
        try (CaseFixture f = new CaseFixture(dir.resolve("case.quarry"))) {
            Random random = new Random(23);
            background(f, random, true);
            earlyAdopters(f, random);
            List<Campaign> campaigns = new java.util.ArrayList<>();
            Map<String, AccountVerdict> verdicts = analyze(f, campaigns);
            for (int a = 0; a < 12; a++) {
                assertFalse(verdicts.get("adopter" + a).flagged(), verdicts.get("adopter" + a) + "\n" + campaigns);
            }
            assertTrue(campaigns.isEmpty(), "readers of one launch post trying the new model are no fleet: " + campaigns);
        }
    }

    /**
     * A farm posing as early adopters: the launch post's phrasing and the new model within hours,
     * each account on its own card and address, but opened the same day, each making the same
     * volume and working through the whole taxonomy for long answers.
     */
    @Test
    void aFarmPosingAsEarlyAdoptersAmongRealOnesIsFoundAndTheRealOnesAreNot(@TempDir Path dir) throws Exception {
        try (CaseFixture f = new CaseFixture(dir.resolve("case.quarry"))) {
            Random random = new Random(29);
            background(f, random, true);
            earlyAdopters(f, random);
            for (int a = 0; a < 12; a++) {
                String id = "farm" + a;
                f.account(id, "t.user" + (40 + a) + "@mail.test", "card-farm-" + a, "4" + (70000 + a), "100.101." + a + ".1",
                        START + 5 * DAY + random.nextInt((int) (6 * HOUR)));
                for (int d = 6; d < DAYS; d++) {
                    for (int i = 0; i < 150; i++) {
                        long at = Math.max(RELEASE + 2 * HOUR, START + d * DAY + random.nextInt((int) DAY));
                        f.event(id, at, "org-farm" + a, "100.101." + a + ".1", "Mozilla/5.0 (farm " + (a % 5) + ")",
                                "model-new", 4096, 0.7, "ok", LAUNCH_PHRASE + SUBJECTS[(a + i) % SUBJECTS.length] + " (case "
                                        + random.nextInt(100000) + ")", 1400 + random.nextInt(800));
                    }
                }
            }
            List<Campaign> campaigns = new java.util.ArrayList<>();
            Map<String, AccountVerdict> verdicts = analyze(f, campaigns);
            Integer campaign = verdicts.get("farm0").campaignId();
            assertNotNull(campaign, verdicts.get("farm0") + "\n" + campaigns);
            for (int a = 0; a < 12; a++) {
                assertTrue(verdicts.get("farm" + a).flagged(), verdicts.get("farm" + a) + "\n" + campaigns);
                assertFalse(verdicts.get("adopter" + a).flagged(), verdicts.get("adopter" + a) + "\n" + campaigns);
            }
        }
    }

    /**
     * One institution whose eight departments hold their own organisation ids but pay with one
     * procurement card and reach the API through one egress, accounts opened over years: some
     * departments evaluate models with a worked-solution harness (step by step, short answers,
     * the whole taxonomy), the others draft long documents on their own subjects at their own volume.
     */
    private static void institution(CaseFixture f, Random random, int evaluatingDepartments) throws Exception {
        for (int d = 0; d < 8; d++) {
            boolean evaluates = d < evaluatingDepartments;
            for (int p = 0; p < 4; p++) {
                String id = "dept" + d + "-" + p;
                f.account(id, "staff" + p + "@dept" + d + ".inst.test", "card-institution", "499999", "198.18.0.1",
                        START - (40 + 211L * (4 * d + p) % 1500) * DAY);
                int events = peoplesVolume(random, 200);
                String[] subjects = {SUBJECTS[(2 * d) % SUBJECTS.length], SUBJECTS[(2 * d + 7) % SUBJECTS.length]};
                int hour = 8 + random.nextInt(6);
                for (int e = 0; e < events; e++) {
                    long at = START + random.nextInt(DAYS) * DAY + (hour + random.nextInt(8)) * HOUR + random.nextInt((int) HOUR);
                    String ip = "198.18.0." + (1 + random.nextInt(2));
                    if (evaluates) {
                        f.event(id, at, "org-dept" + d, ip, "lm-eval-harness/0.4.3 python-httpx/0.27.0", "model-a", 512, 0.0, "ok",
                                "Question: " + SUBJECTS[e % SUBJECTS.length] + " (item " + e + "). Let's think step by step. Answer:",
                                80 + random.nextInt(120));
                    } else {
                        f.event(id, at, "org-dept" + d, ip, "Mozilla/5.0 (dept " + d + "-" + p + ")", "model-a", 4096, 0.5, "ok",
                                "Draft the section on " + subjects[e % 2] + " " + CaseFixture.freeText(random, 8 + random.nextInt(20)),
                                900 + random.nextInt(700));
                    }
                }
            }
        }
    }

    /**
     * Three evaluating departments among eight (most draft long documents: a fleet test's case), or
     * six (most ask for worked solutions and draw short answers: a harvest test's case).
     */
    @ParameterizedTest
    @CsvSource({"3, 31", "6, 37"})
    void anInstitutionsDepartmentsOnOneCardAndEgressAreNoCampaign(int evaluatingDepartments, long seed, @TempDir Path dir)
            throws Exception {
        try (CaseFixture f = new CaseFixture(dir.resolve("case.quarry"))) {
            Random random = new Random(seed);
            background(f, random, true);
            institution(f, random, evaluatingDepartments);
            List<Campaign> campaigns = new java.util.ArrayList<>();
            Map<String, AccountVerdict> verdicts = analyze(f, campaigns);
            verdicts.values().stream().filter(v -> v.accountId().startsWith("dept"))
                    .forEach(v -> assertFalse(v.flagged(), v + "\n" + campaigns));
            assertTrue(campaigns.isEmpty(), "one owner's departments at their own work are no fleet: " + campaigns);
        }
    }
}
