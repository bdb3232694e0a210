package io.nestedge.app.ui.canvas;

import io.nestedge.app.editor.DevicePorts;
import io.nestedge.app.editor.LinkRoute;
import io.nestedge.app.editor.NodeMetrics;
import io.nestedge.app.editor.SpatialIndex;
import io.nestedge.app.editor.SpatialIndex.Rect;
import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.Position;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javafx.scene.Group;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/**
 * Child→parent links, each a curve from the parent's downstream port (chosen by
 * {@link DevicePorts#linkPortIndex}) to the child's upstream port, shaped by {@link LinkRoute} (one
 * cubic, or a detour round the nodes for a child in the parent's row or above it). Links to IoT Edge children and to
 * leaf devices have different styles. During commissioning a link also shows the child's
 * {@code verify-parent-tls} result (style class and a lock badge at its middle).
 *
 * <p>Virtualized like the device nodes: the geometry of every link is kept and indexed, but a
 * {@link Path} exists only for links whose bounding box intersects the area shown
 * ({@link #show}). The TLS states are kept per child whether or not its curve exists; a curve
 * created later gets its state's style class and badge, and the badge lives and dies with the curve
 * (in the same {@code still} or {@code live} group).
 */
final class LinkLayer extends Group {
    private final Map<String, Path> curves = new HashMap<>();
    private final Map<String, double[]> shapes = new HashMap<>();
    /**
     * Per child: where its link leaves the parent, as an offset from the parent's top-left corner
     * (which downstream port depends only on the plant, so a drag re-shapes a link by arithmetic).
     */
    private final Map<String, double[]> parentAnchors = new HashMap<>();
    /** TLS verification state by child ID ({@code tls-ok|tls-warning|tls-failed}), independent of the curves. */
    private final Map<String, String> tls = new HashMap<>();
    /** Lock badges of the curves that exist and have a TLS state. */
    private final Map<String, FontIcon> tlsBadges = new HashMap<>();
    /** Links are long and thin: coarser cells than the nodes' keep a link's cell count low. */
    private final SpatialIndex index = new SpatialIndex(4 * SpatialIndex.DEFAULT_CELL);
    /** Links re-shaped by a drag: kept out of the index until the next rebuild (re-indexing long links per mouse event is costly). */
    private final Map<String, Rect> floating = new HashMap<>();
    private Plant plant;
    private Rect area;

    /** Curves at rest: one bitmap cache, clipped to the canvas's cache area so it stays small. */
    private final Group still = new Group();
    /** Curves re-shaped by the running drag (uncached, so the cache above survives the drag). */
    private final Group live = new Group();
    private final javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();

    LinkLayer() {
        getStyleClass().add("links");
        setMouseTransparent(true);
        still.setClip(clip);
        still.setCache(true);
        getChildren().addAll(still, live);
    }

    /**
     * Sets the content area the cached links are clipped to (the canvas changes it only when the view
     * leaves it, so a pan moves the cached bitmap instead of re-drawing every curve).
     */
    void setCacheArea(Rect a) {
        if (a != null && (clip.getX() != a.x() || clip.getY() != a.y() || clip.getWidth() != a.w() || clip.getHeight() != a.h())) {
            clip.setX(a.x());
            clip.setY(a.y());
            clip.setWidth(a.w());
            clip.setHeight(a.h());
        }
    }

    /** Recomputes every link from the plant and the drawn positions (O(links), no nodes created off screen). */
    void rebuild(Plant p, Function<String, Optional<Position>> positionOf) {
        this.plant = p;
        shapes.clear();
        parentAnchors.clear();
        index.clear();
        floating.clear();
        still.getChildren().addAll(live.getChildren());
        for (Device d : p.devices()) {
            reshape(d.id(), positionOf);
        }
        for (var it = curves.entrySet().iterator(); it.hasNext();) {
            var e = it.next();
            Device d = p.deviceOrNull(e.getKey());
            if (!shapes.containsKey(e.getKey()) || d == null) {
                remove(e.getKey(), e.getValue());
                it.remove();
            } else {
                style(e.getValue(), d);
                apply(e.getKey(), e.getValue(), shapes.get(e.getKey()));
            }
        }
        show(area);
    }

