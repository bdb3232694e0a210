package io.nestedge.app.ui.canvas;

import javafx.scene.input.MouseEvent;

/**
 * One canvas gesture, from mouse press to release. A gesture changes only the view while it runs and
 * pushes at most one command to the model on release; {@link #cancel()} restores the view.
 */
interface CanvasGesture {
    /** Mouse pressed. */
    void press(MouseEvent e);

    /** Mouse dragged. */
    void drag(MouseEvent e);

    /** Mouse released: commit. */
    void release(MouseEvent e);

    /** Escape: restore the view, commit nothing. */
    void cancel();
}
