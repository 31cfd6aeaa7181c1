package dev.quarry.analysis;

import dev.quarry.model.ProgressListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.quarry.analysis.CaseFixture.DAY;
import static dev.quarry.analysis.CaseFixture.START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Farms that show none of the old fleet signs (no equal quotas, no sign-up burst, no lockstep) among
 * ordinary users, with and without the columns that show operational linkage (Bedrock logs carry no
 * addresses, user agents or billing): what gives them away is what a fleet does and people do not.
 */
class QuietFarmsTest {
    private static final int DAYS = 14;
    private static final long HOUR = 3_600_000L;

    /** Subjects across the task taxonomy, for a farm's sweep. */
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
    private static final String HOUSE_STYLE = "\n\nPlease answer in full detail: explain each step of the reasoning, give the"
            + " final result, then list the key facts used.";

    private static Map<String, AccountVerdict> analyze(CaseFixture f, List<Campaign> campaigns) throws Exception {
        AnalysisResult result = Analyzer.analyze(f.done(), AnalysisOptions.defaults(13), ProgressListener.NONE);
        campaigns.addAll(result.campaigns());
        return result.accounts().stream().collect(Collectors.toMap(AccountVerdict::accountId, Function.identity()));
    }

    /** Ordinary users: their own words, addresses, hours and answer lengths. */
    private static void background(CaseFixture f, Random random, boolean columns) throws Exception {
        for (int a = 0; a < 90; a++) {
            String id = "user" + a;
            account(f, id, columns, "card-user-" + a, "4" + (10000 + a), START - (30 + 17L * a) * DAY);
            int events = 60 + random.nextInt(200);
            int meanAnswer = 80 + random.nextInt(700);
            for (int e = 0; e < events; e++) {
                long at = START + random.nextInt(DAYS) * DAY + (7 + random.nextInt(14)) * HOUR + random.nextInt((int) HOUR);
                f.event(id, at, "org-user" + a, columns ? "100.64." + a + "." + random.nextInt(3) : null,
                        columns ? "Mozilla/5.0 (" + (a % 9) + ")" : null, a % 3 == 0 ? "model-b" : "model-a",
                        columns && random.nextBoolean() ? 1024 : null, columns ? 0.7 : null, "ok",
                        CaseFixture.freeText(random, 6 + random.nextInt(25)), meanAnswer / 2 + random.nextInt(meanAnswer));
            }
        }
    }

    private static void account(CaseFixture f, String id, boolean columns, String card, String bin, long createdAt)
            throws Exception {
        if (columns) {
            f.account(id, id + "@mail.test", card, bin, "192.0.2." + (id.hashCode() & 0x7f), createdAt);
        } else {
            f.bareAccount(id);
        }
    }

    /** A farm account's own volume: one operator's mean times a factor of its own, over a factor of five. */
    private static int ownVolume(Random random, int mean) {
        return (int) Math.round(mean * Math.exp(0.6 * random.nextGaussian()));
    }

    private static void assertOneCampaign(Map<String, AccountVerdict> verdicts, List<Campaign> campaigns, String prefix, int members) {
        Integer campaign = verdicts.get(prefix + "0").campaignId();
        assertNotNull(campaign, verdicts.get(prefix + "0") + "\n" + campaigns);
        for (int a = 0; a < members; a++) {
            assertEquals(campaign, verdicts.get(prefix + a).campaignId(), verdicts.get(prefix + a) + "\n" + campaigns);
        }
        long othersFlagged = verdicts.values().stream().filter(v -> v.flagged() && !v.accountId().startsWith(prefix)).count();
        assertEquals(0, othersFlagged, campaigns.toString());
    }

