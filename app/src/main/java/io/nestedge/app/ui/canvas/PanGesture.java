package io.nestedge.app.ui.canvas;

import io.nestedge.app.editor.Viewport;
import javafx.scene.Cursor;
import javafx.scene.input.MouseEvent;

/** Middle-button drag, or Space + drag: pans the view (no command). */
final class PanGesture implements CanvasGesture {
    private final DesignerCanvas canvas;
    private double lastX;
    private double lastY;
    private Viewport before;

    PanGesture(DesignerCanvas canvas) {
        this.canvas = canvas;
    }

    @Override
    public void press(MouseEvent e) {
        lastX = e.getSceneX();
        lastY = e.getSceneY();
        before = canvas.viewportProperty().get();
        canvas.setCursor(Cursor.CLOSED_HAND);
    }

    @Override
    public void drag(MouseEvent e) {
        canvas.viewportProperty().set(canvas.viewportProperty().get().panBy(e.getSceneX() - lastX, e.getSceneY() - lastY));
        lastX = e.getSceneX();
        lastY = e.getSceneY();
    }

    @Override
    public void release(MouseEvent e) {
        canvas.setCursor(Cursor.DEFAULT);
    }

    @Override
    public void cancel() {
        canvas.viewportProperty().set(before);
        canvas.setCursor(Cursor.DEFAULT);
    }
}
