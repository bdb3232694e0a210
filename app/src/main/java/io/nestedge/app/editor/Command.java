package io.nestedge.app.editor;

import io.nestedge.model.Plant;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One undoable edit of the plant: a pure function {@code Plant -> Plant} with a description shown in
 * the Edit menu ("Undo Move 3 devices"). Because the plant is immutable, undo restores the plant the
 * command was applied to; commands never need an inverse.
 */
public interface Command {
    /** Human-readable description, e.g. {@code Move 3 devices}. */
    String description();

    /**
     * Applies the edit.
     *
     * @param plant the current plant
     * @return the edited plant (the same instance, or an equal plant, when the edit changes nothing)
     */
    Plant apply(Plant plant);

    /**
     * A command from a description and a function.
     *
     * @param description menu text
     * @param edit the edit
     * @return the command
     */
    static Command of(String description, UnaryOperator<Plant> edit) {
        Objects.requireNonNull(edit, "edit");
        String d = Objects.requireNonNull(description, "description");
        return new Command() {
            @Override
            public String description() {
                return d;
            }

            @Override
            public Plant apply(Plant plant) {
                return edit.apply(plant);
            }

            @Override
            public String toString() {
                return "Command[" + d + "]";
            }
        };
    }
}
