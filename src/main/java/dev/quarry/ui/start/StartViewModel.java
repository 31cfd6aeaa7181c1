package dev.quarry.ui.start;

import dev.quarry.analysis.SampleCase;
import dev.quarry.store.CaseFile;
import dev.quarry.store.NotACaseException;
import dev.quarry.store.StoreException;
import dev.quarry.ui.session.CaseSession;
import dev.quarry.ui.session.UserError;
import dev.quarry.ui.shell.UserSettings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The start screen: recent cases, open a case, new case from extract files, the sample, and what to
 * do with files dropped on the window. Opening checks first what a path is, so that an extract
 * given as a case leads to the import wizard and nothing is ever created by opening.
 */
public final class StartViewModel {

    private final CaseSession session;
    private final UserSettings settings;
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private Consumer<List<Path>> importWizard = files -> { };

    public StartViewModel(CaseSession session, UserSettings settings) {
        this.session = session;
        this.settings = settings;
        refreshRecent();
        session.stateProperty().addListener((observable, old, state) -> refreshRecent());
    }

    /** Where "new case from these files" goes: the import wizard, set by the shell. */
    public void onImport(Consumer<List<Path>> wizard) {
        this.importWizard = wizard;
    }

    private void refreshRecent() {
        recent.setAll(settings.recentCases());
    }

    /** Opens a case; an extract file offers the import wizard instead, anything else is explained. */
    public void open(Path path) {
        try {
            CaseFile.requireCase(path);
            session.open(path);
        } catch (NotACaseException e) {
            if (e.kind() == NotACaseException.Kind.EXTRACT) {
                importWizard.accept(List.of(path));
            } else {
                session.report(UserError.of("Open " + path.getFileName(), e));
            }
        } catch (StoreException e) {
            session.report(UserError.of("Open " + path.getFileName(), e));
        }
    }

    /** Files dropped on the window: one case opens; extract files go to the import wizard. */
    public void dropped(List<Path> files) {
        List<Path> extracts = new ArrayList<>();
        for (Path file : files) {
            try {
                CaseFile.requireCase(file);
                session.open(file);
                return;
            } catch (NotACaseException e) {
                if (e.kind() == NotACaseException.Kind.EXTRACT) {
                    extracts.add(file);
                } else {
                    session.report(UserError.of("Open " + file.getFileName(), e));
                }
            } catch (StoreException e) {
                session.report(UserError.of("Open " + file.getFileName(), e));
            }
        }
        if (!extracts.isEmpty()) {
            importWizard.accept(extracts);
        }
    }

    public void newCaseFrom(List<Path> files) {
        importWizard.accept(files);
    }

    /** Builds the sample's case in the user's data folder (importing and analysing once) and opens it. */
    public void openSample() {
        Optional<Path> sample = SampleCase.locate();
        if (sample.isEmpty()) {
            session.report(new UserError("Open the sample", "The sample extract (datasets/sample) is not installed here.",
                    "Reinstall Quarry, or open a case of your own."));
            return;
        }
        Path casePath = SampleCase.defaultCasePath();
        session.run("Preparing the sample case", progress -> SampleCase.build(sample.get(), casePath, progress),
                path -> session.open(path));
    }

    public boolean recentExists(Path path) {
        return Files.isRegularFile(path);
    }

    public ObservableList<Path> recentCases() {
        return recent;
    }
}
