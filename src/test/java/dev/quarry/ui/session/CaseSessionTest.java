package dev.quarry.ui.session;

import dev.quarry.ui.GeneratedCase;
import dev.quarry.ui.task.SynchronousTaskExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaseSessionTest {

    @TempDir
    Path dir;
    CaseSession session;
    final List<UserError> errors = new ArrayList<>();

    @BeforeEach
    void session() {
        session = new CaseSession(new SynchronousTaskExecutor());
        session.onError(errors::add);
    }

    @Test
    void openingACaseShowsItsLatestRunOnTheOverviewFromStoredTablesOnly() throws Exception {
        Path path = GeneratedCase.copy(dir, "case.quarry");
        session.open(path);
        CaseState state = session.state();
        assertEquals(path, state.path());
        assertEquals(1L, session.shownRunProperty().get());
        assertEquals(400, state.accounts().size());
        assertTrue(state.digest().isPresent(), "the run carries its digest (schema 3)");
        assertTrue(state.accounts().get(0).flagged(), "riskiest first");
        assertEquals(Screens.OVERVIEW, session.screenProperty().get());
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void theSelectionIsWritableByAnyScreenAndClearedWhenAnotherCaseOpens() throws Exception {
        session.open(GeneratedCase.copy(dir, "a.quarry"));
        session.selectedAccountsProperty().set(Set.of("x", "y"));
        session.selectedCampaignProperty().set(1);
        session.selectedTimeRangeProperty().set(new TimeRange(0, 10));
        session.open(GeneratedCase.copy(dir, "b.quarry"));
        assertTrue(session.selectedAccountsProperty().get().isEmpty());
        assertNull(session.selectedCampaignProperty().get());
        assertNull(session.selectedTimeRangeProperty().get());
    }

    @Test
    void openingAMissingPathReportsItAndCreatesNothing() {
        Path missing = dir.resolve("gone.quarry");
        session.open(missing);
        assertNull(session.state());
        assertEquals(1, errors.size());
        assertEquals("case " + missing + " not found", errors.get(0).message());
        assertFalse(Files.exists(missing));
    }
}
