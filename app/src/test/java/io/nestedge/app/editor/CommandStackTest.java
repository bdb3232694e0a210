package io.nestedge.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.model.Plant;
import io.nestedge.model.Position;
import io.nestedge.model.samples.SamplePlants;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandStackTest {
    private final Plant sample = SamplePlants.sample();

    @Test
    void undoAndRedoRestoreExactPlantsWithDescriptions() {
        CommandStack s = new CommandStack(sample);
        Command move = Commands.move(Map.of("site-gw", new Position(10, 200), "ops-gw", new Position(300, 400),
                "line1-edge", new Position(5, 600)), Map.of());
        assertThat(s.execute(move)).isTrue();
        assertThat(s.undoDescription()).contains("Move 3 devices");
        assertThat(s.current().deviceOrNull("ops-gw").position()).isEqualTo(new Position(300, 400));
        s.undo();
        assertThat(s.current()).isSameAs(sample);
        assertThat(s.redoDescription()).contains("Move 3 devices");
        s.redo();
        assertThat(s.current().deviceOrNull("site-gw").position()).isEqualTo(new Position(10, 200));
    }

    @Test
    void savedMarkerFollowsHistoryPosition() {
        CommandStack s = new CommandStack(sample);
        assertThat(s.isDirty()).isFalse();
        s.execute(Commands.editDevice("ops-gw", "hostname", d -> d.withHostname("a.example")));
        assertThat(s.isDirty()).isTrue();
        s.markSaved();
        assertThat(s.isDirty()).isFalse();
        s.execute(Commands.editDevice("ops-gw", "hostname", d -> d.withHostname("b.example")));
        assertThat(s.isDirty()).isTrue();
        s.undo();
        assertThat(s.isDirty()).isFalse();
        s.undo();
        assertThat(s.isDirty()).isTrue();
        // a new edit after undoing past the save drops the saved state from the history for good
        s.execute(Commands.editDevice("ops-gw", "hostname", d -> d.withHostname("c.example")));
        s.undo();
        assertThat(s.isDirty()).as("back at the opened plant, which is not what was saved").isTrue();
    }

    @Test
    void noOpCommandsAreNotRecorded() {
        CommandStack s = new CommandStack(sample);
        assertThat(s.execute(Command.of("Nothing", p -> p))).isFalse();
        assertThat(s.execute(Commands.editDevice("ops-gw", "hostname", d -> d.withHostname(d.hostname())))).isFalse();
        assertThat(s.canUndo()).isFalse();
    }

    @Test
    void compositeIsOneUndoStep() {
        CommandStack s = new CommandStack(sample);
        s.execute(new CompositeCommand("Disconnect and move", List.of(Commands.disconnect("line1-edge"),
                Commands.move(Map.of("line1-edge", new Position(1, 2)), Map.of()))));
        assertThat(s.current().deviceOrNull("line1-edge").hasParent()).isFalse();
        s.undo();
        assertThat(s.current()).isEqualTo(sample);
        assertThat(s.canUndo()).isFalse();
    }

    @Test
    void limitDropsOldestSteps() {
        CommandStack s = new CommandStack(sample, 3);
        for (int i = 0; i < 5; i++) {
            int n = i;
            s.execute(Commands.editDevice("ops-gw", "hostname", d -> d.withHostname("h" + n + ".example")));
        }
        assertThat(s.undoDepth()).isEqualTo(3);
        s.undo();
        s.undo();
        s.undo();
        assertThat(s.current().deviceOrNull("ops-gw").hostname()).isEqualTo("h1.example");
        assertThat(s.isDirty()).isTrue();
    }
}
