package dev.quarry.ui.accounts;

import dev.quarry.analysis.RunReader;
import dev.quarry.store.CaseWork;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;

/** An account's page: summary, then tabs for evidence, infrastructure, prompts, events and case work. */
public final class AccountPageView extends VBox {

    public AccountPageView(AccountPageViewModel model) {
        setSpacing(8);
        setPadding(new Insets(10));
        setId("account-page");
        Label heading = new Label();
        heading.getStyleClass().add("title-3");
        heading.textProperty().bind(model.headingProperty());
        Label summary = new Label();
        summary.setId("account-summary");
        summary.textProperty().bind(model.summaryProperty());

        TableView<AccountPageViewModel.FeatureLine> features = new TableView<>(model.features());
        features.getColumns().add(column("Feature", AccountPageViewModel.FeatureLine::feature, 220));
        features.getColumns().add(column("This account", f -> number(f.value()), 120));
        features.getColumns().add(column("Case typical (median)", f -> model.typicalReadProperty().get() ? number(f.typical())
                : "reading…", 190));
        ListView<String> reasons = new ListView<>(model.reasons());
        reasons.setPlaceholder(new Label("No reasons: the run found nothing unusual."));
        reasons.setPrefHeight(140);
        VBox evidence = new VBox(6, new Label("Reasons, strongest first"), reasons, new Label("Features"), features);
        VBox.setVgrow(features, Priority.ALWAYS);

        TableView<AccountPageViewModel.CountLine> counts = new TableView<>(model.counts());
        counts.getColumns().add(column("What", AccountPageViewModel.CountLine::kind, 110));
        counts.getColumns().add(column("Value", AccountPageViewModel.CountLine::value, 480));
        counts.getColumns().add(column("Requests", c -> String.format(Locale.ROOT, "%,d", c.requests()), 90));

        ListView<String> prompts = new ListView<>(model.prompts());
        prompts.setPlaceholder(new Label("No prompt text in this extract."));

        TableView<RunReader.EventLine> events = new TableView<>(model.events());
        events.setId("account-events");
        events.getColumns().add(column("Time (UTC)", e -> Instant.ofEpochMilli(e.ts()).toString(), 190));
        events.getColumns().add(column("IP", RunReader.EventLine::ip, 120));
        events.getColumns().add(column("Model", RunReader.EventLine::model, 140));
        events.getColumns().add(column("In", e -> e.promptTokens() == null ? "" : e.promptTokens().toString(), 60));
        events.getColumns().add(column("Out", e -> e.completionTokens() == null ? "" : e.completionTokens().toString(), 60));
        events.getColumns().add(column("Status", RunReader.EventLine::status, 70));
        events.getColumns().add(column("Prompt", e -> e.promptText() == null ? "" : e.promptText(), 420));
        Button previous = new Button("◀ Previous");
        previous.setOnAction(e -> model.previousPage());
        Button next = new Button("Next ▶");
        next.setOnAction(e -> model.nextPage());
        Label page = new Label();
        page.textProperty().bind(model.pageProperty().multiply(AccountPageViewModel.PAGE).add(1).asString("from event %d, "
                + AccountPageViewModel.PAGE + " per page"));
        HBox pager = new HBox(8, previous, next, page);
        pager.setAlignment(Pos.CENTER_LEFT);
        VBox eventsBox = new VBox(6, pager, events);
        VBox.setVgrow(events, Priority.ALWAYS);

        ComboBox<CaseWork.Decision> decision = new ComboBox<>(FXCollections.observableArrayList(CaseWork.Decision.values()));
        decision.setPromptText("verdict");
        TextField comment = new TextField();
        comment.setPromptText("comment");
        HBox.setHgrow(comment, Priority.ALWAYS);
        Button record = new Button("Record verdict");
        record.setOnAction(e -> model.recordVerdict(decision.getValue(), comment.getText()));
        TextField note = new TextField();
        note.setPromptText("a note on this account");
        HBox.setHgrow(note, Priority.ALWAYS);
        Button addNote = new Button("Add note");
        addNote.setOnAction(e -> {
            model.addNote(note.getText());
            note.clear();
        });
        ListView<String> notes = new ListView<>(model.notes());
        notes.setPlaceholder(new Label("No notes yet."));
        VBox work = new VBox(6, new HBox(8, decision, comment, record), new HBox(8, note, addNote), notes);

        TabPane tabs = new TabPane(new Tab("Evidence", evidence), new Tab("IPs, clients, parameters", counts),
                new Tab("Sample prompts", prompts), new Tab("Events", eventsBox), new Tab("Verdict and notes", work));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().addAll(heading, summary, tabs);
    }

    /** Counts read as counts (621, not 621.000); other values to three decimals. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }

    static <S> TableColumn<S, String> column(String title, Function<S, String> value, double width) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
