package io.nestedge.app.ui.canvas;

import io.nestedge.app.editor.FindingsSummary;
import io.nestedge.app.editor.LaneGeometry;
import io.nestedge.app.editor.NodeMetrics;
import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.Position;
import io.nestedge.model.rules.Severity;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javafx.scene.CacheHint;
import javafx.scene.Group;
import javafx.scene.shape.SVGPath;

/**
 * The level of detail drawn when zoomed out below {@link DesignerCanvas#DETAIL_ZOOM}: every device is
 * a plain rectangle (IoT Edge device, gateway or leaf device colour, a corner mark for its worst
 * finding, an outline when selected) and every link a thin curve, a handful of {@link SVGPath} nodes
 * per tile instead of thousands of skinned controls. The plant is cut into square tiles of
 * {@link #TILE} content pixels, each cached as a bitmap (one bitmap of a whole large plant would
 * exceed the renderer's texture size, and JavaFX then silently draws it uncached), so a pan only
 * moves bitmaps; links longer than a tile are drawn uncached. The devices being dragged are drawn in
 * a separate, translated path.
 */
final class OverviewLayer extends Group {
    /** Tile size, content pixels. */
    static final double TILE = 4096;
    private static final String[] KINDS = {"link-edge", "link-leaf", "edge", "gateway", "leaf", "error", "warning", "selected"};
    private final Group tiles = new Group();
    private final SVGPath longEdgeLinks = path("overview-link-edge");
    private final SVGPath longLeafLinks = path("overview-link-leaf");
    private final Group longLinks = new Group(longEdgeLinks, longLeafLinks);
    private final javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
    private final Group moving = new Group();
    private final SVGPath movingBoxes = path("overview-moving");
    private final SVGPath movingLinks = path("overview-link-moving");
    private final Map<String, String> drawn = new HashMap<>();
    private Plant plant;
    private LaneGeometry geometry;
    private FindingsSummary findings = FindingsSummary.EMPTY;
    private Map<String, double[]> links = Map.of();
    private final Set<String> selection;
    private Set<String> dragged = Set.of();
    private boolean dirty = true;
    private double zoom = 1;

    /**
     * An overview layer.
     *
     * @param selection selected device IDs (read on redraw)
     */
    OverviewLayer(Set<String> selection) {
        this.selection = selection;
        getStyleClass().add("overview");
        setMouseTransparent(true);
        moving.getChildren().add(movingBoxes);
        longLinks.setClip(clip);
        longLinks.setCache(true);
        getChildren().addAll(tiles, longLinks, movingLinks, moving);
    }

    private static SVGPath path(String styleClass) {
        SVGPath p = new SVGPath();
        p.getStyleClass().addAll("overview-shape", styleClass);
        return p;
    }

    /** Sets the content area the cached long links are clipped to (see {@link LinkLayer#setCacheArea}). */
    void setCacheArea(io.nestedge.app.editor.SpatialIndex.Rect a) {
        if (a != null && (clip.getX() != a.x() || clip.getY() != a.y() || clip.getWidth() != a.w() || clip.getHeight() != a.h())) {
            clip.setX(a.x());
            clip.setY(a.y());
            clip.setWidth(a.w());
            clip.setHeight(a.h());
        }
    }

    /** Takes a new plant, geometry and link shapes; redraws when shown. */
    void setPlant(Plant p, LaneGeometry g, Map<String, double[]> linkShapes) {
        plant = p;
        geometry = g;
        links = linkShapes;
        dragged = Set.of();
        moving.setTranslateX(0);
        moving.setTranslateY(0);
        movingLinks.setContent("");
        invalidate();
    }

    /** Takes new findings. */
    void setFindings(FindingsSummary f) {
        findings = f;
        invalidate();
    }

    /** Marks the drawing out of date (selection, findings, plant); {@link #flush()} redraws it. */
    void invalidate() {
        dirty = true;
    }

    /** Redraws now when out of date and shown (the canvas calls it once per layout pass). */
    void flush() {
        if (dirty && isVisible()) {
            redraw();
        }
    }

    /** Shows or hides the overview (drawing it first when it is out of date). */
    void setShown(boolean shown, double z) {
        setVisible(shown);
        if (shown) {
            if (z != zoom) {
                zoom = z;
                strokes(this);
            }
            if (dirty) {
                redraw();
            }
        }
    }

    private void strokes(Group g) {
        for (javafx.scene.Node n : g.getChildren()) {
            if (n instanceof Group sub) {
                strokes(sub);
            } else if (n instanceof SVGPath p) {
                p.setStrokeWidth(p.getStyleClass().contains("overview-selected") ? 2.5 / zoom
                        : p.getStyleClass().contains("overview-moving") ? 2 / zoom : 1.2 / zoom);
            }
        }
    }

    /**
     * Draws the dragged devices offset (move gesture preview).
     *
     * @param ids dragged devices (their links' shapes must already be updated)
     * @param dx content pixels
     * @param dy content pixels
     */
    void preview(Set<String> ids, double dx, double dy) {
        if (!ids.equals(dragged)) {
            dragged = Set.copyOf(ids);
            invalidate();
            flush();
        }
        moving.setTranslateX(dx);
        moving.setTranslateY(dy);
        if (isVisible() && !dragged.isEmpty()) {
            StringBuilder l = new StringBuilder();
            for (String id : touching(dragged)) {
                curve(l, links.get(id));
            }
            movingLinks.setContent(l.toString());
        }
    }

