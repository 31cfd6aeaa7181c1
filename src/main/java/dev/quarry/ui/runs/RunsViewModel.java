package dev.quarry.ui.runs;

import dev.quarry.analysis.RunComparison;
import dev.quarry.analysis.RunReader;
import dev.quarry.analysis.RunSummary;
import dev.quarry.ui.session.CaseSession;
import dev.quarry.ui.session.Screens;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/** The runs of the case with their parameters and seed; shows any run, or compares two. */
public final class RunsViewModel {

    private static final java.time.format.DateTimeFormatter STARTED = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss", java.util.Locale.ROOT).withZone(java.time.ZoneOffset.UTC);

    private final CaseSession session;
    private final ObservableList<RunSummary> runs = FXCollections.observableArrayList();
    private final StringProperty parameters = new SimpleStringProperty("");
    private final ObjectProperty<RunComparison> comparison = new SimpleObjectProperty<>();
    private final ObservableList<String> changes = FXCollections.observableArrayList();

    public RunsViewModel(CaseSession session) {
        this.session = session;
        session.stateProperty().addListener((o, old, state) -> runs.setAll(state == null ? List.of() : state.runs()));
        if (session.state() != null) {
            runs.setAll(session.state().runs());
        }
    }

    public void inspect(RunSummary run) {
        if (run == null) {
            parameters.set("");
            return;
        }
        session.withCase("Reading run " + run.runId(), (caseFile, progress) -> new RunReader(caseFile).optionsJson(run.runId()),
                json -> parameters.set("Run " + run.runId() + " · seed " + run.seed() + " · Quarry " + run.quarryVersion()
                        + " · started " + STARTED.format(run.startedAt()) + " UTC\n" + json));
    }

    /** Shows this run's results on every screen. */
    public void show(RunSummary run) {
        session.shownRunProperty().set(run.runId());
        session.screenProperty().set(Screens.OVERVIEW);
    }

    /** Compares an earlier and a later run: accounts flagged or cleared, campaigns kept, split, merged, new or gone. */
    public void compare(RunSummary first, RunSummary second) {
        if (first == null || second == null || first.runId() == second.runId()) {
            return;
        }
        RunSummary earlier = first.runId() < second.runId() ? first : second;
        RunSummary later = earlier == first ? second : first;
        session.withCase("Comparing runs " + earlier.runId() + " and " + later.runId(), (caseFile, progress) -> {
            RunReader reader = new RunReader(caseFile);
            return RunComparison.of(earlier.runId(), reader.scores(earlier.runId()), later.runId(), reader.scores(later.runId()));
        }, result -> {
            comparison.set(result);
            changes.clear();
            changes.add(String.format("From run %d to run %d: %d account(s) newly flagged, %d cleared", result.earlierRun(),
                    result.laterRun(), result.newlyFlagged().size(), result.cleared().size()));
            result.campaigns().forEach(c -> changes.add(c.change().name().toLowerCase() + ": " + c.description()));
            result.newlyFlagged().stream().limit(200).forEach(a -> changes.add("newly flagged: " + a));
            result.cleared().stream().limit(200).forEach(a -> changes.add("cleared: " + a));
        });
    }

    public ObservableList<RunSummary> runs() {
        return runs;
    }

    public StringProperty parametersProperty() {
        return parameters;
    }

    public ObjectProperty<RunComparison> comparisonProperty() {
        return comparison;
    }

    public ObservableList<String> changes() {
        return changes;
    }
}
