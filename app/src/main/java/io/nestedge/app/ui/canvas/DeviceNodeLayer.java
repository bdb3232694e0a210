package io.nestedge.app.ui.canvas;

import io.nestedge.app.editor.FindingsSummary;
import io.nestedge.app.editor.LaneGeometry;
import io.nestedge.app.editor.NodeMetrics;
import io.nestedge.app.editor.SpatialIndex;
import io.nestedge.app.editor.SpatialIndex.Rect;
import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.Position;
import io.nestedge.model.rules.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.scene.Group;

/**
 * The device nodes of the canvas, virtualized: a {@link DeviceNode} exists (is in the scene graph)
 * only while its device intersects the region shown ({@link #show}); devices far outside it have no
 * node at all, so a 2,000-device plant costs only the few dozen nodes on screen. Nodes inside the
 * visible area are created at once; nodes in the prefetch margin around it at most
 * {@link #PREFETCH_PER_PASS} per pass (the caller runs further passes on later pulses), so panning
 * does not stall a frame on a burst of skin creation.
 *
 * <p>During a move gesture the dragged devices are offset with {@link #preview} (their nodes'
 * translate only: no relocation, no relayout of the others); the command on release re-places them.
 */
final class DeviceNodeLayer extends Group {
    /** Most nodes created for the prefetch margin in one pass. */
    static final int PREFETCH_PER_PASS = 6;
    private final Map<String, DeviceNode> nodes = new HashMap<>();
    private final SpatialIndex index = new SpatialIndex();
    private final Map<String, Integer> order = new HashMap<>();
    private final Set<String> selection;
    private final List<Consumer<DeviceNode>> shownListeners = new ArrayList<>();
    private Plant plant;
    private LaneGeometry geometry;
    private FindingsSummary findings = FindingsSummary.EMPTY;
    private Set<String> moving = Set.of();
    private double dx;
    private double dy;
    private Rect visible;
    private Rect keep;
    private boolean pending;

    /**
     * A layer.
     *
     * @param selection the selected device IDs (read when a node is created)
     */
    DeviceNodeLayer(Set<String> selection) {
        this.selection = selection;
        getStyleClass().add("device-nodes");
    }

    /** Takes a new plant: re-indexes positions, updates or drops the nodes that exist. */
    void setPlant(Plant p, LaneGeometry g) {
        plant = p;
        geometry = g;
        index.clear();
        order.clear();
        List<Device> ds = p.devices();
        for (int i = 0; i < ds.size(); i++) {
            Device d = ds.get(i);
            order.put(d.id(), i);
            g.position(d.id()).ifPresent(at -> index.put(d.id(), nodeRect(at)));
        }
        moving = Set.of();
        dx = 0;
        dy = 0;
        for (var it = nodes.entrySet().iterator(); it.hasNext();) {
            var e = it.next();
            Device d = p.deviceOrNull(e.getKey());
            if (d == null) {
                getChildren().remove(e.getValue());
                it.remove();
            } else {
                place(e.getValue(), d);
            }
        }
    }

    /** Takes new findings: updates the badges of the nodes that exist. */
    void setFindings(FindingsSummary f) {
        findings = f;
        nodes.forEach(this::applyFindings);
    }

    /** Marks a node selected or not (when it exists). */
    void setSelected(String id, boolean selected) {
        DeviceNode n = nodes.get(id);
        if (n != null) {
            n.selectedProperty().set(selected);
        }
    }

    /**
     * Shows the devices intersecting a content region.
     *
     * @param visibleArea content rectangle on screen (nodes here are created now), or null to show none
     * @param prefetch the larger rectangle whose nodes are created a few per pass
     * @param retain nodes outside this rectangle are dropped (larger still: hysteresis)
     * @return true when prefetch work remains (run {@link #prefetchPass()} on a later pulse)
     */
    boolean show(Rect visibleArea, Rect prefetch, Rect retain) {
        visible = visibleArea;
        keep = retain;
        if (visibleArea == null) {
            getChildren().clear();
            nodes.clear();
            pending = false;
            return false;
        }
        for (var it = nodes.entrySet().iterator(); it.hasNext();) {
            var e = it.next();
            Rect r = effectiveRect(e.getKey());
            if (r == null || !r.intersects(retain)) {
                getChildren().remove(e.getValue());
                it.remove();
            }
        }
        for (String id : candidates(visibleArea)) {
            materialize(id);
        }
        this.prefetchArea = prefetch;
        pending = true;
        return prefetchPass();
    }

