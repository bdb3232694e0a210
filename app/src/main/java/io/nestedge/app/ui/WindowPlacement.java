package io.nestedge.app.ui;

import java.util.List;
import javafx.geometry.Rectangle2D;

/**
 * Where the main window opens: the remembered size and position when they still fit the screens
 * there are now, otherwise a size that fits the primary screen, centred on it. A laptop that was on
 * a docking station's large monitor last time (or a small plant-floor screen the first time) must
 * never open the window off-screen or larger than the screen. Pure: the caller passes the screens'
 * visual bounds (without task bars), so it is tested without a display.
 */
public final class WindowPlacement {
    /** Smallest useful window, pixels (palette, canvas and inspector side by side). */
    public static final double MIN_WIDTH = 800;
    /** Smallest useful window height, pixels. */
    public static final double MIN_HEIGHT = 560;
    /** How much of a title bar must be on a screen for a remembered position to count, pixels. */
    private static final double GRIP = 48;

    private WindowPlacement() {
    }

    /**
     * Where to open the window.
     *
     * @param width remembered (or default) scene width, pixels
     * @param height remembered (or default) scene height, pixels
     * @param x remembered window x, or NaN when none
     * @param y remembered window y, or NaN when none
     * @param screens visual bounds of every screen, the primary screen first; empty when unknown
     * @return the bounds to open at (x and y NaN only when no screen is known: let the toolkit centre it)
     */
    public static Rectangle2D place(double width, double height, double x, double y, List<Rectangle2D> screens) {
        if (screens.isEmpty()) {
            return new Rectangle2D(Double.NaN, Double.NaN, Math.max(MIN_WIDTH, width), Math.max(MIN_HEIGHT, height));
        }
        Rectangle2D home = screens.get(0);
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            for (Rectangle2D s : screens) {
                // The left part of the title bar is on this screen: the window was last seen there.
                if (s.contains(x + GRIP, y + GRIP / 2)) {
                    double w = fit(width, s.getWidth(), MIN_WIDTH);
                    double h = fit(height, s.getHeight(), MIN_HEIGHT);
                    return new Rectangle2D(Math.max(s.getMinX(), Math.min(x, s.getMaxX() - w)),
                            Math.max(s.getMinY(), Math.min(y, s.getMaxY() - h)), w, h);
                }
            }
        }
        double w = fit(width, home.getWidth(), MIN_WIDTH);
        double h = fit(height, home.getHeight(), MIN_HEIGHT);
        return new Rectangle2D(home.getMinX() + (home.getWidth() - w) / 2, home.getMinY() + (home.getHeight() - h) / 2, w, h);
    }

    /** The wanted size, at most the screen's (less a little for window decorations), at least the minimum. */
    private static double fit(double wanted, double screen, double min) {
        double cap = Math.max(Math.min(min, screen), screen - 40);
        return Math.min(cap, Math.max(wanted, Math.min(min, cap)));
    }
}
