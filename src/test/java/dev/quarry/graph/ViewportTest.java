package dev.quarry.graph;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ViewportTest {
    private static final double[] XS = {-3, 7, 2};
    private static final double[] YS = {1, 4, 11};

    @Test
    void fittedPointsFillTheScreenWithinTheMarginAndAreCentred() {
        Viewport view = new Viewport();
        view.fit(3, i -> XS[i], i -> YS[i], 540, 240, 100);
        // the y extent (10) binds: 200 free pixels over 10 layout units
        assertEquals(20, view.scale(), 1e-9);
        assertEquals(20, view.screenY(1), 1e-9);
        assertEquals(220, view.screenY(11), 1e-9);
        assertEquals(270, (view.screenX(-3) + view.screenX(7)) / 2, 1e-9, "centred across");
    }

    @Test
    void aScreenNotYetLaidOutIsTakenAsTheSmallestSide() {
        Viewport view = new Viewport();
        view.fit(3, i -> XS[i], i -> YS[i], 0, 0, 200);
        assertEquals(16, view.scale(), 1e-9);
        assertEquals(100, (view.screenY(1) + view.screenY(11)) / 2, 1e-9);
    }

    @Test
    void zoomKeepsThePointUnderThePointerAndLayoutInvertsScreen() {
        Viewport view = new Viewport();
        view.fit(3, i -> XS[i], i -> YS[i], 540, 240, 100);
        double x = view.layoutX(123);
        double y = view.layoutY(45);
        view.zoom(2.5, 123, 45);
        assertEquals(123, view.screenX(x), 1e-9);
        assertEquals(45, view.screenY(y), 1e-9);
        view.pan(10, -5);
        assertEquals(133, view.screenX(x), 1e-9);
        assertEquals(40, view.screenY(y), 1e-9);
        view.centreOn(7, 4, 540, 240);
        assertEquals(270, view.screenX(7), 1e-9);
        assertEquals(120, view.screenY(4), 1e-9);
    }

    @Test
    void noPointsLeaveTheViewportAsItWas() {
        Viewport view = new Viewport();
        view.pan(5, 6);
        view.fit(0, i -> 0, i -> 0, 500, 500, 100);
        assertEquals(1, view.scale());
        assertEquals(5, view.offsetX());
        assertEquals(6, view.offsetY());
    }
}
