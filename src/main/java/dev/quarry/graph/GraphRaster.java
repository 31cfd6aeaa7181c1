package dev.quarry.graph;

import java.util.stream.IntStream;

/**
 * Draws a laid-out graph into a pixel buffer (ARGB, opaque white background): edges as one-pixel
 * lines blended with their alpha, then nodes as discs on top, a selected node ringed. Hundreds of
 * thousands of edges take a fraction of a second, where a vector renderer (JavaFX's software
 * pipeline) takes seconds, so the account graph can be redrawn whole at rest and moved as a picture
 * while the analyst pans.
 * <p>
 * Level of detail, never hiding a node: an edge whose ends fall in the same pixel shows nothing and
 * is skipped (and counted, so the screen can say so); a node is drawn at least two pixels wide however
 * far out the picture is zoomed. The picture is cut into horizontal bands drawn in parallel; each
 * pixel belongs to one band and is blended in edge order, so the result is the same on any machine.
 */
public final class GraphRaster {
    private static final int WHITE = 0xFFFFFFFF;
    private static final int RING = 0xFF000000;
    private static final int MIN_BAND_ROWS = 64;

    /**
     * What to draw, in layout coordinates. An edge with alpha 0 in {@code edgeArgb} is hidden (family
     * toggled off, below the weight threshold).
     *
     * @param radius   node radius in pixels
     * @param nodeArgb node colour with its alpha (a faded node is drawn translucent)
     * @param ringed   nodes drawn with a selection ring
     */
    public record Scene(double[] x, double[] y, double[] radius, int[] nodeArgb, boolean[] ringed,
                        int[] from, int[] to, int[] edgeArgb) {
        public Scene {
            int n = x.length;
            if (y.length != n || radius.length != n || nodeArgb.length != n || ringed.length != n) {
                throw new IllegalArgumentException("node arrays differ in length");
            }
            if (to.length != from.length || edgeArgb.length != from.length) {
                throw new IllegalArgumentException("edge arrays differ in length");
            }
        }

        public int nodeCount() {
            return x.length;
        }

        public int edgeCount() {
            return from.length;
        }
    }

    /** The transform: screen = layout × scale + offset, into a width × height picture. */
    public record View(int width, int height, double scale, double offsetX, double offsetY) {
        public View {
            if (width < 1 || height < 1 || !(scale > 0)) {
                throw new IllegalArgumentException("a view needs a positive size and scale, got " + width + "x" + height + " at " + scale);
            }
        }
    }

    /**
     * A drawn picture and what it left out.
     *
     * @param edgesDrawn        edges with at least one pixel drawn
     * @param edgesBelowAPixel  shown edges whose ends fall in one pixel (nothing to draw)
     * @param edgesHidden       edges hidden by the caller (alpha 0)
     * @param edgesOutside      shown edges entirely outside the picture
     * @param nodesDrawn        nodes inside the picture, every one drawn
     */
    public record Frame(int[] argb, View view, int edgesDrawn, int edgesBelowAPixel, int edgesHidden, int edgesOutside,
                        int nodesDrawn) {
    }

    /** Whether the caller still wants the picture (a newer one was asked for): checked between bands' chunks. */
    public interface Wanted {
        boolean stillWanted();
    }

    private GraphRaster() {
    }

    public static Frame render(Scene scene, View view) {
        return render(scene, view, () -> true);
    }

