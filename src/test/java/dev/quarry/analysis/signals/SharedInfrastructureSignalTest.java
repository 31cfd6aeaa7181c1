package dev.quarry.analysis.signals;

import dev.quarry.analysis.CaseFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static dev.quarry.analysis.CaseFixture.DAY;
import static dev.quarry.analysis.CaseFixture.START;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharedInfrastructureSignalTest {

    /** Six farm accounts on one card and one proxy; an enterprise of six on one card, egress IP and org; 40 others. */
    private static SignalCase build(Path dir) throws Exception {
        CaseFixture f = new CaseFixture(dir.resolve("case.quarry"));
        Random random = new Random(3);
        for (int a = 0; a < 6; a++) {
            f.account("farm" + a, "x" + a + "@mail.test", "card-farm", "411111", "203.0.113." + a);
            f.account("corp" + a, "dev" + a + "@corp.test", "card-corp", "422222", "198.19.0.1");
        }
        for (int a = 0; a < 40; a++) {
            f.account("user" + a, "p" + a + "@example.org", "card-" + a, "4" + a, "192.0.2." + a);
        }
        for (int e = 0; e < 50; e++) {
            long at = START + random.nextInt(10) * DAY + random.nextInt((int) DAY);
            for (int a = 0; a < 6; a++) {
                f.event("farm" + a, at + a * 1000L, "org-farm" + a, "198.51.100.9", "bot/1.0", "m", 4000, 0.6, "ok", "q " + e);
                f.event("corp" + a, at + 7 * a * 60_000L, "org-corp", "198.19.0.1", "corp/2.0", "m", 1024, 0.2, "ok", "t " + e);
            }
            for (int a = 0; a < 40; a++) {
                f.event("user" + a, at + random.nextInt(3_600_000), "org-user" + a, "100.64." + a + ".1", "Mozilla/" + a, "m",
                        null, null, "ok", "hello " + random.nextInt());
            }
        }
        return new SignalCase(f);
    }

    @Test
    void linksAccountsOfDifferentOrganisationsSharingARareCardAndProxy(@TempDir Path dir) throws Exception {
        SignalCase c = build(dir);
        var holders = SharedInfrastructureSignal.holders(c.data);
        Map<Evidence, Links> links = SharedInfrastructureSignal.links(c.data, holders, c.similarity, 1);
        assertTrue(c.pairs(links.get(Evidence.BILLING), 0.25).contains("farm0-farm1"), "shared card is a strong tie: " + c.pairs(links.get(Evidence.BILLING), 0.0) + " cos " + c.similarity.cosine(c.account("farm0"), c.account("farm1")));
        assertTrue(c.pairs(links.get(Evidence.INFRASTRUCTURE), 0.25).contains("farm0-farm5"), "shared proxy IP is a strong tie");
        assertTrue(SharedInfrastructureSignal.holders(c.data).get(dev.quarry.analysis.AttributeKind.PAYMENT)
                .rarity(6) > SharedInfrastructureSignal.holders(c.data).get(dev.quarry.analysis.AttributeKind.PAYMENT).rarity(30));
    }

    @Test
    void enterpriseSharingBillingEgressAndOrgIsNotLinked(@TempDir Path dir) throws Exception {
        SignalCase c = build(dir);
        var holders = SharedInfrastructureSignal.holders(c.data);
        Map<Evidence, Links> links = SharedInfrastructureSignal.links(c.data, holders, c.similarity, 1);
        assertFalse(c.touches(links.get(Evidence.BILLING), "corp", 0.01));
        assertFalse(c.touches(links.get(Evidence.INFRASTRUCTURE), "corp", 0.01));
        assertFalse(c.touches(links.get(Evidence.BILLING), "user", 0.25), "own cards tie nobody (a common email shape is weak support only)");
    }
}
