package dev.quarry.ui.session;

import dev.quarry.analysis.AnalysisOptions;
import dev.quarry.analysis.Analyzer;
import dev.quarry.analysis.TrafficTimeline;
import dev.quarry.store.CaseFile;
import dev.quarry.ui.task.BackgroundTask;
import dev.quarry.ui.task.RunningTask;
import dev.quarry.ui.task.TaskExecutor;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The open case as every screen shares it: the case and the run shown, the selection (accounts, one
 * campaign, a time range, the account whose page is open) and the running tasks. A screen reads and
 * writes the selection here and never reaches into another screen, so selecting accounts in one view
 * selects them everywhere. Setters take effect on the FX thread; the selection values are immutable.
 */
public final class CaseSession {

    private final TaskExecutor executor;
    private final ReadOnlyObjectWrapper<CaseState> state = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Long> shownRun = new SimpleObjectProperty<>();
    private final ObjectProperty<Set<String>> selectedAccounts = new SimpleObjectProperty<>(Set.of());
    private final ObjectProperty<String> focusedAccount = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> selectedCampaign = new SimpleObjectProperty<>();
    private final ObjectProperty<TimeRange> selectedTimeRange = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Set<String>> accountsInTimeRange = new ReadOnlyObjectWrapper<>();
    private long timeRangeRequest;
    private final ObjectProperty<String> screen = new SimpleObjectProperty<>(Screens.START);
    private final StringProperty status = new SimpleStringProperty("Ready");
    private final LongProperty caseWorkRevision = new SimpleLongProperty();
    private final ObservableList<SessionTask> tasks = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper quietWork = new ReadOnlyIntegerWrapper();
    private Consumer<UserError> errors = error -> status.set(error.title() + ": " + error.message());

    public CaseSession(TaskExecutor executor) {
        this.executor = executor;
        shownRun.addListener((observable, old, run) -> {
            CaseState current = state.get();
            if (current != null && !Objects.equals(old, run) && current.run().map(r -> !Objects.equals(r.runId(), run)).orElse(run != null)) {
                reload();
            }
        });
        selectedAccounts.addListener((observable, old, accounts) -> {
            if (accounts == null) {
                selectedAccounts.set(Set.of());
            }
        });
        selectedTimeRange.addListener((observable, old, range) -> findAccountsInTimeRange());
        state.addListener((observable, old, loaded) -> findAccountsInTimeRange());
    }

    /** Reads which accounts of the run shown were active in the selected time range, off the FX thread; the latest request wins. */
    private void findAccountsInTimeRange() {
        long request = ++timeRangeRequest;
        TimeRange range = selectedTimeRange.get();
        CaseState current = state.get();
        if (range == null || current == null || current.run().isEmpty()) {
            accountsInTimeRange.set(null);
            return;
        }
        long runId = current.run().get().runId();
        withCase("Finding the accounts active in the time range", (caseFile, progress) ->
                new TrafficTimeline(caseFile, runId).accountsActiveIn(range.fromMillis(), range.toMillis()), active -> {
                    if (request == timeRangeRequest) {
                        accountsInTimeRange.set(Set.copyOf(active));
                    }
                });
    }

    /** Where failures go: the shell shows them as a dialog; tests collect them. */
    public void onError(Consumer<UserError> handler) {
        this.errors = handler;
    }

    public void report(UserError error) {
        errors.accept(error);
    }

    /** Opens an existing case (never creating or changing anything else) on its latest run. */
    public void open(Path path) {
        run("Opening " + path.getFileName(), progress -> {
            try (CaseFile caseFile = CaseFile.openExisting(path)) {
                return CaseState.read(caseFile, null);
            }
        }, this::show);
    }

    /** Shows a state read elsewhere (after an import or an analysis that made a new case or run). */
    public void show(CaseState loaded) {
        CaseState previous = state.get();
        boolean otherCase = previous == null || !previous.path().equals(loaded.path());
        if (otherCase) {
            selectedAccounts.set(Set.of());
            focusedAccount.set(null);
            selectedCampaign.set(null);
            selectedTimeRange.set(null);
        }
        state.set(loaded);
        shownRun.set(loaded.run().map(r -> r.runId()).orElse(null));
        if (otherCase && screen.get().equals(Screens.START)) {
            screen.set(Screens.OVERVIEW);
        }
    }

    /** Reads the case again for the run shown, e.g. after a verdict or a new run. */
    public void reload() {
        CaseState current = state.get();
        if (current == null) {
            return;
        }
        Long run = shownRun.get();
        withCase("Reading " + current.path().getFileName(), (caseFile, progress) -> CaseState.read(caseFile, run), this::show);
    }

    public void close() {
        state.set(null);
        shownRun.set(null);
        selectedAccounts.set(Set.of());
        focusedAccount.set(null);
        selectedCampaign.set(null);
        selectedTimeRange.set(null);
        screen.set(Screens.START);
    }

