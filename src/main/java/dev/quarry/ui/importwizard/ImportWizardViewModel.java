package dev.quarry.ui.importwizard;

import dev.quarry.ingest.ExtractPreview;
import dev.quarry.ingest.ImportOptions;
import dev.quarry.ingest.ImportSummary;
import dev.quarry.ingest.Importer;
import dev.quarry.ingest.IngestException;
import dev.quarry.ingest.SourceFormat;
import dev.quarry.model.CancelledException;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import dev.quarry.store.RejectedRows;
import dev.quarry.ui.session.CaseSession;
import dev.quarry.ui.session.Screens;
import dev.quarry.ui.session.SessionTask;
import dev.quarry.ui.session.UserError;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The import wizard: extract files, how each will be read (format, kind, column to field mapping,
 * previewed on its first rows), named presets for extracts of the same shape, the import itself in
 * the task panel, and its summary with the rejected rows. Everything that touches a file runs as a
 * session task, off the FX thread; the state here changes only on the FX thread.
 */
public final class ImportWizardViewModel {

    /** The field choice that sends a column to {@code extra} (kept with the event, mapped to nothing). */
    public static final String EXTRA = "(keep in extra)";
    static final int PREVIEW_ROWS = 20;
    static final int REJECTED_PAGE = 200;

    public enum Step { CHOOSE, IMPORTING, SUMMARY }

    public enum Target { NEW_CASE, OPEN_CASE }

    /** One source column of the file shown: an example value and the field it feeds. */
    public static final class MappingRow {
        private final String column;
        private final String example;
        private final ReadOnlyStringWrapper field;

        MappingRow(String column, String example, String field) {
            this.column = column;
            this.example = example;
            this.field = new ReadOnlyStringWrapper(field == null ? EXTRA : field);
        }

        public String column() {
            return column;
        }

        public String example() {
            return example;
        }

        public ReadOnlyStringProperty fieldProperty() {
            return field.getReadOnlyProperty();
        }

        public String field() {
            return field.get();
        }
    }

    /**
     * How one file is to be read, as the analyst chose. Immutable: tasks get the one in force when they
     * start. {@code columns} null means "by the alias table"; otherwise every column is listed.
     */
    record FileChoice(SourceFormat format, String kind, Map<String, String> columns, String preset) {
        static final FileChoice AUTO = new FileChoice(SourceFormat.AUTO, null, null, null);

        boolean mapped() {
            return kind != null || columns != null;
        }

        /** The choice as a mapping file's JSON text (what the case records with the import). */
        String mappingJson(Path file) {
            return new ImportPresets.Preset(preset != null ? preset : "mapping of " + file.getFileName(), format, kind,
                    columns == null ? Map.of() : columns, null).json();
        }
    }

    /** What an import did: the summaries of the files imported, the files that failed and why, and whether it was cancelled. */
    public record Outcome(Path casePath, List<ImportSummary> imported, Map<Path, String> failed, List<Path> notImported,
                          boolean cancelled) {
    }

    private record Loaded(Path file, FileChoice choice, ExtractPreview preview, Path suggestedCase) {
    }