    /**
     * Re-shapes only the links touching the given devices (during a drag: each moved device's link to
     * its parent and its children's links to it). The shape of each is updated in place from the
     * anchors cached by {@link #rebuild}; no port list is recomputed per mouse event.
     */
    void update(Set<String> moved, Function<String, Optional<Position>> positionOf) {
        if (plant == null) {
            return;
        }
        Set<String> touched = new HashSet<>();
        for (String id : moved) {
            touched.add(id);
            for (Device child : plant.children(id)) {
                touched.add(child.id());
            }
        }
        for (String id : touched) {
            double[] s = reshapeInPlace(id, positionOf);
            if (s == null) {
                continue;
            }
            shapes.put(id, s);
            index.remove(id);
            Rect b = bounds(s);
            floating.put(id, b);
            Path c = curves.get(id);
            if (c == null && area != null && b.intersects(area)) {
                materialize(id);
                c = curves.get(id);
            }
            if (c != null) {
                if (c.getParent() != live) {
                    live.getChildren().add(c);
                    FontIcon badge = tlsBadges.get(id);
                    if (badge != null) {
                        live.getChildren().add(badge);
                    }
                }
                apply(id, c, s);
            }
        }
    }

    /**
     * Shows the links intersecting a content area.
     *
     * @param a content rectangle, or null for none
     */
    void show(Rect a) {
        area = a;
        if (a == null) {
            still.getChildren().clear();
            live.getChildren().clear();
            curves.clear();
            tlsBadges.clear();
            return;
        }
        for (var it = curves.entrySet().iterator(); it.hasNext();) {
            var e = it.next();
            Rect r = rectOf(e.getKey());
            if (r == null || !r.intersects(a)) {
                remove(e.getKey(), e.getValue());
                it.remove();
            }
        }
        for (String id : index.query(a)) {
            materialize(id);
        }
        floating.forEach((id, r) -> {
            if (r.intersects(a)) {
                materialize(id);
            }
        });
    }

    private Rect rectOf(String id) {
        Rect r = floating.get(id);
        return r != null ? r : index.get(id);
    }

    private void materialize(String id) {
        if (curves.containsKey(id)) {
            return;
        }
        Path c = new Path();
        c.getStyleClass().add("link");
        style(c, plant.deviceOrNull(id));
        curves.put(id, c);
        (floating.containsKey(id) ? live : still).getChildren().add(c);
        applyTls(id);
        apply(id, c, shapes.get(id));
    }

    private void remove(String id, Path c) {
        if (c.getParent() instanceof Group g) {
            g.getChildren().remove(c);
        }
        removeBadge(id);
    }

    /**
     * Shows the TLS verification result of a child's link to its parent (commissioning). The state is
     * kept even while the link's curve does not exist and is applied when it is created.
     *
     * @param childId the child device
     * @param state {@code tls-ok}, {@code tls-warning}, {@code tls-failed}, or null to clear
     */
    void tls(String childId, String state) {
        if (state == null) {
            tls.remove(childId);
        } else {
            tls.put(childId, state);
        }
        applyTls(childId);
        if (curves.containsKey(childId)) {
            placeBadge(childId);
        }
    }

    /** The TLS state of a child's link, or null. */
    String tls(String childId) {
        return tls.get(childId);
    }

    /** Sets the TLS style class of an existing curve and creates or drops its badge (in the curve's group). */
    private void applyTls(String childId) {
        Path c = curves.get(childId);
        if (c == null) {
            return;
        }
        String state = tls.get(childId);
        c.getStyleClass().removeAll("tls-ok", "tls-warning", "tls-failed");
        removeBadge(childId);
        if (state == null) {
            return;
        }
        c.getStyleClass().add(state);
        FontIcon b = new FontIcon(state.equals("tls-failed") ? MaterialDesignL.LOCK_OPEN_ALERT : MaterialDesignL.LOCK_CHECK);
        b.getStyleClass().addAll("tls-badge", state);
        b.setId("tls-" + childId);
        tlsBadges.put(childId, b);
        if (c.getParent() instanceof Group g) {
            g.getChildren().add(b);
        }
    }

    private void removeBadge(String childId) {
        FontIcon b = tlsBadges.remove(childId);
        if (b != null && b.getParent() instanceof Group g) {
            g.getChildren().remove(b);
        }
    }

    /** Puts a curve's badge at the middle of its chord (of its run below the nodes for a detour, {@link LinkRoute#middle}). */
    private void placeBadge(String childId) {
        FontIcon b = tlsBadges.get(childId);
        double[] s = shapes.get(childId);
        if (b != null && s != null) {
            double[] m = LinkRoute.middle(s);
            b.setLayoutX(m[0] - 9);
            b.setLayoutY(m[1] + 7);
        }
    }

    private static void style(Path c, Device d) {
        c.getStyleClass().removeAll("link-edge", "link-leaf");
        c.getStyleClass().add(d.isEdge() ? "link-edge" : "link-leaf");
    }

