package io.nestedge.app.ui.canvas;

import io.nestedge.app.editor.LaneGeometry;
import io.nestedge.app.editor.Viewport;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The ISA-95 lanes, drawn in screen space so they span the whole width at any zoom, with their
 * labels pinned to the left edge. A lane can be highlighted as a drop target.
 */
final class LaneBackground extends Pane {
    private LaneGeometry geometry;
    private final List<Region> bands = new ArrayList<>();
    private final List<VBox> labels = new ArrayList<>();
    private int highlighted = -1;

    LaneBackground() {
        getStyleClass().add("lanes");
        setMouseTransparent(true);
    }

    void setGeometry(LaneGeometry g) {
        boolean rebuild = geometry == null || geometry.lanes().size() != g.lanes().size()
                || !geometry.lanes().stream().map(LaneGeometry.Lane::layer).toList()
                        .equals(g.lanes().stream().map(LaneGeometry.Lane::layer).toList());
        geometry = g;
        if (rebuild) {
            getChildren().clear();
            bands.clear();
            labels.clear();
            for (LaneGeometry.Lane l : g.lanes()) {
                Region band = new Region();
                band.getStyleClass().addAll("lane", l.index() % 2 == 0 ? "lane-even" : "lane-odd");
                Label id = new Label(l.layer().id());
                id.getStyleClass().add("lane-id");
                Label name = new Label(l.layer().name());
                name.getStyleClass().add("lane-name");
                Label level = new Label("ISA-95 level " + l.layer().isaLevel());
                level.getStyleClass().add("lane-level");
                band.setManaged(false);
                VBox box = new VBox(0, id, name, level);
                box.setManaged(false);
                box.getStyleClass().add("lane-label");
                bands.add(band);
                labels.add(box);
                getChildren().add(band);
            }
            getChildren().addAll(labels);
        }
    }

    void render(Viewport v, double width, double height) {
        if (geometry == null) {
            return;
        }
        for (int i = 0; i < bands.size(); i++) {
            LaneGeometry.Lane l = geometry.lanes().get(i);
            double top = v.toScreenY(l.top());
            double bottom = v.toScreenY(l.bottom());
            bands.get(i).resizeRelocate(0, top, Math.max(0, width), Math.max(0, bottom - top));
            VBox label = labels.get(i);
            label.autosize();
            label.relocate(12, Math.min(Math.max(top + 8, 8), bottom - label.getHeight() - 8));
            label.setVisible(bottom - top > 40);
        }
    }

    void highlight(int laneIndex) {
        if (laneIndex == highlighted) {
            return;
        }
        if (highlighted >= 0 && highlighted < bands.size()) {
            bands.get(highlighted).getStyleClass().remove("lane-drop-target");
        }
        highlighted = laneIndex;
        if (laneIndex >= 0 && laneIndex < bands.size()) {
            bands.get(laneIndex).getStyleClass().add("lane-drop-target");
        }
    }
}
