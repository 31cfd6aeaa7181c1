package dev.quarry.ui.timeline;

import dev.quarry.analysis.ShiftHeatmap;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The hour-of-day × day heatmap on one Canvas: a column per day, a row per hour (midnight at the
 * top), darker for more requests on a square-root scale so a quiet shift still shows beside a busy one.
 */
final class HeatmapChart extends Pane {
    private static final double LEFT = 44;
    private static final double TOP = 8;
    private static final double BOTTOM = 22;
    private static final double RIGHT = 90;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final TimelineViewModel model;
    private final Canvas canvas = new Canvas();
    private Consumer<String> onHover = text -> { };

    HeatmapChart(TimelineViewModel model) {
        this.model = model;
        setId("heatmap");
        setMinSize(200, 150);
        getChildren().add(canvas);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener(o -> redraw());
        canvas.heightProperty().addListener(o -> redraw());
        model.heatmapProperty().addListener(o -> redraw());
        canvas.setOnMouseMoved(e -> onHover.accept(describe(e.getX(), e.getY())));
        canvas.setOnMouseExited(e -> onHover.accept(""));
    }

    void onHover(Consumer<String> handler) {
        this.onHover = handler;
    }

    private double cellW(ShiftHeatmap.Grid grid) {
        return (canvas.getWidth() - LEFT - RIGHT) / Math.max(1, grid.counts().length);
    }

    private double cellH() {
        return (canvas.getHeight() - TOP - BOTTOM) / 24;
    }

    private String describe(double x, double y) {
        ShiftHeatmap.Grid grid = model.heatmapProperty().get();
        if (grid == null || grid.counts().length == 0) {
            return "";
        }
        int day = (int) Math.floor((x - LEFT) / cellW(grid));
        int hour = (int) Math.floor((y - TOP) / cellH());
        if (day < 0 || day >= grid.counts().length || hour < 0 || hour >= 24) {
            return "";
        }
        return String.format(Locale.ROOT, "%s, %02d:00–%02d:00 %s: %,d requests",
                DAY.format(Instant.ofEpochMilli(grid.firstDayMs() + day * 86_400_000L)), hour, (hour + 1) % 24,
                grid.localTime() ? "local time" : "UTC", grid.counts()[day][hour]);
    }

    void redraw() {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        gc.setFill(Color.WHITE);
        gc.fillRect(0, 0, width, height);
        ShiftHeatmap.Grid grid = model.heatmapProperty().get();
        if (grid == null || grid.counts().length == 0 || width <= LEFT + RIGHT || height <= TOP + BOTTOM) {
            return;
        }
        long[][] counts = grid.counts();
        double max = Math.sqrt(Math.max(1, grid.max()));
        double w = cellW(grid);
        double h = cellH();
        for (int day = 0; day < counts.length; day++) {
            for (int hour = 0; hour < 24; hour++) {
                double level = Math.sqrt(counts[day][hour]) / max;
                gc.setFill(shade(level));
                gc.fillRect(LEFT + day * w, TOP + hour * h, Math.ceil(w), Math.ceil(h));
            }
        }
        gc.setFont(Font.font(11));
        gc.setFill(Color.rgb(60, 60, 60));
        gc.setTextAlign(TextAlignment.RIGHT);
        for (int hour = 0; hour < 24; hour += 3) {
            gc.fillText(String.format(Locale.ROOT, "%02d:00", hour), LEFT - 6, TOP + hour * h + Math.min(h, 12) - 1);
        }
        gc.setTextAlign(TextAlignment.LEFT);
        int every = Math.max(1, (int) Math.ceil(70 / w));
        for (int day = 0; day < counts.length; day += every) {
            gc.fillText(DAY.format(Instant.ofEpochMilli(grid.firstDayMs() + day * 86_400_000L)).substring(4),
                    LEFT + day * w + 1, TOP + 24 * h + 15);
        }
        // the scale: white is no request, the darkest the busiest hour
        double legendX = width - RIGHT + 16;
        for (int i = 0; i < 100; i++) {
            gc.setFill(shade(1 - i / 99.0));
            gc.fillRect(legendX, TOP + i * (24 * h - 20) / 100, 14, Math.ceil((24 * h - 20) / 100) + 1);
        }
        gc.setFill(Color.rgb(60, 60, 60));
        gc.fillText(String.format(Locale.ROOT, "%,d", grid.max()), legendX + 18, TOP + 10);
        gc.fillText("0", legendX + 18, TOP + 24 * h - 20);
        gc.fillText("req/h", legendX, TOP + 24 * h - 4);
    }

    private static Color shade(double level) {
        double l = Math.max(0, Math.min(1, level));
        return Color.rgb((int) (255 - 230 * l), (int) (255 - 190 * l), (int) (255 - 110 * l));
    }
}
