package dev.quarry.ui.graph;

import dev.quarry.analysis.AccountGraph;
import dev.quarry.analysis.AccountGraphPicture;
import dev.quarry.analysis.LinkFamily;
import dev.quarry.graph.GraphPicture;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

/**
 * The account graph drawn on one Canvas (no scene-graph node per element): nodes coloured by
 * campaign and sized by volume, edges coloured by family; scroll zooms around the pointer, drag
 * pans, hover names a node, click selects (Shift adds) and highlights the neighbours. Zoomed out,
 * nodes become single pixels and edges shorter than a pixel are skipped.
 */
public final class AccountGraphView extends BorderPane {
    private final AccountGraphViewModel model;
    private final Canvas canvas = new Canvas();
    private final Label hoverLabel = new Label();
    private double scale = 1;
    private double offsetX;
    private double offsetY;
    private double dragX;
    private double dragY;
    private boolean dragged;
    private double lastFrameMs;

    public AccountGraphView(AccountGraphViewModel model) {
        this.model = model;
        setId("account-graph");
        HBox toolbar = new HBox(8);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(4, 8, 4, 8));
        for (LinkFamily family : LinkFamily.values()) {
            CheckBox toggle = new CheckBox(family.stored());
            toggle.setTooltip(new javafx.scene.control.Tooltip(family.label()));
            toggle.setId("family-" + family.stored());
            toggle.setSelected(model.shownFamilies().contains(family));
            toggle.setTextFill(Color.rgb(AccountGraphPicture.familyColour(family) >> 16, AccountGraphPicture.familyColour(family) >> 8 & 0xFF,
                    AccountGraphPicture.familyColour(family) & 0xFF));
            toggle.selectedProperty().addListener((o, was, on) -> {
                if (on) {
                    model.shownFamilies().add(family);
                } else {
                    model.shownFamilies().remove(family);
                }
            });
            toolbar.getChildren().add(toggle);
        }
        Slider weight = new Slider(0, 1, model.minWeightProperty().get());
        weight.setId("weight-slider");
        weight.setPrefWidth(120);
        weight.valueProperty().bindBidirectional(model.minWeightProperty());
        TextField search = new TextField();
        search.setId("graph-search");
        search.setPromptText("find account");
        search.setPrefColumnCount(12);
        search.setOnAction(e -> model.search(search.getText()));
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        toolbar.getChildren().addAll(new Label("min weight"), weight, search, status);
        setTop(toolbar);
        Pane holder = new Pane(canvas);
        holder.setMinSize(0, 0);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        setCenter(holder);
        hoverLabel.setId("graph-hover");
        setBottom(hoverLabel);

