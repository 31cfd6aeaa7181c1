package dev.quarry.analysis.signals;

import dev.quarry.analysis.CaseFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;

import static dev.quarry.analysis.CaseFixture.DAY;
import static dev.quarry.analysis.CaseFixture.START;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientFingerprintSignalTest {

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
        Links links = ClientFingerprintSignal.values(c.data).links(c.data, c.similarity, 1, 0.0);
        assertTrue(c.pairs(links, 0.25).contains("script0-script1"), c.pairs(links, 0.0).toString());
        assertFalse(c.touches(links, "user", 0.0), "a default three quarters of accounts use is no evidence");
    }
}
