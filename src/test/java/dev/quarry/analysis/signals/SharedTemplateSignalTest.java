package dev.quarry.analysis.signals;

import dev.quarry.analysis.CaseFixture;
import dev.quarry.analysis.rules.DetectionRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;

import static dev.quarry.analysis.CaseFixture.DAY;
import static dev.quarry.analysis.CaseFixture.START;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharedTemplateSignalTest {
    private static final DetectionRules RULES = DetectionRules.defaults();

    static final String[] TEMPLATES = {"Solve the following algebra problem and show all steps: ",
            "Write a unit-tested Java method that does the following: ", "Summarise this contract clause for a lawyer: "};

    private static Links links(SignalCase c) {
        SharedTemplateSignal.Templates[] templates = new SharedTemplateSignal.Templates[c.data.size()];
        for (int a = 0; a < templates.length; a++) {
            templates[a] = SharedTemplateSignal.templatesOf(c.data.activity(a), RULES.template());
        }
        return SharedTemplateSignal.values(c.data, templates, RULES.sharedValues()).links(c.data, c.similarity, 1, 0.0);
    }

    @Test
    void anAnswerFormatBlockAfterPersonalQuestionsIsATemplateToo(@TempDir Path dir) throws Exception {
        CaseFixture f = new CaseFixture(dir.resolve("case.quarry"));
        Random random = new Random(8);
        for (int a = 0; a < 5; a++) {
            f.account("slow" + a, null, null, null, null);
        }
        for (int a = 0; a < 30; a++) {
            f.account("user" + a, null, null, null, null);
        }
        for (int e = 0; e < 40; e++) {
            long at = START + random.nextInt(10) * DAY + random.nextInt((int) DAY);
            for (int a = 0; a < 5; a++) {
                f.event("slow" + a, at, "o-slow" + a, null, null, "m", null, null, "ok", CaseFixture.freeText(random, 10)
                        + "?\n\nWhen you answer: 1) restate the problem, 2) reason step by step, 3) give the final answer after \"Final:\".");
            }
            for (int a = 0; a < 30; a++) {
                f.event("user" + a, at, "o-user" + a, null, null, "m", null, null, "ok", CaseFixture.freeText(random, 20));
            }
        }
        SignalCase c = new SignalCase(f);
        Links links = links(c);
        assertTrue(c.pairs(links, 0.25).contains("slow0-slow3"), c.pairs(links, 0.0).toString());
        assertFalse(c.touches(links, "user", 0.25), "people writing their own prompts are not tied");
    }

    @Test
    void linksUnrelatedAccountsLeaningOnTheSameTemplatesButNotAnAppOrAnOrganisation(@TempDir Path dir) throws Exception {
        CaseFixture f = new CaseFixture(dir.resolve("case.quarry"));
        Random random = new Random(2);
        for (int a = 0; a < 6; a++) {
            f.account("farm" + a, null, null, null, null);
            f.account("team" + a, null, null, null, null);
        }
        f.account("app", null, null, null, null);
        for (int a = 0; a < 30; a++) {
            f.account("user" + a, null, null, null, null);
        }
        for (int e = 0; e < 60; e++) {
            long at = START + random.nextInt(10) * DAY + random.nextInt((int) DAY);
            for (int a = 0; a < 6; a++) {
                f.event("farm" + a, at, "o-farm" + a, null, null, "m", null, null, "ok",
                        TEMPLATES[(e + a) % 3] + random.nextInt(1000) + " " + CaseFixture.freeText(random, 5));
                f.event("team" + a, at, "o-team", null, null, "m", null, null, "ok",
                        "Classify this support ticket by urgency: " + CaseFixture.freeText(random, 8));
            }
            f.event("app", at, "o-app", null, null, "m", null, null, "ok",
                    "Write a product description for the following item: " + CaseFixture.freeText(random, 4));
            for (int a = 0; a < 30; a++) {
                f.event("user" + a, at, "o-user" + a, null, null, "m", null, null, "ok", CaseFixture.freeText(random, 12));
            }
        }
        SignalCase c = new SignalCase(f);
        Links links = links(c);
        assertTrue(c.pairs(links, 0.25).contains("farm0-farm1"), c.pairs(links, 0.0).toString());
        assertFalse(c.touches(links, "team", 0.0), "one organisation's shared template is no evidence");
        assertFalse(c.touches(links, "app", 0.0), "one app's product template links nothing");
        assertFalse(c.touches(links, "user", 0.25), "people writing their own prompts are not tied");
    }

    @Test
    void anEverydayPhrasingBusyAccountsRepeatIsNoTemplate(@TempDir Path dir) throws Exception {
        CaseFixture f = new CaseFixture(dir.resolve("case.quarry"));
        Random random = new Random(5);
        for (int a = 0; a < 6; a++) {
            f.account("busy" + a, null, null, null, null);
            f.account("farm" + a, null, null, null, null);
        }
        for (int a = 0; a < 120; a++) {
            f.account("casual" + a, null, null, null, null);
        }
        String everyday = "Can you explain how the following works: ";
        for (int e = 0; e < 60; e++) {
            long at = START + random.nextInt(10) * DAY + random.nextInt((int) DAY);
            for (int a = 0; a < 6; a++) {
                // busy people ask this way now and then; only they repeat it often enough to lean on it
                f.event("busy" + a, at, "o-busy" + a, null, null, "m", null, null, "ok",
                        (e % 5 == 0 ? everyday : "") + CaseFixture.freeText(random, 12));
                f.event("farm" + a, at, "o-farm" + a, null, null, "m", null, null, "ok",
                        TEMPLATES[(e + a) % 3] + random.nextInt(1000) + " " + CaseFixture.freeText(random, 5));
            }
        }
        for (int a = 0; a < 120; a++) {
            for (int e = 0; e < 4; e++) {
                long at = START + random.nextInt(10) * DAY + random.nextInt((int) DAY);
                f.event("casual" + a, at, "o-casual" + a, null, null, "m", null, null, "ok",
                        (e == 0 && a % 2 == 0 ? everyday : "") + CaseFixture.freeText(random, 12));
            }
        }
        SignalCase c = new SignalCase(f);
        Links links = links(c);
        assertTrue(c.pairs(links, 0.25).contains("farm0-farm1"), c.pairs(links, 0.0).toString());
        assertFalse(c.touches(links, "busy", 0.25), "sixty casual users ask this way too: " + c.pairs(links, 0.0));
    }
}
