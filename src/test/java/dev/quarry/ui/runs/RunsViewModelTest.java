package dev.quarry.ui.runs;

import dev.quarry.analysis.Campaign;
import dev.quarry.analysis.RunComparison;
import dev.quarry.analysis.RunSummary;
import dev.quarry.store.CaseFile;
import dev.quarry.ui.GeneratedCase;
import dev.quarry.ui.session.AccountRow;
import dev.quarry.ui.session.CaseSession;
import dev.quarry.ui.session.Screens;
import dev.quarry.ui.session.UserError;
import dev.quarry.ui.task.SynchronousTaskExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunsViewModelTest {

    @TempDir
    Path dir;
    Path path;
    CaseSession session;
    RunsViewModel runs;
    final List<UserError> errors = new ArrayList<>();

    @BeforeEach
    void twoRuns() throws Exception {
        path = GeneratedCase.copy(dir, "case.quarry");
        session = new CaseSession(new SynchronousTaskExecutor());
        session.onError(errors::add);
        runs = new RunsViewModel(session);
        session.open(path);
        session.analyse(path, 7);
        assertTrue(errors.isEmpty(), errors.toString());
    }

    private void update(String sql, Object... values) throws Exception {
        try (CaseFile caseFile = CaseFile.openExisting(path);
             PreparedStatement statement = caseFile.connection().prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            assertTrue(statement.executeUpdate() > 0, sql);
        }
    }

    @Test
    void everyRunIsListedWithItsSeedAndParameters() {
        assertEquals(List.of(1L, 2L), runs.runs().stream().map(RunSummary::runId).toList());
        RunSummary second = runs.runs().get(1);
        assertEquals(7, second.seed());
        runs.inspect(second);
        String parameters = runs.parametersProperty().get();
        assertTrue(parameters.startsWith("Run 2 · seed 7 · Quarry "), parameters);
        assertTrue(parameters.contains("{"), "the run's options as stored: " + parameters);
    }

    @Test
    void showingAnEarlierRunShowsItsResultsEverywhere() {
        runs.show(runs.runs().get(0));
        assertEquals(1L, session.shownRunProperty().get());
        assertEquals(1L, session.state().run().orElseThrow().runId());
        assertEquals(Screens.OVERVIEW, session.screenProperty().get());
    }

    @Test
    void comparingTwoRunsNamesTheAccountsFlaggedOrClearedAndTheCampaignThatSplit() throws Exception {
        List<AccountRow> rows = session.state().accounts();
        String cleared = rows.stream().filter(a -> a.flagged() && a.campaignId() == null).findFirst()
                .or(() -> rows.stream().filter(AccountRow::flagged).findFirst()).orElseThrow().accountId();
        String newlyFlagged = rows.stream().filter(a -> !a.flagged() && a.scored()).reduce((a, b) -> b).orElseThrow().accountId();
        Campaign largest = session.state().campaigns().stream().max(Comparator.comparingInt(Campaign::size)).orElseThrow();
        List<String> members = rows.stream().filter(a -> a.campaignId() != null && a.campaignId() == largest.campaignId()
                && !a.accountId().equals(cleared)).map(AccountRow::accountId).sorted().toList();
        assertTrue(members.size() >= 4, "the largest campaign has " + members.size() + " members");
        update("UPDATE run_accounts SET flagged = 0, campaign_id = NULL WHERE run_id = 2 AND account_id = ?", cleared);
        update("UPDATE run_accounts SET flagged = 1 WHERE run_id = 2 AND account_id = ?", newlyFlagged);
        for (String member : members.subList(0, members.size() / 2)) {
            update("UPDATE run_accounts SET campaign_id = 990 WHERE run_id = 2 AND account_id = ?", member);
        }

        // the later run first: the comparison is always from the earlier run to the later one
        runs.compare(runs.runs().get(1), runs.runs().get(0));
        assertTrue(errors.isEmpty(), errors.toString());
        RunComparison comparison = runs.comparisonProperty().get();
        assertEquals(1, comparison.earlierRun());
        assertEquals(List.of(newlyFlagged), comparison.newlyFlagged());
        assertEquals(List.of(cleared), comparison.cleared());
        assertEquals("From run 1 to run 2: 1 account(s) newly flagged, 1 cleared", runs.changes().get(0));
        assertTrue(runs.changes().stream().anyMatch(c -> c.startsWith("split: campaign " + largest.campaignId() + " split into [")
                && c.contains("990")), runs.changes().toString());
        assertTrue(runs.changes().contains("newly flagged: " + newlyFlagged), runs.changes().toString());
        assertTrue(runs.changes().contains("cleared: " + cleared), runs.changes().toString());
    }

    @Test
    void aRunIsNotComparedWithItself() {
        runs.compare(runs.runs().get(0), runs.runs().get(0));
        assertEquals(null, runs.comparisonProperty().get());
        assertTrue(runs.changes().isEmpty());
    }
}
