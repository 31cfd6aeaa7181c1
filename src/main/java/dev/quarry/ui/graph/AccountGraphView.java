package dev.quarry.ui.graph;

import dev.quarry.analysis.AccountGraph;
import dev.quarry.analysis.AccountGraphPicture;
import dev.quarry.analysis.LinkFamily;
import dev.quarry.graph.GraphPicture;
import dev.quarry.graph.GraphRaster;
import dev.quarry.graph.Viewport;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
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
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;

import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * The account graph on one Canvas (no scene-graph node per element): nodes coloured by campaign and
 * sized by volume, edges coloured by family; scroll zooms around the pointer, drag pans, hover names
 * a node, click selects (Shift adds) and highlights the neighbours. The whole graph is drawn as a
 * picture off the FX thread ({@link GraphRaster}); while the view pans or zooms that picture is
 * moved, and once the view rests for a moment it is drawn again, crisp, for where it is now. The
 * legend under the graph says what the picture leaves out at this zoom (links shorter than a pixel)
 * and when it is a moved picture; every node in view is always drawn.
 */
public final class AccountGraphView extends BorderPane {
    private final AccountGraphViewModel model;
    private final Canvas canvas = new Canvas();
    private final Label hoverLabel = new Label();
    private final Viewport viewport = new Viewport();
    private double dragX;
    private double dragY;
    private boolean dragged;
    private double lastFrameMs;
    /** The last picture drawn at rest, the scene and view it was drawn for, and the scene wanted now (null: to be styled). */
    private WritableImage picture;
    private GraphRaster.Frame pictureFrame;
    private GraphRaster.Scene pictureScene;
    private GraphRaster.Scene scene;
    private long asked;
    private boolean drawing;
    private boolean restylePending;
    /** The graph was fitted to a view without a size; fit it again when the view gets one. */
    private boolean fitPending;
    /** The view has not moved for this long: draw it crisp. */
    private final PauseTransition rest = new PauseTransition(Duration.millis(150));
    private final Label legend = new Label();
    /** Pictures of the graph are drawn off the FX thread, one at a time, for every graph screen. */
    private static final Executor DRAWING = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "quarry-graph-drawing");
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> System.err.println(t.getName() + " failed: " + e));
        return thread;
    });

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
        // a campaign's graph pools the values its members rotate among (decision 0020); this draws each of them instead
        CheckBox everyValue = new CheckBox("every value");
        everyValue.setId("graph-every-value");
        everyValue.setTooltip(new javafx.scene.control.Tooltip("draw each shared value of a pool (rotating addresses, prefixes…) as its own node"));
        everyValue.selectedProperty().bindBidirectional(model.everyValueProperty());
        everyValue.setVisible(false);
        everyValue.managedProperty().bind(everyValue.visibleProperty());
        model.graphProperty().addListener((o, old, g) -> everyValue.setVisible(g != null && g.campaignId() != AccountGraph.WHOLE_CASE));
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        toolbar.getChildren().addAll(new Label("min weight"), weight, search, everyValue, status);
        setTop(toolbar);
        Pane holder = new Pane(canvas);
        holder.setMinSize(0, 0);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        setCenter(holder);
        hoverLabel.setId("graph-hover");
        legend.setId("graph-legend");
        legend.setWrapText(true);
        VBox bottom = new VBox(2, legend, hoverLabel);
        bottom.setPadding(new Insets(2, 8, 2, 8));
        setBottom(bottom);

        canvas.widthProperty().addListener(o -> resized());
        canvas.heightProperty().addListener(o -> resized());
        rest.setOnFinished(e -> drawAtRest());
        model.graphProperty().addListener((o, old, g) -> {
            fitPending = canvas.getWidth() < 1 || canvas.getHeight() < 1;
            fit();
            picture = null;
            pictureFrame = null;
            restyle();
        });
        model.shownFamilies().addListener((SetChangeListener<LinkFamily>) c -> restyle());
        model.minWeightProperty().addListener(o -> restyle());
        model.activeAccountsProperty().addListener(o -> restyle());
        model.selectedAccounts().addListener((SetChangeListener<String>) c -> restyleSoon());
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
        viewport.zoom(factor, aroundX, aroundY);
        redraw();
    }

    public void pan(double dx, double dy) {
        viewport.pan(dx, dy);
        redraw();
    }

    /** Screen position of a node, for tests and the benchmark: {x, y}. */
    public double[] screenPosition(int node) {
        AccountGraph g = model.graphProperty().get();
        return new double[] {viewport.screenX(g.x(node)), viewport.screenY(g.y(node))};
    }

    /** The screen's state, for the benchmark and tests that drive it. */
    public AccountGraphViewModel model() {
        return model;
    }

    /** Milliseconds the FX thread spent on the last frame shown; 0 until the first picture of the graph is on screen. */
    public double lastFrameMs() {
        return lastFrameMs;
    }

    /**
     * The view got its size (or a new one). A graph that arrived while the view had none (a stored
     * layout loads before the screen is laid out) is fitted to the size it now has.
     */
    private void resized() {
        if (fitPending && canvas.getWidth() >= 1 && canvas.getHeight() >= 1) {
            fitPending = false;
            fit();
        }
        redraw();
    }

    private void fit() {
        AccountGraph g = model.graphProperty().get();
        if (g != null) {
            viewport.fit(g.nodeCount(), g::x, g::y, canvas.getWidth(), canvas.getHeight(), 200);
        }
    }

    private void centreOn(int node) {
        AccountGraph g = model.graphProperty().get();
        if (node < 0 || g == null) {
            return;
        }
        viewport.centreOn(g.x(node), g.y(node), canvas.getWidth(), canvas.getHeight());
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
            double dx = viewport.screenX(g.x(i)) - sx;
            double dy = viewport.screenY(g.y(i)) - sy;
            double d2 = dx * dx + dy * dy;
            if (d2 <= bestD2) {
                bestD2 = d2;
                best = i;
            }
        }
        return best;
    }

    /** A change of what is drawn (graph, toggles, threshold, selection, time range): a new picture now. */
    private void restyle() {
        scene = null;
        redraw();
        drawAtRest();
    }

    /**
     * A change of the selection: it arrives one account at a time (a lasso of thousands is thousands
     * of set changes), so the picture is restyled once, after the last of them.
     */
    private void restyleSoon() {
        scene = null;
        if (!restylePending) {
            restylePending = true;
            Platform.runLater(() -> {
                restylePending = false;
                restyle();
            });
        }
    }

    /** A change of where the graph is (pan, zoom, resize): the picture at hand moved now, a crisp one once the view rests. */
    private void redraw() {
        long started = System.nanoTime();
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        // clearing the whole canvas also drops the drawing commands queued for it, so frames never pile up
        gc.clearRect(0, 0, width, height);
        gc.setFill(Color.WHITE);
        gc.fillRect(0, 0, width, height);
        AccountGraph g = model.graphProperty().get();
        if (g == null) {
            legend.setText("");
            return;
        }
        if (picture != null) {
            GraphRaster.View at = pictureFrame.view();
            double k = viewport.scale() / at.scale();
            gc.drawImage(picture, viewport.offsetX() - at.offsetX() * k, viewport.offsetY() - at.offsetY() * k, at.width() * k, at.height() * k);
            if (current(at)) {
                describe(pictureFrame);
            } else {
                legend.setText("moving: the picture drawn at rest, shifted; redrawn in full when the view stops");
                rest.playFromStart();
            }
            lastFrameMs = (System.nanoTime() - started) / 1e6;
        } else {
            legend.setText("drawing the graph…");
            // the first picture is asked for once the view rests: a graph that came before the view had a size still gets one
            rest.playFromStart();
        }
    }

    /** Whether a picture was drawn for the view as it is now. */
    private boolean current(GraphRaster.View at) {
        return at.scale() == viewport.scale() && at.offsetX() == viewport.offsetX() && at.offsetY() == viewport.offsetY()
                && at.width() == pictureWidth() && at.height() == pictureHeight();
    }

    /** Whether the picture on screen is the whole graph as it is now (styled and placed), drawn at rest. */
    public boolean drawnAtRest() {
        return picture != null && scene != null && pictureScene == scene && current(pictureFrame.view()) && !drawing;
    }

    private int pictureWidth() {
        return Math.max(1, (int) Math.ceil(canvas.getWidth()));
    }

    private int pictureHeight() {
        return Math.max(1, (int) Math.ceil(canvas.getHeight()));
    }

    /** Asks the drawing thread for a picture of the graph as it is now; a newer ask supersedes an older one. */
    private void drawAtRest() {
        AccountGraph g = model.graphProperty().get();
        if (g == null || !g.laidOut() || canvas.getWidth() < 1 || canvas.getHeight() < 1) {
            return;
        }
        if (scene == null) {
            scene = style(g);
        }
        GraphRaster.Scene wanted = scene;
        GraphRaster.View view = new GraphRaster.View(pictureWidth(), pictureHeight(), viewport.scale(), viewport.offsetX(), viewport.offsetY());
        if (picture != null && pictureScene == wanted && current(pictureFrame.view())) {
            return;
        }
        long ask = ++asked;
        drawing = true;
        DRAWING.execute(() -> {
            GraphRaster.Frame frame = GraphRaster.render(wanted, view, () -> asked == ask);
            if (frame != null) {
                Platform.runLater(() -> show(ask, wanted, frame));
            }
        });
    }

    private void show(long ask, GraphRaster.Scene drawnScene, GraphRaster.Frame frame) {
        if (ask != asked) {
            return; // a newer picture is on its way
        }
        drawing = false;
        GraphRaster.View view = frame.view();
        if (picture == null || picture.getWidth() != view.width() || picture.getHeight() != view.height()) {
            picture = new WritableImage(view.width(), view.height());
        }
        picture.getPixelWriter().setPixels(0, 0, view.width(), view.height(), PixelFormat.getIntArgbInstance(), frame.argb(), 0, view.width());
        pictureFrame = frame;
        pictureScene = drawnScene;
        redraw();
    }

    /** What the legend says the picture shows and leaves out. */
    private void describe(GraphRaster.Frame frame) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%,d of %,d nodes in view, every one drawn · %,d links drawn",
                frame.nodesDrawn(), model.graphProperty().get().nodeCount(), frame.edgesDrawn()));
        if (frame.edgesBelowAPixel() > 0) {
            text.append(String.format(Locale.ROOT, " · %,d shorter than a pixel at this zoom not drawn (zoom in to see them)", frame.edgesBelowAPixel()));
        }
        if (frame.edgesOutside() > 0) {
            text.append(String.format(Locale.ROOT, " · %,d outside the view", frame.edgesOutside()));
        }
        int pooled = model.graphProperty().get().valuesInPools();
        if (pooled > 0) {
            text.append(String.format(Locale.ROOT, " · %,d shared values members rotate among drawn as pools (tick \"every value\" to draw each)", pooled));
        }
        if (frame.edgesHidden() > 0) {
            text.append(String.format(Locale.ROOT, " · %,d hidden by the family toggles and weight threshold", frame.edgesHidden()));
        }
        legend.setText(text.toString());
    }

    /** Colours of the nodes and edges under the selection, time range, toggles and threshold. */
    private GraphRaster.Scene style(AccountGraph g) {
        int n = g.nodeCount();
        boolean[] selected = new boolean[n];
        boolean[] neighbour = new boolean[n];
        boolean anySelected = !model.selectedAccounts().isEmpty();
        if (anySelected) {
            for (int i = 0; i < n; i++) {
                selected[i] = !g.isAttribute(i) && model.selectedAccounts().contains(g.node(i));
            }
        }
        int m = g.edgeCount();
        int[] edgeArgb = new int[m];
        int[] from = new int[m];
        int[] to = new int[m];
        for (int e = 0; e < m; e++) {
            int a = g.from(e);
            int b = g.to(e);
            from[e] = a;
            to[e] = b;
            if (!model.edgeShown(e)) {
                continue; // alpha 0: hidden
            }
            boolean touchesSelection = anySelected && (selected[a] || selected[b]);
            if (touchesSelection) {
                neighbour[a] = true;
                neighbour[b] = true;
            }
            int alpha = touchesSelection ? 230 : anySelected ? 20 : 77;
            edgeArgb[e] = alpha << 24 | AccountGraphPicture.familyColour(g.family(e));
        }
        java.util.Set<String> active = model.activeAccountsProperty().get();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] radius = new double[n];
        int[] nodeArgb = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = g.x(i);
            y[i] = g.y(i);
            radius[i] = AccountGraphPicture.radius(g, i);
            int rgb = g.isAttribute(i) ? 0x333333 : GraphPicture.campaignColour(g.campaign(i));
            boolean faded = anySelected && !selected[i] && !neighbour[i]
                    || active != null && !g.isAttribute(i) && !active.contains(g.node(i));
            nodeArgb[i] = (faded ? 64 : 255) << 24 | rgb;
        }
        return new GraphRaster.Scene(x, y, radius, nodeArgb, selected, from, to, edgeArgb);
    }

    private static Color colour(int rgb, double opacity) {
        return Color.rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF, opacity);
    }
}
