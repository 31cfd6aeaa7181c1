package dev.quarry.analysis;

import dev.quarry.model.CancelledException;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import org.junit.jupiter.api.Test;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalyzerTest {

    static final String[] FARM_TEMPLATES = {
            "Solve the following math problem step by step and show your reasoning: ",
            "Write a Python function that implements the following specification: ",
            "Translate the following passage into German, explaining each choice: ",
            "Answer this chemistry question with a detailed derivation: ",
            "Summarize the following legal clause and list its obligations: ",
            "Prove the following statement rigorously, one step at a time: "};

    /** A farm hidden among legitimate users, a campus NAT, an enterprise, an app backend and a benchmark runner. */
    static void buildMixedCase(CaseFixture f, boolean withNetwork, boolean withPrompts, boolean withBilling) throws Exception {
        Random random = new Random(7);
        int days = 14;
        // the farm: 12 accounts driven by one scheduler, two shared cards, one signup /24, one template set
        for (int a = 0; a < 12; a++) {
            String id = "farm" + a;
            f.account(id, withBilling ? "user" + (100000 + random.nextInt(900000)) + "@quickmail.test" : null,
                    withBilling ? "card-farm-" + (a % 2) : null, withBilling ? "411111" : null,
                    withBilling ? "203.0.113." + (10 + a) : null);
        }
        for (int d = 0; d < days; d++) {
            long burst = START + d * DAY + (long) random.nextInt(20) * 3_600_000L;
            for (int job = 0; job < 12; job++) {
                long at = burst + job * 7 * 60_000L;
                for (int a = 0; a < 12; a++) {
                    String template = FARM_TEMPLATES[(a / 3 + job) % FARM_TEMPLATES.length];
                    f.event("farm" + a, at + random.nextInt(60_000), "org-farm" + a,
                            withNetwork ? "198.51.100." + (a % 4) : null, withNetwork ? "python-httpx/0.27" : null,
                            "model-a", 4096, 0.0, "ok",
                            withPrompts ? template + "case " + random.nextInt(100000) + " " + CaseFixture.freeText(random, 6) : null);
                }
            }
        }
        // legitimate users: own cards, own IPs, office hours, their own words
        for (int a = 0; a < 40; a++) {
            String id = "user" + a;
            f.account(id, withBilling ? "person" + a + "@example.org" : null, withBilling ? "card-user-" + a : null,
                    withBilling ? "4" + (10000 + a) : null, withBilling ? "192.0.2." + a : null);
            int events = 40 + random.nextInt(300);
            for (int e = 0; e < events; e++) {
                long at = START + random.nextInt(days) * DAY + (8 + random.nextInt(9)) * 3_600_000L + random.nextInt(3_600_000);
                f.event(id, at, "org-user" + a, withNetwork ? "100.64." + a + "." + random.nextInt(3) : null,
                        withNetwork ? "Mozilla/5.0 (" + (a % 5) + ")" : null, a % 3 == 0 ? "model-b" : "model-a",
                        random.nextBoolean() ? 1024 : null, 0.7, random.nextInt(50) == 0 ? "429" : "200",
                        withPrompts ? CaseFixture.freeText(random, 8 + random.nextInt(20)) : null);
            }
        }
        // a campus NAT: 15 students of different orgs behind one IP, each with their own habits
        for (int a = 0; a < 15; a++) {
            String id = "student" + a;
            f.account(id, withBilling ? "s" + a + "@campus.edu" : null, withBilling ? "card-student-" + a : null,
                    withBilling ? "5" + (20000 + a) : null, withBilling ? "198.18.0.1" : null);
            int events = 30 + random.nextInt(80);
            for (int e = 0; e < events; e++) {
                long at = START + random.nextInt(days) * DAY + (9 + random.nextInt(12)) * 3_600_000L + random.nextInt(3_600_000);
                f.event(id, at, "org-student" + a, withNetwork ? "198.18.0.1" : null,
                        withNetwork ? "Mozilla/5.0 (" + (a % 7) + ")" : null, "model-a", null, null, "ok",
                        withPrompts ? CaseFixture.freeText(random, 5 + random.nextInt(30)) : null);
            }
        }
        // an enterprise: 8 accounts of one org sharing billing, egress IP, user agent and an internal template
        for (int a = 0; a < 8; a++) {
            String id = "corp" + a;
            f.account(id, withBilling ? "dev" + a + "@corp.test" : null, withBilling ? "card-corp" : null,
                    withBilling ? "422222" : null, withBilling ? "198.19.0.1" : null);
            for (int e = 0; e < 200; e++) {
                long at = START + random.nextInt(days) * DAY + (9 + random.nextInt(8)) * 3_600_000L + random.nextInt(3_600_000);
                f.event(id, at, "org-corp", withNetwork ? "198.19.0.1" : null, withNetwork ? "corp-gateway/2.1" : null,
                        "model-a", 2048, 0.2, "ok",
                        withPrompts ? "Classify this support ticket by urgency: " + CaseFixture.freeText(random, 12) : null);
            }
        }
        // an application backend: one account, one product template, around the clock
        f.account("backend", withBilling ? "ops@app.test" : null, withBilling ? "card-app" : null,
                withBilling ? "433333" : null, withBilling ? "198.20.0.1" : null);
        for (int e = 0; e < 1500; e++) {
            f.event("backend", START + (long) random.nextInt(days) * DAY + random.nextInt((int) DAY), "org-app",
                    withNetwork ? "198.20.0." + random.nextInt(4) : null, withNetwork ? "app-server/1.0" : null,
                    "model-a", 512, 0.3, "ok",
                    withPrompts ? "Write a product description for the following item: " + CaseFixture.freeText(random, 6) : null);
        }
        // a university benchmark runner sweeping many task types from one account
        f.account("bench", withBilling ? "lab@uni.test" : null, withBilling ? "card-lab" : null,
                withBilling ? "444444" : null, withBilling ? "198.21.0.1" : null);
        for (int e = 0; e < 600; e++) {
            f.event("bench", START + (long) random.nextInt(days) * DAY + random.nextInt((int) DAY), "org-lab",
                    withNetwork ? "198.21.0.1" : null, withNetwork ? "lm-eval-harness/0.4" : null, "model-a", 256, 0.0, "ok",
                    withPrompts ? FARM_TEMPLATES[e % FARM_TEMPLATES.length] + CaseFixture.freeText(random, 6) : null);
        }
        // an account that never sent a request
        f.account("silent", null, null, null, null);
    }

    private static Map<String, AccountVerdict> analyze(CaseFile caseFile) throws AnalysisException {
        AnalysisResult result = Analyzer.analyze(caseFile, AnalysisOptions.defaults(42), ProgressListener.NONE);
        return result.accounts().stream().collect(Collectors.toMap(AccountVerdict::accountId, Function.identity()));
    }

    @Test
    void flagsTheFarmAndNoneOfTheHardNegatives(@TempDir Path dir) throws Exception {
        try (CaseFixture f = new CaseFixture(dir.resolve("case.quarry"))) {
            buildMixedCase(f, true, true, true);
            AnalysisResult result = Analyzer.analyze(f.done(), AnalysisOptions.defaults(42), ProgressListener.NONE);
            Map<String, AccountVerdict> verdicts = result.accounts().stream()
                    .collect(Collectors.toMap(AccountVerdict::accountId, Function.identity()));
            assertEquals(12 + 40 + 15 + 8 + 1 + 1 + 1, verdicts.size(), "one verdict per account, silent ones included");
            List<String> flagged = verdicts.values().stream().filter(AccountVerdict::flagged).map(AccountVerdict::accountId).sorted().toList();
            assertEquals(12, flagged.size(), "flagged: " + flagged + "\ncampaigns: " + result.campaigns());
            assertTrue(flagged.stream().allMatch(id -> id.startsWith("farm")), flagged.toString());
            Integer campaign = verdicts.get("farm0").campaignId();
            assertNotNull(campaign);
            for (int a = 0; a < 12; a++) {
                assertEquals(campaign, verdicts.get("farm" + a).campaignId());
            }
            assertFalse(verdicts.get("farm0").reasons().isEmpty());
            assertTrue(verdicts.get("farm0").reasons().get(0).matches(".*\\d.*"), "reasons carry numbers");
            assertEquals(1, result.campaigns().size(), result.campaigns().toString());
            assertTrue(result.campaigns().get(0).signals().size() >= 2, result.campaigns().get(0).toString());
        }
    }

    @Test
    void separatesTheFarmWithoutNetworkBillingOrPromptText(@TempDir Path dir) throws Exception {
        try (CaseFixture f = new CaseFixture(dir.resolve("case.quarry"))) {
            buildMixedCase(f, false, false, false);
            AnalysisResult result = Analyzer.analyze(f.done(), AnalysisOptions.defaults(42), ProgressListener.NONE);
            List<String> flagged = result.accounts().stream().filter(AccountVerdict::flagged).map(AccountVerdict::accountId).sorted().toList();
            assertTrue(flagged.stream().allMatch(id -> id.startsWith("farm")), flagged.toString());
            assertTrue(flagged.size() >= 11, flagged + "\n" + result.campaigns());
            assertTrue(result.signals().stream().anyMatch(s -> s.signal().equals("shared_template") && !s.computed()));
            assertTrue(result.signals().stream().anyMatch(s -> s.signal().equals("shared_infrastructure") && !s.computed()));
        }
    }

    @Test
    void sameSeedGivesTheSameResult(@TempDir Path dir) throws Exception {
        try (CaseFixture f = new CaseFixture(dir.resolve("case.quarry"))) {
            buildMixedCase(f, true, true, true);
            CaseFile caseFile = f.done();
            Map<String, AccountVerdict> first = analyze(caseFile);
            Map<String, AccountVerdict> second = analyze(caseFile);
            for (String id : first.keySet()) {
                assertEquals(first.get(id), second.get(id), id);
            }
        }
    }

    @Test
    void stopsWhenCancelled(@TempDir Path dir) throws Exception {
        try (CaseFixture f = new CaseFixture(dir.resolve("case.quarry"))) {
            buildMixedCase(f, true, true, true);
            CaseFile caseFile = f.done();
            ProgressListener cancelled = new ProgressListener() {
                @Override
                public void progress(long done, long total, String message) {
                }

                @Override
                public boolean isCancelled() {
                    return true;
                }
            };
            assertThrows(CancelledException.class, () -> Analyzer.analyze(caseFile, AnalysisOptions.defaults(1), cancelled));
        }
    }

    @Test
    void refusesACaseWithoutAccounts(@TempDir Path dir) throws Exception {
        try (CaseFile caseFile = CaseFile.open(dir.resolve("empty.quarry"))) {
            AnalysisException e = assertThrows(AnalysisException.class,
                    () -> Analyzer.analyze(caseFile, AnalysisOptions.defaults(1), ProgressListener.NONE));
            assertTrue(e.getMessage().contains("no accounts"));
        }
    }
}
