package io.nestedge.app.ui.canvas;

import io.nestedge.app.editor.Commands;
import io.nestedge.app.editor.DesignerModel;
import io.nestedge.app.editor.LaneGeometry;
import io.nestedge.app.editor.NodeMetrics;
import io.nestedge.model.Device;
import io.nestedge.model.Position;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseEvent;

/**
 * Click-select and move. Press selects (Ctrl/Cmd-click toggles); dragging moves the selected nodes in
 * the view only (their translate, through {@link DesignerCanvas#previewMove}: no relocation or
 * relayout of the other nodes per mouse event); release pushes one move command ("Move 3 devices"). A device whose centre ends in
 * another lane moves to that layer. Positions snap to an 8-pixel grid.
 */
final class MoveGesture implements CanvasGesture {
    /** Grid the moved positions snap to, pixels. */
    static final double GRID = 8;
    private static final double THRESHOLD = 3;
    private final DesignerCanvas canvas;
    private final String pressedId;
    private final Map<String, Position> start = new HashMap<>();
    private Point2D origin;
    private Point2D delta = Point2D.ZERO;
    private boolean moving;
    private boolean deferSelectOnly;

    MoveGesture(DesignerCanvas canvas, String pressedId) {
        this.canvas = canvas;
        this.pressedId = pressedId;
    }

    @Override
    public void press(MouseEvent e) {
        DesignerModel m = canvas.model();
        if (e.isShortcutDown()) {
            m.toggle(pressedId);
        } else if (!m.selection().contains(pressedId)) {
            m.select(List.of(pressedId));
        } else {
            deferSelectOnly = m.selection().size() > 1;
        }
        origin = canvas.toContent(e.getSceneX(), e.getSceneY());
        LaneGeometry g = canvas.geometry();
        for (String id : m.selection()) {
            g.position(id).ifPresent(p -> start.put(id, p));
        }
    }

    @Override
    public void drag(MouseEvent e) {
        if (start.isEmpty() || !start.containsKey(pressedId)) {
            return;
        }
        Point2D now = canvas.toContent(e.getSceneX(), e.getSceneY());
        delta = now.subtract(origin);
        if (!moving && delta.magnitude() * canvas.viewportProperty().get().zoom() < THRESHOLD) {
            return;
        }
        moving = true;
        canvas.previewMove(start.keySet(), delta.getX(), delta.getY());
        Position lead = start.get(pressedId);
        canvas.lanes().highlight(canvas.geometry().laneAt(lead.y() + delta.getY() + NodeMetrics.HEIGHT / 2).index());
    }

    @Override
    public void release(MouseEvent e) {
        canvas.lanes().highlight(-1);
        if (!moving) {
            if (deferSelectOnly && !e.isShortcutDown()) {
                canvas.model().select(List.of(pressedId));
            }
            return;
        }
        LaneGeometry g = canvas.geometry();
        Map<String, Position> moves = new HashMap<>();
        Map<String, String> layers = new HashMap<>();
        Set<String> ids = new LinkedHashSet<>(start.keySet());
        for (String id : ids) {
            Device d = canvas.model().plant().deviceOrNull(id);
            if (d == null) {
                continue;
            }
            Position p = start.get(id);
            double x = snap(p.x() + delta.getX());
            double y = p.y() + delta.getY();
            LaneGeometry.Lane lane = g.laneAt(y + NodeMetrics.HEIGHT / 2);
            y = snap(LaneGeometry.clampInto(lane, y));
            if (y < lane.top() + NodeMetrics.LANE_PADDING) {
                y += GRID;
            }
            moves.put(id, new Position(x, y));
            if (!lane.layer().id().equals(d.layerId())) {
                layers.put(id, lane.layer().id());
            }
        }
        if (!canvas.model().execute(Commands.move(moves, layers))) {
            cancel();
        }
    }

    private static double snap(double v) {
        return Math.round(v / GRID) * GRID;
    }

    @Override
    public void cancel() {
        canvas.lanes().highlight(-1);
        delta = Point2D.ZERO;
        canvas.clearMovePreview();
    }
}
