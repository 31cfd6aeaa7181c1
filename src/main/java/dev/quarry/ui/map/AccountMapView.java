package dev.quarry.ui.map;

import dev.quarry.analysis.AccountMap;
import dev.quarry.graph.GraphPicture;
import dev.quarry.graph.Viewport;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The account map on one Canvas: a point per account at its stored 2-D position, coloured by
 * campaign, cluster or risk; drag draws a lasso that selects the accounts inside (Shift adds),
 * right-drag pans, the wheel zooms around the pointer, a click selects one account, a double-click
 * opens its page. Accounts outside the chosen time range are faded.
 */
public final class AccountMapView extends BorderPane {
    private final AccountMapViewModel model;
    private final Canvas canvas = new Canvas();
    private final Label hoverLabel = new Label();
    /** Colours named under the map; more campaigns or clusters than this are summed up as "and N more". */
    private static final int LEGEND_ENTRIES = 12;
    private final FlowPane legend = new FlowPane(12, 2);
    private final Viewport viewport = new Viewport();
    private double[] lassoX = new double[64];
    private double[] lassoY = new double[64];
    private int lassoPoints;
    private boolean panning;
    private double dragX;
    private double dragY;
    private double pressX;
    private double pressY;
    /** How far the pointer got from where it was pressed: a lasso ends where it started, a click never leaves. */
    private double travelled;
    private double lastFrameMs;
    /** The points as last painted, and whether what they show has changed since. */
    private WritableImage points;
    private boolean pointsStale = true;

    public AccountMapView(AccountMapViewModel model) {
        this.model = model;
        setId("account-map");
        ChoiceBox<AccountMapViewModel.ColourBy> colourBy = new ChoiceBox<>();
        colourBy.setId("map-colour-by");
        colourBy.getItems().setAll(AccountMapViewModel.ColourBy.values());
        colourBy.valueProperty().bindBidirectional(model.colourByProperty());
        Button fit = new Button("Fit");
        fit.setOnAction(e -> {
            fit();
            redraw();
        });
        Label status = new Label();
        status.setId("map-status");
        status.textProperty().bind(model.statusProperty());
        Label help = new Label("drag: lasso (Shift adds) · right-drag: pan · wheel: zoom · double-click: account page");
        help.setStyle("-fx-opacity: 0.7;");
        HBox toolbar = new HBox(8, colourBy, fit, status, help);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.setPadding(new Insets(4, 8, 4, 8));
        setTop(toolbar);
        Pane holder = new Pane(canvas);
        holder.setMinSize(0, 0);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        setCenter(holder);
        hoverLabel.setId("map-hover");
        hoverLabel.setPadding(new Insets(2, 8, 2, 8));
        legend.setId("map-legend");
        legend.setPadding(new Insets(2, 8, 2, 8));
        setBottom(new VBox(legend, hoverLabel));

        canvas.widthProperty().addListener(o -> {
            fit();
            redraw();
        });
        canvas.heightProperty().addListener(o -> {
            fit();
            redraw();
        });
        model.mapProperty().addListener(o -> {
            fit();
            redraw();
            showLegend();
        });
        model.colourByProperty().addListener(o -> {
            redraw();
            showLegend();
        });
        showLegend();
        model.selectedAccountsProperty().addListener(o -> redraw());
        model.activeInTimeRangeProperty().addListener(o -> redraw());

        canvas.setOnScroll(e -> zoom(Math.pow(1.0015, e.getDeltaY()), e.getX(), e.getY()));
        canvas.setOnMousePressed(e -> {
            panning = e.getButton() == MouseButton.SECONDARY;
            dragX = e.getX();
            dragY = e.getY();
            pressX = e.getX();
            pressY = e.getY();
            travelled = 0;
            lassoPoints = 0;
            if (!panning) {
                addLassoPoint(e.getX(), e.getY());
            }
        });
        canvas.setOnMouseDragged(e -> {
            travelled = Math.max(travelled, Math.hypot(e.getX() - pressX, e.getY() - pressY));
            if (panning) {
                viewport.pan(e.getX() - dragX, e.getY() - dragY);
                dragX = e.getX();
                dragY = e.getY();
                redraw();
            } else {
                addLassoPoint(e.getX(), e.getY());
                redrawLasso();
            }
        });
        canvas.setOnMouseReleased(e -> {
            boolean moved = travelled >= 4;
            if (!panning && moved && lassoPoints >= 3) {
                lasso(Arrays.copyOf(lassoX, lassoPoints), Arrays.copyOf(lassoY, lassoPoints), e.isShiftDown());
            } else if (!panning && !moved) {
                int point = pointAt(e.getX(), e.getY());
                if (e.getClickCount() >= 2) {
                    model.open(point);
                } else {
                    model.select(point, e.isShiftDown());
                }
            }
            lassoPoints = 0;
            redrawLasso();
        });
        canvas.setOnMouseMoved(e -> {
            int point = pointAt(e.getX(), e.getY());
            model.hoveredProperty().set(point);
            hoverLabel.setText(model.describe(point));
        });
    }

