package io.nestedge.app.editor;

/**
 * Zoom and pan of the canvas (pure): {@code screen = content × zoom + translate}. Immutable; every
 * change returns a new viewport.
 *
 * @param zoom scale factor, between {@link #MIN_ZOOM} and {@link #MAX_ZOOM}
 * @param tx horizontal translation, screen pixels
 * @param ty vertical translation, screen pixels
 */
public record Viewport(double zoom, double tx, double ty) {
    /** Smallest zoom (10 %). */
    public static final double MIN_ZOOM = 0.1;
    /** Largest zoom (400 %). */
    public static final double MAX_ZOOM = 4.0;
    /** The identity viewport. */
    public static final Viewport DEFAULT = new Viewport(1, 0, 0);

    /** Clamps the zoom. */
    public Viewport {
        zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, Double.isFinite(zoom) ? zoom : 1));
    }

    /** Content x of a screen x. */
    public double toContentX(double sx) {
        return (sx - tx) / zoom;
    }

    /** Content y of a screen y. */
    public double toContentY(double sy) {
        return (sy - ty) / zoom;
    }

    /** Screen x of a content x. */
    public double toScreenX(double cx) {
        return cx * zoom + tx;
    }

    /** Screen y of a content y. */
    public double toScreenY(double cy) {
        return cy * zoom + ty;
    }

    /**
     * Zooms by a factor keeping the content point under the screen point {@code (sx, sy)} fixed.
     *
     * @param factor multiplier (e.g. 1.1 to zoom in)
     * @param sx screen x of the pivot
     * @param sy screen y of the pivot
     * @return the new viewport
     */
    public Viewport zoomAt(double factor, double sx, double sy) {
        double nz = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom * factor));
        double cx = toContentX(sx);
        double cy = toContentY(sy);
        return new Viewport(nz, sx - cx * nz, sy - cy * nz);
    }

    /** Pans by a screen-pixel delta. */
    public Viewport panBy(double dx, double dy) {
        return new Viewport(zoom, tx + dx, ty + dy);
    }

    /**
     * The viewport showing a content rectangle centred in a screen area, zoom at most 100 %.
     *
     * @param x content left
     * @param y content top
     * @param w content width
     * @param h content height
     * @param screenW available width, screen pixels
     * @param screenH available height, screen pixels
     * @param margin margin in screen pixels
     * @return the fitted viewport
     */
    public static Viewport fit(double x, double y, double w, double h, double screenW, double screenH, double margin) {
        double aw = Math.max(1, screenW - 2 * margin);
        double ah = Math.max(1, screenH - 2 * margin);
        double z = Math.max(MIN_ZOOM, Math.min(1.0, Math.min(aw / Math.max(1, w), ah / Math.max(1, h))));
        double tx = (screenW - w * z) / 2 - x * z;
        double ty = (screenH - h * z) / 2 - y * z;
        return new Viewport(z, tx, ty);
    }
}
