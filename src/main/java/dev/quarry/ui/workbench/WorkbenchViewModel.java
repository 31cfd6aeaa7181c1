package dev.quarry.ui.workbench;

import dev.quarry.analysis.AnalysisOptions;
import dev.quarry.analysis.Analyzer;
import dev.quarry.analysis.Campaign;
import dev.quarry.analysis.RunStore;
import dev.quarry.analysis.SignalStatus;
import dev.quarry.analysis.StoredRun;
import dev.quarry.ingest.ImportOptions;
import dev.quarry.ingest.Importer;
import dev.quarry.model.CancelledException;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import dev.quarry.store.CaseOverview;
import dev.quarry.ui.task.BackgroundTask;
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
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * State of the main window: which case is open, what it holds, what the latest analysis run found,
 * and the long task (if any) that is running. Holds no controls; {@link WorkbenchView} binds to it.
 */
public final class WorkbenchViewModel {

    private static final long DEFAULT_SEED = 1;

    private final TaskExecutor executor;
    private final StringProperty title = new SimpleStringProperty("Quarry");
    private final StringProperty summary = new SimpleStringProperty("No case open.");
    private final StringProperty runSummary = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("Ready");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty accountFilter = new SimpleStringProperty("");
    private final BooleanProperty flaggedOnly = new SimpleBooleanProperty(false);
    private final ObjectProperty<Integer> campaignFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> casePath = new SimpleObjectProperty<>();
    private final ObjectProperty<AccountRow> selectedAccount = new SimpleObjectProperty<>();
    private final ObjectProperty<Campaign> selectedCampaign = new SimpleObjectProperty<>();
    private final StringProperty accountDetail = new SimpleStringProperty("");
    private final StringProperty campaignDetail = new SimpleStringProperty("");
    private final ObservableList<CaseOverview.Source> sources = FXCollections.observableArrayList();
    private final ObservableList<AccountRow> accounts = FXCollections.observableArrayList();
    private final FilteredList<AccountRow> filteredAccounts = new FilteredList<>(accounts);
    private final ObservableList<Campaign> campaigns = FXCollections.observableArrayList();
    private final ObservableList<SignalStatus> signals = FXCollections.observableArrayList();
    private RunningTask current;

    public WorkbenchViewModel(TaskExecutor executor) {
        this.executor = executor;
        accountFilter.addListener((observable, old, text) -> refilter());
        flaggedOnly.addListener((observable, old, value) -> refilter());
        campaignFilter.addListener((observable, old, value) -> refilter());
        selectedAccount.addListener((observable, old, row) -> accountDetail.set(describe(row)));
        selectedCampaign.addListener((observable, old, campaign) -> campaignDetail.set(describe(campaign)));
    }

    public void openCase(Path path) {
        run("Opening " + path.getFileName(), progressListener -> {
            try (CaseFile caseFile = CaseFile.open(path)) {
                return CaseSnapshot.read(caseFile);
            }
        }, snapshot -> show(path, snapshot));
    }

    /**
     * Opens the case built from the sample extract: imports the sample's files (a file already in the
     * case is skipped by its hash) and analyses the case when it has no run yet.
     */
    public void openSample(Path sampleDirectory, Path casePath) {
        run("Opening the sample dataset", progressListener -> {
            try (CaseFile caseFile = CaseFile.open(casePath)) {
                Importer importer = new Importer(caseFile);
                for (Path file : SampleDataset.dataFiles(sampleDirectory)) {
                    importer.importFile(file, ImportOptions.auto(), relabel(progressListener, "Importing " + file.getFileName()));
                }
                if (new RunStore(caseFile).latest().isEmpty()) {
                    analyzeAndStore(caseFile, progressListener);
                }
                return CaseSnapshot.read(caseFile);
            }
        }, snapshot -> show(casePath, snapshot));
    }

    /** Runs a new analysis of the open case and shows its results; earlier runs stay in the case. */
    public void analyze() {
        Path path = casePath.get();
        if (path == null) {
            return;
        }
        run("Analysing " + path.getFileName(), progressListener -> {
            try (CaseFile caseFile = CaseFile.open(path)) {
                analyzeAndStore(caseFile, progressListener);
                return CaseSnapshot.read(caseFile);
            }
        }, snapshot -> show(path, snapshot));
    }

    private static void analyzeAndStore(CaseFile caseFile, ProgressListener progressListener) throws Exception {
        Analyzer.runAndStore(caseFile, AnalysisOptions.defaults(DEFAULT_SEED), relabel(progressListener, "Analysing"));
    }

    private static ProgressListener relabel(ProgressListener inner, String prefix) {
        return new ProgressListener() {
            @Override
            public void progress(long done, long total, String message) {
                inner.progress(done, total, message == null || message.isBlank() ? prefix : prefix + ": " + message);
            }

            @Override
            public boolean isCancelled() {
                return inner.isCancelled();
            }
        };
    }

