package io.nestedge.app.ui;

import io.nestedge.app.editor.Template;
import io.nestedge.app.ui.canvas.PaletteTransfer;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The palette: device templates (drag into a lane) and module templates (drag onto an IoT Edge
 * device). Items start a real drag-and-drop carrying a {@link PaletteTransfer} payload.
 */
public final class PalettePane extends VBox {
    /** Builds the palette. */
    public PalettePane() {
        getStyleClass().addAll("side-panel", "palette");
        HBox header = new HBox(new Label("Palette"));
        header.getStyleClass().add("panel-header");
        header.getChildren().get(0).getStyleClass().add("panel-title");
        VBox items = new VBox(6);
        items.setStyle("-fx-padding: 0 10 10 10;");
        items.getChildren().add(section("DEVICES"));
        for (Template t : Template.values()) {
            if (t == Template.API_PROXY) {
                items.getChildren().add(section("MODULES"));
            }
            items.getChildren().add(item(t));
        }
        Label tip = new Label("Drag devices into a layer lane, modules onto an IoT Edge device. "
                + "Connect a child by dragging its top port onto a parent's bottom port.");
        tip.setWrapText(true);
        tip.getStyleClass().add("palette-tip");
        items.getChildren().add(tip);
        ScrollPane scroll = new ScrollPane(items);
        scroll.setFitToWidth(true);
        javafx.scene.layout.VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(header, scroll);
        setMinWidth(180);
        setPrefWidth(230);
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("palette-section");
        return l;
    }

    private static HBox item(Template t) {
        Label name = new Label(t.label());
        name.getStyleClass().add("palette-label");
        Label hint = new Label(t.hint());
        hint.getStyleClass().add("palette-hint");
        hint.setWrapText(true);
        VBox text = new VBox(1, name, hint);
        HBox box = new HBox(Icons.template(t), text);
        box.getStyleClass().add("palette-item");
        box.setId("palette-" + t.name());
        Tooltip.install(box, new Tooltip(t.hint()));
        box.setOnDragDetected(e -> {
            Dragboard db = box.startDragAndDrop(TransferMode.COPY);
            db.setContent(PaletteTransfer.content(t));
            SnapshotParameters sp = new SnapshotParameters();
            sp.setFill(Color.TRANSPARENT);
            db.setDragView(box.snapshot(sp, null), 20, 20);
            e.consume();
        });
        return box;
    }
}
