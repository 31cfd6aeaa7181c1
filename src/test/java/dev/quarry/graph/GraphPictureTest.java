package dev.quarry.graph;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphPictureTest {

    private static GraphPicture twoNodes(boolean edgeShown) {
        return new GraphPicture(new double[] {0, 10}, new double[] {0, 0}, new double[] {4, 4},
                new int[] {0xFF0000, 0x0000FF}, new boolean[] {true, true},
                new int[] {0}, new int[] {1}, new int[] {0x00AA00}, new boolean[] {edgeShown});
    }

    @Test
    void svgDrawsEachVisibleNodeAndEdgeWithItsColour() {
        String svg = twoNodes(true).svg(200, 100);
        assertTrue(svg.startsWith("<svg"));
        assertEquals(2, svg.split("<circle").length - 1);
        assertTrue(svg.contains("fill=\"#ff0000\"") && svg.contains("fill=\"#0000ff\""));
        assertTrue(svg.contains("stroke=\"#00aa00\""));
        assertFalse(twoNodes(false).svg(200, 100).contains("<line"), "a hidden family draws no line");
    }

    @Test
    void imagePutsTheNodesInsideTheFrame() {
        BufferedImage image = twoNodes(true).image(200, 100);
        assertEquals(200, image.getWidth());
        int left = image.getRGB(20, 50) & 0xFFFFFF;
        int right = image.getRGB(179, 50) & 0xFFFFFF;
        assertEquals(0xFF0000, left, "left node at the left margin");
        assertEquals(0x0000FF, right, "right node at the right margin");
    }
}
