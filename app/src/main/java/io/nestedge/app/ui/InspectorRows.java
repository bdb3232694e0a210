package io.nestedge.app.ui;

import io.nestedge.app.editor.InspectorField;
import java.util.Objects;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/**
 * How one inspector row uses the width of the side panel. The property sheet puts each row's name
 * label and editor in a grid inside a scroll pane that fits its content to the panel's width only
 * while the content's minimum width fits: a name label that insists on its full width (e.g.
 * {@code env DOCKER_REQUEST_ROUTE_ADDRESS}) made every section wider than the panel at 1280×1024, so
 * the fields were cut off and a horizontal scroll bar appeared. Here a name takes its full width up to
 * {@link #NAME_SHARE} of the row (longer names end in an ellipsis; the tooltip holds the name and
 * description), the editor takes the rest, and a text field's tooltip shows its whole value.
 */
final class InspectorRows {
    /** Largest share of a row's width a property name may take. */
    static final double NAME_SHARE = 0.45;
    /** Narrowest an editor gets. */
    static final double EDITOR_MIN_WIDTH = 80;

    private InspectorRows() {
    }

    /**
     * Once the editor is placed in the sheet's grid, lets the name label on its row take its full
     * width up to {@link #NAME_SHARE} of the grid (ellipsis beyond), gives it the name and description
     * as a tooltip, and lets the editor fill the rest.
     *
     * @param editor the row's editor node
     * @param f the row
     */
    static void fit(Node editor, InspectorField f) {
        editor.parentProperty().addListener((o, a, parent) -> {
            if (parent instanceof GridPane grid) {
                Integer row = GridPane.getRowIndex(editor);
                for (Node n : grid.getChildren()) {
                    if (n instanceof Label l && Objects.equals(GridPane.getRowIndex(n), row)) {
                        l.setMinWidth(Region.USE_COMPUTED_SIZE); // an ellipsis, not the whole name
                        l.maxWidthProperty().bind(grid.widthProperty().multiply(NAME_SHARE));
                        l.setTooltip(new Tooltip(f.name() + ": " + f.description()));
                        l.getStyleClass().add("inspector-name");
                    }
                }
                if (editor instanceof Region r) {
                    r.setMinWidth(EDITOR_MIN_WIDTH);
                    r.setPrefWidth(EDITOR_MIN_WIDTH); // the grid gives the editor column what is left
                }
            }
        });
    }

    /**
     * Shows a problem as the field's tooltip, or else its whole value (a value wider than the field
     * scrolls inside it; the tooltip shows all of it at once).
     *
     * @param tf the text field
     * @param problem the problem with its text, if any
     */
    static void tooltip(TextField tf, Optional<String> problem) {
        String text = problem.orElse(tf.getText());
        if (text == null || text.isEmpty()) {
            tf.setTooltip(null);
        } else if (tf.getTooltip() == null) {
            tf.setTooltip(new Tooltip(text));
        } else {
            tf.getTooltip().setText(text);
        }
    }
}
