package io.nestedge.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.samples.SamplePlants;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyPasteTest {
    @Test
    void pastedCopiesGetFreshIdsHostnamesAndKeepInternalLinks() {
        Plant p = SamplePlants.sample();
        String clip = CopyPaste.copy(p, List.of("line1-edge", "press-sensor-01"));
        List<Device> devices = CopyPaste.parse(clip);
        assertThat(devices).hasSize(2);
        Plant after = CopyPaste.paste(devices).apply(p);
        assertThat(after.size()).isEqualTo(6);
        Device edge = after.deviceOrNull("line1-edge-copy");
        Device leaf = after.deviceOrNull("press-sensor-01-copy");
        assertThat(edge.parentId()).as("parent outside the copied set is kept").isEqualTo("ops-gw");
        assertThat(leaf.parentId()).as("link inside the copied set follows the copy").isEqualTo("line1-edge-copy");
        assertThat(edge.hostname()).isEqualTo("line1-edge-copy.contoso-plant.local");
        assertThat(edge.ssh().address()).isEqualTo(edge.hostname());
        assertThat(edge.position().x()).isEqualTo(p.deviceOrNull("line1-edge").position().x() + CopyPaste.OFFSET);
        Plant twice = CopyPaste.paste(devices).apply(after);
        assertThat(twice.deviceOrNull("line1-edge-copy2")).isNotNull();
        assertThat(twice.deviceOrNull("line1-edge-copy2").hostname()).isEqualTo("line1-edge-copy2.contoso-plant.local");
    }

    @Test
    void garbageOnTheClipboardPastesNothing() {
        assertThat(CopyPaste.parse("hello")).isEmpty();
        assertThat(CopyPaste.copy(SamplePlants.sample(), List.of("nope"))).isEmpty();
    }
}
