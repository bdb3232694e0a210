package io.nestedge.app.editor;

/**
 * Sizes of the canvas drawing, in unzoomed canvas pixels. Shared by the geometry (hit tests, lanes,
 * layout) and the device node skin so that what is drawn is what is hit.
 */
public final class NodeMetrics {
    /** Device node width. */
    public static final double WIDTH = 248;
    /** Device node height. */
    public static final double HEIGHT = 88;
    /** Radius of a port connector. */
    public static final double PORT_RADIUS = 6;
    /** Distance (pixels) within which a drop snaps to a port. */
    public static final double PORT_HIT = 16;
    /** Padding between a lane edge and the devices in it. */
    public static final double LANE_PADDING = 34;
    /** Minimum lane height (an empty lane). */
    public static final double MIN_LANE_HEIGHT = 150;
    /** Width of the lane header (label) column on the left of the canvas, in screen pixels. */
    public static final double LANE_HEADER = 0;

    private NodeMetrics() {
    }
}
