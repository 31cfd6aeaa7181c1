package dev.quarry.ui.workbench;

import dev.quarry.store.CaseOverview;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
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
import java.util.function.Function;

/** The main window's layout and bindings; all state and behaviour live in {@link WorkbenchViewModel}. */
public final class WorkbenchView extends BorderPane {

    public WorkbenchView(WorkbenchViewModel model) {
        setId("workbench");

        Button open = new Button("Open case…");
        open.setId("open-case");
        open.setOnAction(event -> chooseCase(model, getScene() == null ? null : getScene().getWindow()));
        Label summary = new Label();
        summary.setId("case-summary");
        summary.textProperty().bind(model.summaryProperty());
        HBox toolbar = new HBox(12, open, summary);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(8));
        setTop(toolbar);

        TextField filter = new TextField();
        filter.setId("account-filter");
        filter.setPromptText("Filter accounts by id");
        filter.textProperty().bindBidirectional(model.accountFilterProperty());
        TableView<CaseOverview.AccountActivity> accounts = new TableView<>(model.visibleAccounts());
        accounts.setId("accounts-table");
        accounts.getColumns().add(column("Account", CaseOverview.AccountActivity::accountId));
        accounts.getColumns().add(column("Events", CaseOverview.AccountActivity::events));
        accounts.getColumns().add(column("First seen", row -> instant(row.firstTs())));
        accounts.getColumns().add(column("Last seen", row -> instant(row.lastTs())));
        accounts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        VBox.setVgrow(accounts, Priority.ALWAYS);
        VBox accountsPane = new VBox(6, filter, accounts);
        accountsPane.setPadding(new Insets(6));

        TableView<CaseOverview.Source> sources = new TableView<>(model.sources());
        sources.setId("sources-table");
        sources.getColumns().add(column("File", CaseOverview.Source::path));
        sources.getColumns().add(column("Format", CaseOverview.Source::format));
        sources.getColumns().add(column("Holds", CaseOverview.Source::kind));
        sources.getColumns().add(column("Read", CaseOverview.Source::read));
        sources.getColumns().add(column("Accepted", CaseOverview.Source::accepted));
        sources.getColumns().add(column("Duplicate", CaseOverview.Source::duplicate));
        sources.getColumns().add(column("Rejected", CaseOverview.Source::rejected));
        sources.getColumns().add(column("Imported", CaseOverview.Source::importedAt));
        sources.getColumns().add(column("SHA-256", CaseOverview.Source::sha256));

        TabPane tabs = new TabPane(new Tab("Accounts", accountsPane), new Tab("Sources", sources));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);

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
        setBottom(statusBar);
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

    private static <S, T> TableColumn<S, T> column(String title, Function<S, T> value) {
        TableColumn<S, T> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }
}
