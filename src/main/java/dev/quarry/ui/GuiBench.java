package dev.quarry.ui;

import dev.quarry.ui.graph.AccountGraphView;
import dev.quarry.ui.map.AccountMapView;
import dev.quarry.ui.timeline.TimelineView;
import dev.quarry.ui.timeline.TimelineViewModel;
import dev.quarry.ui.session.AccountRow;
import dev.quarry.ui.session.CaseSession;
import dev.quarry.ui.session.Screens;
import dev.quarry.ui.shell.UserSettings;
import dev.quarry.ui.shell.Workbench;
import dev.quarry.ui.task.FxTaskExecutor;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The workbench benchmark ({@code bench gui CASE}, DESIGN.md "Benchmarks"): opens the real workbench
 * headless (Monocle) on a case, drives it as an analyst would and returns one figure per name, in the
 * order of DESIGN.md; the command line prints them. It only reads the case: the account graph and a
 * campaign's graph, whose screens store their layouts in the case, are measured only when asked ({@code graph}).
 */
public final class GuiBench {

    /** Every figure of DESIGN.md, in its order. */
    public static final List<String> FIGURES = List.of("open_to_overview_ms", "accounts_filter_ms", "account_page_ms",
            "timeline_zoom_p50_ms", "timeline_zoom_p95_ms", "heatmap_ms", "graph_layout_s", "graph_pan_frame_p95_ms",
            "campaign_graph_ms", "map_lasso_ms", "rss_mb");
    public static final String NA = "NA";
    private static final long TIMEOUT_MS = TimeUnit.MINUTES.toMillis(30);

    private final Path casePath;
    private final int repetitions;
    private final boolean graph;
    private Workbench workbench;
    private CaseSession session;
    private Stage stage;

    private GuiBench(Path casePath, int repetitions, boolean graph) {
        this.casePath = casePath;
        this.repetitions = Math.max(1, repetitions);
        this.graph = graph;
    }

    /**
     * Runs the benchmark; the figures by name (every name of {@link #FIGURES}), a number or {@link #NA}.
     * Starts the JavaFX toolkit headless unless it is running already (as in the tests).
     */
    public static Map<String, String> run(Path casePath, int repetitions, boolean graph) throws Exception {
        startHeadlessToolkit();
        GuiBench bench = new GuiBench(casePath, repetitions, graph);
        try {
            return bench.measure();
        } finally {
            bench.closeWindow();
        }
    }