    /** Draws the scene; null when {@code wanted} said no part-way through. */
    public static Frame render(Scene scene, View view, Wanted wanted) {
        int width = view.width();
        int height = view.height();
        int[] argb = new int[width * height];
        java.util.Arrays.fill(argb, WHITE);
        int m = scene.edgeCount();
        int n = scene.nodeCount();
        // screen positions once, shared by the bands
        double[] sx = new double[n];
        double[] sy = new double[n];
        for (int i = 0; i < n; i++) {
            sx[i] = scene.x()[i] * view.scale() + view.offsetX();
            sy[i] = scene.y()[i] * view.scale() + view.offsetY();
        }
        int drawn = 0;
        int belowAPixel = 0;
        int hidden = 0;
        int outside = 0;
        for (int e = 0; e < m; e++) {
            if (scene.edgeArgb()[e] >>> 24 == 0) {
                hidden++;
                continue;
            }
            double ax = sx[scene.from()[e]];
            double ay = sy[scene.from()[e]];
            double bx = sx[scene.to()[e]];
            double by = sy[scene.to()[e]];
            if (Math.max(ax, bx) < 0 || Math.min(ax, bx) >= width || Math.max(ay, by) < 0 || Math.min(ay, by) >= height) {
                outside++;
            } else if ((int) Math.floor(ax) == (int) Math.floor(bx) && (int) Math.floor(ay) == (int) Math.floor(by)) {
                belowAPixel++;
            } else {
                drawn++;
            }
        }
        int nodesDrawn = 0;
        for (int i = 0; i < n; i++) {
            if (sx[i] >= 0 && sx[i] < width && sy[i] >= 0 && sy[i] < height) {
                nodesDrawn++;
            }
        }
        boolean dots = view.scale() < 0.4;
        int bands = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), height / MIN_BAND_ROWS));
        boolean[] abandoned = new boolean[bands];
        IntStream.range(0, bands).parallel().forEach(band -> {
            int top = height * band / bands;
            int bottom = height * (band + 1) / bands;
            abandoned[band] = !drawBand(scene, sx, sy, argb, width, top, bottom, dots, wanted);
        });
        for (boolean b : abandoned) {
            if (b) {
                return null;
            }
        }
        return new Frame(argb, view, drawn, belowAPixel, hidden, outside, nodesDrawn);
    }

    /** Rows [top, bottom): edges, then nodes on top. False when abandoned. */
    private static boolean drawBand(Scene scene, double[] sx, double[] sy, int[] argb, int width, int top, int bottom,
                                    boolean dots, Wanted wanted) {
        int[] from = scene.from();
        int[] to = scene.to();
        int[] edgeArgb = scene.edgeArgb();
        double[] clip = new double[8];
        for (int e = 0; e < from.length; e++) {
            if ((e & 0x3FFF) == 0 && !wanted.stillWanted()) {
                return false;
            }
            int colour = edgeArgb[e];
            if (colour >>> 24 == 0) {
                continue;
            }
            line(argb, width, top, bottom, sx[from[e]], sy[from[e]], sx[to[e]], sy[to[e]], colour, clip);
        }
        for (int i = 0; i < sx.length; i++) {
            double r = scene.radius()[i];
            if (sy[i] + r + 4 < top || sy[i] - r - 4 >= bottom || sx[i] + r + 4 < 0 || sx[i] - r - 4 >= width) {
                continue;
            }
            if (dots && !scene.ringed()[i]) {
                int px = (int) Math.floor(sx[i]);
                int py = (int) Math.floor(sy[i]);
                for (int yy = py; yy < py + 2; yy++) {
                    for (int xx = px; xx < px + 2; xx++) {
                        blend(argb, width, top, bottom, xx, yy, scene.nodeArgb()[i]);
                    }
                }
                continue;
            }
            disc(argb, width, top, bottom, sx[i], sy[i], Math.max(1, r), scene.nodeArgb()[i]);
            if (scene.ringed()[i]) {
                ring(argb, width, top, bottom, sx[i], sy[i], Math.max(1, r) + 2, Math.max(1, r) + 3.5);
            }
        }
        return true;
    }

    /**
     * A one-pixel line, stepping along its longer axis, clipped to the band's rows and the picture's
     * columns first (Liang–Barsky) so a long line mostly off the picture costs only its visible part.
     */
    private static void line(int[] argb, int width, int top, int bottom, double ax, double ay, double bx, double by, int colour,
                             double[] clip) {
        double dx = bx - ax;
        double dy = by - ay;
        double t0 = 0;
        double t1 = 1;
        // clip against [-1, width+1] × [top-1, bottom+1]: a pixel on the band's border is drawn by its owner band
        clip[0] = -dx;
        clip[1] = dx;
        clip[2] = -dy;
        clip[3] = dy;
        clip[4] = ax + 1;
        clip[5] = width + 1 - ax;
        clip[6] = ay - (top - 1);
        clip[7] = bottom + 1 - ay;
        for (int k = 0; k < 4; k++) {
            double p = clip[k];
            double q = clip[k + 4];
            if (p == 0) {
                if (q < 0) {
                    return;
                }
            } else {
                double t = q / p;
                if (p < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
            }
        }
        if (t0 > t1) {
            return;
        }
        double x0 = ax + t0 * dx;
        double y0 = ay + t0 * dy;
        double x1 = ax + t1 * dx;
        double y1 = ay + t1 * dy;
        int steps = (int) Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)));
        if (steps == 0) {
            blend(argb, width, top, bottom, (int) Math.floor(x0), (int) Math.floor(y0), colour);
            return;
        }
        double stepX = (x1 - x0) / steps;
        double stepY = (y1 - y0) / steps;
        double x = x0;
        double y = y0;
        for (int s = 0; s <= steps; s++) {
            blend(argb, width, top, bottom, (int) Math.floor(x), (int) Math.floor(y), colour);
            x += stepX;
            y += stepY;
        }
    }

    private static void disc(int[] argb, int width, int top, int bottom, double cx, double cy, double r, int colour) {
        int y0 = (int) Math.floor(cy - r);
        int y1 = (int) Math.ceil(cy + r);
        int x0 = (int) Math.floor(cx - r);
        int x1 = (int) Math.ceil(cx + r);
        double r2 = r * r;
        for (int y = Math.max(y0, top); y <= Math.min(y1, bottom - 1); y++) {
            double ddy = y + 0.5 - cy;
            for (int x = Math.max(x0, 0); x <= Math.min(x1, width - 1); x++) {
                double ddx = x + 0.5 - cx;
                if (ddx * ddx + ddy * ddy <= r2) {
                    blend(argb, width, top, bottom, x, y, colour);
                }
            }
        }
    }

    private static void ring(int[] argb, int width, int top, int bottom, double cx, double cy, double inner, double outer) {
        int y0 = (int) Math.floor(cy - outer);
        int y1 = (int) Math.ceil(cy + outer);
        int x0 = (int) Math.floor(cx - outer);
        int x1 = (int) Math.ceil(cx + outer);
        for (int y = Math.max(y0, top); y <= Math.min(y1, bottom - 1); y++) {
            double ddy = y + 0.5 - cy;
            for (int x = Math.max(x0, 0); x <= Math.min(x1, width - 1); x++) {
                double ddx = x + 0.5 - cx;
                double d2 = ddx * ddx + ddy * ddy;
                if (d2 >= inner * inner && d2 <= outer * outer) {
                    argb[y * width + x] = RING;
                }
            }
        }
    }

    /** Source-over blend of a colour with its alpha onto an opaque pixel. */
    private static void blend(int[] argb, int width, int top, int bottom, int x, int y, int colour) {
        if (x < 0 || x >= width || y < top || y >= bottom) {
            return;
        }
        int index = y * width + x;
        int a = colour >>> 24;
        if (a == 255) {
            argb[index] = colour;
            return;
        }
        int dst = argb[index];
        int keep = 255 - a;
        int r = ((colour >> 16 & 0xFF) * a + (dst >> 16 & 0xFF) * keep + 127) / 255;
        int g = ((colour >> 8 & 0xFF) * a + (dst >> 8 & 0xFF) * keep + 127) / 255;
        int b = ((colour & 0xFF) * a + (dst & 0xFF) * keep + 127) / 255;
        argb[index] = 0xFF000000 | r << 16 | g << 8 | b;
    }
}
