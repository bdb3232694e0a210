package io.nestedge.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.model.Device;
import io.nestedge.model.EdgeModule;
import io.nestedge.model.ModuleType;
import io.nestedge.model.Plant;
import io.nestedge.model.Position;
import io.nestedge.model.RegistrySettings;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Validator;
import io.nestedge.model.rules.modules.RouteAddressRule;
import io.nestedge.model.samples.SamplePlants;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Connecting, disconnecting and deleting a parent rewrite a device's images for its new place in one
 * undo step; registry and API proxy dropped in either order on the top layer are tied together.
 */
class HierarchyImageFixTest {
    private final Plant sample = SamplePlants.sample();

    private static List<String> rules(Plant p, String deviceId) {
        return Validator.validate(p).stream().filter(f -> f.deviceId().equals(deviceId)).map(Finding::ruleId).toList();
    }

    /** A new IoT Edge device dropped in L2 while the plant's only root is in L4 (so it gets top-layer images). */
    private Plant withTopStyleDeviceInL2() {
        Device d = DeviceTemplates.newDevice(sample, Template.EDGE_DEVICE, "L4", new Position(40, 40)).toBuilder().layerId("L2").build();
        Plant p = sample.withDevice(d);
        return Commands.addModule(d.id(), DeviceTemplates.newModule(p, d, Template.API_PROXY)).apply(p);
    }

    @Test
    void apiProxyDroppedBeforeConnectingIsPulledThroughTheParentAfterConnecting() {
        Plant p = withTopStyleDeviceInL2();
        assertThat(p.deviceOrNull("edge-1").modules(ModuleType.API_PROXY).get(0).image()).startsWith("mcr.microsoft.com/");
        CommandStack stack = new CommandStack(p);
        stack.execute(Commands.connect("edge-1", "ops-gw"));
        Device d = stack.current().deviceOrNull("edge-1");
        assertThat(d.runtime().agentImage()).isEqualTo("$upstream:443/azureiotedge-agent:1.5");
        assertThat(d.runtime().hubImage()).isEqualTo("$upstream:443/azureiotedge-hub:1.5");
        assertThat(d.modules(ModuleType.API_PROXY).get(0).image()).isEqualTo("$upstream:443/azureiotedge-api-proxy:1.1");
        assertThat(rules(stack.current(), "edge-1")).doesNotContain("NE-IMAGE-VIA-PARENT");
        // one undo step restores parent and images together
        stack.undo();
        assertThat(stack.current()).isEqualTo(p);
    }

    @Test
    void disconnectingRewritesUpstreamImagesToThePlantRegistryButKeepsCustomRegistries() {
        Plant p = sample.updateDevice("line1-edge", d -> d.withModules(List.of(d.modules().get(0),
                new EdgeModule("Mine", ModuleType.CUSTOM, "contoso.azurecr.io/x:1", Map.of(), "", List.of(), "running", "always"))))
                .withRegistry(new RegistrySettings("registry.contoso.example", ""));
        Plant after = Commands.disconnect("line1-edge").apply(p);
        Device d = after.deviceOrNull("line1-edge");
        assertThat(d.hasParent()).isFalse();
        assertThat(d.runtime().agentImage()).isEqualTo("registry.contoso.example/azureiotedge-agent:1.5");
        assertThat(d.module("SimulatedTemperatureSensor").orElseThrow().image())
                .isEqualTo("registry.contoso.example/azureiotedge-simulated-temperature-sensor:1.5");
        assertThat(d.module("Mine").orElseThrow().image()).isEqualTo("contoso.azurecr.io/x:1");
        // back on a lower layer: the plant registry's images and the public registry go through $upstream,
        // another private registry is left for the user (the validator reports it)
        Plant back = Commands.connect("line1-edge", "ops-gw").apply(after.updateDevice("line1-edge",
                x -> ModuleEdits.update(x, "Mine", m -> m.withImage("mcr.microsoft.com/custom:2"))));
        Device b = back.deviceOrNull("line1-edge");
        assertThat(b.runtime().agentImage()).isEqualTo("$upstream:443/azureiotedge-agent:1.5");
        assertThat(b.module("Mine").orElseThrow().image()).isEqualTo("$upstream:443/custom:2");
        assertThat(ImageRebase.rebase(back, "contoso.azurecr.io/x:1", true)).isEqualTo("contoso.azurecr.io/x:1");
    }