    private Rect prefetchArea;

    /**
     * Creates up to {@link #PREFETCH_PER_PASS} nodes of the prefetch margin.
     *
     * @return true when more remain
     */
    boolean prefetchPass() {
        if (!pending || prefetchArea == null || plant == null) {
            return false;
        }
        int made = 0;
        for (String id : candidates(prefetchArea)) {
            if (!nodes.containsKey(id)) {
                if (made == PREFETCH_PER_PASS) {
                    return true;
                }
                materialize(id);
                made++;
            }
        }
        pending = false;
        return false;
    }

    private Set<String> candidates(Rect area) {
        Set<String> ids = new LinkedHashSet<>(index.query(area));
        for (String id : moving) {
            Rect r = effectiveRect(id);
            if (r != null && r.intersects(area)) {
                ids.add(id);
            } else {
                ids.remove(id);
            }
        }
        return ids;
    }

    private void materialize(String id) {
        if (nodes.containsKey(id)) {
            return;
        }
        Device d = plant.deviceOrNull(id);
        if (d == null) {
            return;
        }
        DeviceNode n = new DeviceNode(d);
        n.selectedProperty().set(selection.contains(id));
        place(n, d);
        applyFindings(id, n);
        if (moving.contains(id)) {
            n.setTranslateX(dx);
            n.setTranslateY(dy);
        }
        nodes.put(id, n);
        getChildren().add(n);
        for (Consumer<DeviceNode> l : shownListeners) {
            l.accept(n);
        }
    }

    private void place(DeviceNode n, Device d) {
        if (!n.getDevice().equals(d)) {
            n.deviceProperty().set(d);
        }
        n.gatewayProperty().set(plant.isGateway(d.id()));
        Position at = geometry.position(d.id()).orElse(d.position());
        n.setTranslateX(0);
        n.setTranslateY(0);
        n.relocate(at.x(), at.y());
    }

    private void applyFindings(String id, DeviceNode n) {
        n.severityProperty().set(findings.worst(id).orElse(null));
        n.findingsTextProperty().set(findings.of(id).stream().map(Finding::toLine).collect(Collectors.joining("\n")));
    }

    /**
     * Offsets devices during a move gesture (view only).
     *
     * @param ids the dragged devices
     * @param offsetX content pixels
     * @param offsetY content pixels
     */
    void preview(Set<String> ids, double offsetX, double offsetY) {
        Set<String> before = moving;
        moving = Set.copyOf(ids);
        dx = offsetX;
        dy = offsetY;
        for (String id : before) {
            if (!moving.contains(id)) {
                translate(id, 0, 0);
            }
        }
        for (String id : moving) {
            translate(id, dx, dy);
        }
        if (visible != null && plant != null) {
            for (String id : moving) {
                Rect r = effectiveRect(id);
                if (r != null && r.intersects(visible)) {
                    materialize(id);
                }
            }
        }
    }

    /** Ends a preview: every node back at its plant position. */
    void clearPreview() {
        preview(Set.of(), 0, 0);
    }

    private void translate(String id, double x, double y) {
        DeviceNode n = nodes.get(id);
        if (n != null) {
            n.setTranslateX(x);
            n.setTranslateY(y);
        }
    }

    private Rect effectiveRect(String id) {
        Rect r = index.get(id);
        if (r == null || !moving.contains(id)) {
            return r;
        }
        return new Rect(r.x() + dx, r.y() + dy, r.w(), r.h());
    }

    static Rect nodeRect(Position at) {
        return new Rect(at.x(), at.y(), NodeMetrics.WIDTH, NodeMetrics.HEIGHT);
    }

    /**
     * The topmost device (last in plant order) whose node, grown by {@code slack}, contains a content
     * point; uses the index, so it works whether or not the node exists.
     */
    Optional<String> deviceAt(double x, double y, double slack) {
        String best = null;
        int bestOrder = -1;
        for (String id : index.query(new Rect(x - slack, y - slack, 2 * slack, 2 * slack))) {
            Rect r = effectiveRect(id).grow(slack);
            Integer o = order.get(id);
            if (r.contains(x, y) && o != null && o > bestOrder) {
                best = id;
                bestOrder = o;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The node of a device while it exists. */
    Optional<DeviceNode> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /** Number of nodes that exist. */
    int size() {
        return nodes.size();
    }

    /** Adds a listener told about every node created (after its device, findings and selection are set). */
    void addShownListener(Consumer<DeviceNode> l) {
        shownListeners.add(l);
    }
}
