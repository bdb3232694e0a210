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
}
