package dev.quarry.ui.accounts;

import dev.quarry.store.CaseWork;
import dev.quarry.ui.session.AccountRow;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.util.Callback;
import javafx.util.StringConverter;
import javafx.scene.control.ListView;
import javafx.scene.control.ListCell;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The accounts table (virtualized: rows are drawn only as they scroll into view) with its filters. */
public final class AccountsView extends VBox {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** Height of a row in pixels: 2em of the theme's 14px font, the height the rows had as an inline style. */
    private static final double ROW_HEIGHT = 28;
    private boolean syncing;
    /** How each column sorts, on the row's own values (first and last seen by time, not by their text). */
    private final Map<TableColumn<AccountRow, ?>, Comparator<AccountRow>> keys = new HashMap<>();

    public AccountsView(AccountsViewModel model) {
        setSpacing(8);
        setPadding(new Insets(10));
        setId("accounts");

        TextField text = new TextField();
        text.setId("accounts-filter");
        text.setPromptText("account id or model");
        text.textProperty().bindBidirectional(model.textProperty());
        Spinner<Double> min = new Spinner<>(0.0, 1.0, 0.0, 0.05);
        min.setId("accounts-min-risk");
        min.setPrefWidth(85);
        min.setEditable(true);
        min.valueProperty().addListener((o, a, v) -> model.minRiskProperty().set(v));
        Spinner<Double> max = new Spinner<>(0.0, 1.0, 1.0, 0.05);
        max.setPrefWidth(85);
        max.setEditable(true);
        max.valueProperty().addListener((o, a, v) -> model.maxRiskProperty().set(v));
        ComboBox<Integer> campaign = new ComboBox<>(model.campaignChoices());
        campaign.setId("accounts-campaign");
        campaign.setPromptText("any campaign");
        campaign.valueProperty().bindBidirectional(model.campaignProperty());
        TextField country = new TextField();
        country.setPromptText("country");
        country.setPrefColumnCount(4);
        country.textProperty().bindBidirectional(model.countryProperty());
        List<String> verdicts = new ArrayList<>(List.of("", AccountsViewModel.NO_VERDICT));
        for (CaseWork.Decision decision : CaseWork.Decision.values()) {
            verdicts.add(decision.word());
        }
        ComboBox<String> verdict = new ComboBox<>(FXCollections.observableArrayList(verdicts));
        anyWhenEmpty(verdict, "any verdict");
        verdict.valueProperty().bindBidirectional(model.verdictProperty());
        ComboBox<String> tag = new ComboBox<>(model.tagChoices());
        anyWhenEmpty(tag, "any tag");
        tag.setPrefWidth(110);
        tag.valueProperty().bindBidirectional(model.tagProperty());
        CheckBox flagged = new CheckBox("flagged");
        flagged.setId("accounts-flagged");
        flagged.selectedProperty().bindBidirectional(model.onlyFlaggedProperty());
        CheckBox selected = new CheckBox("selection only");
        selected.selectedProperty().bindBidirectional(model.onlySelectedProperty());
        Button clear = new Button("Clear filters");
        clear.setOnAction(e -> {
            model.clearFilters();
            min.getValueFactory().setValue(0.0);
            max.getValueFactory().setValue(1.0);
        });
        FlowPane filters = new FlowPane(8, 6, text, new Label("risk"), min, new Label("to"), max, campaign, country,
                verdict, tag, flagged, selected, clear);
        filters.setAlignment(Pos.CENTER_LEFT);

        // a filter that hides selected rows must not unselect their accounts: selection changes the
        // table makes while its rows change (these listeners run before and after the table's own) stay local
        model.rows().addListener((ListChangeListener<AccountRow>) change -> syncing = true);
        TableView<AccountRow> table = new TableView<>(model.rows());
        model.rows().addListener((ListChangeListener<AccountRow>) change -> syncing = false);
        table.setId("accounts-table");
        // rows of one height: without it the table measures rows to estimate its height at every filter. Set in
        // pixels (2em of the theme's 14px font), not as an inline style: an inline style on the table is looked up
        // again by the CSS of every row and cell it re-adds after a filter.
        table.setFixedCellSize(ROW_HEIGHT);
        // the model sorts (with the filters, as one change of the rows); an empty sort order is the run's order
        table.setSortPolicy(sorted -> {
            model.orderProperty().set(order(sorted.getSortOrder()));
            return true;
        });
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No account matches the filters."));
        table.getColumns().add(text("Account", AccountRow::accountId, 170));
        Comparator<Double> nullsFirst = Comparator.nullsFirst(Comparator.naturalOrder());
        TableColumn<AccountRow, Double> risk = new TableColumn<>("Risk");
        risk.setId("accounts-risk-column");
        risk.setCellValueFactory(d -> new SimpleObjectProperty<>(d.getValue().scored() ? d.getValue().riskScore() : null));
        risk.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Double value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty ? null : value == null ? "not scored" : String.format(Locale.ROOT, "%.3f", value));
            }
        });
        risk.setComparator(nullsFirst);
        keys.put(risk, Comparator.comparing(r -> r.scored() ? r.riskScore() : null, nullsFirst));
        risk.setPrefWidth(70);
        table.getColumns().add(risk);
        table.getColumns().add(text("Flag", r -> r.flagged() ? "flagged" : "", 78));
        TableColumn<AccountRow, Integer> campaignColumn = new TableColumn<>("Campaign");
        campaignColumn.setCellValueFactory(d -> new SimpleObjectProperty<>(d.getValue().campaignId()));
        campaignColumn.setComparator(Comparator.nullsFirst(Comparator.naturalOrder()));
        keys.put(campaignColumn, Comparator.comparing(AccountRow::campaignId, Comparator.nullsFirst(Comparator.naturalOrder())));
        campaignColumn.setPrefWidth(100);
        table.getColumns().add(campaignColumn);
        table.getColumns().add(text("Verdict", r -> r.verdict() == null ? "" : r.verdict().word(), 95));
        TableColumn<AccountRow, Long> volume = new TableColumn<>("Requests");
        volume.setCellValueFactory(d -> new SimpleObjectProperty<>(d.getValue().events()));
        volume.setPrefWidth(96);
        keys.put(volume, Comparator.comparingLong(AccountRow::events));
        table.getColumns().add(volume);
        table.getColumns().add(text("Countries", r -> String.join(" ", r.countries()), 100));
        table.getColumns().add(text("Main model", r -> r.mainModel() == null ? "" : r.mainModel(), 160));
        TableColumn<AccountRow, String> first = text("First seen", r -> r.firstTs() == null ? "" : DAY.format(Instant.ofEpochMilli(r.firstTs())), 150);
        keys.put(first, Comparator.comparing(AccountRow::firstTs, Comparator.nullsFirst(Comparator.naturalOrder())));
        table.getColumns().add(first);
        TableColumn<AccountRow, String> last = text("Last seen", r -> r.lastTs() == null ? "" : DAY.format(Instant.ofEpochMilli(r.lastTs())), 150);
        keys.put(last, Comparator.comparing(AccountRow::lastTs, Comparator.nullsFirst(Comparator.naturalOrder())));
        table.getColumns().add(last);
        table.getColumns().add(text("Tags", r -> String.join(", ", r.tags()), 100));
        table.setRowFactory(t -> {
            TableRow<AccountRow> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && !row.isEmpty()) {
                    model.openAccount(row.getItem().accountId());
                }
            });
            return row;
        });
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<AccountRow>) change -> {
            if (!syncing) {
                model.select(List.copyOf(table.getSelectionModel().getSelectedItems()));
            }
        });
        // a selection made elsewhere (graph, map, campaign page) shows as the table's selected rows; made while this
        // screen is not on show (a lasso on the map), it is shown when the screen comes back: selecting thousands of
        // rows of a table nobody sees would only slow down the screen the analyst is using
        model.sessionSelectionProperty().addListener((o, old, accounts) -> {
            if (table.getScene() != null) {
                showSelection(table, accounts);
            }
        });
        table.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                showSelection(table, model.sessionSelectionProperty().getValue());
            }
        });
        javafx.application.Platform.runLater(() -> showSelection(table, model.sessionSelectionProperty().getValue()));
        VBox.setVgrow(table, Priority.ALWAYS);

        Label count = new Label();
        count.setId("accounts-count");
        count.textProperty().bind(model.countProperty());
        TextField tagName = new TextField();
        tagName.setId("accounts-tag-name");
        tagName.setPromptText("tag for the selection");
        Button addTag = new Button("Tag selection");
        addTag.setId("accounts-tag");
        addTag.setOnAction(e -> model.tagSelection(tagName.getText(), false));
        Button removeTag = new Button("Remove tag");
        removeTag.setOnAction(e -> model.tagSelection(tagName.getText(), true));
        Button open = new Button("Open account page");
        open.setOnAction(e -> {
            AccountRow row = table.getSelectionModel().getSelectedItem();
            if (row != null) {
                model.openAccount(row.accountId());
            }
        });
        HBox actions = new HBox(8, count, tagName, addTag, removeTag, open);
        HBox.setHgrow(count, Priority.ALWAYS);
        count.setMaxWidth(Double.MAX_VALUE);
        actions.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(filters, table, actions);
    }

    private void showSelection(TableView<AccountRow> table, java.util.Set<String> accounts) {
        java.util.Set<String> shown = new java.util.HashSet<>();
        for (AccountRow row : table.getSelectionModel().getSelectedItems()) {
            shown.add(row.accountId());
        }
        if (syncing || shown.equals(accounts)) {
            return;
        }
        syncing = true;
        try {
            table.getSelectionModel().clearSelection();
            int[] rows = java.util.stream.IntStream.range(0, table.getItems().size())
                    .filter(i -> accounts.contains(table.getItems().get(i).accountId())).toArray();
            if (rows.length > 0) {
                table.getSelectionModel().selectIndices(rows[0], java.util.Arrays.copyOfRange(rows, 1, rows.length));
                table.scrollTo(rows[0]);
            }
        } finally {
            syncing = false;
        }
    }

    private TableColumn<AccountRow, String> text(String title, Function<AccountRow, String> value, double width) {
        TableColumn<AccountRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        column.setPrefWidth(width);
        keys.put(column, Comparator.comparing(value));
        return column;
    }

    /**
     * The table's sort order as a comparator of rows on their values, null for none. The table's own
     * comparator reads each compared value through a new cell property, which over 24,000 rows is
     * most of a sort's time.
     */
    private Comparator<AccountRow> order(List<TableColumn<AccountRow, ?>> sortOrder) {
        Comparator<AccountRow> order = null;
        for (TableColumn<AccountRow, ?> column : sortOrder) {
            Comparator<AccountRow> key = keys.get(column);
            if (key == null) {
                continue;
            }
            key = column.getSortType() == TableColumn.SortType.DESCENDING ? key.reversed() : key;
            order = order == null ? key : order.thenComparing(key);
        }
        return order;
    }

    /** The filter's empty choice ("" = no filter) reads as what it means, in the box and in its list. */
    private static void anyWhenEmpty(ComboBox<String> box, String any) {
        box.setPromptText(any);
        Callback<ListView<String>, ListCell<String>> cells = list -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty && getListView() != null ? null : item == null || item.isEmpty() ? any : item);
            }
        };
        box.setCellFactory(cells);
        box.setButtonCell(cells.call(null));
        // the box shows its value through the converter when the value is not one of its items (a tag
        // filter set before the tag list is read), so "" must read as "any" there too
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null || value.isEmpty() ? any : value;
            }

            @Override
            public String fromString(String text) {
                return text == null || text.equals(any) ? "" : text;
            }
        });
    }
}