    private void reshape(String childId, Function<String, Optional<Position>> positionOf) {
        double[] s = curve(plant, childId, positionOf);
        if (s == null) {
            shapes.remove(childId);
            index.remove(childId);
        } else {
            shapes.put(childId, s);
            index.put(childId, bounds(s));
            Device parent = plant.deviceOrNull(plant.deviceOrNull(childId).parentId());
            Position pp = positionOf.apply(parent.id()).orElseThrow();
            parentAnchors.put(childId, new double[] {s[0] - pp.x(), s[1] - pp.y()});
        }
    }

    /**
     * The link of a child from the cached parent anchor and the drawn positions, written into the
     * child's existing shape array when its length fits (same result as {@link #curve}).
     *
     * @return the shape (the existing array or a new one), or null without a drawn link
     */
    private double[] reshapeInPlace(String childId, Function<String, Optional<Position>> positionOf) {
        double[] anchor = parentAnchors.get(childId);
        double[] s = shapes.get(childId);
        Device child = plant.deviceOrNull(childId);
        if (anchor == null || s == null || child == null || !child.hasParent()) {
            return null;
        }
        Optional<Position> pp = positionOf.apply(child.parentId());
        Optional<Position> cp = positionOf.apply(childId);
        if (pp.isEmpty() || cp.isEmpty()) {
            return null;
        }
        return LinkRoute.route(s, pp.get().x() + anchor[0], pp.get().y() + anchor[1], pp.get(), cp.get());
    }

    /**
     * The link of a child to its parent as a chain of cubic segments ({@link LinkRoute#route}).
     *
     * @return start, then control 1, control 2, end per segment (x, y each), or null without a drawn link
     */
    static double[] curve(Plant plant, String childId, Function<String, Optional<Position>> positionOf) {
        Device child = plant.deviceOrNull(childId);
        if (child == null || !child.hasParent()) {
            return null;
        }
        Device parent = plant.deviceOrNull(child.parentId());
        if (parent == null) {
            return null;
        }
        Optional<Position> pp = positionOf.apply(parent.id());
        Optional<Position> cp = positionOf.apply(child.id());
        if (pp.isEmpty() || cp.isEmpty()) {
            return null;
        }
        List<DevicePorts.Port> ports = DevicePorts.downstream(parent);
        int idx = DevicePorts.linkPortIndex(ports, child);
        Position from = idx < 0 ? new Position(pp.get().x() + NodeMetrics.WIDTH / 2, pp.get().y() + NodeMetrics.HEIGHT)
                : DevicePorts.downstreamAnchor(pp.get(), idx, ports.size());
        return LinkRoute.route(null, from.x(), from.y(), pp.get(), cp.get());
    }

    /** Bounding box of the curve's control polygon (contains the curve), grown by the stroke. */
    static Rect bounds(double[] s) {
        double x0 = s[0];
        double x1 = s[0];
        double y0 = s[1];
        double y1 = s[1];
        for (int i = 2; i < s.length; i += 2) {
            x0 = Math.min(x0, s[i]);
            x1 = Math.max(x1, s[i]);
            y0 = Math.min(y0, s[i + 1]);
            y1 = Math.max(y1, s[i + 1]);
        }
        return new Rect(x0, y0, x1 - x0, y1 - y0).grow(2);
    }

    private void apply(String id, Path c, double[] s) {
        apply(c, s);
        placeBadge(id);
    }

    /** Sets a path to a shape: in place when it has as many segments, else with new elements. */
    private static void apply(Path c, double[] s) {
        int segments = (s.length - 2) / 6;
        var els = c.getElements();
        if (els.size() != segments + 1) {
            PathElement[] fresh = new PathElement[segments + 1];
            fresh[0] = new MoveTo();
            for (int i = 1; i <= segments; i++) {
                fresh[i] = new CubicCurveTo();
            }
            els.setAll(fresh);
        }
        MoveTo m = (MoveTo) els.get(0);
        m.setX(s[0]);
        m.setY(s[1]);
        for (int i = 1; i <= segments; i++) {
            CubicCurveTo t = (CubicCurveTo) els.get(i);
            int o = 2 + 6 * (i - 1);
            t.setControlX1(s[o]);
            t.setControlY1(s[o + 1]);
            t.setControlX2(s[o + 2]);
            t.setControlY2(s[o + 3]);
            t.setX(s[o + 4]);
            t.setY(s[o + 5]);
        }
    }

    /** The curve of a child's link while it exists (tests). */
    Optional<Path> curveOf(String childId) {
        return Optional.ofNullable(curves.get(childId));
    }

    /** Every link's curve geometry by child ID (the overview draws them). */
    Map<String, double[]> shapes() {
        return shapes;
    }

    /** Number of curves that exist. */
    int size() {
        return curves.size();
    }
}
