package dev.quarry.ui.importwizard;

import dev.quarry.ingest.ExtractPreview;
import dev.quarry.ingest.ImportSummary;
import dev.quarry.ingest.SourceFormat;
import dev.quarry.store.RejectedRows;
import dev.quarry.ui.session.CaseSession;
import dev.quarry.ui.session.SessionTask;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The import wizard's layout: choosing files and how they are read (preview, mapping, presets,
 * target case), the running import, and the summary with the rejected rows. Values from the file
 * (column names, cells, rejected raw text) are shown as plain text only.
 */
public final class ImportWizardView extends StackPane {

    private final ImportWizardViewModel model;
    private boolean showingPreview;

    public ImportWizardView(ImportWizardViewModel model, CaseSession session) {
        this.model = model;
        setId("import-wizard");
        setPadding(new Insets(12));
        Node choose = choosePane(session);
        Node importing = importingPane();
        Node summary = summaryPane();
        getChildren().addAll(choose, importing, summary);
        showStep(model.stepProperty().get(), choose, importing, summary);
        model.stepProperty().addListener((o, old, step) -> showStep(step, choose, importing, summary));
    }

    private static void showStep(ImportWizardViewModel.Step step, Node choose, Node importing, Node summary) {
        choose.setVisible(step == ImportWizardViewModel.Step.CHOOSE);
        importing.setVisible(step == ImportWizardViewModel.Step.IMPORTING);
        summary.setVisible(step == ImportWizardViewModel.Step.SUMMARY);
    }

