package dev.quarry.ui.timeline;

import dev.quarry.analysis.TrafficTimeline;
import dev.quarry.graph.GraphPicture;
import dev.quarry.ui.session.TimeRange;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * The traffic chart on one Canvas: stacked bars per campaign (or one line per campaign, compared),
 * a UTC time axis and the brushed range. Drag brushes a range, Shift+drag or the right button pans,
 * the wheel zooms around the pointer; what the pointer is over is told through {@link #onHover}.
 */
final class TimelineChart extends Pane {
    static final double LEFT = 64;
    static final double RIGHT = 12;
    static final double TOP = 26;
    static final double BOTTOM = 24;

    private final TimelineViewModel model;
    private final Canvas canvas = new Canvas();
    private double pressX = Double.NaN;
    private double dragX = Double.NaN;
    private boolean panning;
    private double lastFrameMs;
    private Consumer<String> onHover = text -> { };

    TimelineChart(TimelineViewModel model) {
        this.model = model;
        setId("timeline-chart");
        setMinSize(200, 120);
        getChildren().add(canvas);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener(o -> redraw());
        canvas.heightProperty().addListener(o -> redraw());
        model.seriesProperty().addListener(o -> redraw());
        model.brushProperty().addListener(o -> redraw());
        model.stackedProperty().addListener(o -> redraw());

        canvas.setOnScroll(e -> {
            if (e.getDeltaY() != 0 && plotWidth() > 0) {
                model.zoom(Math.pow(1.002, -e.getDeltaY()), msAt(e.getX()));
            }
        });
        canvas.setOnMousePressed(e -> {
            pressX = e.getX();
            dragX = e.getX();
            panning = e.isShiftDown() || e.getButton() == MouseButton.SECONDARY;
        });
        canvas.setOnMouseDragged(e -> {
            if (Double.isNaN(pressX)) {
                return;
            }
            if (panning) {
                TimeRange shown = model.visibleProperty().get();
                if (shown != null) {
                    model.pan(Math.round(-(e.getX() - dragX) / plotWidth() * (shown.toMillis() - shown.fromMillis())));
                }
            }
            dragX = e.getX();
            redraw();
        });
        canvas.setOnMouseReleased(e -> {
            if (!panning && !Double.isNaN(pressX) && Math.abs(e.getX() - pressX) >= 3) {
                model.brush(msAt(pressX), msAt(e.getX()));
            }
            pressX = Double.NaN;
            dragX = Double.NaN;
            redraw();
        });
        canvas.setOnMouseMoved(e -> onHover.accept(describe(e.getX())));
        canvas.setOnMouseExited(e -> onHover.accept(""));
    }

    void onHover(Consumer<String> handler) {
        this.onHover = handler;
    }

    double lastFrameMs() {
        return lastFrameMs;
    }

    private double plotWidth() {
        return Math.max(1, canvas.getWidth() - LEFT - RIGHT);
    }

    /** The time under a horizontal canvas position, from the range the chart shows. */
    long msAt(double x) {
        TimeRange shown = shownRange();
        if (shown == null) {
            return 0;
        }
        double fraction = Math.max(0, Math.min(1, (x - LEFT) / plotWidth()));
        return shown.fromMillis() + Math.round(fraction * (shown.toMillis() - shown.fromMillis()));
    }

    /** The horizontal canvas position of a time. */
    double xAt(long ms) {
        TimeRange shown = shownRange();
        if (shown == null) {
            return LEFT;
        }
        return LEFT + (double) (ms - shown.fromMillis()) / Math.max(1, shown.toMillis() - shown.fromMillis()) * plotWidth();
    }

    /** The range the drawn series covers (the visible range it was read for), so drawing and picking agree. */
    private TimeRange shownRange() {
        return model.visibleProperty().get();
    }

    private String describe(double x) {
        TrafficTimeline.Series series = model.seriesProperty().get();
        if (series == null || x < LEFT || x > LEFT + plotWidth()) {
            return "";
        }
        int bucket = (int) Math.floorDiv(msAt(x) - series.startMs(), series.bucketMs());
        if (bucket < 0 || bucket >= series.buckets()) {
            return "";
        }
        StringBuilder text = new StringBuilder(TimelineAxis.FULL.format(java.time.Instant.ofEpochMilli(series.startMs() + bucket * series.bucketMs())))
                .append(" UTC (").append(TimelineAxis.duration(series.bucketMs())).append("):");
        long total = 0;
        for (int g = 0; g < series.groups().length; g++) {
            long count = series.counts()[g][bucket];
            total += count;
            if (count > 0) {
                text.append("  ").append(TimelineViewModel.groupName(series.groups()[g])).append(' ')
                        .append(String.format(Locale.ROOT, "%,d", count));
            }
        }
        return total == 0 ? text.append("  no requests").toString() : text.toString();
    }

    void redraw() {
        long started = System.nanoTime();
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        gc.setFill(Color.WHITE);
        gc.fillRect(0, 0, width, height);
        TrafficTimeline.Series series = model.seriesProperty().get();
        TimeRange shown = shownRange();
        if (series == null || shown == null || width <= LEFT + RIGHT || height <= TOP + BOTTOM) {
            return;
        }
        double plotW = plotWidth();
        double plotH = height - TOP - BOTTOM;
        boolean stacked = model.stackedProperty().get();
        int groups = series.groups().length;
        int buckets = series.buckets();
        long max = 1;
        for (int b = 0; b < buckets; b++) {
            long sum = 0;
            for (int g = 0; g < groups; g++) {
                long c = series.counts()[g][b];
                sum = stacked ? sum + c : Math.max(sum, c);
            }
            max = Math.max(max, sum);
        }
        double yScale = plotH / (max * 1.05);
        gc.setFont(Font.font(11));
        gc.setTextAlign(TextAlignment.RIGHT);
        gc.setLineWidth(1);
        for (long tick : niceTicks(max)) {
            double y = TOP + plotH - tick * yScale;
            gc.setStroke(Color.rgb(0, 0, 0, 0.08));
            gc.strokeLine(LEFT, y, LEFT + plotW, y);
            gc.setFill(Color.rgb(60, 60, 60));
            gc.fillText(String.format(Locale.ROOT, "%,d", tick), LEFT - 6, y + 4);
        }
        double bucketW = (double) series.bucketMs() / (shown.toMillis() - shown.fromMillis()) * plotW;
        gc.save();
        gc.beginPath();
        gc.rect(LEFT, TOP, plotW, plotH);
        gc.clip();
        if (stacked) {
            double[] base = new double[buckets];
            for (int g = 0; g < groups; g++) {
                gc.setFill(colour(series.groups()[g], 0.9));
                for (int b = 0; b < buckets; b++) {
                    long c = series.counts()[g][b];
                    if (c == 0) {
                        continue;
                    }
                    double x = xAt(series.startMs() + b * series.bucketMs());
                    double h = c * yScale;
                    gc.fillRect(x, TOP + plotH - base[b] - h, Math.max(1, bucketW - (bucketW > 4 ? 1 : 0)), h);
                    base[b] += h;
                }
            }
        } else {
            double[] xs = new double[buckets];
            double[] ys = new double[buckets];
            for (int b = 0; b < buckets; b++) {
                xs[b] = xAt(series.startMs() + b * series.bucketMs()) + bucketW / 2;
            }
            gc.setLineWidth(1.6);
            for (int g = 0; g < groups; g++) {
                for (int b = 0; b < buckets; b++) {
                    ys[b] = TOP + plotH - series.counts()[g][b] * yScale;
                }
                gc.setStroke(colour(series.groups()[g], 1));
                gc.strokePolyline(xs, ys, buckets);
            }
        }
        TimeRange brushed = model.brushProperty().get();
        if (brushed != null) {
            drawRange(gc, xAt(brushed.fromMillis()), xAt(brushed.toMillis()), plotH);
        }
        if (!panning && !Double.isNaN(pressX) && !Double.isNaN(dragX)) {
            drawRange(gc, pressX, dragX, plotH);
        }
        gc.restore();

        gc.setStroke(Color.rgb(120, 120, 120));
        gc.setLineWidth(1);
        gc.strokeLine(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH);
        long span = shown.toMillis() - shown.fromMillis();
        long step = TimelineAxis.step(span, Math.max(2, (int) (plotW / 110)));
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setFill(Color.rgb(60, 60, 60));
        for (long t = Math.floorDiv(shown.fromMillis(), step) * step + step; t < shown.toMillis(); t += step) {
            double x = xAt(t);
            gc.strokeLine(x, TOP + plotH, x, TOP + plotH + 4);
            gc.fillText(TimelineAxis.label(t, step), x, TOP + plotH + 16);
        }
        drawLegend(gc, series);
        lastFrameMs = (System.nanoTime() - started) / 1e6;
    }

    private void drawRange(GraphicsContext gc, double x0, double x1, double plotH) {
        double from = Math.min(x0, x1);
        double to = Math.max(x0, x1);
        gc.setFill(Color.rgb(30, 110, 220, 0.18));
        gc.fillRect(from, TOP, Math.max(1, to - from), plotH);
        gc.setStroke(Color.rgb(30, 110, 220, 0.9));
        gc.setLineWidth(1.2);
        gc.strokeLine(from, TOP, from, TOP + plotH);
        gc.strokeLine(to, TOP, to, TOP + plotH);
    }

    private void drawLegend(GraphicsContext gc, TrafficTimeline.Series series) {
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFont(Font.font(11));
        double x = LEFT;
        for (int group : series.groups()) {
            gc.setFill(colour(group, 1));
            gc.fillRect(x, 8, 10, 10);
            gc.setFill(Color.rgb(40, 40, 40));
            String name = TimelineViewModel.groupName(group);
            gc.fillText(name, x + 14, 17);
            x += 24 + name.length() * 6.2;
        }
    }

    /** Three to six round values in (0, max] for the count axis. */
    static long[] niceTicks(long max) {
        double raw = max / 6.0;
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(1, raw))));
        double step = magnitude;
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude >= raw) {
                step = m * magnitude;
                break;
            }
        }
        long s = Math.max(1, Math.round(step));
        int count = (int) Math.min(8, max / s);
        long[] ticks = new long[count];
        for (int i = 0; i < count; i++) {
            ticks[i] = (i + 1) * s;
        }
        return ticks;
    }

    private static Color colour(int group, double opacity) {
        int rgb = group == TrafficTimeline.SELECTION ? 0x1E6EDC : GraphPicture.campaignColour(group);
        return Color.rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF, opacity);
    }
}
