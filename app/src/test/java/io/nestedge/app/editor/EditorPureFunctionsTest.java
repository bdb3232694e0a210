package io.nestedge.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.app.editor.layout.AutoLayout;
import io.nestedge.model.Device;
import io.nestedge.model.ModuleType;
import io.nestedge.model.Plant;
import io.nestedge.model.Position;
import io.nestedge.model.samples.SamplePlants;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EditorPureFunctionsTest {
    private final Plant sample = SamplePlants.sample();

    @Test
    void portsComeFromEdgeHubAndModulesButNotTheRegistry() {
        assertThat(DevicePorts.downstream(sample.deviceOrNull("site-gw"))).extracting(DevicePorts.Port::port)
                .containsExactly(443, 5671, 8883);
        assertThat(DevicePorts.downstream(sample.deviceOrNull("line1-edge"))).extracting(DevicePorts.Port::port)
                .containsExactly(5671, 8883);
        assertThat(DevicePorts.downstream(sample.deviceOrNull("press-sensor-01"))).isEmpty();
        var ports = DevicePorts.downstream(sample.deviceOrNull("ops-gw"));
        assertThat(ports.get(DevicePorts.linkPortIndex(ports, sample.deviceOrNull("line1-edge"))).port()).isEqualTo(443);
        assertThat(ports.get(DevicePorts.linkPortIndex(ports, sample.deviceOrNull("press-sensor-01"))).port()).isEqualTo(8883);
    }

    @Test
    void newDevicesFollowTheLaneTheyAreDroppedIn() {
        Device top = DeviceTemplates.newDevice(sample, Template.EDGE_DEVICE, "L4", new Position(0, 0));
        Device low = DeviceTemplates.newDevice(sample, Template.EDGE_DEVICE, "L2", new Position(0, 0));
        assertThat(top.id()).isEqualTo("edge-1");
        assertThat(top.hostname()).isEqualTo("edge-1.contoso-plant.local");
        assertThat(top.runtime().agentImage()).startsWith("mcr.microsoft.com/");
        assertThat(low.runtime().agentImage()).isEqualTo("$upstream:443/azureiotedge-agent:1.5");
        Device leaf = DeviceTemplates.newDevice(sample, Template.LEAF_DEVICE, "L2", new Position(0, 0));
        assertThat(leaf.isEdge()).isFalse();
        assertThat(leaf.runtime()).isNull();
    }

    @Test
    void addingAnApiProxyTakes443AwayFromEdgeHub() {
        Device d = sample.deviceOrNull("line1-edge");
        d = d.withRuntime(d.runtime().withEdgeHubPorts(java.util.List.of(io.nestedge.model.PortBinding.tcp(443),
                io.nestedge.model.PortBinding.tcp(5671), io.nestedge.model.PortBinding.tcp(8883))));
        Plant p = sample.withDevice(d);
        Plant after = Commands.addModule("line1-edge", DeviceTemplates.newModule(p, d, Template.API_PROXY)).apply(p);
        Device x = after.deviceOrNull("line1-edge");
        assertThat(x.modules(ModuleType.API_PROXY)).hasSize(1);
        assertThat(x.modules(ModuleType.API_PROXY).get(0).image()).isEqualTo("$upstream:443/azureiotedge-api-proxy:1.1");
        assertThat(x.runtime().hubBindsHostPort(443)).isFalse();
        assertThat(x.runtime().hubBindsHostPort(8883)).isTrue();
    }

    @Test
    void searchRanksExactIdThenHostnamePrefix() {
        assertThat(DeviceSearch.find(sample, "ops-gw", 5)).first().isEqualTo("ops-gw");
        assertThat(DeviceSearch.find(sample, "GW", 5)).containsExactly("site-gw", "ops-gw");
        assertThat(DeviceSearch.find(sample, "press-sensor-01.contoso", 5)).containsExactly("press-sensor-01");
        assertThat(DeviceSearch.find(sample, "  ", 5)).isEmpty();
    }

    @Test
    void fieldChecks() {
        assertThat(FieldChecks.hostname("x".repeat(70))).get().asString().contains("70 characters");
        assertThat(FieldChecks.hostname("1abc.local")).isPresent();
        assertThat(FieldChecks.hostname("10.0.0.4")).isEmpty();
        assertThat(FieldChecks.hostname("ops-gw.contoso-plant.local")).isEmpty();
        assertThat(FieldChecks.port("0")).isPresent();
        assertThat(FieldChecks.port("abc")).isPresent();
        assertThat(FieldChecks.deviceId(sample, "ops-gw", "site-gw")).get().asString().contains("already used");
        assertThat(FieldChecks.image("$upstream/azureiotedge-agent:1.5")).isPresent();
    }

    @Test
    void viewportZoomKeepsThePivotFixedAndFitsContent() {
        Viewport v = new Viewport(1, 10, 20).zoomAt(2, 110, 220);
        assertThat(v.toContentX(110)).isEqualTo(100);
        assertThat(v.toContentY(220)).isEqualTo(200);
        assertThat(new Viewport(100, 0, 0).zoom()).isEqualTo(Viewport.MAX_ZOOM);
        Viewport f = Viewport.fit(0, 0, 2000, 1000, 1000, 500, 0);
        assertThat(f.zoom()).isEqualTo(0.5);
        assertThat(f.toScreenX(1000)).isEqualTo(500);
    }

    @Test
    void inspectorEditsAreCommandsAndBlockingChecksStopCommits() {
        var fields = InspectorModel.device(sample, sample.deviceOrNull("ops-gw"));
        InspectorField host = fields.stream().filter(f -> f.name().equals("Hostname")).findFirst().orElseThrow();
        Command c = host.commitText("y".repeat(70)).orElseThrow();
        assertThat(c.description()).isEqualTo("Set hostname of ops-gw");
        assertThat(c.apply(sample).deviceOrNull("ops-gw").hostname()).hasSize(70);
        InspectorField port = fields.stream().filter(f -> f.name().equals("Port")).findFirst().orElseThrow();
        assertThat(port.commitText("99999")).isEmpty();
        InspectorField parent = fields.stream().filter(f -> f.name().equals("Parent")).findFirst().orElseThrow();
        assertThat(parent.check().apply("line1-edge")).get().asString().contains("cycle");
        InspectorField layer = fields.stream().filter(f -> f.name().equals("Layer")).findFirst().orElseThrow();
        Plant moved = layer.commitText("L2 · Area supervisory").orElseThrow().apply(sample);
        assertThat(moved.deviceOrNull("ops-gw").layerId()).isEqualTo("L2");
        LaneGeometry g = LaneGeometry.of(moved);
        assertThat(g.laneAt(g.position("ops-gw").orElseThrow().y() + 1).layer().id()).isEqualTo("L2");
        InspectorField id = fields.stream().filter(f -> f.name().equals("Device ID")).findFirst().orElseThrow();
        Plant renamed = id.commitText("ops-gw-2").orElseThrow().apply(sample);
        assertThat(renamed.deviceOrNull("line1-edge").parentId()).isEqualTo("ops-gw-2");
    }

    @Test
    void autoLayoutKeepsLanesAndPutsChildrenBelowParents() {
        Plant p = SamplePlants.generate(60, 40);
        Map<String, Position> pos = AutoLayout.compute(p, () -> false);
        assertThat(pos).hasSize(p.size());
        Plant laid = Commands.layout(pos).apply(p);
        LaneGeometry g = LaneGeometry.of(laid);
        for (Device d : laid.devices()) {
            Position at = g.position(d.id()).orElseThrow();
            assertThat(at).as("stored position is drawn unchanged").isEqualTo(d.position());
            assertThat(g.laneAt(at.y() + NodeMetrics.HEIGHT / 2).layer().id()).isEqualTo(d.layerId());
            laid.parent(d.id()).ifPresent(parent ->
                    assertThat(parent.position().y()).isLessThan(d.position().y()));
        }
    }

    @Test
    void autoLayoutPutsTreesSideBySideWithoutOverlapsAndOneRowPerDepthInALane() {
        // 3 top-layer trees; edge devices in L2 with leaves in L2 below them, plus a device without a parent
        Plant generated = SamplePlants.generate(600, 300);
        Device orphan = Device.builder("orphan", io.nestedge.model.DeviceKind.LEAF).hostname("orphan.gen.plant.local")
                .layerId("L2").position(new Position(0, 0)).build();
        Plant p = generated.withDevice(orphan);
        Map<String, Position> pos = AutoLayout.compute(p, () -> false);
        java.util.List<Position> all = new java.util.ArrayList<>(pos.values());
        all.sort(java.util.Comparator.comparingDouble(Position::x));
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size() && all.get(j).x() < all.get(i).x() + NodeMetrics.WIDTH; j++) {
                assertThat(Math.abs(all.get(j).y() - all.get(i).y())).as("%s and %s overlap", all.get(i), all.get(j))
                        .isGreaterThanOrEqualTo(NodeMetrics.HEIGHT);
            }
        }
        assertThat(pos.get("top-0").x()).isLessThan(pos.get("top-1").x());
        assertThat(pos.get("top-1").x()).isLessThan(pos.get("top-2").x());
        // one row per depth: the top layer, its children, the edge devices, their leaves
        assertThat(p.devices().stream().filter(d -> d.layerId().equals("L4")).map(d -> pos.get(d.id()).y()).distinct()).hasSize(1);
        assertThat(p.devices().stream().filter(d -> d.layerId().equals("L3")).map(d -> pos.get(d.id()).y()).distinct()).hasSize(1);
        assertThat(p.devices().stream().filter(d -> d.layerId().equals("L2")).map(d -> pos.get(d.id()).y()).distinct()).hasSize(2);
        Plant laid = Commands.layout(pos).apply(p);
        LaneGeometry g = LaneGeometry.of(laid);
        for (Device d : laid.devices()) {
            assertThat(g.position(d.id()).orElseThrow()).as("stored position is drawn unchanged").isEqualTo(d.position());
        }
    }
}
