package dev.quarry.ui.timeline;

import dev.quarry.analysis.TrafficTimeline;
import dev.quarry.ui.session.TimeRange;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.util.function.Function;

/**
 * The timeline screen: the traffic chart with its zoom, pan and brush controls on top; below it the
 * events of the brushed range in pages and the hour-of-day × day heatmap, each in a tab.
 */
public final class TimelineView extends BorderPane {
    private final TimelineViewModel model;
    private final TimelineChart chart;
    private final HeatmapChart heatmap;
    private final TabPane below = new TabPane();

    public TimelineView(TimelineViewModel model) {
        this.model = model;
        setId("timeline");
        chart = new TimelineChart(model);
        heatmap = new HeatmapChart(model);

        ChoiceBox<TimelineViewModel.Scope> scope = new ChoiceBox<>();
        scope.setId("timeline-scope");
        scope.getItems().setAll(TimelineViewModel.Scope.values());
        scope.valueProperty().bindBidirectional(model.scopeProperty());
        ToggleGroup mode = new ToggleGroup();
        ToggleButton stacked = new ToggleButton("Stacked");
        stacked.setId("timeline-stacked");
        ToggleButton compared = new ToggleButton("Compared");
        compared.setId("timeline-compared");
        stacked.setToggleGroup(mode);
        compared.setToggleGroup(mode);
        stacked.setSelected(model.stackedProperty().get());
        compared.setSelected(!model.stackedProperty().get());
        mode.selectedToggleProperty().addListener((o, old, toggle) -> {
            if (toggle == null) {
                old.setSelected(true); // one of the two stays chosen
            } else {
                model.stackedProperty().set(toggle == stacked);
            }
        });
        Button zoomIn = button("+", "Zoom in", () -> zoomCentre(0.5));
        zoomIn.setId("timeline-zoom-in");
        Button zoomOut = button("−", "Zoom out", () -> zoomCentre(2));
        Button earlier = button("◀", "Earlier", () -> panShare(-0.5));
        Button later = button("▶", "Later", () -> panShare(0.5));
        Button whole = button("Whole extract", "Show the whole extract", model::wholeExtract);
        Button toBrush = button("Zoom to range", "Show only the chosen range", model::zoomToBrush);
        Button clear = button("Clear range", "Forget the chosen range: every screen shows the whole case again", model::clearBrush);
        toBrush.disableProperty().bind(model.brushProperty().isNull());
        clear.disableProperty().bind(model.brushProperty().isNull());
        clear.setId("timeline-clear-range");
        Label range = new Label();
        range.setId("timeline-range");
        model.brushProperty().addListener(o -> range.setText(rangeText(model.brushProperty().get())));
        range.setText(rangeText(model.brushProperty().get()));
        HBox controls = new HBox(6, scope, stacked, compared, gap(), zoomOut, zoomIn, earlier, later, whole, toBrush, clear);
        controls.setAlignment(Pos.CENTER_LEFT);
        for (javafx.scene.Node control : controls.getChildren()) {
            if (control instanceof Region region) {
                region.setMinWidth(Region.USE_PREF_SIZE); // the buttons keep their words at 1280 px
            }
        }
        Label status = new Label();
        status.setId("timeline-status");
        status.textProperty().bind(model.statusProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox rangeLine = new HBox(12, range, spacer, status);
        VBox toolbar = new VBox(4, controls, rangeLine);
        toolbar.setPadding(new Insets(4, 8, 4, 8));

        Label hover = new Label();
        hover.setId("timeline-hover");
        chart.onHover(hover::setText);
        Label help = new Label("drag: choose a time range · Shift+drag or right-drag: pan · wheel: zoom");
        help.setStyle("-fx-opacity: 0.7;");
        help.setMinWidth(Region.USE_PREF_SIZE);
        Region footerSpacer = new Region();
        HBox.setHgrow(footerSpacer, Priority.ALWAYS);
        HBox chartFooter = new HBox(12, hover, footerSpacer, help);
        chartFooter.setPadding(new Insets(2, 8, 2, 8));
        VBox.setVgrow(chart, Priority.ALWAYS);
        VBox top = new VBox(chart, chartFooter);

        below.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab eventsTab = new Tab("Events in the range", eventsPane());
        eventsTab.setId("timeline-events-tab");
        Tab heatmapTab = new Tab("Hour of day × day", heatmapPane());
        heatmapTab.setId("timeline-heatmap-tab");
        below.getTabs().setAll(eventsTab, heatmapTab);

        SplitPane split = new SplitPane(top, below);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.52);
        setTop(toolbar);
        setCenter(split);
    }