    /**
     * Twelve real accounts opened years apart: their owners' two evening questions a day, then,
     * within the same hour, the buyer's script harvesting long answers across the taxonomy, each
     * account at its own volume, through a residential proxy pool.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void takenOverAgedAccountsChangingHandsTogetherAreACampaign(boolean columns, @TempDir Path dir) throws Exception {
        try (CaseFixture f = new CaseFixture(dir.resolve("case.quarry"))) {
            Random random = new Random(41);
            background(f, random, columns);
            long takeover = START + 6 * DAY + 14 * HOUR;
            for (int a = 0; a < 12; a++) {
                String id = "aged" + a;
                account(f, id, columns, "card-aged-" + a, "4" + (30000 + a), START - (120 + 131L * a) * DAY);
                for (int d = 0; d < 6; d++) {
                    for (int q = 0; q < 2; q++) {
                        f.event(id, START + d * DAY + 19 * HOUR + random.nextInt((int) (3 * HOUR)), "org-aged" + a,
                                columns ? "100.70." + a + ".1" : null, columns ? "Mozilla/5.0 (owner " + a + ")" : null,
                                "model-a", null, columns ? 0.7 : null, "ok", CaseFixture.freeText(random, 8 + random.nextInt(10)),
                                200 + random.nextInt(300));
                    }
                }
                long start = takeover + random.nextInt((int) HOUR);
                int harvest = ownVolume(random, 300);
                for (int i = 0; i < harvest; i++) {
                    long at = start + (long) (random.nextDouble() * (START + DAYS * DAY - start));
                    f.event(id, at, "org-aged" + a, columns ? "73.20." + random.nextInt(5) + "." + random.nextInt(8) : null,
                            columns ? "Mozilla/5.0 (" + random.nextInt(9) + ")" : null, "model-a", null, columns ? 0.7 : null,
                            "ok", SUBJECTS[(a + i) % SUBJECTS.length] + " (case " + (100_000 * a + i) + ")" + HOUSE_STYLE,
                            1400 + random.nextInt(800));
                }
            }
            List<Campaign> campaigns = new java.util.ArrayList<>();
            assertOneCampaign(analyze(f, campaigns), campaigns, "aged", 12);
        }
    }

    /**
     * Twelve accounts each dressed as an app's backend (its own brand in its system prompt, its own
     * cloud address and client, app hours, its own volume), sharing one worklist: every item asked
     * once, across the taxonomy, for long answers.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void backendMimicsSplittingOneWorklistAreACampaign(boolean columns, @TempDir Path dir) throws Exception {
        try (CaseFixture f = new CaseFixture(dir.resolve("case.quarry"))) {
            Random random = new Random(43);
            background(f, random, columns);
            String[] brands = {"Lumen Learn", "Quill AI", "Tutorly Go", "Brightpath Pro", "Mentora Desk", "Cogwise Labs",
                    "Studyhub Notes", "Askwell Assist", "Nimbus Learn", "Orbit AI", "Quill Pro", "Lumen Go"};
            for (int a = 0; a < 12; a++) {
                String id = "backend" + a;
                account(f, id, columns, "card-backend-" + a, "5" + (40000 + a), START - (15 + 29L * a) * DAY);
                int volume = ownVolume(random, 400);
                for (int i = 0; i < volume; i++) {
                    long at = START + random.nextInt(DAYS) * DAY + (9 + random.nextInt(12)) * HOUR + random.nextInt((int) HOUR);
                    f.event(id, at, "org-backend" + a, columns ? "198.20." + a + ".7" : null,
                            columns ? "backend-" + a + "/1." + a : null, "model-a", columns ? 2048 + 1024 * (a % 3) : null,
                            columns ? 0.2 + 0.1 * (a % 6) : null, "ok", "You are the assistant inside " + brands[a]
                                    + ". Be accurate and helpful.\n\nUser request: " + SUBJECTS[(3 * a + i) % SUBJECTS.length]
                                    + " (case " + (100_000 * a + i) + ")" + HOUSE_STYLE, 1400 + random.nextInt(800));
                }
            }
            List<Campaign> campaigns = new java.util.ArrayList<>();
            assertOneCampaign(analyze(f, campaigns), campaigns, "backend", 12);
        }
    }
}
