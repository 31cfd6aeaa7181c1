package dev.quarry.ui.start;

import dev.quarry.ui.GeneratedCase;
import dev.quarry.ui.session.CaseSession;
import dev.quarry.ui.session.Screens;
import dev.quarry.ui.session.UserError;
import dev.quarry.ui.shell.ShellViewModel;
import dev.quarry.ui.shell.UserSettings;
import dev.quarry.ui.task.SynchronousTaskExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartViewModelTest {

    @TempDir
    Path dir;
    CaseSession session;
    StartViewModel start;
    final List<UserError> errors = new ArrayList<>();
    final List<List<Path>> sentToWizard = new ArrayList<>();

    @BeforeEach
    void start() {
        session = new CaseSession(new SynchronousTaskExecutor());
        session.onError(errors::add);
        UserSettings settings = new UserSettings(dir.resolve("settings").resolve("workbench.properties"));
        new ShellViewModel(session, settings);
        start = new StartViewModel(session, settings);
        start.onImport(sentToWizard::add);
    }

    @Test
    void openingACaseShowsItsOverviewAndListsItFirstAmongRecentCases() throws Exception {
        Path older = GeneratedCase.copy(dir, "older.quarry");
        Path path = GeneratedCase.copy(dir, "case.quarry");
        start.open(older);
        start.open(path);
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(path, session.state().path());
        assertEquals(Screens.OVERVIEW, session.screenProperty().get());
        assertEquals(List.of(path.toAbsolutePath(), older.toAbsolutePath()),
                start.recentCases().stream().map(Path::toAbsolutePath).toList());
        assertTrue(start.recentExists(path));
        Files.delete(older);
        assertFalse(start.recentExists(older), "a recent case deleted since is shown as missing");
    }

    @Test
    void anExtractGivenAsACaseGoesToTheImportWizardAndNothingIsCreated() throws Exception {
        Path extract = GeneratedCase.extractDirectory().resolve("events.csv");
        byte[] before = Files.readAllBytes(extract);
        start.open(extract);
        assertEquals(List.of(List.of(extract)), sentToWizard);
        assertNull(session.state(), "no case was opened");
        assertTrue(errors.isEmpty(), errors.toString());
        assertArrayEquals(before, Files.readAllBytes(extract), "the extract is untouched");
    }

    @Test
    void anotherProgramsDatabaseIsExplainedAndLeftUnchanged() throws Exception {
        Path foreign = dir.resolve("crm.db");
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + foreign);
             var statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");
        }
        byte[] before = Files.readAllBytes(foreign);
        start.open(foreign);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("Open crm.db", errors.get(0).title());
        assertFalse(errors.get(0).advice().isBlank(), "the dialog says what to do");
        assertNull(session.state());
        assertArrayEquals(before, Files.readAllBytes(foreign), "no Quarry table was added");
        assertTrue(sentToWizard.isEmpty());
    }

    @Test
    void aMissingPathIsReportedAndNotCreated() {
        Path missing = dir.resolve("nowhere.quarry");
        start.open(missing);
        assertEquals(1, errors.size());
        assertFalse(Files.exists(missing));
        assertNull(session.state());
    }

    @Test
    void droppedExtractFilesGoTogetherToTheWizardAndADroppedCaseOpens() throws Exception {
        Path extractDir = GeneratedCase.extractDirectory();
        List<Path> extracts = List.of(extractDir.resolve("events.csv"), extractDir.resolve("accounts.csv"));
        start.dropped(extracts);
        assertEquals(List.of(extracts), sentToWizard);
        assertNull(session.state());

        Path path = GeneratedCase.copy(dir, "dropped.quarry");
        start.dropped(List.of(path));
        assertEquals(path, session.state().path());
        assertEquals(1, sentToWizard.size(), "a dropped case does not go to the wizard");
    }
}
