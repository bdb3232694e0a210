package io.nestedge.app.ui.canvas;

import javafx.geometry.Point2D;
import javafx.scene.input.ScrollEvent;

/**
 * Mouse wheel: zooms around the pointer; Shift + wheel pans horizontally, Ctrl/Cmd-less trackpad
 * horizontal scroll pans too (no command).
 */
final class ZoomGesture {
    private final DesignerCanvas canvas;

    ZoomGesture(DesignerCanvas canvas) {
        this.canvas = canvas;
    }

    void scroll(ScrollEvent e) {
        if (e.isShiftDown() || e.getDeltaX() != 0 && e.getDeltaY() == 0) {
            double d = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
            canvas.viewportProperty().set(canvas.viewportProperty().get().panBy(d, 0));
        } else if (e.getDeltaY() != 0) {
            Point2D p = canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
            double factor = Math.pow(1.0018, e.getDeltaY());
            canvas.viewportProperty().set(canvas.viewportProperty().get().zoomAt(factor, p.getX(), p.getY()));
        }
        e.consume();
    }
}
