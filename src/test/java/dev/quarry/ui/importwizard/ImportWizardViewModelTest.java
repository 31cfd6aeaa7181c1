package dev.quarry.ui.importwizard;

import dev.quarry.ingest.ImportSummary;
import dev.quarry.ingest.SourceFormat;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.RejectedRows;
import dev.quarry.ui.session.CaseSession;
import dev.quarry.ui.session.Screens;
import dev.quarry.ui.session.UserError;
import dev.quarry.ui.task.SynchronousTaskExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportWizardViewModelTest {

    @TempDir
    Path dir;
    CaseSession session;
    ImportWizardViewModel wizard;
    final List<UserError> errors = new ArrayList<>();

    @BeforeEach
    void wizard() {
        session = new CaseSession(new SynchronousTaskExecutor());
        session.onError(errors::add);
        wizard = new ImportWizardViewModel(session, new ImportPresets(dir.resolve("settings").resolve("presets")));
    }

    private ImportWizardViewModel.MappingRow row(String column) {
        return wizard.mapping().stream().filter(r -> r.column().equals(column)).findFirst()
                .orElseThrow(() -> new AssertionError("no mapping row " + column));
    }

    private void mapTheBiExport() {
        wizard.map(row("Zeit"), "ts");
        wizard.map(row("Kunde"), "account_id");
    }

    /** Holds every task until {@link #runAll}, so a test can look at the session while they are under way. */
    static final class HeldTasks implements dev.quarry.ui.task.TaskExecutor {
        final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> dev.quarry.ui.task.RunningTask execute(String title, dev.quarry.ui.task.BackgroundTask<T> task,
                                                         java.util.function.Consumer<T> onSuccess,
                                                         java.util.function.Consumer<Throwable> onFailure) {
            held.add(() -> {
                try {
                    onSuccess.accept(task.run(ProgressListener.NONE));
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            });
            return new dev.quarry.ui.task.RunningTask();
        }

        void runAll() {
            while (!held.isEmpty()) {
                held.remove(0).run();
            }
        }
    }

    @Test
    void aPreviewIsNotATaskOfTheAnalystsAndStaysOutOfTheTaskPanel() throws Exception {
        HeldTasks executor = new HeldTasks();
        session = new CaseSession(executor);
        session.onError(errors::add);
        wizard = new ImportWizardViewModel(session, new ImportPresets(dir.resolve("settings").resolve("presets")));
        executor.runAll();
        Path file = WizardExtracts.write(dir, "bi-export.csv", 40, true, "r");
        wizard.addFiles(List.of(file));
        assertEquals(1, session.quietWorkProperty().get(), "the preview is being read");
        assertTrue(session.tasks().isEmpty(), "and is not in the task panel: " + session.tasks());
        executor.runAll();
        assertEquals(0, session.quietWorkProperty().get());
        assertFalse(wizard.mapping().isEmpty(), "the preview arrived");
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void previewsAFileOfUnknownShapeAndSaysWhatItCannotRead() throws Exception {
        Path file = WizardExtracts.write(dir, "bi-export.csv", 40, true, "r");
        wizard.addFiles(List.of(file));
        assertEquals(Screens.IMPORT, session.screenProperty().get());
        assertEquals(file, wizard.shownFileProperty().get());
        assertTrue(wizard.detailsProperty().get().startsWith("CSV delimited by ';' (detected) · events · time no column feeds ts"),
                wizard.detailsProperty().get());
        assertEquals("account_id", row("user").field(), "the alias table reads user as the account");
        assertEquals(ImportWizardViewModel.EXTRA, row("Kunde").field());
        assertEquals("Kunde", wizard.mapping().get(1).column());
        assertEquals("kd-000", wizard.mapping().get(1).example());
        assertEquals(List.of("No column feeds ts: every row would be rejected. Choose the column that holds it."), wizard.problems());
        assertEquals(dir.resolve("bi-export.quarry"), wizard.newCasePathProperty().get(), "a new case beside the extract");
        assertEquals(ImportWizardViewModel.PREVIEW_ROWS, wizard.previewProperty().get().rows().size());
    }

    @Test
    void choosingTheFormatThePreviewWasReadAsKeepsTheChangedMapping() throws Exception {
        Path file = WizardExtracts.write(dir, "bi-export.csv", 40, true, "r");
        wizard.addFiles(List.of(file));
        mapTheBiExport();
        wizard.setFormat(SourceFormat.CSV);
        assertEquals("ts", row("Zeit").field());
        assertEquals("account_id", row("Kunde").field());
        assertEquals("mapping changed", wizard.presetInUseProperty().get());

        wizard.setFormat(SourceFormat.JSONL);
        assertFalse(wizard.detailsProperty().get().startsWith("CSV"), "another format re-reads the file: " + wizard.detailsProperty().get());
    }

    @Test
    void importsWithAChangedMappingSavesItAsAPresetAndReusesItForTheNextExtractOfThatShape() throws Exception {
        Path file = WizardExtracts.write(dir, "bi-export.csv", 300, true, "r");
        wizard.addFiles(List.of(file));
        mapTheBiExport();
        assertEquals(ImportWizardViewModel.EXTRA, row("user").field(), "account_id moved from user to Kunde");
        assertTrue(wizard.problems().isEmpty(), wizard.problems().toString());
        assertTrue(wizard.detailsProperty().get().endsWith("time Zeit: ISO-8601 with a time zone"), wizard.detailsProperty().get());
        assertEquals("Of the first 301 rows, 300 would be accepted and 1 rejected (unparseable timestamp: 1).", wizard.trialProperty().get());
        assertEquals("mapping changed", wizard.presetInUseProperty().get());

        wizard.presetNameProperty().set("BI export / Kunden");
        wizard.savePreset();
        assertEquals("preset BI export / Kunden", wizard.presetInUseProperty().get());
        ImportPresets.Preset saved = wizard.presets().stream().filter(p -> p.name().equals("BI export / Kunden")).findFirst()
                .orElseThrow(() -> new AssertionError("saved preset listed: " + wizard.presets()));
        assertEquals(dir.resolve("settings").resolve("presets"), saved.file().getParent(), "stored with the user's settings");
        assertTrue(saved.columns().containsKey("user") && saved.columns().get("user") == null, "user is saved as kept in extra");
        assertEquals("account_id", saved.columns().get("Kunde"));

        wizard.startImport();
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(ImportWizardViewModel.Step.SUMMARY, wizard.stepProperty().get());
        ImportSummary summary = wizard.outcomeProperty().get().imported().get(0);
        assertEquals(301, summary.read());
        assertEquals(300, summary.accepted());
        assertEquals(1, summary.rejected());
        assertEquals(Map.of("unparseable timestamp", 1L), summary.rejectedByReason());
        assertEquals(summary, wizard.shownSummaryProperty().get());
        assertEquals(1, wizard.rejected().size());
        RejectedRows.Row rejected = wizard.rejected().get(0);
        assertEquals(302, rejected.line());
        assertTrue(rejected.reason().startsWith("unparseable timestamp"), rejected.reason());
        assertTrue(rejected.raw().startsWith("yesterday at noon;kd-001;") && rejected.raw().contains("<script>"), rejected.raw());
        Path casePath = dir.resolve("bi-export.quarry");
        assertEquals(casePath, session.state().path(), "the new case is open");
        assertTrue(session.state().run().isEmpty());

        // the next extract of this shape is read with the preset, without touching the mapping
        wizard.startOver();
        Path next = WizardExtracts.write(dir, "bi-export-april.csv", 30, false, "april");
        wizard.addFiles(List.of(next));
        assertEquals("preset BI export / Kunden", wizard.presetInUseProperty().get());
        assertEquals("account_id", row("Kunde").field());
        assertEquals(ImportWizardViewModel.EXTRA, row("user").field());
        assertTrue(wizard.problems().isEmpty(), wizard.problems().toString());
    }

    @Test
    void offersToAnalyseTheImportedCaseThroughTheSharedAnalysis() throws Exception {
        wizard.addFiles(List.of(WizardExtracts.write(dir, "bi-export.csv", 400, false, "r")));
        mapTheBiExport();
        wizard.startImport();
        wizard.analyse();
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(Screens.OVERVIEW, session.screenProperty().get());
        assertEquals(1L, session.shownRunProperty().get(), "a run was stored");
        assertEquals(WizardExtracts.ACCOUNTS, session.state().accounts().size());
        assertTrue(session.state().accounts().stream().allMatch(a -> a.accountId().startsWith("kd-")));
    }

    @Test
    void refusesToImportWhatWouldAllBeRejectedAndCreatesNothing() throws Exception {
        wizard.addFiles(List.of(WizardExtracts.write(dir, "bi-export.csv", 10, false, "r")));
        wizard.startImport();
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).message().startsWith("bi-export.csv: No column feeds ts"), errors.get(0).message());
        assertEquals(ImportWizardViewModel.Step.CHOOSE, wizard.stepProperty().get(), "back to the mapping");
        assertFalse(Files.exists(dir.resolve("bi-export.quarry")));
    }

    @Test
    void aCancelledImportOfANewCaseKeepsNoCaseAndSaysWhatWasNotImported() throws Exception {
        Path file = WizardExtracts.write(dir, "bi-export.csv", 50, false, "r");
        Path casePath = dir.resolve("cancelled.quarry");
        ProgressListener cancelled = new ProgressListener() {
            @Override
            public void progress(long done, long total, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        ImportWizardViewModel.Outcome outcome = wizard.importAll(casePath, true, List.of(file),
                Map.of(file, new ImportWizardViewModel.FileChoice(SourceFormat.AUTO, "events",
                        Map.of("Zeit", "ts", "Kunde", "account_id"), null)), cancelled);
        assertTrue(outcome.cancelled());
        assertEquals(List.of(file), outcome.notImported());
        assertNull(outcome.casePath());
        assertFalse(Files.exists(casePath), "an empty case the analyst did not get is not left behind");
    }

    @Test
    void aPresetNameNeverBecomesAPath() {
        String name = ImportPresets.fileName("../../etc/passwd");
        assertTrue(name.matches("etc-passwd-[0-9a-f]+\\.json"), name);
        assertTrue(ImportPresets.fileName("日本").matches("preset-[0-9a-f]+\\.json"));
    }

    @Test
    void shipsPresetsForTheCanonicalLayoutARenamedHeaderExportAndBedrock() {
        List<String> names = wizard.presets().stream().map(ImportPresets.Preset::name).toList();
        assertTrue(names.contains("Quarry events CSV (canonical columns)"), names.toString());
        assertTrue(names.contains("Renamed-header CSV export (German BI tool)"), names.toString());
        assertTrue(wizard.presets().stream().anyMatch(p -> p.format() == SourceFormat.BEDROCK && p.shipped()));
    }

    @Test
    void progressNamesRowsRateAndTimeLeftAcrossFiles() {
        long[] now = {0};
        List<String> messages = new ArrayList<>();
        ImportRate rate = new ImportRate(new ProgressListener() {
            @Override
            public void progress(long done, long total, String message) {
                messages.add(done + "/" + total + " " + message);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        }, 30_000_000, 2, () -> now[0]);
        ProgressListener first = rate.forNextFile(10_000_000);
        now[0] = 2_000_000_000L;
        first.progress(10_000_000, 10_000_000, "a.csv: 50,000 rows", ProgressListener.BYTES);
        ProgressListener second = rate.forNextFile(20_000_000);
        now[0] = 3_000_000_000L;
        second.progress(5_000_000, 20_000_000, "b.csv: 20,000 rows", ProgressListener.BYTES);
        assertEquals("10000000/30000000 a.csv: 50,000 rows · 5.0 MB/s · about 4 s left · file 1 of 2", messages.get(0));
        assertEquals("15000000/30000000 b.csv: 20,000 rows · 5.0 MB/s · about 3 s left · file 2 of 2", messages.get(1));
        assertEquals("2 min 05 s", ImportRate.duration(125));
    }
}
