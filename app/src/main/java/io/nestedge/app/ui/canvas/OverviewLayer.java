package io.nestedge.app.ui.canvas;

import io.nestedge.app.editor.FindingsSummary;
import io.nestedge.app.editor.LaneGeometry;
import io.nestedge.app.editor.NodeMetrics;
import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.Position;
import io.nestedge.model.rules.Severity;
import java.util.Map;
import java.util.Set;
import javafx.scene.CacheHint;
import javafx.scene.Group;
import javafx.scene.shape.SVGPath;

/**
 * The level of detail drawn when zoomed out below {@link DesignerCanvas#DETAIL_ZOOM}: every device is
 * a plain rectangle (IoT Edge device, gateway or leaf device colour, a corner mark for its worst
 * finding, an outline when selected) and every link a thin curve, a handful of {@link SVGPath} nodes
 * in total instead of thousands of skinned controls. The static part is cached as a bitmap, so a pan
 * only moves it; the devices being dragged are drawn in a separate, translated path.
 */
final class OverviewLayer extends Group {
    private final Group still = new Group();
    private final Group moving = new Group();
    private final SVGPath edges = path("overview-edge");
    private final SVGPath gateways = path("overview-gateway");
    private final SVGPath leaves = path("overview-leaf");
    private final SVGPath edgeLinks = path("overview-link-edge");
    private final SVGPath leafLinks = path("overview-link-leaf");
    private final SVGPath errors = path("overview-error");
    private final SVGPath warnings = path("overview-warning");
    private final SVGPath selected = path("overview-selected");
    private final SVGPath movingBoxes = path("overview-moving");
    private final SVGPath movingLinks = path("overview-link-moving");
    private Plant plant;
    private LaneGeometry geometry;
    private FindingsSummary findings = FindingsSummary.EMPTY;
    private Map<String, double[]> links = Map.of();
    private final Set<String> selection;
    private Set<String> dragged = Set.of();
    private boolean dirty = true;

    /**
     * An overview layer.
     *
     * @param selection selected device IDs (read on redraw)
     */
    OverviewLayer(Set<String> selection) {
        this.selection = selection;
        getStyleClass().add("overview");
        setMouseTransparent(true);
        still.getChildren().addAll(edgeLinks, leafLinks, edges, gateways, leaves, errors, warnings, selected);
        still.setCache(true);
        still.setCacheHint(CacheHint.SPEED);
        moving.getChildren().add(movingBoxes);
        getChildren().addAll(still, movingLinks, moving);
    }

    private static SVGPath path(String styleClass) {
        SVGPath p = new SVGPath();
        p.getStyleClass().addAll("overview-shape", styleClass);
        return p;
    }

    /** Takes a new plant, geometry and link shapes; redraws when shown. */
    void setPlant(Plant p, LaneGeometry g, Map<String, double[]> linkShapes) {
        plant = p;
        geometry = g;
        links = linkShapes;
        dragged = Set.of();
        moving.setTranslateX(0);
        moving.setTranslateY(0);
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
    void setShown(boolean shown, double zoom) {
        setVisible(shown);
        if (shown) {
            double w = 1.2 / zoom;
            for (SVGPath p : new SVGPath[] {edgeLinks, leafLinks, movingLinks}) {
                p.setStrokeWidth(w);
            }
            selected.setStrokeWidth(2.5 / zoom);
            movingBoxes.setStrokeWidth(2 / zoom);
            if (dirty) {
                redraw();
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
        Set<String> out = new java.util.HashSet<>();
        for (String id : ids) {
            out.add(id);
            plant.children(id).forEach(c -> out.add(c.id()));
        }
        return out;
    }

    private void redraw() {
        dirty = false;
        if (plant == null) {
            return;
        }
        StringBuilder e = new StringBuilder();
        StringBuilder gw = new StringBuilder();
        StringBuilder lf = new StringBuilder();
        StringBuilder err = new StringBuilder();
        StringBuilder warn = new StringBuilder();
        StringBuilder sel = new StringBuilder();
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
            StringBuilder target = !d.isEdge() ? lf : plant.isGateway(d.id()) ? gw : e;
            rect(target, at.x(), at.y(), NodeMetrics.WIDTH, NodeMetrics.HEIGHT);
            Severity s = findings.worst(d.id()).orElse(null);
            if (s == Severity.ERROR) {
                rect(err, at.x() + NodeMetrics.WIDTH - 48, at.y(), 48, 48);
            } else if (s == Severity.WARNING) {
                rect(warn, at.x() + NodeMetrics.WIDTH - 48, at.y(), 48, 48);
            }
            if (selection.contains(d.id())) {
                rect(sel, at.x(), at.y(), NodeMetrics.WIDTH, NodeMetrics.HEIGHT);
            }
        }
        Set<String> skip = dragged.isEmpty() ? Set.of() : touching(dragged);
        StringBuilder el = new StringBuilder();
        StringBuilder ll = new StringBuilder();
        links.forEach((id, s) -> {
            Device d = plant.deviceOrNull(id);
            if (d != null && !skip.contains(id)) {
                curve(d.isEdge() ? el : ll, s);
            }
        });
        edges.setContent(e.toString());
        gateways.setContent(gw.toString());
        leaves.setContent(lf.toString());
        errors.setContent(err.toString());
        warnings.setContent(warn.toString());
        selected.setContent(sel.toString());
        movingBoxes.setContent(mv.toString());
        edgeLinks.setContent(el.toString());
        leafLinks.setContent(ll.toString());
    }

    private static void rect(StringBuilder sb, double x, double y, double w, double h) {
        sb.append('M').append(f(x)).append(' ').append(f(y)).append('h').append(f(w)).append('v').append(f(h))
                .append('h').append(f(-w)).append('z');
    }

    private static void curve(StringBuilder sb, double[] s) {
        if (s == null) {
            return;
        }
        sb.append('M').append(f(s[0])).append(' ').append(f(s[1])).append('C').append(f(s[2])).append(' ').append(f(s[3]))
                .append(' ').append(f(s[4])).append(' ').append(f(s[5])).append(' ').append(f(s[6])).append(' ').append(f(s[7]));
    }

    private static long f(double v) {
        return Math.round(v);
    }

    /** The path drawing one kind of shape (tests): edge, gateway, leaf, selected, error, warning. */
    String content(String kind) {
        return switch (kind) {
            case "edge" -> edges.getContent();
            case "gateway" -> gateways.getContent();
            case "leaf" -> leaves.getContent();
            case "selected" -> selected.getContent();
            case "error" -> errors.getContent();
            case "warning" -> warnings.getContent();
            case "moving" -> movingBoxes.getContent();
            default -> throw new IllegalArgumentException(kind);
        };
    }
}