    /** The system properties of the headless tests (pom.xml's surefire configuration), set before the toolkit starts. */
    static void startHeadlessToolkit() throws InterruptedException {
        setIfAbsent("glass.platform", "Monocle");
        setIfAbsent("monocle.platform", "Headless");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("prism.text", "t2k");
        setIfAbsent("testfx.headless", "true");
        setIfAbsent("headless.geometry", "1366x768-32");
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        started.await();
        Platform.setImplicitExit(false);
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    private Map<String, String> measure() throws Exception {
        Map<String, String> figures = new LinkedHashMap<>();
        for (String name : FIGURES) {
            figures.put(name, NA);
        }
        Path settings = Files.createTempDirectory("quarry-bench-settings").resolve("workbench.properties");
        settings.toFile().getParentFile().deleteOnExit();
        fx(() -> {
            workbench = new Workbench(new FxTaskExecutor(), new UserSettings(settings));
            session = workbench.session();
            stage = new Stage();
            // the size the workbench must be readable at, or the headless screen when it is smaller
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
            stage.setScene(new Scene(workbench.view(), Math.min(1366, screen.getWidth()), Math.min(768, screen.getHeight())));
            stage.show();
            return null;
        });
        idle();

        double[] open = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            if (i > 0) {
                fx(() -> {
                    session.close();
                    return null;
                });
                idle();
            }
            long t0 = System.nanoTime();
            fx(() -> {
                workbench.start().open(casePath);
                return null;
            });
            waitUntil(() -> session.tasks().isEmpty() && Screens.OVERVIEW.equals(session.screenProperty().get())
                    && session.state() != null && lookupTable("#overview-campaigns") != null
                    && lookupTable("#overview-campaigns").getItems().size() == session.state().campaigns().size());
            pulse();
            open[i] = ms(t0);
        }
        figures.put("open_to_overview_ms", format(median(open)));

        List<AccountRow> flagged = fx(() -> session.state().accounts().stream().filter(AccountRow::flagged).toList());
        List<AccountRow> accounts = flagged.isEmpty() ? fx(() -> session.state().accounts()) : flagged;
        if (!accounts.isEmpty()) {
            go(Screens.ACCOUNTS);
            double[] filter = new double[repetitions];
            for (int i = 0; i < repetitions; i++) {
                String id = accounts.get(i % accounts.size()).accountId();
                String text = id.length() > 3 ? id.substring(id.length() - 3) : id;
                long t0 = System.nanoTime();
                fx(() -> {
                    lookup("#accounts-filter", TextField.class).setText(text);
                    lookup("#accounts-flagged", CheckBox.class).setSelected(!flagged.isEmpty());
                    TableView<?> table = lookupTable("#accounts-table");
                    TableColumn<?, ?> risk = table.getColumns().stream()
                            .filter(c -> "accounts-risk-column".equals(c.getId())).findFirst().orElseThrow();
                    risk.setSortType(TableColumn.SortType.DESCENDING);
                    sortBy(table, risk);
                    return null;
                });
                waitUntil(() -> !lookupTable("#accounts-table").getItems().isEmpty());
                pulse();
                filter[i] = ms(t0);
                fx(() -> {
                    lookup("#accounts-filter", TextField.class).setText("");
                    lookup("#accounts-flagged", CheckBox.class).setSelected(false);
                    lookupTable("#accounts-table").getSortOrder().clear();
                    return null;
                });
                pulse();
            }
            figures.put("accounts_filter_ms", format(median(filter)));

            double[] page = new double[repetitions];
            for (int i = 0; i < repetitions; i++) {
                AccountRow account = accounts.get(i % accounts.size());
                long t0 = System.nanoTime();
                fx(() -> {
                    session.focusedAccountProperty().set(account.accountId());
                    session.screenProperty().set(Screens.ACCOUNT);
                    return null;
                });
                waitUntil(() -> {
                    Label summary = lookup("#account-summary", Label.class);
                    TableView<?> events = lookupTable("#account-events");
                    return session.tasks().isEmpty() && summary != null && summary.getText().startsWith("risk ")
                            && events != null && events.getItems().size() == Math.min(100, account.events());
                });
                pulse();
                page[i] = ms(t0);
                go(Screens.ACCOUNTS);
            }
            figures.put("account_page_ms", format(median(page)));
        }

        measureTimeline(figures);
        measureMap(figures);

        if (graph) {
            long t0 = System.nanoTime();
            fx(() -> {
                session.screenProperty().set(Screens.GRAPH);
                return null;
            });
            waitUntil(() -> session.tasks().isEmpty() && graphView() != null && graphView().lastFrameMs() > 0);
            pulse();
            figures.put("graph_layout_s", String.format(Locale.ROOT, "%.2f", ms(t0) / 1000));
            double[] frames = new double[50];
            for (int i = 0; i < frames.length; i++) {
                frames[i] = panFrameMs(i % 2 == 0 ? 7 : -5, i % 3 == 0 ? 4 : -3);
            }
            figures.put("graph_pan_frame_p95_ms", format(percentile(frames, 0.95)));

            List<dev.quarry.analysis.Campaign> campaigns = fx(() -> session.state().campaigns());
            if (!campaigns.isEmpty()) {
                dev.quarry.analysis.Campaign largest = campaigns.stream()
                        .max(java.util.Comparator.comparingInt(dev.quarry.analysis.Campaign::size)).orElseThrow();
                long c0 = System.nanoTime();
                fx(() -> {
                    session.selectedCampaignProperty().set(largest.campaignId());
                    session.screenProperty().set(Screens.CAMPAIGN_GRAPH);
                    return null;
                });
                waitUntil(() -> session.tasks().isEmpty() && graphView() != null && graphView().model().graphProperty().get() != null
                        && graphView().model().graphProperty().get().campaignId() == largest.campaignId() && graphView().lastFrameMs() > 0);
                pulse();
                figures.put("campaign_graph_ms", format(ms(c0)));
            }
        }

        double rss = residentMegabytes();
        figures.put("rss_mb", Double.isNaN(rss) ? NA : format(rss));
        return figures;
    }

