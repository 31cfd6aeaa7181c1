package dev.quarry.analysis;

import dev.quarry.fixtures.SmallCase;
import dev.quarry.model.CancelledException;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunStoreTest {

    private static final Instant STARTED = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant FINISHED = Instant.parse("2026-03-01T10:02:30Z");

    @Test
    void savedRunReadsBackAsTheSameResult(@TempDir Path dir) throws Exception {
        AnalysisResult result = SmallCase.result(42, 0.0);
        try (CaseFile caseFile = CaseFile.open(dir.resolve("case.quarry"))) {
            long runId = new RunStore(caseFile).save(result, STARTED, FINISHED, ProgressListener.NONE);
            StoredRun stored = new RunStore(caseFile).load(runId);

            assertEquals(result.options(), stored.result().options());
            assertEquals(result.campaigns(), stored.result().campaigns());
            assertEquals(result.signals(), stored.result().signals());
            assertEquals(List.copyOf(result.stageSeconds().keySet()), List.copyOf(stored.result().stageSeconds().keySet()));
            assertEquals(result.stageSeconds(), stored.result().stageSeconds());
            assertEquals(sortedById(result.accounts()), stored.result().accounts());
            assertEquals(42, stored.summary().seed());
            assertEquals(STARTED, stored.summary().startedAt());
            assertEquals(FINISHED, stored.summary().finishedAt());
            assertEquals(3, stored.summary().accounts());
            assertEquals(2, stored.summary().flagged());
            assertEquals(1, stored.summary().campaigns());
        }
    }

    @Test
    void theScoresReadBackKeepAnAccountOutsideEveryCampaignOutside(@TempDir Path dir) throws Exception {
        AnalysisResult result = SmallCase.result(42, 0.0);
        try (CaseFile caseFile = CaseFile.open(dir.resolve("case.quarry"))) {
            long runId = new RunStore(caseFile).save(result, STARTED, FINISHED, ProgressListener.NONE);
            java.util.Map<String, Integer> campaignOf = new java.util.HashMap<>();
            new RunReader(caseFile).scores(runId).forEach(s -> campaignOf.put(s.accountId(), s.campaignId()));
            assertEquals(result.accounts().size(), campaignOf.size());
            assertTrue(result.accounts().stream().anyMatch(a -> a.campaignId() == null), "the fixture has an account in no campaign");
            for (AccountVerdict account : result.accounts()) {
                assertEquals(account.campaignId(), campaignOf.get(account.accountId()), account.accountId());
            }
        }
    }

    @Test
    void earlierRunsStayReadableAfterANewRun(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("case.quarry");
        long first;
        long second;
        try (CaseFile caseFile = CaseFile.open(path)) {
            RunStore runs = new RunStore(caseFile);
            first = runs.save(SmallCase.result(1, 0.0), STARTED, FINISHED, ProgressListener.NONE);
            second = runs.save(SmallCase.result(2, 0.5), STARTED.plusSeconds(600), FINISHED.plusSeconds(600),
                    ProgressListener.NONE);
        }
        try (CaseFile caseFile = CaseFile.open(path)) {
            RunStore runs = new RunStore(caseFile);
            assertEquals(List.of(first, second), runs.list().stream().map(RunSummary::runId).toList());
            assertEquals(second, runs.latest().orElseThrow().runId());
            assertEquals(0.97, score(runs.load(first), SmallCase.FORMULA_ACCOUNT), 1e-12);
            assertEquals(0.47, score(runs.load(second), SmallCase.FORMULA_ACCOUNT), 1e-12);
            assertEquals(1, runs.load(first).result().options().seed());
            assertEquals(2, runs.load(second).result().options().seed());
        }
    }

    @Test
    void eachRunIsRecordedInTheAuditLog(@TempDir Path dir) throws Exception {
        try (CaseFile caseFile = CaseFile.open(dir.resolve("case.quarry"))) {
            long runId = new RunStore(caseFile).save(SmallCase.result(7, 0.0), STARTED, FINISHED, ProgressListener.NONE);
            try (Statement statement = caseFile.connection().createStatement();
                 ResultSet rs = statement.executeQuery("SELECT action, detail FROM audit_log")) {
                assertTrue(rs.next());
                assertEquals("analyze", rs.getString(1));
                assertTrue(rs.getString(2).startsWith("run " + runId + ": seed 7, 3 accounts, 2 flagged, 1 campaigns"),
                        rs.getString(2));
            }
        }
    }

    @Test
    void cancelledSaveLeavesNothingBehind(@TempDir Path dir) throws Exception {
        ProgressListener cancelled = new ProgressListener() {
            @Override
            public void progress(long done, long total, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        try (CaseFile caseFile = CaseFile.open(dir.resolve("case.quarry"))) {
            RunStore runs = new RunStore(caseFile);
            assertThrows(CancelledException.class,
                    () -> runs.save(SmallCase.result(7, 0.0), STARTED, FINISHED, cancelled));
            assertTrue(runs.list().isEmpty());
            for (String table : List.of("run_accounts", "run_campaigns", "run_reasons", "run_signals", "run_stages", "audit_log")) {
                try (Statement statement = caseFile.connection().createStatement();
                     ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), table);
                }
            }
            assertTrue(caseFile.connection().getAutoCommit());
        }
    }

    @Test
    void runWithoutCompleteOptionsTakesTodaysDefaultsForMissingFields(@TempDir Path dir) throws Exception {
        try (CaseFile caseFile = CaseFile.open(dir.resolve("case.quarry"))) {
            RunStore runs = new RunStore(caseFile);
            long runId = runs.save(SmallCase.result(9, 0.0), STARTED, FINISHED, ProgressListener.NONE);
            try (Statement statement = caseFile.connection().createStatement()) {
                // what an older Quarry, or one whose options had a field since removed, would have stored
                statement.executeUpdate("UPDATE analysis_runs SET options_json = '{\"seed\":9,\"retired_knob\":3}'");
            }
            StoredRun stored = runs.load(runId);
            assertEquals(AnalysisOptions.defaults(9), stored.result().options());
            assertTrue(stored.optionsJson().contains("retired_knob"));
        }
    }

    @Test
    void refusesARiskScoreOutsideTheUnitInterval(@TempDir Path dir) throws Exception {
        AnalysisResult good = SmallCase.result(1, 0.0);
        AccountVerdict bad = good.accounts().get(0);
        AnalysisResult result = new AnalysisResult(good.options(), List.of(new AccountVerdict(bad.accountId(), 1.5,
                true, 1, 0, 0, 0, 0, List.of(), java.util.Map.of())), List.of(), List.of(), java.util.Map.of());
        try (CaseFile caseFile = CaseFile.open(dir.resolve("case.quarry"))) {
            RunStore runs = new RunStore(caseFile);
            Exception e = assertThrows(Exception.class, () -> runs.save(result, STARTED, FINISHED, ProgressListener.NONE));
            assertTrue(e.getMessage().contains("outside [0,1]"), e.getMessage());
            assertFalse(runs.latest().isPresent());
        }
    }

    private static List<AccountVerdict> sortedById(List<AccountVerdict> accounts) {
        return accounts.stream().sorted(java.util.Comparator.comparing(AccountVerdict::accountId)).toList();
    }

    private static double score(StoredRun run, String accountId) {
        return run.result().accounts().stream().filter(a -> a.accountId().equals(accountId)).findFirst()
                .orElseThrow().riskScore();
    }
}
