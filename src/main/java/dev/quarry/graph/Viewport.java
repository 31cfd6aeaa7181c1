package dev.quarry.graph;

import java.util.function.IntToDoubleFunction;

/**
 * Where a picture in layout coordinates sits on a screen: screen = layout × scale + offset. The
 * account graph and the account map pan, zoom and fit their points the same way through one of these.
 */
public final class Viewport {
    /** Pixels left free on each side when the points are fitted. */
    private static final double MARGIN = 20;

    private double scale = 1;
    private double offsetX;
    private double offsetY;

    /**
     * Scales and centres points so that all of them show with a margin. A screen not yet laid out
     * (smaller than {@code minSide}) is taken as {@code minSide} pixels, so the points are never
     * squeezed into nothing; no points leaves the viewport as it was.
     */
    public void fit(int points, IntToDoubleFunction x, IntToDoubleFunction y, double width, double height, double minSide) {
        if (points == 0) {
            return;
        }
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < points; i++) {
            minX = Math.min(minX, x.applyAsDouble(i));
            maxX = Math.max(maxX, x.applyAsDouble(i));
            minY = Math.min(minY, y.applyAsDouble(i));
            maxY = Math.max(maxY, y.applyAsDouble(i));
        }
        double w = Math.max(minSide, width);
        double h = Math.max(minSide, height);
        scale = Math.min((w - 2 * MARGIN) / Math.max(1e-9, maxX - minX), (h - 2 * MARGIN) / Math.max(1e-9, maxY - minY));
        offsetX = (w - scale * (maxX + minX)) / 2;
        offsetY = (h - scale * (maxY + minY)) / 2;
    }

    /** Zooms by {@code factor} keeping the screen point (aroundX, aroundY) over the same layout point. */
    public void zoom(double factor, double aroundX, double aroundY) {
        offsetX = aroundX - (aroundX - offsetX) * factor;
        offsetY = aroundY - (aroundY - offsetY) * factor;
        scale *= factor;
    }

    public void pan(double dx, double dy) {
        offsetX += dx;
        offsetY += dy;
    }

    /** Puts the layout point (x, y) in the middle of a screen of the given size, at the same zoom. */
    public void centreOn(double x, double y, double width, double height) {
        offsetX = width / 2 - x * scale;
        offsetY = height / 2 - y * scale;
    }

    public double screenX(double x) {
        return x * scale + offsetX;
    }

    public double screenY(double y) {
        return y * scale + offsetY;
    }

    public double layoutX(double screenX) {
        return (screenX - offsetX) / scale;
    }

    public double layoutY(double screenY) {
        return (screenY - offsetY) / scale;
    }

    public double scale() {
        return scale;
    }

    public double offsetX() {
        return offsetX;
    }

    public double offsetY() {
        return offsetY;
    }
}