    private Node choosePane(CaseSession session) {
        Label title = new Label("Import extract files");
        title.getStyleClass().add("title-4");

        ListView<Path> files = new ListView<>(model.files());
        files.setId("import-files");
        files.setPrefHeight(118);
        files.setPrefWidth(300);
        files.setPlaceholder(new Label("Add CSV, JSON Lines or Bedrock\nlog files (plain or .gz),\nor drop them on the window."));
        files.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Path item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.getFileName().toString());
            }
        });
        files.getSelectionModel().selectedItemProperty().addListener((o, old, file) -> {
            if (file != null) {
                model.shownFileProperty().set(file);
            }
        });
        model.shownFileProperty().addListener((o, old, file) -> {
            if (file != null && files.getSelectionModel().getSelectedItem() != file) {
                files.getSelectionModel().select(file);
            }
        });
        Button add = new Button("Add files…");
        add.setId("import-add");
        add.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Extract files to import");
            List<File> chosen = chooser.showOpenMultipleDialog(getScene().getWindow());
            if (chosen != null) {
                model.addFiles(chosen.stream().map(File::toPath).toList());
            }
        });
        Button remove = new Button("Remove");
        remove.disableProperty().bind(files.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> model.removeFile(files.getSelectionModel().getSelectedItem()));
        VBox fileButtons = new VBox(6, add, remove);

        Label details = wrapped("import-details");
        details.textProperty().bind(model.detailsProperty());
        Label trial = wrapped("import-trial");
        trial.textProperty().bind(model.trialProperty());
        Label problems = wrapped("import-problems");
        problems.getStyleClass().add("danger");
        problems.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", model.problems()), model.problems()));

        ComboBox<SourceFormat> format = new ComboBox<>(FXCollections.observableArrayList(SourceFormat.values()));
        format.setId("import-format");
        format.setButtonCell(formatCell());
        format.setCellFactory(list -> formatCell());
        format.setOnAction(e -> {
            if (format.getValue() != null && !showingPreview) {
                model.setFormat(format.getValue());
            }
        });
        ComboBox<String> kind = new ComboBox<>(FXCollections.observableArrayList("events", "accounts"));
        kind.setId("import-kind");
        kind.setOnAction(e -> {
            if (kind.getValue() != null && !showingPreview) {
                model.setKind(kind.getValue());
            }
        });
        model.previewProperty().addListener((o, old, preview) -> {
            if (preview != null) {
                // showing what was read is not the analyst choosing it
                showingPreview = true;
                format.setValue(preview.format());
                kind.setValue(preview.kind());
                showingPreview = false;
            }
        });
        HBox readAs = new HBox(8, new Label("Read as"), format, new Label("holding"), kind);
        readAs.setAlignment(Pos.CENTER_LEFT);

        ComboBox<ImportPresets.Preset> presets = new ComboBox<>(model.presets());
        presets.setId("import-presets");
        presets.setPromptText("Presets");
        presets.setPrefWidth(270);
        Button apply = new Button("Apply");
        apply.setId("import-apply-preset");
        apply.disableProperty().bind(presets.valueProperty().isNull().or(model.previewProperty().isNull()));
        apply.setOnAction(e -> model.applyPreset(presets.getValue()));
        TextField presetName = new TextField();
        presetName.setId("import-preset-name");
        presetName.setPromptText("name for this mapping");
        presetName.textProperty().bindBidirectional(model.presetNameProperty());
        HBox.setHgrow(presetName, Priority.ALWAYS);
        Button save = new Button("Save as preset");
        save.setId("import-save-preset");
        save.disableProperty().bind(model.previewProperty().isNull());
        save.setOnAction(e -> model.savePreset());
        HBox presetRow = new HBox(8, presets, apply, presetName, save);
        presetRow.setAlignment(Pos.CENTER_LEFT);
        Label presetInUse = new Label();
        presetInUse.setId("import-preset-in-use");
        presetInUse.textProperty().bind(Bindings.concat("Mapping: ", model.presetInUseProperty()));

        VBox about = new VBox(6, details, trial, problems, readAs, presetRow, presetInUse);
        HBox.setHgrow(about, Priority.ALWAYS);
        HBox top = new HBox(10, files, fileButtons, about);

        TableView<List<String>> previewTable = new TableView<>();
        previewTable.setId("import-preview");
        previewTable.setPlaceholder(new Label("The first rows of the file shown appear here."));
        model.previewProperty().addListener((o, old, preview) -> fillPreview(previewTable, preview));
        TableView<ImportWizardViewModel.MappingRow> mapping = mappingTable();
        SplitPane tables = new SplitPane(titled("First rows, as the file holds them", previewTable),
                titled("Column → field", mapping));
        tables.setOrientation(Orientation.HORIZONTAL);
        tables.setDividerPositions(0.58);
        VBox.setVgrow(tables, Priority.ALWAYS);

        ToggleGroup target = new ToggleGroup();
        RadioButton newCase = new RadioButton("New case");
        newCase.setToggleGroup(target);
        newCase.setSelected(model.targetProperty().get() == ImportWizardViewModel.Target.NEW_CASE);
        RadioButton openCase = new RadioButton();
        openCase.setId("import-into-open-case");
        openCase.setToggleGroup(target);
        openCase.textProperty().bind(Bindings.createStringBinding(() -> session.state() == null ? "Add to the open case"
                : "Add to " + session.state().path().getFileName(), session.stateProperty()));
        openCase.disableProperty().bind(session.stateProperty().isNull());
        target.selectedToggleProperty().addListener((o, old, toggle) -> model.targetProperty().set(
                toggle == openCase ? ImportWizardViewModel.Target.OPEN_CASE : ImportWizardViewModel.Target.NEW_CASE));
        TextField casePath = new TextField();
        casePath.setId("import-case-path");
        casePath.setPromptText("where to save the new case");
        casePath.disableProperty().bind(newCase.selectedProperty().not());
        HBox.setHgrow(casePath, Priority.ALWAYS);
        model.newCasePathProperty().addListener((o, old, path) -> {
            String text = path == null ? "" : path.toString();
            if (!casePath.getText().equals(text)) {
                casePath.setText(text);
            }
        });
        casePath.textProperty().addListener((o, old, text) ->
                model.newCasePathProperty().set(text.isBlank() ? null : Path.of(text.strip())));
        Button chooseCase = new Button("Choose…");
        chooseCase.disableProperty().bind(newCase.selectedProperty().not());
        chooseCase.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save the new case as");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Quarry case", "*.quarry"));
            File chosen = chooser.showSaveDialog(getScene().getWindow());
            if (chosen != null) {
                casePath.setText(chosen.getAbsolutePath());
            }
        });
        Button start = new Button("Import");
        start.setId("import-start");
        start.setDefaultButton(true);
        start.disableProperty().bind(Bindings.isEmpty(model.files()));
        start.setOnAction(e -> model.startImport());
        HBox targetRow = new HBox(8, new Label("Import into"), newCase, casePath, chooseCase, openCase, start);
        targetRow.setAlignment(Pos.CENTER_LEFT);

        VBox pane = new VBox(10, title, top, tables, targetRow);
        pane.setId("import-choose");
        return pane;
    }

    private static ListCell<SourceFormat> formatCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(SourceFormat item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : switch (item) {
                    case AUTO -> "detect";
                    case CSV -> "CSV";
                    case JSONL -> "JSON Lines";
                    case BEDROCK -> "Bedrock log";
                });
            }
        };
    }

    private static void fillPreview(TableView<List<String>> table, ExtractPreview preview) {
        table.getColumns().clear();
        if (preview == null) {
            table.getItems().clear();
            return;
        }
        List<TableColumn<List<String>, String>> columns = new ArrayList<>();
        for (int c = 0; c < preview.columns().size(); c++) {
            ExtractPreview.Column source = preview.columns().get(c);
            int index = c;
            TableColumn<List<String>, String> column = new TableColumn<>(source.name() + "\n→ "
                    + (source.field() == null ? "extra" : source.field()));
            column.setCellValueFactory(row -> new ReadOnlyStringWrapper(index < row.getValue().size()
                    ? oneLine(row.getValue().get(index)) : ""));
            column.setPrefWidth(Math.min(220, Math.max(90, source.name().length() * 9)));
            column.setSortable(false);
            columns.add(column);
        }
        table.getColumns().setAll(columns);
        table.getItems().setAll(preview.rows());
    }

    /** A cell shows one line: a prompt's line breaks would make rows of uneven height. */
    private static String oneLine(String value) {
        String flat = value.replace('\n', ' ').replace('\r', ' ');
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    private TableView<ImportWizardViewModel.MappingRow> mappingTable() {
        TableView<ImportWizardViewModel.MappingRow> table = new TableView<>(model.mapping());
        table.setId("import-mapping");
        table.setPlaceholder(new Label("Each column of the file and the field it feeds."));
        table.getColumns().add(textColumn("Column", 130, ImportWizardViewModel.MappingRow::column));
        table.getColumns().add(textColumn("Example", 120, ImportWizardViewModel.MappingRow::example));
        TableColumn<ImportWizardViewModel.MappingRow, String> field = new TableColumn<>("Field");
        field.setPrefWidth(170);
        field.setSortable(false);
        field.setCellValueFactory(row -> row.getValue().fieldProperty());
        field.setCellFactory(column -> new TableCell<>() {
            private final ComboBox<String> choice = new ComboBox<>();

            {
                choice.setMaxWidth(Double.MAX_VALUE);
                choice.getStyleClass().add("small");
                choice.setOnAction(e -> {
                    ImportWizardViewModel.MappingRow row = getTableRow() == null ? null : getTableRow().getItem();
                    if (row != null && choice.getValue() != null) {
                        model.map(row, choice.getValue());
                    }
                });
            }

            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                ExtractPreview preview = model.previewProperty().get();
                if (empty || value == null || preview == null) {
                    setGraphic(null);
                    return;
                }
                List<String> fields = new ArrayList<>();
                fields.add(ImportWizardViewModel.EXTRA);
                fields.addAll(ExtractPreview.fields(preview.kind()));
                if (!choice.getItems().equals(fields)) {
                    choice.getItems().setAll(fields);
                }
                choice.setValue(value);
                choice.setId("import-field-" + getIndex());
                choice.setDisable(preview.format() == SourceFormat.BEDROCK);
                setGraphic(choice);
            }
        });
        table.getColumns().add(field);
        table.setPrefWidth(440);
        return table;
    }

    private static <R> TableColumn<R, String> textColumn(String title, double width, Function<R, String> value) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(row -> new ReadOnlyStringWrapper(oneLine(value.apply(row.getValue()))));
        return column;
    }

    private static VBox titled(String text, Region content) {
        Label label = new Label(text);
        label.getStyleClass().add("text-bold");
        VBox.setVgrow(content, Priority.ALWAYS);
        VBox box = new VBox(4, label, content);
        box.setMinWidth(200);
        return box;
    }

    private static Label wrapped(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    private Node importingPane() {
        Label title = new Label("Importing");
        title.getStyleClass().add("title-4");
        ProgressBar bar = new ProgressBar(-1);
        bar.setId("import-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        Label message = wrapped("import-progress-text");
        Button cancel = new Button("Cancel");
        cancel.setId("import-cancel");
        model.importTaskProperty().addListener((o, old, task) -> {
            bar.progressProperty().unbind();
            message.textProperty().unbind();
            if (task != null) {
                bar.progressProperty().bind(task.running().progressProperty());
                message.textProperty().bind(task.running().messageProperty());
            }
            cancel.setDisable(task == null);
        });
        cancel.setOnAction(e -> {
            SessionTask task = model.importTaskProperty().get();
            if (task != null) {
                task.running().cancel();
                cancel.setDisable(true);
            }
        });
        Label note = new Label("Each file is imported whole or not at all: cancelling keeps the files already imported "
                + "and writes nothing of the file being read.");
        note.setWrapText(true);
        VBox pane = new VBox(12, title, bar, message, cancel, note);
        pane.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane.setAlignment(pane, Pos.TOP_LEFT);
        return pane;
    }

    private Node summaryPane() {
        Label title = new Label();
        title.setId("import-summary-title");
        title.getStyleClass().add("title-4");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            ImportWizardViewModel.Outcome outcome = model.outcomeProperty().get();
            if (outcome == null) {
                return "";
            }
            String into = outcome.casePath() == null ? "" : " into " + outcome.casePath().getFileName();
            return (outcome.cancelled() ? "Import cancelled" : "Import finished") + into + ": "
                    + outcome.imported().size() + " file(s) imported";
        }, model.outcomeProperty()));

        TableView<ImportSummary> summaries = new TableView<>();
        summaries.setId("import-summaries");
        summaries.setPrefHeight(130);
        summaries.getColumns().add(textColumn("File", 180, s -> s.file().getFileName().toString()));
        summaries.getColumns().add(textColumn("Holds", 80, ImportSummary::kind));
        summaries.getColumns().add(countColumn("Read", ImportSummary::read));
        summaries.getColumns().add(countColumn("Accepted", ImportSummary::accepted));
        summaries.getColumns().add(countColumn("Duplicate", ImportSummary::duplicate));
        summaries.getColumns().add(countColumn("Rejected", ImportSummary::rejected));
        summaries.getColumns().add(textColumn("Rejected by reason", 330, s -> s.rejectedByReason().isEmpty() ? "—"
                : String.join("; ", s.rejectedByReason().entrySet().stream()
                .map(r -> String.format(Locale.ROOT, "%s %,d", r.getKey(), r.getValue())).toList())));
        model.outcomeProperty().addListener((o, old, outcome) ->
                summaries.getItems().setAll(outcome == null ? List.of() : outcome.imported()));
        summaries.getSelectionModel().selectedItemProperty().addListener((o, old, summary) -> {
            if (summary != null) {
                model.shownSummaryProperty().set(summary);
            }
        });
        model.shownSummaryProperty().addListener((o, old, summary) -> {
            if (summary != null && summaries.getSelectionModel().getSelectedItem() != summary) {
                summaries.getSelectionModel().select(summary);
            }
        });

        ListView<String> notes = new ListView<>(model.outcomeNotes());
        notes.setId("import-notes");
        notes.setPrefHeight(96);

        Label rejectedTitle = new Label();
        rejectedTitle.setId("import-rejected-title");
        rejectedTitle.getStyleClass().add("text-bold");
        rejectedTitle.textProperty().bind(Bindings.createStringBinding(() -> {
            ImportSummary summary = model.shownSummaryProperty().get();
            if (summary == null || summary.rejected() == 0) {
                return "No rejected rows";
            }
            int from = model.rejectedPageProperty().get() * model.rejectedPageSize();
            return String.format(Locale.ROOT, "Rejected rows of %s: %,d–%,d of %,d", summary.file().getFileName(),
                    from + 1, Math.min(summary.rejected(), from + (long) model.rejectedPageSize()), summary.rejected());
        }, model.shownSummaryProperty(), model.rejectedPageProperty()));
        Button previous = new Button("Previous");
        previous.disableProperty().bind(model.rejectedPageProperty().isEqualTo(0));
        previous.setOnAction(e -> model.showRejected(model.rejectedPageProperty().get() - 1));
        Button next = new Button("Next");
        next.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            ImportSummary summary = model.shownSummaryProperty().get();
            return summary == null || (model.rejectedPageProperty().get() + 1L) * model.rejectedPageSize() >= summary.rejected();
        }, model.shownSummaryProperty(), model.rejectedPageProperty()));
        next.setOnAction(e -> model.showRejected(model.rejectedPageProperty().get() + 1));
        HBox rejectedBar = new HBox(8, rejectedTitle, previous, next);
        rejectedBar.setAlignment(Pos.CENTER_LEFT);

        TableView<RejectedRows.Row> rejected = new TableView<>(model.rejected());
        rejected.setId("import-rejected");
        rejected.setPlaceholder(new Label("Rows the import could not accept are listed here with their line and reason."));
        TableColumn<RejectedRows.Row, Long> line = new TableColumn<>("Line");
        line.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().line()));
        line.setPrefWidth(70);
        rejected.getColumns().add(line);
        rejected.getColumns().add(textColumn("Reason", 300, RejectedRows.Row::reason));
        rejected.getColumns().add(textColumn("Raw text", 520, RejectedRows.Row::raw));
        VBox.setVgrow(rejected, Priority.ALWAYS);
        TextArea raw = new TextArea();
        raw.setId("import-rejected-raw");
        raw.setEditable(false);
        raw.setWrapText(true);
        raw.setPrefRowCount(3);
        raw.setPromptText("The raw text of the rejected row selected, exactly as in the file.");
        // a long reason (a field's value quoted in it) is cut in its column: the row selected shows it whole
        Label reason = wrapped("import-rejected-reason");
        rejected.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> {
            raw.setText(row == null ? "" : row.raw());
            reason.setText(row == null ? "" : "Line " + row.line() + ": " + row.reason());
        });
        model.rejected().addListener((ListChangeListener<RejectedRows.Row>) change -> {
            raw.clear();
            reason.setText("");
        });

        Button analyse = new Button("Analyse the case now");
        analyse.setId("import-analyse");
        analyse.setDefaultButton(true);
        analyse.disableProperty().bind(Bindings.createBooleanBinding(() -> model.outcomeProperty().get() == null
                || model.outcomeProperty().get().casePath() == null, model.outcomeProperty()));
        analyse.setOnAction(e -> model.analyse());
        Button more = new Button("Import more files");
        more.setOnAction(e -> model.startOver());
        HBox actions = new HBox(8, analyse, more);

        VBox pane = new VBox(8, title, summaries, notes, rejectedBar, rejected, reason, raw, actions);
        pane.setId("import-summary");
        return pane;
    }

    private static TableColumn<ImportSummary, String> countColumn(String title, Function<ImportSummary, Long> value) {
        TableColumn<ImportSummary, String> column = textColumn(title, 105, s -> String.format(Locale.ROOT, "%,d", value.apply(s)));
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        return column;
    }
}
