package dev.quarry.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bench gui} on a small generated case gives every figure of DESIGN.md, a number or NA (no timing is asserted). */
@ExtendWith(ApplicationExtension.class)
class GuiBenchTest {

    @TempDir
    Path dir;

    @Test
    void everyFigureIsANumberOrNa() throws Exception {
        Map<String, String> figures = GuiBench.run(GeneratedCase.copy(dir, "case.quarry"), 1, true);
        assertEquals(GuiBench.FIGURES, java.util.List.copyOf(figures.keySet()));
        for (var figure : figures.entrySet()) {
            assertTrue(figure.getValue().equals("NA") || figure.getValue().matches("\\d+(\\.\\d+)?"), figure.toString());
        }
        for (String measured : java.util.List.of("open_to_overview_ms", "accounts_filter_ms", "account_page_ms",
                "timeline_zoom_p50_ms", "timeline_zoom_p95_ms", "heatmap_ms", "graph_layout_s", "graph_pan_frame_p95_ms",
                "campaign_graph_ms", "map_lasso_ms", "rss_mb")) {
            assertTrue(!figures.get(measured).equals("NA"), measured + " is measured on a case with campaigns: " + figures);
        }
    }
}
