package io.nestedge.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.model.Plant;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import io.nestedge.model.samples.SamplePlants;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DesignerModelTest {
    /** A stand-in rule so the test sees findings whatever the real validator reports. */
    private static List<Finding> longHostnames(Plant p) {
        List<Finding> out = new ArrayList<>();
        p.devices().stream().filter(d -> d.hostname().length() > 64).forEach(d -> out.add(new Finding("NE-HOST-LENGTH",
                Severity.ERROR, d.id(), "hostname", "too long", "shorten")));
        return out;
    }

    @Test
    void findingsFollowEveryEditUndoAndRedo() {
        DesignerModel m = new DesignerModel(SamplePlants.sample(), DesignerModelTest::longHostnames);
        assertThat(m.findings().size()).isZero();
        m.execute(Commands.editDevice("ops-gw", "hostname", d -> d.withHostname("x".repeat(70))));
        assertThat(m.findings().worst("ops-gw")).contains(Severity.ERROR);
        assertThat(m.statusProperty().get()).isEqualTo("Set hostname of ops-gw");
        m.undo();
        assertThat(m.findings().size()).isZero();
        m.redo();
        assertThat(m.findings().count(Severity.ERROR)).isEqualTo(1);
    }

    /** Renaming in the inspector kept nothing selected: the inspector jumped to the plant settings. */
    @Test
    void aRenamedDeviceStaysSelectedThroughUndoAndRedoButADeletedOneDoesNot() {
        DesignerModel m = new DesignerModel(SamplePlants.sample(), p -> List.of());
        m.select(List.of("ops-gw"));
        m.execute(Commands.rename("ops-gw", "ops-gw-2"));
        assertThat(m.selection()).containsExactly("ops-gw-2");
        assertThat(m.singleSelection()).map(d -> d.id()).contains("ops-gw-2");
        m.undo();
        assertThat(m.selection()).containsExactly("ops-gw");
        m.redo();
        assertThat(m.selection()).containsExactly("ops-gw-2");
        m.select(List.of("site-gw", "ops-gw-2"));
        m.execute(Commands.delete(List.of("ops-gw-2")));
        assertThat(m.selection()).containsExactly("site-gw");
        m.select(List.of("press-sensor-01"));
        m.execute(Commands.delete(List.of("press-sensor-01")));
        assertThat(m.selection()).isEmpty();
    }

    @Test
    void titleShowsNameFileAndUnsavedMarker() {
        DesignerModel m = new DesignerModel(SamplePlants.sample(), p -> List.of());
        m.open(SamplePlants.sample(), Path.of("/tmp/plant.json"), true);
        assertThat(m.titleProperty().get()).isEqualTo("Contoso bottling plant (plant.json) — NestEdge Studio");
        m.execute(Commands.disconnect("press-sensor-01"));
        assertThat(m.titleProperty().get()).startsWith("* Contoso bottling plant");
        assertThat(m.undoTextProperty().get()).isEqualTo("Undo Disconnect press-sensor-01 from its parent");
        m.markSaved(Path.of("/tmp/other.json"));
        assertThat(m.titleProperty().get()).isEqualTo("Contoso bottling plant (other.json) — NestEdge Studio");
        assertThat(m.isDirty()).isFalse();
    }

    @Test
    void selectionDropsDeletedDevicesAndToggles() {
        DesignerModel m = new DesignerModel(SamplePlants.sample(), p -> List.of());
        m.select(List.of("ops-gw", "line1-edge", "nope"));
        assertThat(m.selection()).containsExactlyInAnyOrder("ops-gw", "line1-edge");
        m.toggle("ops-gw");
        assertThat(m.selection()).containsExactly("line1-edge");
        m.execute(Commands.delete(Set.of("line1-edge")));
        assertThat(m.selection()).isEmpty();
        assertThat(m.plant().deviceOrNull("press-sensor-01").hasParent()).as("children are disconnected").isFalse();
        m.undo();
        assertThat(m.plant().deviceOrNull("press-sensor-01").parentId()).isEqualTo("line1-edge");
    }

    @Test
    void recoveredPlantIsDirty() {
        DesignerModel m = new DesignerModel();
        m.open(SamplePlants.sample(), null, false);
        assertThat(m.isDirty()).isTrue();
        assertThat(m.titleProperty().get()).startsWith("* ").contains("(not saved)");
    }
}