    private void show(Path path, CaseSnapshot snapshot) {
        CaseOverview overview = snapshot.overview();
        casePath.set(path);
        title.set("Quarry — " + path.getFileName());
        sources.setAll(overview.sources());
        campaignFilter.set(null);
        accounts.setAll(snapshot.accounts());
        summary.set(String.format(Locale.ROOT, "%,d events from %,d accounts in %d source file(s), %,d rows rejected%s",
                overview.events(), overview.accounts(), overview.sources().size(), overview.rejected(),
                overview.firstTs() == null ? "" : ", " + Instant.ofEpochMilli(overview.firstTs()) + " to "
                        + Instant.ofEpochMilli(overview.lastTs())));
        if (snapshot.latestRun().isPresent()) {
            StoredRun run = snapshot.latestRun().get();
            campaigns.setAll(run.result().campaigns());
            signals.setAll(run.result().signals());
            String missing = run.result().signals().stream().filter(signal -> !signal.computed())
                    .map(SignalStatus::signal).collect(Collectors.joining(", "));
            runSummary.set(String.format(Locale.ROOT, "Run %d (seed %d, Quarry %s): %,d of %,d accounts flagged in %d campaign(s)%s",
                    run.runId(), run.summary().seed(), run.summary().quarryVersion(), run.summary().flagged(),
                    run.summary().accounts(), run.summary().campaigns(),
                    missing.isEmpty() ? "" : "; not computed: " + missing));
        } else {
            campaigns.clear();
            signals.clear();
            runSummary.set("Not analysed yet.");
        }
    }

    private <T> void run(String what, BackgroundTask<T> task, Consumer<T> onSuccess) {
        busy.set(true);
        status.set(what + "…");
        current = executor.execute(what, task, result -> {
            // show the result before leaving the busy state, so "not busy" means "all shown"
            onSuccess.accept(result);
            unbind();
            status.set("Ready");
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

    /** Shows only the members of the given campaign in the accounts table (null shows all). */
    public void showCampaignMembers(Integer campaignId) {
        campaignFilter.set(campaignId);
    }

    private void refilter() {
        String needle = accountFilter.get() == null ? "" : accountFilter.get().strip().toLowerCase(Locale.ROOT);
        boolean onlyFlagged = flaggedOnly.get();
        Integer campaign = campaignFilter.get();
        filteredAccounts.setPredicate(row -> (needle.isEmpty() || row.accountId().toLowerCase(Locale.ROOT).contains(needle))
                && (!onlyFlagged || row.flagged())
                && (campaign == null || Objects.equals(campaign, row.campaignId())));
    }

    private static String describe(AccountRow row) {
        if (row == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(row.accountId()).append('\n');
        text.append(String.format(Locale.ROOT, "%,d events", row.events()));
        if (row.riskScore() != null) {
            text.append(String.format(Locale.ROOT, ", risk %.2f%s%s", row.riskScore(), row.flagged() ? ", flagged" : "",
                    row.campaignId() == null ? "" : ", campaign " + row.campaignId()));
        }
        text.append('\n');
        appendReasons(text, row.reasons());
        return text.toString();
    }

    private static String describe(Campaign campaign) {
        if (campaign == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "Campaign %d: %s%n%d accounts, score %.2f%nSignals: %s%n",
                campaign.campaignId(), campaign.label(), campaign.size(), campaign.score(), String.join(", ", campaign.signals())));
        appendReasons(text, campaign.reasons());
        return text.toString();
    }

    private static void appendReasons(StringBuilder text, List<String> reasons) {
        for (String reason : reasons) {
            text.append("\n• ").append(reason);
        }
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty runSummaryProperty() {
        return runSummary;
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

    public BooleanProperty flaggedOnlyProperty() {
        return flaggedOnly;
    }

    public ObjectProperty<Integer> campaignFilterProperty() {
        return campaignFilter;
    }

    public ObjectProperty<Path> casePathProperty() {
        return casePath;
    }

    public ObjectProperty<AccountRow> selectedAccountProperty() {
        return selectedAccount;
    }

    public ObjectProperty<Campaign> selectedCampaignProperty() {
        return selectedCampaign;
    }

    public StringProperty accountDetailProperty() {
        return accountDetail;
    }

    public StringProperty campaignDetailProperty() {
        return campaignDetail;
    }

    public ObservableList<CaseOverview.Source> sources() {
        return sources;
    }

    public ObservableList<AccountRow> visibleAccounts() {
        return filteredAccounts;
    }

    public ObservableList<Campaign> campaigns() {
        return campaigns;
    }

    public ObservableList<SignalStatus> signals() {
        return signals;
    }
}