    /** Selects the accounts inside a lasso given in canvas coordinates; returns how many it caught. */
    public int lasso(double[] screenX, double[] screenY, boolean extend) {
        double[] mx = new double[screenX.length];
        double[] my = new double[screenY.length];
        for (int i = 0; i < screenX.length; i++) {
            mx[i] = viewport.layoutX(screenX[i]);
            my[i] = viewport.layoutY(screenY[i]);
        }
        return model.lasso(mx, my, extend);
    }

    /** Canvas position of a point, for tests and the benchmark: {x, y}. */
    public double[] screenPosition(int point) {
        AccountMap map = model.mapProperty().get();
        return new double[] {viewport.screenX(map.x(point)), viewport.screenY(map.y(point))};
    }

    /** The screen's state, for the benchmark. */
    public AccountMapViewModel model() {
        return model;
    }

    /** The canvas, for tests that drag on it. */
    public Canvas canvas() {
        return canvas;
    }

    public double lastFrameMs() {
        return lastFrameMs;
    }

    private void addLassoPoint(double x, double y) {
        if (lassoPoints == lassoX.length) {
            lassoX = Arrays.copyOf(lassoX, lassoPoints * 2);
            lassoY = Arrays.copyOf(lassoY, lassoPoints * 2);
        }
        lassoX[lassoPoints] = x;
        lassoY[lassoPoints] = y;
        lassoPoints++;
    }

    private void zoom(double factor, double aroundX, double aroundY) {
        viewport.zoom(factor, aroundX, aroundY);
        redraw();
    }

    private void fit() {
        AccountMap map = model.mapProperty().get();
        if (map != null) {
            viewport.fit(map.size(), map::x, map::y, canvas.getWidth(), canvas.getHeight(), 100);
        }
    }

    /** The point under the pointer (within 5 px), -1 when none. */
    private int pointAt(double sx, double sy) {
        AccountMap map = model.mapProperty().get();
        if (map == null) {
            return -1;
        }
        return map.nearest(viewport.layoutX(sx), viewport.layoutY(sy), 5 / viewport.scale());
    }

    /** Something the points show changed (map, colours, selection, time range, zoom, pan, size): paint them again. */
    private void redraw() {
        pointsStale = true;
        redrawLasso();
    }