    private final CaseSession session;
    private final ImportPresets presets;
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final Map<Path, FileChoice> choices = new HashMap<>();
    private final ObjectProperty<Path> shownFile = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ExtractPreview> preview = new ReadOnlyObjectWrapper<>();
    private final ObservableList<MappingRow> mapping = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper trial = new ReadOnlyStringWrapper("");
    private final ObservableList<ImportPresets.Preset> presetList = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper presetInUse = new ReadOnlyStringWrapper("");
    private final StringProperty presetName = new SimpleStringProperty("");
    private final ObjectProperty<Target> target = new SimpleObjectProperty<>(Target.NEW_CASE);
    private final ObjectProperty<Path> newCasePath = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.CHOOSE);
    private final ReadOnlyObjectWrapper<SessionTask> importTask = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> outcomeNotes = FXCollections.observableArrayList();
    private final ObjectProperty<ImportSummary> shownSummary = new SimpleObjectProperty<>();
    private final ObservableList<RejectedRows.Row> rejected = FXCollections.observableArrayList();
    private final IntegerProperty rejectedPage = new SimpleIntegerProperty();
    private Path mappingFolder;

    public ImportWizardViewModel(CaseSession session, ImportPresets presets) {
        this.session = session;
        this.presets = presets;
        shownFile.addListener((observable, old, file) -> {
            if (file != null) {
                loadPreview(file);
            } else {
                clearPreview();
            }
        });
        shownSummary.addListener((observable, old, summary) -> showRejected(0));
        refreshPresets();
    }

    /** Files to import (a drop on the window, New case from extract files); the first new one is shown. */
    public void addFiles(List<Path> added) {
        if (step.get() != Step.CHOOSE) {
            startOver();
        }
        Path first = null;
        for (Path file : added) {
            Path absolute = file.toAbsolutePath().normalize();
            if (!files.contains(absolute)) {
                files.add(absolute);
                choices.put(absolute, FileChoice.AUTO);
                if (first == null) {
                    first = absolute;
                }
            }
        }
        if (first != null) {
            shownFile.set(first);
        }
        session.screenProperty().set(Screens.IMPORT);
    }

    public void removeFile(Path file) {
        files.remove(file);
        choices.remove(file);
        if (file.equals(shownFile.get())) {
            shownFile.set(files.isEmpty() ? null : files.get(0));
        }
    }

    /** Back to choosing files, with none chosen: after a summary, for the next import. */
    public void startOver() {
        files.clear();
        choices.clear();
        shownFile.set(null);
        outcome.set(null);
        outcomeNotes.clear();
        shownSummary.set(null);
        rejected.clear();
        newCasePath.set(null);
        step.set(Step.CHOOSE);
    }

    private void clearPreview() {
        preview.set(null);
        mapping.clear();
        problems.clear();
        details.set("");
        trial.set("");
        presetInUse.set("");
    }

    private void loadPreview(Path file) {
        FileChoice choice = choices.getOrDefault(file, FileChoice.AUTO);
        boolean suggestCase = newCasePath.get() == null;
        session.runQuietly("Reading the first rows of " + file.getFileName(), progress -> {
            FileChoice used = choice;
            if (!choice.mapped() && choice.preset() == null) {
                // an extract of a shape seen before is read the way it was then
                ExtractPreview auto = ExtractPreview.read(file, new ImportOptions(choice.format(), null), PREVIEW_ROWS);
                Optional<ImportPresets.Preset> best = presets.bestFor(auto);
                if (best.isEmpty()) {
                    return new Loaded(file, choice, auto, suggestCase ? suggestedCase(file) : null);
                }
                used = fromPreset(best.get());
            }
            ExtractPreview read = ExtractPreview.read(file, options(file, used), PREVIEW_ROWS);
            return new Loaded(file, used, read, suggestCase ? suggestedCase(file) : null);
        }, this::showLoaded);
    }

    private void showLoaded(Loaded loaded) {
        if (!files.contains(loaded.file())) {
            return;
        }
        choices.put(loaded.file(), loaded.choice());
        if (loaded.suggestedCase() != null && newCasePath.get() == null) {
            newCasePath.set(loaded.suggestedCase());
        }
        if (!loaded.file().equals(shownFile.get())) {
            return;
        }
        ExtractPreview read = loaded.preview();
        preview.set(read);
        List<MappingRow> rows = new ArrayList<>();
        for (int c = 0; c < read.columns().size(); c++) {
            ExtractPreview.Column column = read.columns().get(c);
            rows.add(new MappingRow(column.name(), example(read, c), column.field()));
        }
        mapping.setAll(rows);
        details.set(read.describeFormat() + " · " + read.kind() + " · time " + read.timestampStyle());
        trial.set(describeTrial(read));
        presetInUse.set(loaded.choice().preset() == null ? (loaded.choice().mapped() ? "mapping changed" : "by the alias table")
                : "preset " + loaded.choice().preset());
        problems.setAll(problems(read, loaded.choice()));
    }

    private static String example(ExtractPreview read, int column) {
        for (List<String> row : read.rows()) {
            if (column < row.size() && !row.get(column).isBlank()) {
                String value = row.get(column).strip();
                return value.length() > 60 ? value.substring(0, 60) + "…" : value;
            }
        }
        return "";
    }

    private static String describeTrial(ExtractPreview read) {
        if (read.trialRead() == 0) {
            return "No rows in the first part of the file.";
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "Of the first %,d rows, %,d would be accepted",
                read.trialRead(), read.trialRead() - read.trialRejected()));
        if (read.trialRejected() > 0) {
            text.append(String.format(Locale.ROOT, " and %,d rejected (", read.trialRejected()));
            List<String> reasons = new ArrayList<>();
            read.trialRejectedByReason().forEach((reason, count) -> reasons.add(reason + ": " + count));
            text.append(String.join(", ", reasons.stream().sorted().toList())).append(')');
        }
        return text.append('.').toString();
    }

    /** What would go wrong with this mapping: a required field fed by no column, or one field chosen for two columns. */
    static List<String> problems(ExtractPreview read, FileChoice choice) {
        List<String> found = new ArrayList<>();
        if (read.format() == SourceFormat.BEDROCK) {
            return found;
        }
        for (String required : ExtractPreview.requiredFields(read.kind())) {
            if (read.columns().stream().noneMatch(c -> required.equals(c.field()))) {
                found.add("No column feeds " + required + ": every row would be rejected. Choose the column that holds it.");
            }
        }
        if (choice.columns() != null) {
            Map<String, List<String>> byField = new LinkedHashMap<>();
            choice.columns().forEach((column, field) -> {
                if (field != null) {
                    byField.computeIfAbsent(field, f -> new ArrayList<>()).add(column);
                }
            });
            byField.forEach((field, columns) -> {
                if (columns.size() > 1) {
                    found.add(field + " is chosen for " + String.join(", ", columns) + ": only " + columns.get(0)
                            + " is read into it, the others go to extra.");
                }
            });
        }
        return found;
    }

    /** The analyst chose a field (or {@link #EXTRA}) for a column of the file shown; the mapping lists every column from then on. */
    public void map(MappingRow row, String field) {
        Path file = shownFile.get();
        ExtractPreview read = preview.get();
        if (file == null || read == null || field == null || field.equals(row.field())) {
            return;
        }
        // a field is fed by one column: choosing it for this one takes it from the column that had it
        Map<String, String> columns = new LinkedHashMap<>();
        for (MappingRow each : mapping) {
            String chosen = each == row ? field : each.field().equals(field) ? EXTRA : each.field();
            columns.put(each.column(), chosen.equals(EXTRA) ? null : chosen);
        }
        choices.put(file, new FileChoice(read.format(), read.kind(), columns, null));
        loadPreview(file);
    }

    /** The analyst says which kind of records the file holds; the mapping starts again from the alias table. */
    public void setKind(String kind) {
        Path file = shownFile.get();
        if (file == null || preview.get() == null || kind.equals(preview.get().kind())) {
            return;
        }
        choices.put(file, new FileChoice(choices.get(file).format(), kind, null, null));
        loadPreview(file);
    }

    /** The analyst says how the file is written (CSV, JSON Lines, Bedrock), overriding what was detected. */
    public void setFormat(SourceFormat format) {
        Path file = shownFile.get();
        // the format the shown preview was read as (detected or chosen) is no change: re-reading would drop the mapping
        if (file == null || format == choices.get(file).format()
                || (preview.get() != null && format == preview.get().format())) {
            return;
        }
        choices.put(file, new FileChoice(format, null, null, null));
        loadPreview(file);
    }

    public void applyPreset(ImportPresets.Preset preset) {
        Path file = shownFile.get();
        if (file == null || preset == null) {
            return;
        }
        choices.put(file, fromPreset(preset));
        loadPreview(file);
    }

    private static FileChoice fromPreset(ImportPresets.Preset preset) {
        return new FileChoice(preset.format(), preset.kind(), preset.columns().isEmpty() ? null : preset.columns(), preset.name());
    }

    /** Saves the mapping of the file shown, column by column, as the analyst's preset of that name. */
    public void savePreset() {
        ExtractPreview read = preview.get();
        Path file = shownFile.get();
        String name = presetName.get() == null ? "" : presetName.get().strip();
        if (read == null || file == null) {
            return;
        }
        if (name.isEmpty()) {
            session.report(new UserError("Save preset", "The preset has no name.", "Type a name for it, e.g. the system the extract comes from."));
            return;
        }
        Map<String, String> columns = new LinkedHashMap<>();
        for (MappingRow row : mapping) {
            columns.put(row.column(), row.field().equals(EXTRA) ? null : row.field());
        }
        session.run("Saving preset " + name, progress -> presets.save(name, read.format(), read.kind(), columns), saved -> {
            choices.put(file, fromPreset(saved));
            presetInUse.set("preset " + saved.name());
            presetName.set("");
            refreshPresets();
            session.statusProperty().set("Preset \"" + saved.name() + "\" saved in " + presets.directory());
        });
    }

    public void refreshPresets() {
        session.runQuietly("Reading import presets", progress -> presets.all(), presetList::setAll);
    }

    private ImportOptions options(Path file, FileChoice choice) throws IOException {
        if (!choice.mapped()) {
            return new ImportOptions(choice.format(), null);
        }
        if (mappingFolder == null) {
            mappingFolder = Files.createTempDirectory("quarry-import-mapping");
            mappingFolder.toFile().deleteOnExit();
        }
        Path mappingFile = Files.createTempFile(mappingFolder, "mapping", ".json");
        mappingFile.toFile().deleteOnExit();
        Files.writeString(mappingFile, choice.mappingJson(file), StandardCharsets.UTF_8);
        return new ImportOptions(choice.format(), mappingFile);
    }

    /** Beside the first extract, named after it, not overwriting anything. */
    private static Path suggestedCase(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        Path folder = file.toAbsolutePath().getParent();
        Path candidate = folder.resolve(stem + ".quarry");
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = folder.resolve(stem + "-" + n + ".quarry");
        }
        return candidate;
    }

    /** Imports every file into the target case, one file per transaction, in the task panel with Cancel. */
    public void startImport() {
        if (files.isEmpty()) {
            session.report(new UserError("Import", "No extract files are chosen.", "Add the files to import first."));
            return;
        }
        Path casePath;
        boolean create = target.get() == Target.NEW_CASE;
        if (create) {
            casePath = newCasePath.get();
            if (casePath == null) {
                session.report(new UserError("Import", "No case file is chosen for the new case.", "Choose where to save the new case."));
                return;
            }
        } else if (session.state() != null) {
            casePath = session.state().path();
        } else {
            session.report(new UserError("Import", "No case is open to add the files to.", "Import into a new case instead."));
            return;
        }
        List<Path> toImport = List.copyOf(files);
        Map<Path, FileChoice> snapshot = Map.copyOf(choices);
        step.set(Step.IMPORTING);
        String title = "Importing " + (toImport.size() == 1 ? toImport.get(0).getFileName() : toImport.size() + " files")
                + " into " + casePath.getFileName();
        SessionTask task = session.run(title, progress -> importAll(casePath, create, toImport, snapshot, progress), this::showOutcome);
        importTask.set(task);
        task.running().runningProperty().addListener((observable, was, running) -> {
            if (!running && step.get() == Step.IMPORTING) {
                // the task failed before importing anything (the session showed why): let the analyst fix it
                step.set(Step.CHOOSE);
            }
        });
        if (!task.running().runningProperty().get() && step.get() == Step.IMPORTING) {
            step.set(Step.CHOOSE);
        }
    }

    Outcome importAll(Path casePath, boolean create, List<Path> toImport, Map<Path, FileChoice> snapshot,
                              ProgressListener progress) throws Exception {
        Map<Path, ImportOptions> options = new LinkedHashMap<>();
        long totalBytes = 0;
        for (Path file : toImport) {
            ImportOptions fileOptions = options(file, snapshot.getOrDefault(file, FileChoice.AUTO));
            ExtractPreview read = ExtractPreview.read(file, fileOptions, 1);
            List<String> wrong = problems(read, snapshot.getOrDefault(file, FileChoice.AUTO)).stream()
                    .filter(p -> p.startsWith("No column")).toList();
            if (!wrong.isEmpty()) {
                throw new IngestException(file.getFileName() + ": " + wrong.get(0) + " Nothing was imported.");
            }
            options.put(file, fileOptions);
            totalBytes += Files.size(file);
        }
        if (create && Files.exists(casePath)) {
            throw new IngestException(casePath + " exists already; choose another name for the new case, "
                    + "or open that case and add the files to it. Nothing was imported.");
        }
        List<ImportSummary> imported = new ArrayList<>();
        Map<Path, String> failed = new LinkedHashMap<>();
        List<Path> notImported = new ArrayList<>();
        boolean cancelled = false;
        try (CaseFile caseFile = create ? CaseFile.openForImport(casePath) : CaseFile.openExisting(casePath)) {
            Importer importer = new Importer(caseFile);
            ImportRate rate = new ImportRate(progress, totalBytes, toImport.size());
            for (Path file : toImport) {
                if (cancelled) {
                    notImported.add(file);
                    continue;
                }
                try {
                    imported.add(importer.importFile(file, options.get(file), rate.forNextFile(Files.size(file))));
                } catch (CancelledException e) {
                    cancelled = true;
                    notImported.add(file);
                } catch (IngestException e) {
                    failed.put(file, e.getMessage());
                }
            }
        }
        if (create && imported.isEmpty()) {
            // the analyst asked for a case of these files; with none of them in it, none was made
            return new Outcome(null, imported, failed, notImported, cancelled);
        }
        return new Outcome(casePath, imported, failed, notImported, cancelled);
    }

    private void showOutcome(Outcome done) {
        outcome.set(done);
        importTask.set(null);
        List<String> notes = new ArrayList<>();
        if (done.cancelled()) {
            notes.add("Cancelled. Not imported (nothing of them was written): "
                    + String.join(", ", done.notImported().stream().map(p -> p.getFileName().toString()).toList()));
        }
        done.failed().forEach((file, message) -> notes.add("Not imported: " + message));
        for (ImportSummary summary : done.imported()) {
            for (String note : summary.notes()) {
                notes.add(summary.file().getFileName() + ": " + note);
            }
        }
        if (done.casePath() == null) {
            notes.add("No file was imported, so no case was created.");
        }
        outcomeNotes.setAll(notes);
        step.set(Step.SUMMARY);
        shownSummary.set(done.imported().stream().filter(s -> s.rejected() > 0).findFirst()
                .orElse(done.imported().isEmpty() ? null : done.imported().get(0)));
        if (done.casePath() != null) {
            if (session.state() != null && session.state().path().equals(done.casePath())) {
                session.reload();
            } else {
                session.open(done.casePath());
            }
        }
    }

    /** Shows a page of the rejected rows of the summary shown. */
    public void showRejected(int page) {
        ImportSummary summary = shownSummary.get();
        Outcome done = outcome.get();
        rejected.clear();
        rejectedPage.set(Math.max(0, page));
        if (summary == null || done == null || done.casePath() == null || summary.rejected() == 0) {
            return;
        }
        Path casePath = done.casePath();
        int offset = rejectedPage.get() * REJECTED_PAGE;
        session.run("Reading rejected rows of " + summary.file().getFileName(), progress -> {
            try (CaseFile caseFile = CaseFile.openExisting(casePath)) {
                return RejectedRows.page(caseFile, summary.sourceId(), offset, REJECTED_PAGE);
            }
        }, rows -> {
            if (summary == shownSummary.get()) {
                rejected.setAll(rows);
            }
        });
    }

    /** Offers the next step after an import: a new analysis of the case, then its overview. */
    public void analyse() {
        Outcome done = outcome.get();
        if (done == null || done.casePath() == null) {
            return;
        }
        session.analyse(done.casePath(), 1);
        session.screenProperty().set(Screens.OVERVIEW);
    }

    public ObservableList<Path> files() {
        return files;
    }

    public ObjectProperty<Path> shownFileProperty() {
        return shownFile;
    }

    public ReadOnlyObjectProperty<ExtractPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ObservableList<MappingRow> mapping() {
        return mapping;
    }

    public ObservableList<String> problems() {
        return problems;
    }

    /** Format, delimiter, kind and timestamp style of the file shown, in words. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** How the file's first rows read with the current mapping. */
    public ReadOnlyStringProperty trialProperty() {
        return trial.getReadOnlyProperty();
    }

    public ObservableList<ImportPresets.Preset> presets() {
        return presetList;
    }

    /** Where the mapping of the file shown comes from: a preset, the alias table, or the analyst's changes. */
    public ReadOnlyStringProperty presetInUseProperty() {
        return presetInUse.getReadOnlyProperty();
    }

    public StringProperty presetNameProperty() {
        return presetName;
    }

    public ObjectProperty<Target> targetProperty() {
        return target;
    }

    public ObjectProperty<Path> newCasePathProperty() {
        return newCasePath;
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** The import running (its progress and Cancel), or null. */
    public ReadOnlyObjectProperty<SessionTask> importTaskProperty() {
        return importTask.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** The import's notes: cancellation, failed files, and how each file was read. */
    public ObservableList<String> outcomeNotes() {
        return outcomeNotes;
    }

    public ObjectProperty<ImportSummary> shownSummaryProperty() {
        return shownSummary;
    }

    /** A page of {@link #REJECTED_PAGE} rejected rows of the summary shown, in file order. */
    public ObservableList<RejectedRows.Row> rejected() {
        return rejected;
    }

    public IntegerProperty rejectedPageProperty() {
        return rejectedPage;
    }

    public int rejectedPageSize() {
        return REJECTED_PAGE;
    }
}
