package dev.quarry.ui.overview;

import dev.quarry.analysis.SignalStatus;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import java.util.Locale;

/** Layout and bindings of the overview; every value comes from {@link OverviewViewModel}. */
public final class OverviewView extends VBox {

    public OverviewView(OverviewViewModel model) {
        setSpacing(10);
        setPadding(new Insets(14));
        Label totals = new Label();
        totals.getStyleClass().add("title-4");
        totals.textProperty().bind(model.totalsProperty());
        totals.setWrapText(true);
        Label range = new Label();
        range.textProperty().bind(model.timeRangeProperty());
        Label empty = new Label();
        empty.setId("overview-empty");
        empty.setWrapText(true);
        empty.textProperty().bind(model.emptyStateProperty());
        empty.visibleProperty().bind(model.emptyStateProperty().isNotEmpty());
        empty.managedProperty().bind(empty.visibleProperty());

        CategoryAxis riskAxis = new CategoryAxis();
        riskAxis.setLabel("risk score");
        NumberAxis countAxis = new NumberAxis();
        countAxis.setLabel("accounts");
        BarChart<String, Number> histogram = new BarChart<>(riskAxis, countAxis);
        histogram.setId("risk-histogram");
        histogram.setLegendVisible(false);
        histogram.setAnimated(false);
        histogram.setTitle("Accounts by risk score");
        histogram.setPrefHeight(220);
        histogram.setMinWidth(300);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        histogram.getData().add(series);
        Runnable fill = () -> {
            series.getData().clear();
            for (int i = 0; i < model.histogram().size(); i++) {
                series.getData().add(new XYChart.Data<>(String.format(Locale.ROOT, "%.1f", i / 10.0), model.histogram().get(i)));
            }
        };
        ((javafx.collections.ObservableList<Integer>) model.histogram()).addListener((ListChangeListener<Integer>) c -> fill.run());
        fill.run();

        TableView<OverviewViewModel.CampaignLine> campaigns = new TableView<>(model.campaigns());
        campaigns.setId("overview-campaigns");
        campaigns.setPlaceholder(new Label("No campaigns."));
        campaigns.getColumns().add(column("Campaign", c -> Integer.toString(c.campaignId()), 105));
        campaigns.getColumns().add(column("Strength", c -> String.format(Locale.ROOT, "%.3f", c.score()), 100));
        campaigns.getColumns().add(column("Accounts", c -> String.format(Locale.ROOT, "%,d", c.size()), 100));
        campaigns.getColumns().add(column("Requests", c -> String.format(Locale.ROOT, "%,d", c.events()), 100));
        campaigns.getColumns().add(column("First seen", c -> OverviewViewModel.day(c.firstTs()), 150));
        campaigns.getColumns().add(column("Last seen", c -> OverviewViewModel.day(c.lastTs()), 150));
        TableColumn<OverviewViewModel.CampaignLine, OverviewViewModel.CampaignLine> traffic = new TableColumn<>("Traffic per day");
        traffic.setCellValueFactory(data -> new SimpleObjectProperty<>(data.getValue()));
        traffic.setCellFactory(c -> new SparklineCell());
        traffic.setPrefWidth(140);
        traffic.setSortable(false);
        campaigns.getColumns().add(traffic);
        campaigns.getColumns().add(column("Verdict", OverviewViewModel.CampaignLine::verdict, 110));
        campaigns.getColumns().add(column("Label", OverviewViewModel.CampaignLine::label, 380));
        campaigns.setRowFactory(table -> {
            TableRow<OverviewViewModel.CampaignLine> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && !row.isEmpty()) {
                    model.openCampaign(row.getItem().campaignId());
                }
            });
            return row;
        });
        VBox.setVgrow(campaigns, Priority.ALWAYS);

        TableView<SignalStatus> missing = new TableView<>(model.missingSignals());
        missing.setId("overview-missing-signals");
        missing.setPlaceholder(new Label("Every signal was computed."));
        TableColumn<SignalStatus, String> signal = new TableColumn<>("Signal not computed");
        signal.setCellValueFactory(data -> new SimpleStringProperty(data.getValue().signal()));
        signal.setPrefWidth(220);
        TableColumn<SignalStatus, String> why = new TableColumn<>("Why");
        why.setCellValueFactory(data -> new SimpleStringProperty(data.getValue().detail()));
        why.setPrefWidth(420);
        missing.getColumns().add(signal);
        missing.getColumns().add(why);
        missing.setPrefHeight(130);
        missing.setMinWidth(300);
        HBox.setHgrow(missing, Priority.ALWAYS);
        HBox.setHgrow(histogram, Priority.ALWAYS);
        HBox lower = new HBox(10, histogram, missing);

        Label ranked = new Label("Campaigns, strongest first (double-click to open)");
        ranked.getStyleClass().add("title-4");
        getChildren().addAll(totals, range, empty, lower, ranked, campaigns);
    }

    static <S> TableColumn<S, String> column(String title, java.util.function.Function<S, String> value, double width) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setCellValueFactory(data -> new SimpleStringProperty(value.apply(data.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    /** Requests per day drawn on a small canvas: one line, no axes, scaled to the campaign's busiest day. */
    private static final class SparklineCell extends TableCell<OverviewViewModel.CampaignLine, OverviewViewModel.CampaignLine> {
        private final Canvas canvas = new Canvas(140, 22);

        @Override
        protected void updateItem(OverviewViewModel.CampaignLine item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null || item.daily().length == 0) {
                setGraphic(null);
                return;
            }
            GraphicsContext g = canvas.getGraphicsContext2D();
            g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
            long max = 1;
            for (long n : item.daily()) {
                max = Math.max(max, n);
            }
            g.setStroke(Color.web("#0969da"));
            g.setLineWidth(1.5);
            double step = item.daily().length > 1 ? (canvas.getWidth() - 2) / (item.daily().length - 1) : 0;
            g.beginPath();
            for (int i = 0; i < item.daily().length; i++) {
                double x = 1 + i * step;
                double y = canvas.getHeight() - 2 - (canvas.getHeight() - 4) * item.daily()[i] / (double) max;
                if (i == 0) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, y);
                }
            }
            g.stroke();
            setGraphic(canvas);
        }
    }
}