    /**
     * The frame: the points' picture (painted again only when stale) and the lasso on top. The points
     * are painted into a pixel buffer by our own code and shown as one image: tens of thousands of
     * little squares as Canvas commands cost the software renderer more than a frame each time.
     */
    private void redrawLasso() {
        long started = System.nanoTime();
        GraphicsContext gc = canvas.getGraphicsContext2D();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        gc.clearRect(0, 0, width, height);
        gc.setFill(Color.WHITE);
        gc.fillRect(0, 0, width, height);
        AccountMap map = model.mapProperty().get();
        if (map == null || width < 1 || height < 1) {
            return;
        }
        int w = (int) Math.ceil(width);
        int h = (int) Math.ceil(height);
        if (pointsStale || points == null || points.getWidth() != w || points.getHeight() != h) {
            if (points == null || points.getWidth() != w || points.getHeight() != h) {
                points = new WritableImage(w, h);
            }
            points.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), paintPoints(map, w, h), 0, w);
            pointsStale = false;
        }
        gc.drawImage(points, 0, 0);
        if (lassoPoints >= 2) {
            gc.setStroke(Color.rgb(30, 110, 220));
            gc.setLineWidth(1.5);
            gc.setFill(Color.rgb(30, 110, 220, 0.12));
            gc.fillPolygon(lassoX, lassoY, lassoPoints);
            gc.strokePolyline(lassoX, lassoY, lassoPoints);
        }
        lastFrameMs = (System.nanoTime() - started) / 1e6;
    }

    /** Faded points first, then the rest, then the selection on top, ringed. */
    private int[] paintPoints(AccountMap map, int width, int height) {
        int[] argb = new int[width * height];
        Arrays.fill(argb, 0xFFFFFFFF);
        Set<String> selected = model.selectedAccountsProperty().getValue();
        Set<String> active = model.activeInTimeRangeProperty().getValue();
        AccountMapViewModel.ColourBy by = model.colourByProperty().get();
        int n = map.size();
        byte[] layer = new byte[n];
        for (int i = 0; i < n; i++) {
            String account = map.account(i);
            layer[i] = (byte) (!selected.isEmpty() && selected.contains(account) ? 2 : active != null && !active.contains(account) ? 0 : 1);
        }
        for (int pass = 0; pass < 3; pass++) {
            for (int i = 0; i < n; i++) {
                if (layer[i] != pass) {
                    continue;
                }
                double x = viewport.screenX(map.x(i));
                double y = viewport.screenY(map.y(i));
                if (x < -4 || y < -4 || x > width + 4 || y > height + 4) {
                    continue;
                }
                int rgb = pointColour(map, i, by);
                int px = (int) Math.round(x);
                int py = (int) Math.round(y);
                if (pass == 2) {
                    square(argb, width, height, px - 4, py - 4, 8, 0xFF000000);
                    square(argb, width, height, px - 3, py - 3, 6, 0xFF000000 | rgb);
                } else {
                    square(argb, width, height, px - 1, py - 1, 3, (pass == 0 ? 38 : 217) << 24 | rgb);
                }
            }
        }
        return argb;
    }

    /** A size × size square from (left, top), blended with the colour's alpha onto the opaque picture. */
    private static void square(int[] argb, int width, int height, int left, int top, int size, int colour) {
        int a = colour >>> 24;
        for (int y = Math.max(0, top); y < Math.min(height, top + size); y++) {
            for (int x = Math.max(0, left); x < Math.min(width, left + size); x++) {
                int i = y * width + x;
                int dst = argb[i];
                int r = ((colour >> 16 & 0xFF) * a + (dst >> 16 & 0xFF) * (255 - a) + 127) / 255;
                int g = ((colour >> 8 & 0xFF) * a + (dst >> 8 & 0xFF) * (255 - a) + 127) / 255;
                int b = ((colour & 0xFF) * a + (dst & 0xFF) * (255 - a) + 127) / 255;
                argb[i] = 0xFF000000 | r << 16 | g << 8 | b;
            }
        }
    }

    /** What each colour of the points means: the campaigns or clusters on the map (most points first), or the risk scale. */
    private void showLegend() {
        legend.getChildren().clear();
        AccountMap map = model.mapProperty().get();
        AccountMapViewModel.ColourBy by = model.colourByProperty().get();
        if (map == null || by == null) {
            return;
        }
        if (by == AccountMapViewModel.ColourBy.RISK) {
            for (double risk : new double[] {0, 0.5, 1}) {
                legend.getChildren().add(swatch(riskColour(risk), String.format(Locale.ROOT, "risk %.1f", risk)));
            }
            return;
        }
        boolean campaigns = by == AccountMapViewModel.ColourBy.CAMPAIGN;
        Map<Integer, Integer> points = new TreeMap<>();
        for (int i = 0; i < map.size(); i++) {
            points.merge(campaigns ? map.campaign(i) : map.cluster(i), 1, Integer::sum);
        }
        // most points first; the tree map's key order breaks ties
        List<Map.Entry<Integer, Integer>> ranked = new ArrayList<>(points.entrySet());
        ranked.sort(Comparator.comparing(Map.Entry<Integer, Integer>::getValue).reversed());
        int shown = Math.min(LEGEND_ENTRIES, ranked.size());
        for (Map.Entry<Integer, Integer> entry : ranked.subList(0, shown)) {
            String what = entry.getKey() < 0 ? (campaigns ? "no campaign" : "no cluster")
                    : (campaigns ? "campaign " : "cluster ") + entry.getKey();
            legend.getChildren().add(swatch(GraphPicture.campaignColour(entry.getKey()),
                    String.format(Locale.ROOT, "%s (%,d)", what, entry.getValue())));
        }
        if (ranked.size() > shown) {
            legend.getChildren().add(new Label(String.format(Locale.ROOT, "and %d more", ranked.size() - shown)));
        }
    }

    private static Label swatch(int rgb, String text) {
        Rectangle square = new Rectangle(10, 10,
                Color.rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF));
        square.setStroke(Color.rgb(90, 90, 90));
        Label label = new Label(text, square);
        label.setUserData(rgb);
        return label;
    }

    private static int pointColour(AccountMap map, int i, AccountMapViewModel.ColourBy by) {
        return switch (by) {
            case CAMPAIGN -> GraphPicture.campaignColour(map.campaign(i));
            case CLUSTER -> GraphPicture.campaignColour(map.cluster(i));
            case RISK -> riskColour(map.risk(i));
        };
    }

    /** Risk from pale yellow (0) to dark red (1). */
    private static int riskColour(double risk) {
        double r = Double.isNaN(risk) ? 0 : Math.max(0, Math.min(1, risk));
        int red = (int) (250 - 90 * r);
        int green = (int) (220 - 210 * r);
        int blue = (int) (120 - 100 * r);
        return red << 16 | green << 8 | blue;
    }

}
