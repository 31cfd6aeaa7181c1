package dev.quarry.ui.workbench;

import dev.quarry.model.CancelledException;
import dev.quarry.store.CaseFile;
import dev.quarry.store.CaseOverview;
import dev.quarry.ui.task.RunningTask;
import dev.quarry.ui.task.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * State of the main window: which case is open, what it holds, and the long task (if any) that is
 * running. Holds no controls; {@link WorkbenchView} binds to it.
 */
public final class WorkbenchViewModel {

    private final TaskExecutor executor;
    private final StringProperty title = new SimpleStringProperty("Quarry");
    private final StringProperty summary = new SimpleStringProperty("No case open.");
    private final StringProperty status = new SimpleStringProperty("Ready");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty accountFilter = new SimpleStringProperty("");
    private final ObjectProperty<Path> casePath = new SimpleObjectProperty<>();
    private final ObservableList<CaseOverview.Source> sources = FXCollections.observableArrayList();
    private final ObservableList<CaseOverview.AccountActivity> accounts = FXCollections.observableArrayList();
    private final FilteredList<CaseOverview.AccountActivity> filteredAccounts = new FilteredList<>(accounts);
    private RunningTask current;

    public WorkbenchViewModel(TaskExecutor executor) {
        this.executor = executor;
        accountFilter.addListener((observable, old, text) -> {
            String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            filteredAccounts.setPredicate(needle.isEmpty() ? null
                    : row -> row.accountId().toLowerCase(Locale.ROOT).contains(needle));
        });
    }

    public void openCase(Path path) {
        run("Opening " + path.getFileName(), progressListener -> {
            try (CaseFile caseFile = CaseFile.open(path)) {
                return CaseOverview.load(caseFile);
            }
        }, overview -> show(path, overview));
    }

    private void show(Path path, CaseOverview overview) {
        casePath.set(path);
        title.set("Quarry — " + path.getFileName());
        sources.setAll(overview.sources());
        accounts.setAll(overview.activity());
        summary.set(String.format(Locale.ROOT, "%,d events from %,d accounts in %d source file(s), %,d rows rejected%s",
                overview.events(), overview.accounts(), overview.sources().size(), overview.rejected(),
                overview.firstTs() == null ? "" : ", " + Instant.ofEpochMilli(overview.firstTs()) + " to "
                        + Instant.ofEpochMilli(overview.lastTs())));
    }

    private <T> void run(String what, dev.quarry.ui.task.BackgroundTask<T> task, java.util.function.Consumer<T> onSuccess) {
        busy.set(true);
        status.set(what + "…");
        current = executor.execute(what, task, result -> {
            unbind();
            status.set("Ready");
            onSuccess.accept(result);
        }, failure -> {
            unbind();
            status.set(failure instanceof CancelledException ? what + ": cancelled, nothing was changed"
                    : what + " failed: " + failure.getMessage());
        });
        if (current.runningProperty().get()) {
            progress.bind(current.progressProperty());
            status.bind(current.messageProperty());
        }
    }

    private void unbind() {
        progress.unbind();
        status.unbind();
        progress.set(0);
        busy.set(false);
    }

    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty accountFilterProperty() {
        return accountFilter;
    }

    public ObjectProperty<Path> casePathProperty() {
        return casePath;
    }

    public ObservableList<CaseOverview.Source> sources() {
        return sources;
    }

    public ObservableList<CaseOverview.AccountActivity> visibleAccounts() {
        return filteredAccounts;
    }
}
