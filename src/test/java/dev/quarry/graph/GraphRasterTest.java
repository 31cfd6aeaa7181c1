package dev.quarry.graph;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphRasterTest {
    private static final int EDGE = 0x4DD62728;
    private static final int WHITE = 0xFFFFFFFF;

    /** A 60 × 60 grid of nodes ten layout units apart, each its own colour, each joined to random others. */
    private static GraphRaster.Scene grid(int edgesPerNode, boolean hideEvery3rd) {
        int side = 60;
        int n = side * side;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % side * 10;
            y[i] = i / side * 10;
        }
        Random random = new Random(4);
        int m = n * edgesPerNode;
        int[] from = new int[m];
        int[] to = new int[m];
        int[] colour = new int[m];
        for (int e = 0; e < m; e++) {
            from[e] = e / edgesPerNode;
            to[e] = random.nextInt(n);
            colour[e] = hideEvery3rd && e % 3 == 0 ? 0 : EDGE;
        }
        double[] radius = new double[n];
        int[] nodeColour = new int[n];
        java.util.Arrays.fill(radius, 3);
        for (int i = 0; i < n; i++) {
            nodeColour[i] = nodeColour(i);
        }
        return new GraphRaster.Scene(x, y, radius, nodeColour, new boolean[n], from, to, colour);
    }

    private static int nodeColour(int i) {
        return 0xFF000000 | (i * 40503 + 0x102030) & 0x7F7F7F; // distinct and darker than any link on white
    }

    @Test
    void zoomedFarOutEveryNodeInViewIsStillDrawnOnTopOfTheLinks() {
        GraphRaster.Scene scene = grid(20, false);
        // 3,600 nodes three pixels apart under 72,000 links: each node still shows, in its own colour
        double scale = 0.3;
        GraphRaster.View view = new GraphRaster.View(400, 300, scale, 50, 40);
        GraphRaster.Frame frame = GraphRaster.render(scene, view);
        assertEquals(scene.nodeCount(), frame.nodesDrawn());
        for (int i = 0; i < scene.nodeCount(); i++) {
            int px = (int) Math.floor(scene.x()[i] * scale + 50);
            int py = (int) Math.floor(scene.y()[i] * scale + 40);
            assertEquals(nodeColour(i), frame.argb()[py * 400 + px], "node " + i + " at " + px + "," + py);
        }
        assertEquals(WHITE, frame.argb()[0], "nothing drawn outside the graph");
        assertEquals(scene.edgeCount(), frame.edgesDrawn() + frame.edgesBelowAPixel() + frame.edgesHidden() + frame.edgesOutside());
    }

    @Test
    void linksWithBothEndsInOnePixelAreCountedNotDrawnAndHiddenLinksAreCountedApart() {
        GraphRaster.Scene scene = grid(4, true);
        // the whole grid in under a pixel: every shown link falls inside one pixel
        GraphRaster.Frame tiny = GraphRaster.render(scene, new GraphRaster.View(100, 100, 0.001, 10, 10));
        assertEquals(0, tiny.edgesDrawn());
        int hidden = (scene.edgeCount() + 2) / 3;
        assertEquals(hidden, tiny.edgesHidden());
        assertEquals(scene.edgeCount() - hidden, tiny.edgesBelowAPixel());
        // zoomed in, the same links are drawn
        GraphRaster.Frame near = GraphRaster.render(scene, new GraphRaster.View(1000, 1000, 1.5, 20, 20));
        assertTrue(near.edgesDrawn() > 0);
        assertEquals(hidden, near.edgesHidden());
        boolean edgePixel = false;
        for (int p : near.argb()) {
            edgePixel |= p == (0xFF000000 | blendOnWhite(EDGE));
        }
        assertTrue(edgePixel, "links are drawn between the nodes");
    }

    private static int blendOnWhite(int argb) {
        int a = argb >>> 24;
        int r = ((argb >> 16 & 0xFF) * a + 255 * (255 - a) + 127) / 255;
        int g = ((argb >> 8 & 0xFF) * a + 255 * (255 - a) + 127) / 255;
        int b = ((argb & 0xFF) * a + 255 * (255 - a) + 127) / 255;
        return r << 16 | g << 8 | b;
    }

    @Test
    void theSamePictureEveryTimeWhateverTheBandsDrawnInParallel() {
        GraphRaster.Scene scene = grid(10, false);
        GraphRaster.View view = new GraphRaster.View(700, 650, 1, 30, 20);
        GraphRaster.Frame first = GraphRaster.render(scene, view);
        GraphRaster.Frame second = GraphRaster.render(scene, view);
        assertArrayEquals(first.argb(), second.argb());
    }

    @Test
    void aPictureNoLongerWantedIsAbandoned() {
        GraphRaster.Scene scene = grid(10, false);
        assertEquals(null, GraphRaster.render(scene, new GraphRaster.View(300, 300, 0.4, 0, 0), () -> false));
        assertNotEquals(null, GraphRaster.render(scene, new GraphRaster.View(300, 300, 0.4, 0, 0), () -> true));
    }
}