    /**
     * Timeline: zoom in step by step from the whole extract to 20 seconds around a point inside it,
     * panning at each level, each change timed until its traffic is read and drawn; then the whole
     * case's heatmap (UTC) until it is computed.
     */
    private void measureTimeline(Map<String, String> figures) throws Exception {
        go(Screens.TIMELINE);
        waitUntil(() -> timelineView() != null && timelineView().model().seriesProperty().get() != null
                && !timelineView().model().busy());
        pulse();
        TimelineViewModel model = fx(() -> timelineView().model());
        long[] extent = fx(() -> model.extentProperty().get());
        long centre = extent[0] + (extent[1] - extent[0]) * 3 / 7;
        java.util.List<Double> changes = new java.util.ArrayList<>();
        long span = extent[1] - extent[0];
        while (true) {
            for (int pan = -1; pan <= 1; pan++) {
                long from = centre - span / 2 + pan * span / 4;
                long to = from + span;
                long t0 = System.nanoTime();
                fx(() -> {
                    model.showRange(from, to);
                    return null;
                });
                waitUntil(() -> !model.busy());
                changes.add(ms(t0));
            }
            if (span <= TimelineViewModel.MIN_SPAN_MS) {
                break;
            }
            span = Math.max(TimelineViewModel.MIN_SPAN_MS, span / 3);
        }
        double[] times = changes.stream().mapToDouble(Double::doubleValue).toArray();
        figures.put("timeline_zoom_p50_ms", format(median(times)));
        figures.put("timeline_zoom_p95_ms", format(percentile(times, 0.95)));
        double[] heatmaps = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long t0 = System.nanoTime();
            fx(() -> {
                model.localTimeProperty().set(true);
                model.localTimeProperty().set(false);
                return null;
            });
            waitUntil(() -> !model.busy() && model.heatmapProperty().get() != null);
            heatmaps[i] = ms(t0);
        }
        figures.put("heatmap_ms", format(median(heatmaps)));
    }

    /** Account map: a lasso around the map's middle holding about 5,000 accounts (or all, on a smaller case), until the session holds them. */
    private void measureMap(Map<String, String> figures) throws Exception {
        go(Screens.MAP);
        waitUntil(() -> mapView() != null && mapView().model().mapProperty().get() != null && mapView().lastFrameMs() > 0);
        pulse();
        AccountMapView view = fx(this::mapView);
        double[][] lasso = fx(() -> {
            dev.quarry.analysis.AccountMap map = view.model().mapProperty().get();
            int n = map.size();
            double cx = view.canvas().getWidth() / 2;
            double cy = view.canvas().getHeight() / 2;
            double[] distance = new double[n];
            for (int i = 0; i < n; i++) {
                double[] p = view.screenPosition(i);
                distance[i] = Math.hypot(p[0] - cx, p[1] - cy);
            }
            Arrays.sort(distance);
            double radius = n == 0 ? 10 : distance[Math.min(n, 5_000) - 1] + 0.5;
            double[] x = new double[64];
            double[] y = new double[64];
            for (int k = 0; k < 64; k++) {
                x[k] = cx + radius * Math.cos(2 * Math.PI * k / 64);
                y[k] = cy + radius * Math.sin(2 * Math.PI * k / 64);
            }
            return new double[][] {x, y};
        });
        double[] lassos = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long t0 = System.nanoTime();
            fx(() -> view.lasso(lasso[0], lasso[1], false));
            pulse();
            lassos[i] = ms(t0);
            fx(() -> {
                session.selectedAccountsProperty().set(java.util.Set.of());
                return null;
            });
        }
        figures.put("map_lasso_ms", format(median(lassos)));
    }

    /**
     * One step of a pan gesture, from the pan to the frame on screen: the FX thread's drawing, the
     * wait for the next pulse and the renderer's work (told by the scene's performance tracker when
     * it has rendered the frame). Steps are 40 ms apart, as mouse-drag events of a hand-made gesture.
     */
    private double panFrameMs(double dx, double dy) throws Exception {
        Thread.sleep(40);
        CountDownLatch rendered = new CountDownLatch(1);
        long[] started = new long[1];
        fx(() -> {
            com.sun.javafx.perf.PerformanceTracker tracker = com.sun.javafx.perf.PerformanceTracker.getSceneTracker(stage.getScene());
            tracker.setOnRenderedFrameTask(rendered::countDown);
            started[0] = System.nanoTime();
            graphView().pan(dx, dy);
            Platform.requestNextPulse();
            return null;
        });
        if (!rendered.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the panned graph was not rendered within 30 s");
        }
        double ms = ms(started[0]);
        fx(() -> {
            com.sun.javafx.perf.PerformanceTracker.getSceneTracker(stage.getScene()).setOnRenderedFrameTask(null);
            return null;
        });
        return ms;
    }

    private TimelineView timelineView() {
        Node node = stage.getScene().lookup("#timeline");
        return node instanceof TimelineView view ? view : null;
    }

    private AccountMapView mapView() {
        Node node = stage.getScene().lookup("#account-map");
        return node instanceof AccountMapView view ? view : null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void sortBy(TableView table, TableColumn column) {
        table.getSortOrder().setAll(column);
        table.sort();
    }

    private AccountGraphView graphView() {
        Node node = stage.getScene().lookup("#account-graph");
        return node instanceof AccountGraphView view ? view : null;
    }

    private <T> T lookup(String selector, Class<T> type) {
        Node node = stage.getScene().lookup(selector);
        return type.isInstance(node) ? type.cast(node) : null;
    }

    private TableView<?> lookupTable(String selector) {
        return lookup(selector, TableView.class);
    }

    private void go(String screen) throws Exception {
        fx(() -> {
            session.screenProperty().set(screen);
            return null;
        });
        idle();
    }

    private void idle() throws Exception {
        waitUntil(() -> session.tasks().isEmpty());
        pulse();
    }

    /** Lets the scene lay itself out and render once (a pulse) after the change. */
    private void pulse() throws Exception {
        CountDownLatch rendered = new CountDownLatch(1);
        fx(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            Platform.requestNextPulse();
            stage.getScene().addPostLayoutPulseListener(new Runnable() {
                @Override
                public void run() {
                    stage.getScene().removePostLayoutPulseListener(this);
                    rendered.countDown();
                }
            });
            Platform.requestNextPulse();
            return null;
        });
        if (!rendered.await(10, TimeUnit.SECONDS)) {
            // no pulse came (nothing to render): the layout above has run anyway
            return;
        }
        fx(() -> null);
    }

    /** Polls a condition on the FX thread until it holds. */
    private void waitUntil(BooleanSupplier condition) throws Exception {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!fx(condition::getAsBoolean)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the workbench did not get there in time: " + fx(() -> session.statusProperty().get()));
            }
            Thread.sleep(1);
        }
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        if (Platform.isFxApplicationThread()) {
            return work.call();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void closeWindow() throws Exception {
        if (stage != null) {
            fx(() -> {
                stage.hide();
                return null;
            });
        }
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    static double median(double[] values) {
        return percentile(values, 0.5);
    }

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** The process's resident memory (VmRSS of /proc/self/status) in MB, or NaN where there is none. */
    static double residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