    @Test
    void rebaseKeepsDigestsAndRewritesPullsThroughAParentHostname() {
        assertThat(ImageRebase.rebase(sample, "mcr.microsoft.com/azureiotedge-hub:1.5@sha256:abc", true))
                .isEqualTo("$upstream:443/azureiotedge-hub:1.5@sha256:abc");
        String viaParent = sample.deviceOrNull("ops-gw").hostname() + ":443/azureiotedge-agent:1.5";
        assertThat(ImageRebase.rebase(sample, viaParent, false)).isEqualTo("mcr.microsoft.com/azureiotedge-agent:1.5");
        assertThat(ImageRebase.rebase(sample, "registry:2", true)).isEqualTo("registry:2");
        assertThat(ImageRebase.rebase(sample, "", true)).isEmpty();
    }

    @Test
    void deletingAParentDisconnectsAndRebasesItsChildren() {
        Plant after = Commands.delete(List.of("ops-gw")).apply(sample);
        Device d = after.deviceOrNull("line1-edge");
        assertThat(d.hasParent()).isFalse();
        assertThat(d.runtime().agentImage()).isEqualTo("mcr.microsoft.com/azureiotedge-agent:1.5");
    }

    @Test
    void inspectorParentChoiceRebasesToo() {
        Plant p = withTopStyleDeviceInL2();
        InspectorField parent = InspectorModel.device(p, p.deviceOrNull("edge-1")).stream()
                .filter(f -> f.name().equals("Parent")).findFirst().orElseThrow();
        Plant after = parent.commitText("ops-gw").orElseThrow().apply(p);
        assertThat(after.deviceOrNull("edge-1").runtime().agentImage()).startsWith("$upstream:443/");
    }

    private Plant topDeviceWithoutModules() {
        Device d = DeviceTemplates.newDevice(sample, Template.EDGE_DEVICE, "L4", new Position(600, 40));
        return sample.withDevice(d);
    }

    @Test
    void registryDroppedAfterTheApiProxySetsTheRouteAddress() {
        Plant p = topDeviceWithoutModules();
        p = Commands.addModule("edge-1", DeviceTemplates.newModule(p, p.deviceOrNull("edge-1"), Template.API_PROXY)).apply(p);
        assertThat(p.deviceOrNull("edge-1").modules(ModuleType.API_PROXY).get(0).env()).doesNotContainKey(RouteAddressRule.ENV);
        p = Commands.addModule("edge-1", DeviceTemplates.newModule(p, p.deviceOrNull("edge-1"), Template.REGISTRY)).apply(p);
        assertThat(p.deviceOrNull("edge-1").modules(ModuleType.API_PROXY).get(0).env())
                .containsEntry(RouteAddressRule.ENV, "registry:5000");
        Plant withChild = Commands.connect("ops-gw", "edge-1").apply(p);
        assertThat(rules(withChild, "edge-1")).doesNotContain("NE-PROXY-ROUTE-ADDRESS");
    }

    @Test
    void apiProxyDroppedAfterTheRegistrySetsTheRouteAddress() {
        Plant p = topDeviceWithoutModules();
        p = Commands.addModule("edge-1", DeviceTemplates.newModule(p, p.deviceOrNull("edge-1"), Template.REGISTRY)).apply(p);
        p = Commands.addModule("edge-1", DeviceTemplates.newModule(p, p.deviceOrNull("edge-1"), Template.API_PROXY)).apply(p);
        assertThat(p.deviceOrNull("edge-1").modules(ModuleType.API_PROXY).get(0).env())
                .containsEntry(RouteAddressRule.ENV, "registry:5000");
    }

    @Test
    void lowerLayerProxyGetsNoRouteAddress() {
        Device d = sample.deviceOrNull("line1-edge");
        EdgeModule reg = DeviceTemplates.newModule(sample, d, Template.REGISTRY);
        Plant p = Commands.addModule("line1-edge", reg).apply(sample);
        p = Commands.addModule("line1-edge", DeviceTemplates.newModule(p, p.deviceOrNull("line1-edge"), Template.API_PROXY)).apply(p);
        assertThat(p.deviceOrNull("line1-edge").modules(ModuleType.API_PROXY).get(0).env()).doesNotContainKey(RouteAddressRule.ENV);
    }
}
