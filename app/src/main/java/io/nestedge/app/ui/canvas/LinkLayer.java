package io.nestedge.app.ui.canvas;

import io.nestedge.app.editor.DevicePorts;
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
import javafx.scene.shape.CubicCurve;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/**
 * Child→parent links, each a curve from the parent's downstream port (chosen by
 * {@link DevicePorts#linkPortIndex}) to the child's upstream port. Links to IoT Edge children and to
 * leaf devices have different styles. During commissioning a link also shows the child's
 * {@code verify-parent-tls} result (style class and a lock badge at its middle).
 *
 * <p>Virtualized like the device nodes: the geometry of every link is kept and indexed, but a
 * {@link CubicCurve} exists only for links whose bounding box intersects the area shown
 * ({@link #show}). The TLS states are kept per child whether or not its curve exists; a curve
 * created later gets its state's style class and badge, and the badge lives and dies with the curve
 * (in the same {@code still} or {@code live} group).
 */
final class LinkLayer extends Group {
    private final Map<String, CubicCurve> curves = new HashMap<>();
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
            index.remove(id);
            Rect b = bounds(s);
            floating.put(id, b);
            CubicCurve c = curves.get(id);
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
        CubicCurve c = new CubicCurve();
        c.getStyleClass().add("link");
        style(c, plant.deviceOrNull(id));
        curves.put(id, c);
        (floating.containsKey(id) ? live : still).getChildren().add(c);
        applyTls(id);
        apply(id, c, shapes.get(id));
    }

    private void remove(String id, CubicCurve c) {
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
        CubicCurve c = curves.get(childId);
        if (c != null) {
            placeBadge(childId, c);
        }
    }

    /** The TLS state of a child's link, or null. */
    String tls(String childId) {
        return tls.get(childId);
    }

    /** Sets the TLS style class of an existing curve and creates or drops its badge (in the curve's group). */
    private void applyTls(String childId) {
        CubicCurve c = curves.get(childId);
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

    /** Puts a curve's badge at the middle of its chord. */
    private void placeBadge(String childId, CubicCurve c) {
        FontIcon b = tlsBadges.get(childId);
        if (b != null) {
            b.setLayoutX((c.getStartX() + c.getEndX()) / 2 - 9);
            b.setLayoutY((c.getStartY() + c.getEndY()) / 2 + 7);
        }
    }

    private static void style(CubicCurve c, Device d) {
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
     * child's existing shape array (same result as {@link #curve}).
     *
     * @return the shape, or null without a drawn link
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
        shape(s, pp.get().x() + anchor[0], pp.get().y() + anchor[1], DevicePorts.upstreamAnchor(cp.get()));
        return s;
    }

    /** Writes the cubic from a parent's port to a child's upstream port into {@code s}. */
    private static void shape(double[] s, double fromX, double fromY, Position to) {
        double dy = Math.max(40, Math.abs(to.y() - fromY) / 2);
        s[0] = fromX;
        s[1] = fromY;
        s[2] = fromX;
        s[3] = fromY + dy;
        s[4] = to.x();
        s[5] = to.y() - dy;
        s[6] = to.x();
        s[7] = to.y();
    }

    /**
     * The link of a child to its parent as a cubic curve.
     *
     * @return start, control 1, control 2, end (x, y each), or null without a drawn link
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
        double[] s = new double[8];
        shape(s, from.x(), from.y(), DevicePorts.upstreamAnchor(cp.get()));
        return s;
    }

    /** Bounding box of the curve's control polygon (contains the curve), grown by the stroke. */
    static Rect bounds(double[] s) {
        double x0 = Math.min(Math.min(s[0], s[2]), Math.min(s[4], s[6]));
        double x1 = Math.max(Math.max(s[0], s[2]), Math.max(s[4], s[6]));
        double y0 = Math.min(Math.min(s[1], s[3]), Math.min(s[5], s[7]));
        double y1 = Math.max(Math.max(s[1], s[3]), Math.max(s[5], s[7]));
        return new Rect(x0, y0, x1 - x0, y1 - y0).grow(2);
    }

    private void apply(String id, CubicCurve c, double[] s) {
        apply(c, s);
        placeBadge(id, c);
    }

    private static void apply(CubicCurve c, double[] s) {
        c.setStartX(s[0]);
        c.setStartY(s[1]);
        c.setControlX1(s[2]);
        c.setControlY1(s[3]);
        c.setControlX2(s[4]);
        c.setControlY2(s[5]);
        c.setEndX(s[6]);
        c.setEndY(s[7]);
    }

    /** The curve of a child's link while it exists (tests). */
    Optional<CubicCurve> curveOf(String childId) {
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