        canvas.widthProperty().addListener(o -> redraw());
        canvas.heightProperty().addListener(o -> redraw());
        model.graphProperty().addListener((o, old, g) -> {
            fit();
            redraw();
        });
        model.shownFamilies().addListener((SetChangeListener<LinkFamily>) c -> redraw());
        model.minWeightProperty().addListener(o -> redraw());
        model.activeAccountsProperty().addListener(o -> redraw());
        model.selectedAccounts().addListener((SetChangeListener<String>) c -> redraw());
        model.centredProperty().addListener((o, old, node) -> centreOn(node.intValue()));
        canvas.setOnScroll(e -> {
            double factor = Math.pow(1.0015, e.getDeltaY());
            zoom(factor, e.getX(), e.getY());
        });
        canvas.setOnMousePressed(e -> {
            dragX = e.getX();
            dragY = e.getY();
            dragged = false;
        });
        canvas.setOnMouseDragged(e -> {
            pan(e.getX() - dragX, e.getY() - dragY);
            dragX = e.getX();
            dragY = e.getY();
            dragged = true;
        });
        canvas.setOnMouseClicked(e -> {
            if (!dragged) {
                model.select(nodeAt(e.getX(), e.getY()), e.isShiftDown());
            }
        });
        canvas.setOnMouseMoved(e -> {
            int node = nodeAt(e.getX(), e.getY());
            model.hoveredProperty().set(node);
            AccountGraph g = model.graphProperty().get();
            hoverLabel.setText(node < 0 || g == null ? "" : g.isAttribute(node) ? g.label(node)
                    : g.label(node) + "  ·  campaign " + (g.campaign(node) < 0 ? "none" : g.campaign(node))
                    + "  ·  " + g.volume(node) + " requests  ·  risk " + String.format(java.util.Locale.ROOT, "%.2f", g.risk(node)));
        });
    }

    public void zoom(double factor, double aroundX, double aroundY) {
        offsetX = aroundX - (aroundX - offsetX) * factor;
        offsetY = aroundY - (aroundY - offsetY) * factor;
        scale *= factor;
        redraw();
    }

    public void pan(double dx, double dy) {
        offsetX += dx;
        offsetY += dy;
        redraw();
    }

    /** Screen position of a node, for tests and the benchmark: {x, y}. */
    public double[] screenPosition(int node) {
        AccountGraph g = model.graphProperty().get();
        return new double[] {g.x(node) * scale + offsetX, g.y(node) * scale + offsetY};
    }

    /** Milliseconds the last redraw took. */
    /** The screen's state, for the benchmark and tests that drive it. */
    public AccountGraphViewModel model() {
        return model;
    }

    public double lastFrameMs() {
        return lastFrameMs;
    }

    private void fit() {
        AccountGraph g = model.graphProperty().get();
        if (g == null || g.nodeCount() == 0) {
            return;
        }
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < g.nodeCount(); i++) {
            minX = Math.min(minX, g.x(i));
            maxX = Math.max(maxX, g.x(i));
            minY = Math.min(minY, g.y(i));
            maxY = Math.max(maxY, g.y(i));
        }
        double width = Math.max(200, canvas.getWidth());
        double height = Math.max(200, canvas.getHeight());
        scale = Math.min((width - 40) / Math.max(1e-9, maxX - minX), (height - 40) / Math.max(1e-9, maxY - minY));
        offsetX = (width - scale * (maxX + minX)) / 2;
        offsetY = (height - scale * (maxY + minY)) / 2;
    }

    private void centreOn(int node) {
        AccountGraph g = model.graphProperty().get();
        if (node < 0 || g == null) {
            return;
        }
        offsetX = canvas.getWidth() / 2 - g.x(node) * scale;
        offsetY = canvas.getHeight() / 2 - g.y(node) * scale;
        redraw();
    }

    /** The node under the pointer (within 6 px of its centre), -1 when none. */
    private int nodeAt(double sx, double sy) {
        AccountGraph g = model.graphProperty().get();
        if (g == null) {
            return -1;
        }
        int best = -1;
        double bestD2 = 36;
        for (int i = 0; i < g.nodeCount(); i++) {
            double dx = g.x(i) * scale + offsetX - sx;
            double dy = g.y(i) * scale + offsetY - sy;
            double d2 = dx * dx + dy * dy;
            if (d2 <= bestD2) {
                bestD2 = d2;
                best = i;
            }
        }
        return best;
    }

    private void redraw() {
        long started = System.nanoTime();
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        gc.setFill(Color.WHITE);
        gc.fillRect(0, 0, width, height);
        AccountGraph g = model.graphProperty().get();
        if (g == null) {
            return;
        }
        int n = g.nodeCount();
        boolean[] selected = new boolean[n];
        boolean[] neighbour = new boolean[n];
        boolean anySelected = !model.selectedAccounts().isEmpty();
        if (anySelected) {
            for (int i = 0; i < n; i++) {
                selected[i] = !g.isAttribute(i) && model.selectedAccounts().contains(g.node(i));
            }
        }
        gc.setLineWidth(0.6);
        for (int e = 0; e < g.edgeCount(); e++) {
            if (!model.edgeShown(e)) {
                continue;
            }
            int a = g.from(e);
            int b = g.to(e);
            double ax = g.x(a) * scale + offsetX;
            double ay = g.y(a) * scale + offsetY;
            double bx = g.x(b) * scale + offsetX;
            double by = g.y(b) * scale + offsetY;
            if (Math.max(ax, bx) < 0 || Math.min(ax, bx) > width || Math.max(ay, by) < 0 || Math.min(ay, by) > height) {
                continue;
            }
            boolean touchesSelection = anySelected && (selected[a] || selected[b]);
            if (touchesSelection) {
                neighbour[a] = true;
                neighbour[b] = true;
            }
            if (!touchesSelection && Math.abs(ax - bx) < 1 && Math.abs(ay - by) < 1) {
                continue; // level of detail: a line shorter than a pixel shows nothing
            }
            gc.setStroke(colour(AccountGraphPicture.familyColour(g.family(e)), touchesSelection ? 0.9 : anySelected ? 0.08 : 0.3));
            gc.strokeLine(ax, ay, bx, by);
        }
        boolean dots = scale < 0.4;
        java.util.Set<String> active = model.activeAccountsProperty().get();
        for (int i = 0; i < n; i++) {
            double x = g.x(i) * scale + offsetX;
            double y = g.y(i) * scale + offsetY;
            if (x < -10 || y < -10 || x > width + 10 || y > height + 10) {
                continue;
            }
            int rgb = g.isAttribute(i) ? 0x333333 : GraphPicture.campaignColour(g.campaign(i));
            boolean faded = anySelected && !selected[i] && !neighbour[i]
                    || active != null && !g.isAttribute(i) && !active.contains(g.node(i));
            gc.setFill(colour(rgb, faded ? 0.25 : 1));
            if (dots && !selected[i]) {
                gc.fillRect(x, y, 1.5, 1.5);
                continue;
            }
            double r = AccountGraphPicture.radius(g, i);
            gc.fillOval(x - r, y - r, 2 * r, 2 * r);
            if (selected[i]) {
                gc.setStroke(Color.BLACK);
                gc.setLineWidth(2);
                gc.strokeOval(x - r - 2, y - r - 2, 2 * r + 4, 2 * r + 4);
                gc.setLineWidth(0.6);
            }
        }
        lastFrameMs = (System.nanoTime() - started) / 1e6;
    }

    private static Color colour(int rgb, double opacity) {
        return Color.rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF, opacity);
    }
}