    private javafx.scene.Node eventsPane() {
        TableView<TrafficTimeline.EventRow> table = new TableView<>(model.events());
        table.setId("timeline-events");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(
                column("time (UTC)", 185, e -> TimelineAxis.FULL.format(Instant.ofEpochMilli(e.ts()))
                        + String.format(java.util.Locale.ROOT, ".%03d", e.ts() % 1000)),
                column("account", 150, TrafficTimeline.EventRow::accountId),
                column("model", 130, TrafficTimeline.EventRow::model),
                column("IP", 120, TrafficTimeline.EventRow::ip),
                column("status", 70, TrafficTimeline.EventRow::status),
                column("prompt tokens", 100, e -> e.promptTokens() == null ? "" : e.promptTokens().toString()),
                column("completion tokens", 120, e -> e.completionTokens() == null ? "" : e.completionTokens().toString()));
        table.setPlaceholder(new Label("no events to show"));
        Button previous = button("◀ Previous", "The previous page", model::previousPage);
        previous.disableProperty().bind(model.pageProperty().isEqualTo(0));
        Button next = button("Next ▶", "The next page", model::nextPage);
        next.setId("timeline-events-next");
        next.disableProperty().bind(model.morePagesProperty().not());
        Label status = new Label();
        status.setId("timeline-events-status");
        status.textProperty().bind(model.eventsStatusProperty());
        HBox paging = new HBox(8, previous, next, status);
        paging.setAlignment(Pos.CENTER_LEFT);
        paging.setPadding(new Insets(4, 8, 4, 8));
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(paging, table);
    }

    private javafx.scene.Node heatmapPane() {
        ToggleGroup zone = new ToggleGroup();
        ToggleButton utc = new ToggleButton("UTC");
        ToggleButton local = new ToggleButton("Each account's local time");
        local.setId("heatmap-local");
        utc.setToggleGroup(zone);
        local.setToggleGroup(zone);
        utc.setSelected(!model.localTimeProperty().get());
        local.setSelected(model.localTimeProperty().get());
        zone.selectedToggleProperty().addListener((o, old, toggle) -> {
            if (toggle == null) {
                old.setSelected(true);
            } else {
                model.localTimeProperty().set(toggle == local);
            }
        });
        Label hover = new Label();
        heatmap.onHover(hover::setText);
        Label status = new Label();
        status.setId("heatmap-status");
        status.textProperty().bind(model.heatmapStatusProperty());
        HBox bar = new HBox(8, utc, local, status, gap(), hover);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        VBox.setVgrow(heatmap, Priority.ALWAYS);
        return new VBox(bar, heatmap);
    }

    /** Shows the heatmap tab (for the screenshot and the benchmark). */
    public void showHeatmap() {
        below.getSelectionModel().select(1);
    }

    /** The screen's state, for the benchmark and tests that drive it. */
    public TimelineViewModel model() {
        return model;
    }

    /** Milliseconds the chart's last redraw took. */
    public double lastFrameMs() {
        return chart.lastFrameMs();
    }

    /** The horizontal position in this view of a time on the chart, for tests. */
    public double chartX(long ms) {
        return chart.localToScene(chart.xAt(ms), 0).getX() - localToScene(0, 0).getX();
    }

    /** The vertical middle of the chart in this view, for tests. */
    public double chartMiddleY() {
        return chart.localToScene(0, chart.getHeight() / 2).getY() - localToScene(0, 0).getY();
    }

    private void zoomCentre(double factor) {
        TimeRange shown = model.visibleProperty().get();
        if (shown != null) {
            model.zoom(factor, (shown.fromMillis() + shown.toMillis()) / 2);
        }
    }

    private void panShare(double share) {
        TimeRange shown = model.visibleProperty().get();
        if (shown != null) {
            model.pan(Math.round(share * (shown.toMillis() - shown.fromMillis())));
        }
    }

    private static String rangeText(TimeRange range) {
        if (range == null) {
            return "no time range chosen: every screen shows the whole case";
        }
        return "range " + TimelineAxis.FULL.format(Instant.ofEpochMilli(range.fromMillis())) + " – "
                + TimelineAxis.FULL.format(Instant.ofEpochMilli(range.toMillis())) + " UTC ("
                + TimelineAxis.duration(range.toMillis() - range.fromMillis()) + ")";
    }

    private static Region gap() {
        Region gap = new Region();
        gap.setMinWidth(8);
        return gap;
    }

    private static Button button(String text, String tip, Runnable action) {
        Button button = new Button(text);
        button.setTooltip(new javafx.scene.control.Tooltip(tip));
        button.setOnAction(e -> action.run());
        return button;
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
