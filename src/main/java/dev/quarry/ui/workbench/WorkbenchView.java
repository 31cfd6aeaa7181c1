package dev.quarry.ui.workbench;

import dev.quarry.analysis.Campaign;
import dev.quarry.analysis.SignalStatus;
import dev.quarry.store.CaseOverview;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;

/** The main window's layout and bindings; all state and behaviour live in {@link WorkbenchViewModel}. */
public final class WorkbenchView extends BorderPane {

    public WorkbenchView(WorkbenchViewModel model) {
        setId("workbench");
        setTop(toolbar(model));
        Tab accounts = new Tab("Accounts", accountsPane(model));
        TabPane tabs = new TabPane(accounts);
        tabs.getTabs().add(new Tab("Campaigns", campaignsPane(model, () -> tabs.getSelectionModel().select(accounts))));
        tabs.getTabs().add(new Tab("Signals", signalsTable(model)));
        tabs.getTabs().add(new Tab("Sources", sourcesTable(model)));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);
        setBottom(statusBar(model));
    }

    private HBox toolbar(WorkbenchViewModel model) {
        Button open = new Button("Open case…");
        open.setId("open-case");
        open.disableProperty().bind(model.busyProperty());
        open.setOnAction(event -> chooseCase(model, getScene() == null ? null : getScene().getWindow()));
        Button analyze = new Button("Analyse");
        analyze.setId("analyze");
        analyze.disableProperty().bind(model.busyProperty().or(model.casePathProperty().isNull()));
        analyze.setOnAction(event -> model.analyze());
        Label summary = new Label();
        summary.setId("case-summary");
        summary.textProperty().bind(model.summaryProperty());
        Label run = new Label();
        run.setId("run-summary");
        run.textProperty().bind(model.runSummaryProperty());
        HBox toolbar = new HBox(12, open, analyze, new VBox(2, summary, run));
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(8));
        return toolbar;
    }

    private static SplitPane accountsPane(WorkbenchViewModel model) {
        TextField filter = new TextField();
        filter.setId("account-filter");
        filter.setPromptText("Filter accounts by id");
        filter.textProperty().bindBidirectional(model.accountFilterProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        CheckBox flaggedOnly = new CheckBox("Flagged only");
        flaggedOnly.setId("flagged-only");
        flaggedOnly.selectedProperty().bindBidirectional(model.flaggedOnlyProperty());
        Label campaignFilter = new Label();
        campaignFilter.setId("campaign-filter");
        campaignFilter.textProperty().bind(Bindings.createStringBinding(() -> model.campaignFilterProperty().get() == null
                ? "" : "Members of campaign " + model.campaignFilterProperty().get(), model.campaignFilterProperty()));
        Button showAll = new Button("Show all");
        showAll.visibleProperty().bind(model.campaignFilterProperty().isNotNull());
        showAll.setOnAction(event -> model.showCampaignMembers(null));
        HBox filters = new HBox(8, filter, flaggedOnly, campaignFilter, showAll);
        filters.setAlignment(Pos.CENTER_LEFT);

        TableView<AccountRow> table = new TableView<>(model.visibleAccounts());
        table.setId("accounts-table");
        TableColumn<AccountRow, String> account = column("Account", AccountRow::accountId);
        account.setPrefWidth(170);
        table.getColumns().add(account);
        table.getColumns().add(column("Events", AccountRow::events));
        table.getColumns().add(column("Risk", row -> row.riskScore() == null ? "" : String.format(Locale.ROOT, "%.2f", row.riskScore())));
        table.getColumns().add(column("Flagged", row -> row.flagged() ? "yes" : ""));
        table.getColumns().add(column("Campaign", row -> row.campaignId() == null ? "" : row.campaignId().toString()));
        table.getColumns().add(column("First seen", row -> instant(row.firstTs())));
        table.getColumns().add(column("Last seen", row -> instant(row.lastTs())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        model.selectedAccountProperty().bind(table.getSelectionModel().selectedItemProperty());
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox left = new VBox(6, filters, table);
        left.setPadding(new Insets(6));

        SplitPane split = new SplitPane(left, detail("account-detail", model.accountDetailProperty(),
                "Select an account to see its activity and why it was flagged."));
        split.setDividerPositions(0.68);
        return split;
    }

    private static SplitPane campaignsPane(WorkbenchViewModel model, Runnable showAccounts) {
        TableView<Campaign> table = new TableView<>(model.campaigns());
        table.setId("campaigns-table");
        table.getColumns().add(narrow(column("Campaign", Campaign::campaignId)));
        table.getColumns().add(narrow(column("Accounts", Campaign::size)));
        table.getColumns().add(narrow(column("Score", campaign -> String.format(Locale.ROOT, "%.2f", campaign.score()))));
        TableColumn<Campaign, String> evidence = column("Evidence", Campaign::label);
        evidence.setPrefWidth(420);
        table.getColumns().add(evidence);
        table.getColumns().add(column("Signals", campaign -> String.join(", ", campaign.signals())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No campaigns: the case has not been analysed, or the run found none."));
        model.selectedCampaignProperty().bind(table.getSelectionModel().selectedItemProperty());
        Button members = new Button("Show members");
        members.setId("show-members");
        members.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        members.setOnAction(event -> {
            model.showCampaignMembers(table.getSelectionModel().getSelectedItem().campaignId());
            showAccounts.run();
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox left = new VBox(6, table, members);
        left.setPadding(new Insets(6));
        SplitPane split = new SplitPane(left, detail("campaign-detail", model.campaignDetailProperty(),
                "Select a campaign to see the evidence that links its accounts."));
        split.setDividerPositions(0.6);
        return split;
    }

    private static TableView<SignalStatus> signalsTable(WorkbenchViewModel model) {
        TableView<SignalStatus> table = new TableView<>(model.signals());
        table.setId("signals-table");
        table.getColumns().add(column("Signal", SignalStatus::signal));
        table.getColumns().add(column("Computed", signal -> signal.computed() ? "yes" : "no"));
        table.getColumns().add(column("Detail", SignalStatus::detail));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    private static TableView<CaseOverview.Source> sourcesTable(WorkbenchViewModel model) {
        TableView<CaseOverview.Source> table = new TableView<>(model.sources());
        table.setId("sources-table");
        table.getColumns().add(column("File", CaseOverview.Source::path));
        table.getColumns().add(column("Format", CaseOverview.Source::format));
        table.getColumns().add(column("Holds", CaseOverview.Source::kind));
        table.getColumns().add(column("Read", CaseOverview.Source::read));
        table.getColumns().add(column("Accepted", CaseOverview.Source::accepted));
        table.getColumns().add(column("Duplicate", CaseOverview.Source::duplicate));
        table.getColumns().add(column("Rejected", CaseOverview.Source::rejected));
        table.getColumns().add(column("Imported", CaseOverview.Source::importedAt));
        table.getColumns().add(column("SHA-256", CaseOverview.Source::sha256));
        return table;
    }

    private static HBox statusBar(WorkbenchViewModel model) {
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(model.statusProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("progress");
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.busyProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.visibleProperty().bind(model.busyProperty());
        cancel.setOnAction(event -> model.cancel());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox statusBar = new HBox(8, status, spacer, progress, cancel);
        statusBar.setAlignment(Pos.CENTER_LEFT);
        statusBar.setPadding(new Insets(4, 8, 4, 8));
        return statusBar;
    }

    private static TextArea detail(String id, ObservableValue<String> text, String prompt) {
        TextArea area = new TextArea();
        area.setPromptText(prompt);
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(true);
        area.textProperty().bind(text);
        return area;
    }

    private static void chooseCase(WorkbenchViewModel model, Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open case");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Quarry case", "*.quarry", "*.db", "*.sqlite"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(owner);
        if (file != null) {
            model.openCase(file.toPath());
        }
    }

    private static String instant(Long epochMillis) {
        return epochMillis == null ? "" : Instant.ofEpochMilli(epochMillis).toString();
    }

    private static <S, T> TableColumn<S, T> narrow(TableColumn<S, T> column) {
        column.setPrefWidth(80);
        column.setMaxWidth(110);
        return column;
    }

    private static <S, T> TableColumn<S, T> column(String title, Function<S, T> value) {
        TableColumn<S, T> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }
}
