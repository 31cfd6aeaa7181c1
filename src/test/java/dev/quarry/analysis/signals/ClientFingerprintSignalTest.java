package dev.quarry.analysis.signals;

import dev.quarry.analysis.CaseFixture;
import dev.quarry.analysis.rules.DetectionRules;
import dev.quarry.analysis.scan.AttributeKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static dev.quarry.analysis.CaseFixture.DAY;
import static dev.quarry.analysis.CaseFixture.START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientFingerprintSignalTest {
    private static final DetectionRules RULES = DetectionRules.defaults();

    @Test
    void linksAccountsThatAlwaysSendTheSameUncommonParametersButNotAPopularDefault(@TempDir Path dir) throws Exception {
        CaseFixture f = new CaseFixture(dir.resolve("case.quarry"));
        Random random = new Random(4);
        for (int a = 0; a < 5; a++) {
            f.account("script" + a, null, null, null, null);
        }
        for (int a = 0; a < 40; a++) {
            f.account("user" + a, null, null, null, null);
        }
        for (int e = 0; e < 30; e++) {
            long at = START + random.nextInt(10) * DAY + random.nextInt((int) DAY);
            for (int a = 0; a < 5; a++) {
                f.event("script" + a, at, "o-s" + a, null, null, "m", 4000, 0.6, "ok", null);
            }
            for (int a = 0; a < 40; a++) {
                // SDK default for most people, their own choice for some
                boolean byDefault = a < 30;
                f.event("user" + a, at, "o-u" + a, null, null, "m", byDefault ? 1024 : 100 + a, byDefault ? 1.0 : 0.5, "ok", null);
            }
        }
        SignalCase c = new SignalCase(f);
        Links links = ClientFingerprintSignal.values(c.data, SharedInfrastructureSignal.holders(c.data), RULES).links(c.data, c.similarity, 1, 0.0);
        assertTrue(c.pairs(links, 0.25).contains("script0-script1"), c.pairs(links, 0.0).toString());
        assertFalse(c.touches(links, "user", 0.0), "a default three quarters of accounts use is no evidence");
    }

    @Test
    void aRareUserAgentIsClientEvidenceNotNetworkEvidence(@TempDir Path dir) throws Exception {
        CaseFixture f = new CaseFixture(dir.resolve("case.quarry"));
        Random random = new Random(9);
        for (int a = 0; a < 40; a++) {
            f.account("acct" + a, null, null, null, null);
        }
        for (int e = 0; e < 30; e++) {
            long at = START + random.nextInt(10) * DAY + random.nextInt((int) DAY);
            for (int a = 0; a < 40; a++) {
                // four accounts run one uncommon script; the others a browser most people use
                String agent = a < 4 ? "harvester/0.3" : a % 2 == 0 ? "Mozilla/5.0 Chrome" : "Mozilla/5.0 Firefox";
                f.event("acct" + a, at, "o" + a, "10.0." + a + ".1", agent, "m", 100 + a, 0.5, "ok", null);
            }
        }
        SignalCase c = new SignalCase(f);
        Map<AttributeKind, SharedInfrastructureSignal.Holders> holders = SharedInfrastructureSignal.holders(c.data);
        Links client = ClientFingerprintSignal.values(c.data, holders, RULES).links(c.data, c.similarity, 1, 0.0);
        assertTrue(c.pairs(client, 0.0).contains("acct0-acct1"), c.pairs(client, 0.0).toString());
        Set<String> scriptUsers = Set.of("acct0", "acct1", "acct2", "acct3");
        assertEquals(6, c.pairs(client, 0.0).size(), c.pairs(client, 0.0).toString());
        assertTrue(c.pairs(client, 0.0).stream().allMatch(p -> scriptUsers.containsAll(List.of(p.split("-")))),
                "browsers most accounts use link nobody: " + c.pairs(client, 0.0));
        Links network = SharedInfrastructureSignal.values(c.data, holders, RULES.sharedValues()).get(Evidence.INFRASTRUCTURE)
                .links(c.data, c.similarity, 1, 0.0);
        assertEquals(0, network.size(), "a user agent is not counted again as network evidence");
    }
}
