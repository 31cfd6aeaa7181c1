package dev.quarry.analysis.signals;

import dev.quarry.analysis.CaseFixture;
import dev.quarry.analysis.rules.DetectionRules;
import dev.quarry.analysis.scan.AttributeKind;
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
    private static final DetectionRules RULES = DetectionRules.defaults();

    /**
     * Six farm accounts on one card and one proxy; an enterprise of six on one card, egress IP and
     * org; twelve people of their own behind one campus NAT; 40 others.
     */
    private static SignalCase build(Path dir) throws Exception {
        CaseFixture f = new CaseFixture(dir.resolve("case.quarry"));
        Random random = new Random(3);
        for (int a = 0; a < 6; a++) {
            f.account("farm" + a, "x" + a + "@mail.test", "card-farm", "411111", "203.0.113." + a);
            f.account("corp" + a, "dev" + a + "@corp.test", "card-corp", "422222", "198.19.0.1");
        }
        for (int a = 0; a < 12; a++) {
            f.account("campus" + a, "student" + a + "@uni.test", "card-s" + a, "43" + a, "198.18.7." + a);
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
            for (int a = 0; a < 12; a++) {
                // each student has a habit of their own: volume, hours, client, parameters
                for (int k = 0; k <= a % 4; k++) {
                    f.event("campus" + a, START + random.nextInt(10) * DAY + (a % 3) * 8 * 3_600_000L + random.nextInt(8 * 3_600_000),
                            "org-campus" + a, "198.18.7.200", "client/" + a, "m" + a % 3, 100 * (a + 1), a % 2 == 0 ? 0.3 : null,
                            "ok", CaseFixture.freeText(random, 3 + a));
                }
            }
            for (int a = 0; a < 40; a++) {
                f.event("user" + a, at + random.nextInt(3_600_000), "org-user" + a, "100.64." + a + ".1", "Mozilla/" + a, "m",
                        null, null, "ok", "hello " + random.nextInt());
            }
        }
        return new SignalCase(f);
    }

    private static Map<Evidence, Links> links(SignalCase c) {
        Map<Evidence, SharedValues> values = SharedInfrastructureSignal.values(c.data, SharedInfrastructureSignal.holders(c.data), RULES.sharedValues());
        return Map.of(Evidence.BILLING, values.get(Evidence.BILLING).links(c.data, c.similarity, 1, 0.0),
                Evidence.INFRASTRUCTURE, values.get(Evidence.INFRASTRUCTURE).links(c.data, c.similarity, 1, 0.0));
    }

    @Test
    void linksAccountsOfDifferentOrganisationsSharingARareCardAndProxy(@TempDir Path dir) throws Exception {
        SignalCase c = build(dir);
        Map<Evidence, Links> links = links(c);
        assertTrue(c.pairs(links.get(Evidence.BILLING), 0.25).contains("farm0-farm1"), "shared card is a strong tie: "
                + c.pairs(links.get(Evidence.BILLING), 0.0));
        assertTrue(c.pairs(links.get(Evidence.INFRASTRUCTURE), 0.25).contains("farm0-farm5"), "shared proxy IP is a strong tie");
        var holders = SharedInfrastructureSignal.holders(c.data).get(AttributeKind.PAYMENT);
        assertTrue(holders.rarity(6) > holders.rarity(30), "the fewer holders, the rarer");
    }

    @Test
    void enterpriseSharingBillingEgressAndOrgIsNotLinked(@TempDir Path dir) throws Exception {
        SignalCase c = build(dir);
        Map<Evidence, Links> links = links(c);
        assertFalse(c.touches(links.get(Evidence.BILLING), "corp", 0.01));
        assertFalse(c.touches(links.get(Evidence.INFRASTRUCTURE), "corp", 0.01));
        assertFalse(c.touches(links.get(Evidence.BILLING), "user", 0.25), "own cards tie nobody (a common email shape is weak support only)");
    }

    @Test
    void peopleOfTheirOwnBehindOneCampusNatAreTiedMoreWeaklyThanAFarmOnOneProxy(@TempDir Path dir) throws Exception {
        SignalCase c = build(dir);
        Links links = links(c).get(Evidence.INFRASTRUCTURE);
        // a pair's tie is its strongest shared value
        Map<String, Double> pairs = new java.util.HashMap<>();
        for (int i = 0; i < links.size(); i++) {
            pairs.merge(c.data.accountId(links.first(i)) + "-" + c.data.accountId(links.second(i)), links.weight(i), Math::max);
        }
        double campus = pairs.entrySet().stream().filter(e -> e.getKey().matches("campus\\d+-campus\\d+"))
                .mapToDouble(Map.Entry::getValue).max().orElse(0);
        double farm = pairs.entrySet().stream().filter(e -> e.getKey().matches("farm\\d+-farm\\d+"))
                .mapToDouble(Map.Entry::getValue).min().orElse(0);
        assertTrue(campus < farm, "the NAT's strongest tie " + campus + " is below the farm's weakest " + farm
                + ": twelve sharers of their own habits against six that act as one");
    }

    @Test
    void aMemberIsTiedToItsGroupOnlyThroughValuesItSharesWithinTheGroup(@TempDir Path dir) throws Exception {
        SignalCase c = build(dir);
        Map<Evidence, SharedValues> values = SharedInfrastructureSignal.values(c.data, SharedInfrastructureSignal.holders(c.data), RULES.sharedValues());
        int[] label = new int[c.data.size()];
        java.util.Arrays.fill(label, 0);
        int farm0 = c.account("farm0");
        label[farm0] = 1;
        label[c.account("farm1")] = 1;
        int[] org = SharedValues.orgs(c.data);
        double[] scratch = new double[c.data.size()];
        SharedValues.IntScratch touched = new SharedValues.IntScratch();
        assertTrue(values.get(Evidence.BILLING).strongestTie(farm0, label, org, c.similarity, scratch, touched) >= 0.25);
        label[c.account("farm1")] = 0;
        assertTrue(values.get(Evidence.BILLING).strongestTie(farm0, label, org, c.similarity, scratch, touched) == 0,
                "alone in its group, the card ties it to nobody");
        assertTrue(java.util.Arrays.stream(scratch).allMatch(x -> x == 0), "scratch space is left clean");
    }
}
