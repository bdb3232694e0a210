package io.nestedge.app.ui.canvas;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.Rectangle;

/**
 * Press on empty canvas: a click clears the selection; a drag draws a marquee and selects the devices
 * it touches (Ctrl/Cmd adds them to the selection). Selection is not an edit: no command.
 */
final class MarqueeGesture implements CanvasGesture {
    private final DesignerCanvas canvas;
    private final Rectangle rect = new Rectangle();
    private Point2D startLocal;
    private boolean additive;

    MarqueeGesture(DesignerCanvas canvas) {
        this.canvas = canvas;
        rect.getStyleClass().add("marquee");
    }

    @Override
    public void press(MouseEvent e) {
        startLocal = canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
        additive = e.isShortcutDown();
    }

    @Override
    public void drag(MouseEvent e) {
        Point2D now = canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
        if (!canvas.overlay().getChildren().contains(rect)) {
            canvas.overlay().getChildren().add(rect);
        }
        rect.setX(Math.min(startLocal.getX(), now.getX()));
        rect.setY(Math.min(startLocal.getY(), now.getY()));
        rect.setWidth(Math.abs(now.getX() - startLocal.getX()));
        rect.setHeight(Math.abs(now.getY() - startLocal.getY()));
    }

    @Override
    public void release(MouseEvent e) {
        boolean dragged = canvas.overlay().getChildren().remove(rect) && rect.getWidth() + rect.getHeight() > 4;
        if (!dragged) {
            if (!additive) {
                canvas.model().select(List.of());
            }
            return;
        }
        var v = canvas.viewportProperty().get();
        List<String> hits = canvas.geometry().devicesIn(v.toContentX(rect.getX()), v.toContentY(rect.getY()),
                rect.getWidth() / v.zoom(), rect.getHeight() / v.zoom());
        Set<String> sel = new LinkedHashSet<>(additive ? canvas.model().selection() : Set.of());
        sel.addAll(hits);
        canvas.model().select(sel);
        canvas.model().statusProperty().set(sel.size() + " selected");
    }

    @Override
    public void cancel() {
        canvas.overlay().getChildren().remove(rect);
    }
}
