package dev.quarry.analysis.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.analysis.RunStore;
import dev.quarry.analysis.StoredRun;
import dev.quarry.fixtures.SmallCase;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetectionRulesTest {
    private static final Instant STARTED = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant FINISHED = Instant.parse("2026-03-01T00:05:00Z");

    @Test
    void rejectsAShareAboveOneNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DetectionRules.DenseBlockRules(1.5));
        assertTrue(e.getMessage().contains("denseBlock.minDensity") && e.getMessage().contains("1.5"), e.getMessage());
    }

    @Test
    void rejectsAStrongLinkWeakerThanTheGraphsMinimumLink() {
        DetectionRules.AssemblyRules today = DetectionRules.defaults().assembly();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DetectionRules.AssemblyRules(0.3, 0.2, today.established(), today.communityResolution(),
                        today.significance(), today.minReferenceAccounts(), today.commonOperationShare(),
                        today.fleetVolumeSpread(), today.fleetVolumeShare(), today.fleetVolumePeers(),
                        today.fleetCreationWindowMs(), today.typicalMember(), today.thinEvidenceFactor(),
                        today.noHarvestFactor(), today.artefactOnlyFactor(), today.noFleetFactor(),
                        today.outsideCampaignMaxRisk(), today.nearCampaignRiskShare(), today.attachedRiskFloor(),
                        today.sharedStartToleranceSeconds(), today.reliability()));
        assertTrue(e.getMessage().contains("assembly.strongLink"), e.getMessage());
    }

    @Test
    void rejectsAPairTestThatNeedsNoDayInStep() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DetectionRules.SynchronyRules(5, 1.5, 0, 3, 8, 1.05, 3, 8, 0.1, 3));
        assertTrue(e.getMessage().contains("synchrony.minDays"), e.getMessage());
    }

    @Test
    void rejectsRulesWithASignalMissing() {
        DetectionRules today = DetectionRules.defaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DetectionRules(today.sharedValues(), today.client(), today.template(), null,
                        today.denseBlock(), today.sweep(), today.harvest(), today.pivot(), today.assembly()));
        assertTrue(e.getMessage().contains("synchrony is missing"), e.getMessage());
    }

    @Test
    void everyRuleHasAOneLineMeaning() throws Exception {
        var tree = new ObjectMapper().valueToTree(DetectionRules.defaults());
        java.util.List<String> paths = new java.util.ArrayList<>();
        collect("", tree, paths);
        assertEquals(64, paths.size(), paths.toString());
        for (String path : paths) {
            assertFalse(DetectionRules.meaning(path).isBlank(), path + " has no meaning");
        }
    }

    private static void collect(String prefix, com.fasterxml.jackson.databind.JsonNode node, java.util.List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> collect(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(),
                    f.getValue(), out));
        } else {
            out.add(prefix);
        }
    }

    @Test
    void storedRulesReadBackAsTheRulesTheRunUsed(@TempDir Path dir) throws Exception {
        try (CaseFile caseFile = CaseFile.open(dir.resolve("case.quarry"))) {
            RunStore runs = new RunStore(caseFile);
            long runId = runs.save(SmallCase.result(3, 0.0), STARTED, FINISHED, ProgressListener.NONE);
            StoredRun stored = runs.load(runId);
            assertTrue(stored.rulesRecorded());
            assertEquals(DetectionRules.defaults(), stored.result().rules());
            assertEquals(DetectionRules.defaults(), new ObjectMapper().readValue(stored.rulesJson(), DetectionRules.class));
            assertTrue(stored.rulesJson().contains("\"minZ\":5.0"), stored.rulesJson());
        }
    }

    @Test
    void aRunStoredWithoutRulesReadsAsNotRecordedNotAsTodaysDefaults(@TempDir Path dir) throws Exception {
        try (CaseFile caseFile = CaseFile.open(dir.resolve("case.quarry"))) {
            RunStore runs = new RunStore(caseFile);
            long runId = runs.save(SmallCase.result(3, 0.0), STARTED, FINISHED, ProgressListener.NONE);
            // what a run made before schema 6 holds
            try (PreparedStatement update = caseFile.connection().prepareStatement(
                    "UPDATE analysis_runs SET rules_json = NULL WHERE run_id = ?")) {
                update.setLong(1, runId);
                update.executeUpdate();
            }
            StoredRun stored = runs.load(runId);
            assertFalse(stored.rulesRecorded());
            assertNull(stored.rulesJson());
            assertNull(stored.result().rules());
        }
    }
}
