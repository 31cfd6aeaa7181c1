package dev.quarry.bench;

import dev.quarry.analysis.AccountGraph;
import dev.quarry.analysis.AccountMap;
import dev.quarry.analysis.RunStore;
import dev.quarry.analysis.RunSummary;
import dev.quarry.analysis.ShiftHeatmap;
import dev.quarry.analysis.TrafficTimeline;
import dev.quarry.analysis.ViewStore;
import dev.quarry.model.ProgressListener;
import dev.quarry.store.CaseFile;
import dev.quarry.store.StoreException;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The views' figures of {@code bench gui} measured on the middle layer the screens draw from: what
 * a timeline zoom or pan reads and bins, the whole-case heatmap, the layout of the whole case's
 * graph and of the largest campaign's graph, and a lasso of about 5,000 map points. The layouts are
 * computed afresh with a seed no stored layout uses, so they are timed, not read back.
 */
public final class ViewsBenchmark {
    private ViewsBenchmark() {
    }

    /** Figures by name, in milliseconds unless the name says otherwise; values already formatted. */
    public static Map<String, String> figures(CaseFile caseFile, ProgressListener progress) throws StoreException {
        RunSummary run = new RunStore(caseFile).latest()
                .orElseThrow(() -> new StoreException("case " + caseFile.path() + " has no analysis run: run analyze first", null));
        long runId = run.runId();
        Map<String, String> out = new LinkedHashMap<>();
        TrafficTimeline timeline = new TrafficTimeline(caseFile, runId);
        long[] extent = timeline.extent();
        if (extent == null) {
            throw new StoreException("run " + runId + " of " + caseFile.path() + " has no stored traffic: analyse it again with this Quarry", null);
        }
        List<Double> zooms = new ArrayList<>();
        long from = extent[0];
        long to = extent[1];
        long centre = from + (to - from) * 3 / 7; // an arbitrary point inside the extract, away from either end
        while (to - from > 10_000) {
            for (int pan = -1; pan <= 1; pan++) {
                long shift = pan * (to - from) / 4;
                long start = System.nanoTime();
                timeline.read(from + shift, to + shift, null, null);
                zooms.add((System.nanoTime() - start) / 1e6);
            }
            long half = (to - from) / 4;
            from = centre - half;
            to = centre + half;
        }
        Collections.sort(zooms);
        out.put("timeline_zoom_p50_ms", ms(percentile(zooms, 0.5)));
        out.put("timeline_zoom_p95_ms", ms(percentile(zooms, 0.95)));
        out.put("timeline_zoom_reads", Integer.toString(zooms.size()));

        ViewStore store = new ViewStore(caseFile);
        long start = System.nanoTime();
        ShiftHeatmap.utc(store, runId, null, null);
        out.put("heatmap_ms", ms((System.nanoTime() - start) / 1e6));
        start = System.nanoTime();
        ShiftHeatmap.fromAccounts(store.accountHours(runId, null), true);
        out.put("heatmap_local_time_ms", ms((System.nanoTime() - start) / 1e6));

        long seed = System.nanoTime(); // never stored before: the layout is computed, not read back
        start = System.nanoTime();
        AccountGraph graph = AccountGraph.ofCase(caseFile, runId);
        double loaded = (System.nanoTime() - start) / 1e9;
        graph.layOut(caseFile, seed, progress);
        out.put("graph_nodes", Integer.toString(graph.nodeCount()));
        out.put("graph_edges", Integer.toString(graph.edgeCount()));
        out.put("graph_load_s", String.format(Locale.ROOT, "%.2f", loaded));
        out.put("graph_layout_s", String.format(Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e9 - loaded));
        start = System.nanoTime();
        AccountGraph.ofCase(caseFile, runId).layOut(caseFile, seed, progress);
        out.put("graph_reopen_laid_out_ms", ms((System.nanoTime() - start) / 1e6));
        out.put("graph_pan_frame_p95_ms", "NA");

        int largest = largestCampaign(caseFile, runId);
        if (largest >= 0) {
            start = System.nanoTime();
            AccountGraph campaign = AccountGraph.ofCampaign(caseFile, runId, largest);
            campaign.layOut(caseFile, seed, progress);
            out.put("campaign_graph_ms", ms((System.nanoTime() - start) / 1e6));
            out.put("campaign_graph_nodes", Integer.toString(campaign.nodeCount()));
        } else {
            out.put("campaign_graph_ms", "NA");
        }

        AccountMap map = AccountMap.load(caseFile, runId);
        double[][] polygon = lassoAround(map, 5_000);
        start = System.nanoTime();
        int[] inside = map.lasso(polygon[0], polygon[1]);
        out.put("map_lasso_ms", ms((System.nanoTime() - start) / 1e6));
        out.put("map_lasso_points", Integer.toString(inside.length));
        out.put("rss_mb", "NA");
        return out;
    }

    /** A 64-corner circle around the map's centre holding about {@code points} accounts. */
    private static double[][] lassoAround(AccountMap map, int points) {
        int n = map.size();
        if (n == 0) {
            return new double[][] {new double[0], new double[0]};
        }
        double cx = 0;
        double cy = 0;
        for (int i = 0; i < n; i++) {
            cx += map.x(i) / n;
            cy += map.y(i) / n;
        }
        double[] distance = new double[n];
        for (int i = 0; i < n; i++) {
            distance[i] = Math.hypot(map.x(i) - cx, map.y(i) - cy);
        }
        Arrays.sort(distance);
        double radius = distance[Math.min(n, points) - 1] * 1.01;
        double[] x = new double[64];
        double[] y = new double[64];
        for (int k = 0; k < 64; k++) {
            x[k] = cx + radius * Math.cos(2 * Math.PI * k / 64);
            y[k] = cy + radius * Math.sin(2 * Math.PI * k / 64);
        }
        return new double[][] {x, y};
    }

    private static int largestCampaign(CaseFile caseFile, long runId) throws StoreException {
        try (PreparedStatement query = caseFile.connection().prepareStatement(
                "SELECT campaign_id FROM run_campaigns WHERE run_id = ? ORDER BY size DESC, campaign_id LIMIT 1")) {
            query.setLong(1, runId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the campaigns of run " + runId + ": " + e.getMessage(), e);
        }
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.1f", millis);
    }
}