    /** Runs work on the open case with its own connection; failures are reported as readable errors. */
    public <T> SessionTask withCase(String title, CaseJob<T> job, Consumer<T> onSuccess) {
        CaseState current = state.get();
        if (current == null) {
            throw new IllegalStateException("no case is open");
        }
        Path path = current.path();
        return run(title, progress -> {
            try (CaseFile caseFile = CaseFile.openExisting(path)) {
                return job.run(caseFile, progress);
            }
        }, onSuccess);
    }

    /** Runs any long work in the task panel; several may run at once, each with its Cancel. */
    public <T> SessionTask run(String title, BackgroundTask<T> task, Consumer<T> onSuccess) {
        SessionTask[] entry = new SessionTask[1];
        RunningTask running = executor.execute(title, task, result -> {
            tasks.remove(entry[0]);
            onSuccess.accept(result);
            status.set(title + ": done");
        }, failure -> {
            tasks.remove(entry[0]);
            UserError error = UserError.of(title, failure);
            status.set(error.title() + (error.message().isEmpty() ? "" : ": " + error.message()));
            if (!(failure instanceof dev.quarry.model.CancelledException)) {
                errors.accept(error);
            }
        });
        entry[0] = new SessionTask(title, running);
        if (running.runningProperty().get()) {
            tasks.add(entry[0]);
            status.set(title + "…");
        }
        return entry[0];
    }

    /**
     * Runs short work the analyst did not start as a task of their own (a file's preview while the
     * wizard shows it, a list read for a screen) off the FX thread without an entry in the task panel,
     * where it would only flash by; a failure is still reported.
     */
    public <T> void runQuietly(String title, BackgroundTask<T> task, Consumer<T> onSuccess) {
        quietWork.set(quietWork.get() + 1);
        executor.execute(title, task, result -> {
            quietWork.set(quietWork.get() - 1);
            onSuccess.accept(result);
        }, failure -> {
            quietWork.set(quietWork.get() - 1);
            if (!(failure instanceof dev.quarry.model.CancelledException)) {
                errors.accept(UserError.of(title, failure));
            }
        });
    }

    /** How many pieces of quiet work ({@link #runQuietly}) are running. */
    public ReadOnlyIntegerProperty quietWorkProperty() {
        return quietWork.getReadOnlyProperty();
    }

    /**
     * Runs a new analysis of a case (earlier runs are kept) through the analyse-and-store step the
     * command line uses, then shows the case on its new run.
     */
    public SessionTask analyse(Path casePath, long seed) {
        return run("Analysing " + casePath.getFileName(), progress -> {
            try (CaseFile caseFile = CaseFile.openExisting(casePath)) {
                Analyzer.runAndStore(caseFile, AnalysisOptions.defaults(seed), progress);
                return CaseState.read(caseFile, null);
            }
        }, this::show);
    }

    /** Tells every screen that the analyst recorded something (a verdict, a note, a tag) and reloads. */
    public void caseWorkChanged() {
        caseWorkRevision.set(caseWorkRevision.get() + 1);
        reload();
    }

    public ReadOnlyObjectProperty<CaseState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public CaseState state() {
        return state.get();
    }

    /** The run shown (null before any analysis); setting it shows that run's results everywhere. */
    public ObjectProperty<Long> shownRunProperty() {
        return shownRun;
    }

    /** The accounts selected, by id (never null; empty when none). */
    public ObjectProperty<Set<String>> selectedAccountsProperty() {
        return selectedAccounts;
    }

    /** The account whose page is open, or null. */
    public ObjectProperty<String> focusedAccountProperty() {
        return focusedAccount;
    }

    /** The campaign selected (an id of the shown run), or null. */
    public ObjectProperty<Integer> selectedCampaignProperty() {
        return selectedCampaign;
    }

    /** The time range selected, or null for the whole case. */
    public ObjectProperty<TimeRange> selectedTimeRangeProperty() {
        return selectedTimeRange;
    }

    /**
     * The accounts of the run shown with a request in the selected time range: null while no range
     * is selected (or while it is being read), so screens that follow the range show everything then.
     */
    public ReadOnlyObjectProperty<Set<String>> accountsInTimeRangeProperty() {
        return accountsInTimeRange.getReadOnlyProperty();
    }

    /** The screen shown, by its id in {@link Screens}; a screen sets it to send the analyst elsewhere. */
    public ObjectProperty<String> screenProperty() {
        return screen;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** Goes up each time the analyst records something, so screens showing case work can refresh. */
    public LongProperty caseWorkRevisionProperty() {
        return caseWorkRevision;
    }

    public ObservableList<SessionTask> tasks() {
        return tasks;
    }
}
