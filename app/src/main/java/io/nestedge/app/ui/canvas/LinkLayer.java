package io.nestedge.app.ui.canvas;

import io.nestedge.app.editor.DevicePorts;
import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.Position;
import java.util.HashMap;
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
 */
final class LinkLayer extends Group {
    private final Map<String, CubicCurve> curves = new HashMap<>();
    private final Map<String, String> tls = new HashMap<>();
    private final Map<String, FontIcon> tlsBadges = new HashMap<>();
    private Plant plant;

    LinkLayer() {
        getStyleClass().add("links");
        setMouseTransparent(true);
    }

    /** Rebuilds every link from the plant and the drawn positions. */
    void rebuild(Plant p, Function<String, Optional<Position>> positionOf) {
        this.plant = p;
        Map<String, CubicCurve> keep = new HashMap<>();
        for (Device d : p.devices()) {
            if (!d.hasParent() || p.deviceOrNull(d.parentId()) == null) {
                continue;
            }
            CubicCurve c = curves.remove(d.id());
            if (c == null) {
                c = new CubicCurve();
                c.getStyleClass().add("link");
                getChildren().add(c);
            }
            c.getStyleClass().removeAll("link-edge", "link-leaf");
            c.getStyleClass().add(d.isEdge() ? "link-edge" : "link-leaf");
            keep.put(d.id(), c);
            shape(c, d, positionOf);
        }
        getChildren().removeAll(curves.values());
        curves.clear();
        curves.putAll(keep);
        for (String id : List.copyOf(tls.keySet())) {
            applyTls(id, positionOf);
        }
    }

    /**
     * Shows the TLS verification result of a child's link to its parent (commissioning).
     *
     * @param childId the child device
     * @param state {@code tls-ok}, {@code tls-warning}, {@code tls-failed}, or null to clear
     */
    void tls(String childId, String state, Function<String, Optional<Position>> positionOf) {
        if (state == null) {
            tls.remove(childId);
        } else {
            tls.put(childId, state);
        }
        applyTls(childId, positionOf);
    }

    /** The TLS state shown on a child's link, or null. */
    String tls(String childId) {
        return tls.get(childId);
    }

    private void applyTls(String childId, Function<String, Optional<Position>> positionOf) {
        String state = tls.get(childId);
        CubicCurve c = curves.get(childId);
        if (c != null) {
            c.getStyleClass().removeAll("tls-ok", "tls-warning", "tls-failed");
            if (state != null) {
                c.getStyleClass().add(state);
            }
        }
        FontIcon badge = tlsBadges.remove(childId);
        getChildren().remove(badge);
        if (state != null && c != null && c.isVisible()) {
            FontIcon b = new FontIcon(state.equals("tls-failed") ? MaterialDesignL.LOCK_OPEN_ALERT : MaterialDesignL.LOCK_CHECK);
            b.getStyleClass().addAll("tls-badge", state);
            b.setId("tls-" + childId);
            double mx = (c.getStartX() + c.getEndX()) / 2;
            double my = (c.getStartY() + c.getEndY()) / 2;
            b.setLayoutX(mx - 9);
            b.setLayoutY(my + 7);
            tlsBadges.put(childId, b);
            getChildren().add(b);
        }
    }

    /** Re-shapes only the links touching the given devices (during a drag). */
    void update(Set<String> moved, Function<String, Optional<Position>> positionOf) {
        if (plant == null) {
            return;
        }
        for (String id : moved) {
            Device d = plant.deviceOrNull(id);
            if (d != null && curves.containsKey(id)) {
                shape(curves.get(id), d, positionOf);
            }
            for (Device child : plant.children(id)) {
                if (curves.containsKey(child.id())) {
                    shape(curves.get(child.id()), child, positionOf);
                }
            }
        }
        for (String id : List.copyOf(tls.keySet())) {
            applyTls(id, positionOf);
        }
    }

    private void shape(CubicCurve c, Device child, Function<String, Optional<Position>> positionOf) {
        Device parent = plant.deviceOrNull(child.parentId());
        Optional<Position> pp = positionOf.apply(parent.id());
        Optional<Position> cp = positionOf.apply(child.id());
        if (pp.isEmpty() || cp.isEmpty()) {
            c.setVisible(false);
            return;
        }
        c.setVisible(true);
        List<DevicePorts.Port> ports = DevicePorts.downstream(parent);
        int idx = DevicePorts.linkPortIndex(ports, child);
        Position from = idx < 0 ? new Position(pp.get().x() + io.nestedge.app.editor.NodeMetrics.WIDTH / 2,
                pp.get().y() + io.nestedge.app.editor.NodeMetrics.HEIGHT) : DevicePorts.downstreamAnchor(pp.get(), idx, ports.size());
        Position to = DevicePorts.upstreamAnchor(cp.get());
        double dy = Math.max(40, Math.abs(to.y() - from.y()) / 2);
        c.setStartX(from.x());
        c.setStartY(from.y());
        c.setControlX1(from.x());
        c.setControlY1(from.y() + dy);
        c.setControlX2(to.x());
        c.setControlY2(to.y() - dy);
        c.setEndX(to.x());
        c.setEndY(to.y());
    }
}
