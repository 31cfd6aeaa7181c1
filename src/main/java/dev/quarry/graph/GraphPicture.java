package dev.quarry.graph;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * A laid-out graph as a picture, the same for the workbench's export and the evidence packet: nodes
 * as filled circles (colour and radius given per node), edges as thin lines (colour per edge), the
 * drawing fitted into the requested size with a margin. SVG for documents, a raster image for PNG.
 * Edges and nodes the caller hides are passed as {@code visible = false}.
 */
public final class GraphPicture {
    private final double[] x;
    private final double[] y;
    private final double[] radius;
    private final int[] nodeRgb;
    private final boolean[] nodeVisible;
    private final int[] from;
    private final int[] to;
    private final int[] edgeRgb;
    private final boolean[] edgeVisible;

    public GraphPicture(double[] x, double[] y, double[] radius, int[] nodeRgb, boolean[] nodeVisible,
                        int[] from, int[] to, int[] edgeRgb, boolean[] edgeVisible) {
        this.x = x;
        this.y = y;
        this.radius = radius;
        this.nodeRgb = nodeRgb;
        this.nodeVisible = nodeVisible;
        this.from = from;
        this.to = to;
        this.edgeRgb = edgeRgb;
        this.edgeVisible = edgeVisible;
    }

    /** Scale and offset that fit the visible nodes into width × height: {scale, offsetX, offsetY}. */
    private double[] fit(int width, int height) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (nodeVisible[i]) {
                minX = Math.min(minX, x[i]);
                minY = Math.min(minY, y[i]);
                maxX = Math.max(maxX, x[i]);
                maxY = Math.max(maxY, y[i]);
            }
        }
        if (minX > maxX) {
            return new double[] {1, 0, 0};
        }
        double margin = 20;
        double scale = Math.min((width - 2 * margin) / Math.max(1e-9, maxX - minX),
                (height - 2 * margin) / Math.max(1e-9, maxY - minY));
        scale = Math.min(scale, 50);
        double offsetX = (width - scale * (maxX - minX)) / 2 - scale * minX;
        double offsetY = (height - scale * (maxY - minY)) / 2 - scale * minY;
        return new double[] {scale, offsetX, offsetY};
    }

    public BufferedImage image(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            double[] f = fit(width, height);
            g.setStroke(new BasicStroke(0.6f));
            for (int e = 0; e < from.length; e++) {
                if (edgeVisible[e] && nodeVisible[from[e]] && nodeVisible[to[e]]) {
                    g.setColor(new Color(edgeRgb[e] & 0xFFFFFF | 0x60 << 24, true));
                    g.draw(new Line2D.Double(f[0] * x[from[e]] + f[1], f[0] * y[from[e]] + f[2],
                            f[0] * x[to[e]] + f[1], f[0] * y[to[e]] + f[2]));
                }
            }
            for (int i = 0; i < x.length; i++) {
                if (nodeVisible[i]) {
                    g.setColor(new Color(nodeRgb[i]));
                    double r = radius[i];
                    g.fill(new Ellipse2D.Double(f[0] * x[i] + f[1] - r, f[0] * y[i] + f[2] - r, 2 * r, 2 * r));
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The picture as a standalone SVG document, numbers written with a dot whatever the locale. */
    public String svg(int width, int height) {
        double[] f = fit(width, height);
        StringBuilder out = new StringBuilder(64 * (x.length + from.length));
        out.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>%n"
                + "<g stroke-width=\"0.6\" stroke-opacity=\"0.4\">%n", width, height, width, height));
        for (int e = 0; e < from.length; e++) {
            if (edgeVisible[e] && nodeVisible[from[e]] && nodeVisible[to[e]]) {
                out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#%06x\"/>%n",
                        f[0] * x[from[e]] + f[1], f[0] * y[from[e]] + f[2], f[0] * x[to[e]] + f[1], f[0] * y[to[e]] + f[2],
                        edgeRgb[e] & 0xFFFFFF));
            }
        }
        out.append("</g>\n<g>\n");
        for (int i = 0; i < x.length; i++) {
            if (nodeVisible[i]) {
                out.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#%06x\"/>%n",
                        f[0] * x[i] + f[1], f[0] * y[i] + f[2], radius[i], nodeRgb[i] & 0xFFFFFF));
            }
        }
        out.append("</g>\n</svg>\n");
        return out.toString();
    }

    /** A distinct colour per campaign (golden-angle hues), grey for accounts in none (campaign below 0). */
    public static int campaignColour(int campaign) {
        if (campaign < 0) {
            return 0xB0B0B0;
        }
        float hue = (float) ((campaign * 0.618033988749895) % 1.0);
        return Color.HSBtoRGB(hue, 0.75f, 0.85f) & 0xFFFFFF;
    }
}
