package dev.quarry.ui.runs;

import dev.quarry.analysis.RunSummary;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Function;

/** The runs table, the parameters of the one chosen, and the comparison of two chosen. */
public final class RunsView extends VBox {

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss", java.util.Locale.ROOT).withZone(java.time.ZoneOffset.UTC);

    public RunsView(RunsViewModel model) {
        setSpacing(8);
        setPadding(new Insets(10));
        setId("runs");
        TableView<RunSummary> runs = new TableView<>(model.runs());
        runs.setId("runs-table");
        runs.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        runs.getColumns().add(column("Run", r -> Long.toString(r.runId()), 50));
        runs.getColumns().add(column("Finished (UTC)", r -> WHEN.format(r.finishedAt()), 180));
        runs.getColumns().add(column("Seed", r -> Long.toString(r.seed()), 70));
        runs.getColumns().add(column("Quarry", RunSummary::quarryVersion, 70));
        runs.getColumns().add(column("Accounts", r -> Integer.toString(r.accounts()), 100));
        runs.getColumns().add(column("Flagged", r -> Integer.toString(r.flagged()), 95));
        runs.getColumns().add(column("Campaigns", r -> Integer.toString(r.campaigns()), 115));
        runs.setPrefHeight(180);
        runs.getSelectionModel().selectedItemProperty().addListener((o, old, run) -> model.inspect(run));
        Button show = new Button("Show this run");
        show.setOnAction(e -> {
            RunSummary run = runs.getSelectionModel().getSelectedItem();
            if (run != null) {
                model.show(run);
            }
        });
        Button compare = new Button("Compare the two selected runs");
        compare.setId("runs-compare");
        compare.disableProperty().bind(javafx.beans.binding.Bindings.size(runs.getSelectionModel().getSelectedItems()).isNotEqualTo(2));
        compare.setOnAction(e -> {
            List<RunSummary> chosen = List.copyOf(runs.getSelectionModel().getSelectedItems());
            model.compare(chosen.get(0), chosen.get(1));
        });
        TextArea parameters = new TextArea();
        parameters.setEditable(false);
        parameters.setWrapText(true);
        parameters.setPrefRowCount(5);
        parameters.textProperty().bind(model.parametersProperty());
        ListView<String> changes = new ListView<>(model.changes());
        changes.setId("runs-changes");
        changes.setPlaceholder(new Label("Select two runs (Ctrl+click) and compare them."));
        VBox.setVgrow(changes, Priority.ALWAYS);
        getChildren().addAll(runs, new HBox(8, show, compare), new Label("Parameters"), parameters,
                new Label("What changed"), changes);
    }

    private static <S> TableColumn<S, String> column(String title, Function<S, String> value, double width) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
