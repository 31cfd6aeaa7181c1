package dev.quarry.analysis.scan;

import dev.quarry.analysis.CaseFixture;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;

import static dev.quarry.analysis.CaseFixture.DAY;
import static dev.quarry.analysis.CaseFixture.START;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventScanTest {

    private static CaseFixture varied(Path dir) throws Exception {
        CaseFixture f = new CaseFixture(dir.resolve("case.quarry"));
        Random random = new Random(21);
        for (int a = 0; a < 30; a++) {
            f.account("acct" + a, null, null, null, null);
        }
        String[] models = {"model-a", "model-b", "model-c"};
        for (int e = 0; e < 3000; e++) {
            int a = random.nextInt(30);
            f.event("acct" + a, START + random.nextInt(14) * DAY + random.nextInt((int) DAY), "org" + a % 7,
                    "10.0." + random.nextInt(4) + "." + random.nextInt(9), "agent/" + random.nextInt(5), models[random.nextInt(3)],
                    random.nextBoolean() ? 512 * (1 + random.nextInt(3)) : null, random.nextBoolean() ? 0.1 * random.nextInt(10) : null,
                    random.nextInt(20) == 0 ? "refused" : "ok",
                    random.nextInt(10) == 0 ? null : "Please summarise " + random.nextInt(50) + " " + CaseFixture.freeText(random, 6));
        }
        return f;
    }

    @Test
    void theResultDoesNotDependOnHowManyThreadsReadTheParts(@TempDir Path dir) throws Exception {
        try (CaseFixture f = varied(dir)) {
            CaseFile caseFile = f.done();
            CaseData one = EventScan.read(caseFile, ProgressListener.NONE, 1);
            CaseData four = EventScan.read(caseFile, ProgressListener.NONE, 4);
            for (AttributeKind kind : AttributeKind.values()) {
                assertEquals(one.vocabulary(kind).size(), four.vocabulary(kind).size(), kind.name());
                for (int id = 0; id < one.vocabulary(kind).size(); id++) {
                    assertEquals(one.vocabulary(kind).value(id), four.vocabulary(kind).value(id), "values are numbered alike");
                }
            }
            for (int a = 0; a < one.size(); a++) {
                AccountActivity x = one.activity(a);
                AccountActivity y = four.activity(a);
                assertEquals(x.events(), y.events());
                for (int i = 0; i < x.events(); i++) {
                    assertEquals(x.time(i), y.time(i));
                    assertEquals(x.model(i), y.model(i));
                }
                for (AttributeKind kind : AttributeKind.values()) {
                    int[] keys = x.attribute(kind).keys();
                    assertArrayEquals(keys, y.attribute(kind).keys());
                    for (int key : keys) {
                        assertEquals(x.attribute(kind).count(key), y.attribute(kind).count(key));
                    }
                }
                assertEquals(x.mainOrg(), y.mainOrg());
                assertEquals(x.prompts(), y.prompts());
                assertEquals(x.frames().total(), y.frames().total());
                assertEquals(x.reasoningRequests, y.reasoningRequests);
                assertEquals(x.refused, y.refused);
                assertEquals(x.temperatureSum, y.temperatureSum, 1e-9);
            }
        }
    }

    @Test
    void everyEventIsCountedOnceWithItsAccountsAttributes(@TempDir Path dir) throws Exception {
        try (CaseFixture f = varied(dir)) {
            CaseData data = EventScan.read(f.done(), ProgressListener.NONE);
            int events = 0;
            for (int a = 0; a < data.size(); a++) {
                events += data.activity(a).events();
                assertEquals(data.activity(a).events(), data.activity(a).attribute(AttributeKind.MODEL).total());
            }
            assertEquals(3000, events);
            assertTrue(data.hasColumn("parameters") && data.hasColumn("prompt_text") && data.hasColumn("status"));
            assertTrue(data.vocabulary(AttributeKind.PARAMETERS).value(0).startsWith("max_tokens "),
                    data.vocabulary(AttributeKind.PARAMETERS).value(0));
        }
    }
}
