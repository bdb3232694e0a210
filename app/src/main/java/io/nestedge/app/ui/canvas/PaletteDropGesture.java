package io.nestedge.app.ui.canvas;

import io.nestedge.app.editor.Commands;
import io.nestedge.app.editor.DeviceTemplates;
import io.nestedge.app.editor.LaneGeometry;
import io.nestedge.app.editor.NodeMetrics;
import io.nestedge.app.editor.Template;
import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.Position;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Point2D;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/**
 * Real drag-and-drop from the palette. A device template is accepted anywhere: the lane under the
 * pointer is highlighted and becomes the new device's layer. A module template is accepted only over
 * an IoT Edge device (it is added to that device); elsewhere the reason is shown. One command per drop.
 */
final class PaletteDropGesture {
    private final DesignerCanvas canvas;

    PaletteDropGesture(DesignerCanvas canvas) {
        this.canvas = canvas;
    }

    void install() {
        canvas.addEventHandler(DragEvent.DRAG_OVER, this::over);
        canvas.addEventHandler(DragEvent.DRAG_EXITED, e -> clear());
        canvas.addEventHandler(DragEvent.DRAG_DROPPED, this::dropped);
    }

    private void over(DragEvent e) {
        Optional<Template> t = PaletteTransfer.read(e.getDragboard());
        if (t.isEmpty()) {
            return;
        }
        Point2D p = canvas.toContent(e.getSceneX(), e.getSceneY());
        if (t.get().isDevice()) {
            canvas.lanes().highlight(canvas.geometry().laneAt(p.getY()).index());
            e.acceptTransferModes(TransferMode.COPY);
        } else {
            canvas.lanes().highlight(-1);
            Optional<Device> target = target(p);
            if (target.isPresent()) {
                e.acceptTransferModes(TransferMode.COPY);
                canvas.model().statusProperty().set("Drop to add " + t.get().label() + " to " + target.get().id());
            } else {
                canvas.model().statusProperty().set("Drop " + t.get().label() + " onto an IoT Edge device.");
            }
        }
        e.consume();
    }

    private Optional<Device> target(Point2D p) {
        Plant plant = canvas.model().plant();
        return canvas.deviceAt(p.getX(), p.getY(), 0).map(plant::deviceOrNull).filter(Device::isEdge);
    }

    private void dropped(DragEvent e) {
        Optional<Template> t = PaletteTransfer.read(e.getDragboard());
        clear();
        if (t.isEmpty()) {
            return;
        }
        Plant plant = canvas.model().plant();
        Point2D p = canvas.toContent(e.getSceneX(), e.getSceneY());
        boolean done = false;
        if (t.get().isDevice()) {
            LaneGeometry.Lane lane = canvas.geometry().laneAt(p.getY());
            double x = Math.round((p.getX() - NodeMetrics.WIDTH / 2) / MoveGesture.GRID) * MoveGesture.GRID;
            double y = LaneGeometry.clampInto(lane, Math.round((p.getY() - NodeMetrics.HEIGHT / 2) / MoveGesture.GRID) * MoveGesture.GRID);
            Device d = DeviceTemplates.newDevice(plant, t.get(), lane.layer().id(), new Position(x, y));
            done = canvas.model().execute(Commands.addDevice(d));
            if (done) {
                canvas.model().select(List.of(d.id()));
            }
        } else {
            Optional<Device> target = target(p);
            if (target.isPresent()) {
                done = canvas.model().execute(Commands.addModule(target.get().id(),
                        DeviceTemplates.newModule(plant, target.get(), t.get())));
                canvas.model().select(List.of(target.get().id()));
            }
        }
        e.setDropCompleted(done);
        e.consume();
    }

    private void clear() {
        canvas.lanes().highlight(-1);
    }
}
