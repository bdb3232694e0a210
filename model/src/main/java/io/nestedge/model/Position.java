package io.nestedge.model;

/**
 * Where a device sits on the designer canvas, in canvas pixels (unzoomed). The layer is not derived
 * from y: the device's {@code layerId} is authoritative and the canvas keeps the two consistent.
 *
 * @param x left edge, pixels
 * @param y top edge, pixels
 */
public record Position(double x, double y) {
    /** The origin. */
    public static final Position ORIGIN = new Position(0, 0);
    /**
     * Largest |x| and |y| a plant file may hold, pixels: some 40,000 device widths, far beyond any
     * layout (a 2,000-device plant spans under 500,000 px), and small enough that the canvas's
     * geometry (lanes, zoom to fit, links) stays in range.
     */
    public static final double LIMIT = 10_000_000;

    /** True when both coordinates are finite and within {@link #LIMIT}. */
    public boolean onCanvas() {
        return Math.abs(x) <= LIMIT && Math.abs(y) <= LIMIT; // false for NaN
    }
}