    /** Ends the preview. */
    void clearPreview() {
        preview(Set.of(), 0, 0);
        movingLinks.setContent("");
    }

    private Set<String> touching(Set<String> ids) {
        Set<String> out = new HashSet<>();
        for (String id : ids) {
            out.add(id);
            plant.children(id).forEach(c -> out.add(c.id()));
        }
        return out;
    }

    private static long tileKey(double x, double y) {
        long tx = (long) Math.floor(x / TILE);
        long ty = (long) Math.floor(y / TILE);
        return tx * 0x9E3779B97F4A7C15L + ty;
    }

    private static StringBuilder[] builders() {
        StringBuilder[] b = new StringBuilder[KINDS.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = new StringBuilder();
        }
        return b;
    }

    private void redraw() {
        dirty = false;
        drawn.clear();
        if (plant == null) {
            return;
        }
        Map<Long, StringBuilder[]> byTile = new LinkedHashMap<>();
        StringBuilder mv = new StringBuilder();
        for (Device d : plant.devices()) {
            Position at = geometry.position(d.id()).orElse(null);
            if (at == null) {
                continue;
            }
            if (dragged.contains(d.id())) {
                rect(mv, at.x(), at.y(), NodeMetrics.WIDTH, NodeMetrics.HEIGHT);
                continue;
            }
            StringBuilder[] b = byTile.computeIfAbsent(tileKey(at.x(), at.y()), k -> builders());
            int kind = !d.isEdge() ? 4 : plant.isGateway(d.id()) ? 3 : 2;
            rect(b[kind], at.x(), at.y(), NodeMetrics.WIDTH, NodeMetrics.HEIGHT);
            drawn.put(d.id(), KINDS[kind]);
            Severity s = findings.worst(d.id()).orElse(null);
            if (s == Severity.ERROR || s == Severity.WARNING) {
                rect(b[s == Severity.ERROR ? 5 : 6], at.x() + NodeMetrics.WIDTH - 48, at.y(), 48, 48);
                drawn.put(d.id(), KINDS[kind] + "," + KINDS[s == Severity.ERROR ? 5 : 6]);
            }
            if (selection.contains(d.id())) {
                rect(b[7], at.x(), at.y(), NodeMetrics.WIDTH, NodeMetrics.HEIGHT);
                drawn.merge(d.id(), KINDS[7], (a, x) -> a + "," + x);
            }
        }
        Set<String> skip = dragged.isEmpty() ? Set.of() : touching(dragged);
        StringBuilder el = new StringBuilder();
        StringBuilder ll = new StringBuilder();
        links.forEach((id, s) -> {
            Device d = plant.deviceOrNull(id);
            if (d == null || skip.contains(id)) {
                return;
            }
            boolean shortLink = Math.abs(s[s.length - 2] - s[0]) < TILE / 2 && Math.abs(s[s.length - 1] - s[1]) < TILE / 2;
            if (shortLink) {
                curve(byTile.computeIfAbsent(tileKey(s[0], s[1]), k -> builders())[d.isEdge() ? 0 : 1], s);
            } else {
                curve(d.isEdge() ? el : ll, s);
            }
        });
        tiles.getChildren().clear();
        for (StringBuilder[] b : byTile.values()) {
            Group tile = new Group();
            for (int i = 0; i < KINDS.length; i++) {
                if (b[i].length() > 0) {
                    SVGPath p = path("overview-" + KINDS[i]);
                    p.setContent(b[i].toString());
                    tile.getChildren().add(p);
                }
            }
            tile.setCache(true);
            tile.setCacheHint(CacheHint.DEFAULT);
            tiles.getChildren().add(tile);
        }
        strokes(tiles);
        movingBoxes.setContent(mv.toString());
        longEdgeLinks.setContent(el.toString());
        longLeafLinks.setContent(ll.toString());
    }

    private static void rect(StringBuilder sb, double x, double y, double w, double h) {
        sb.append('M').append(f(x)).append(' ').append(f(y)).append('h').append(f(w)).append('v').append(f(h))
                .append('h').append(f(-w)).append('z');
    }

    private static void curve(StringBuilder sb, double[] s) {
        if (s == null) {
            return;
        }
        sb.append('M').append(f(s[0])).append(' ').append(f(s[1])).append('C');
        for (int i = 2; i < s.length; i++) {
            sb.append(i == 2 ? "" : " ").append(f(s[i]));
        }
    }

    private static long f(double v) {
        return Math.round(v);
    }

    /**
     * How a device is drawn in the overview (tests): its kind ({@code edge}, {@code gateway},
     * {@code leaf}), then {@code error} or {@code warning}, then {@code selected}, comma-separated;
     * {@code moving} while dragged; null when not drawn.
     */
    String drawnAs(String deviceId) {
        return dragged.contains(deviceId) ? "moving" : drawn.get(deviceId);
    }

    /** Number of cached tiles. */
    int tileCount() {
        return tiles.getChildren().size();
    }
}
