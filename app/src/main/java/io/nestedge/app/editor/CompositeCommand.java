package io.nestedge.app.editor;

import io.nestedge.model.Plant;
import java.util.List;

/**
 * Several commands applied in order as one undo step (e.g. paste = add devices + connect them).
 *
 * @param description menu text of the whole step
 * @param parts the commands, applied first to last
 */
public record CompositeCommand(String description, List<Command> parts) implements Command {
    /** Copies the parts. */
    public CompositeCommand {
        parts = List.copyOf(parts);
    }

    @Override
    public Plant apply(Plant plant) {
        Plant p = plant;
        for (Command c : parts) {
            p = c.apply(p);
        }
        return p;
    }
}
