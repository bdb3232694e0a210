package io.nestedge.app.ui.canvas;

import io.nestedge.app.editor.Commands;
import io.nestedge.app.editor.ConnectionRules;
import io.nestedge.app.editor.DevicePorts;
import io.nestedge.app.editor.NodeMetrics;
import io.nestedge.model.Position;
import java.util.Optional;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.Line;

/**
 * Drag from a child's upstream port to a parent's downstream port. While dragging, the device under
 * the pointer is checked with {@link ConnectionRules} (leaf as parent, cycle, second parent, parent
 * on a lower layer): the node turns green or red and the reason is shown in the status bar. Dropping
 * anywhere on an accepted device snaps to its ports and pushes one connect command.
 */
final class ConnectGesture implements CanvasGesture {
    private final DesignerCanvas canvas;
    private final String childId;
    private final Line rubber = new Line();
    private String target;
    private ConnectionRules.Verdict verdict;

    ConnectGesture(DesignerCanvas canvas, String childId) {
        this.canvas = canvas;
        this.childId = childId;
        rubber.getStyleClass().add("rubber-link");
    }

    @Override
    public void press(MouseEvent e) {
        Position from = DevicePorts.upstreamAnchor(canvas.geometry().position(childId).orElse(Position.ORIGIN));
        rubber.setStartX(from.x());
        rubber.setStartY(from.y());
        rubber.setEndX(from.x());
        rubber.setEndY(from.y());
        canvas.contentOverlay().getChildren().add(rubber);
        canvas.model().statusProperty().set("Drag onto the downstream port of the parent of " + childId);
    }

    @Override
    public void drag(MouseEvent e) {
        Point2D p = canvas.toContent(e.getSceneX(), e.getSceneY());
        rubber.setEndX(p.getX());
        rubber.setEndY(p.getY());
        Optional<String> hit = canvas.deviceAt(p.getX(), p.getY(), NodeMetrics.PORT_HIT)
                .filter(id -> !id.equals(childId));
        String now = hit.orElse(null);
        if (now == null ? target != null : !now.equals(target)) {
            mark(target, DeviceNode.ConnectState.NONE);
            target = now;
            verdict = now == null ? null : ConnectionRules.check(canvas.model().plant(), childId, now);
            if (now != null) {
                mark(now, verdict.allowed() ? DeviceNode.ConnectState.OK : DeviceNode.ConnectState.REFUSED);
                canvas.model().statusProperty().set(verdict.allowed() ? "Release to connect " + childId + " to " + now
                        : "Cannot connect: " + verdict.reason());
            } else {
                canvas.model().statusProperty().set("Drag onto the downstream port of the parent of " + childId);
            }
        }
        rubber.getStyleClass().removeAll("ok", "refused");
        if (verdict != null && target != null) {
            rubber.getStyleClass().add(verdict.allowed() ? "ok" : "refused");
        }
    }

    private void mark(String id, DeviceNode.ConnectState s) {
        if (id != null) {
            canvas.node(id).ifPresent(n -> n.connectStateProperty().set(s));
        }
    }

    @Override
    public void release(MouseEvent e) {
        String t = target;
        ConnectionRules.Verdict v = verdict;
        cancel();
        if (t == null || v == null) {
            canvas.model().statusProperty().set("Connection cancelled: release over a parent's downstream port.");
        } else if (!v.allowed()) {
            canvas.model().statusProperty().set("Connection refused: " + v.reason());
        } else {
            canvas.model().execute(Commands.connect(childId, t));
        }
    }

    @Override
    public void cancel() {
        canvas.contentOverlay().getChildren().remove(rubber);
        mark(target, DeviceNode.ConnectState.NONE);
        target = null;
        verdict = null;
    }
}
