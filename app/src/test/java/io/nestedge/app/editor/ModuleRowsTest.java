package io.nestedge.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.model.Device;
import io.nestedge.model.Plant;
import io.nestedge.model.samples.SamplePlants;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Module rows of the inspector: edit image and env, add and remove variables, remove the module; all undoable. */
class ModuleRowsTest {
    private final Plant sample = SamplePlants.sample();

    private static InspectorField row(Plant p, String device, String category, String name) {
        return InspectorModel.device(p, p.deviceOrNull(device)).stream()
                .filter(f -> f.category().equals(category) && f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyModuleHasItsOwnSectionWithImageEnvAddAndRemove() {
        List<InspectorField> rows = InspectorModel.device(sample, sample.deviceOrNull("site-gw"));
        assertThat(rows).filteredOn(f -> f.category().equals("Module IoTEdgeAPIProxy")).extracting(InspectorField::name)
                .contains("Image", "env NGINX_DEFAULT_PORT", "env DOCKER_REQUEST_ROUTE_ADDRESS", ModuleRows.ADD_ENV, ModuleRows.REMOVE);
        assertThat(rows).filteredOn(f -> f.category().equals("Module registry")).extracting(InspectorField::name)
                .contains("Image", "env REGISTRY_PROXY_REMOTEURL");
    }

    @Test
    void editingTheImageIsOneUndoableCommandCheckedAsYouType() {
        InspectorField image = row(sample, "line1-edge", "Module SimulatedTemperatureSensor", "Image");
        assertThat(image.check().apply("$upstream/x:1")).isPresent();
        assertThat(image.check().apply("$upstream:443/x:2")).isEmpty();
        CommandStack stack = new CommandStack(sample);
        stack.execute(image.commitText("$upstream:443/x:2").orElseThrow());
        assertThat(stack.current().deviceOrNull("line1-edge").module("SimulatedTemperatureSensor").orElseThrow().image())
                .isEqualTo("$upstream:443/x:2");
        stack.undo();
        assertThat(stack.current()).isEqualTo(sample);
    }

    @Test
    void envValuesAreCheckedAndClearingRemovesTheVariable() {
        InspectorField port = row(sample, "site-gw", "Module IoTEdgeAPIProxy", "env NGINX_DEFAULT_PORT");
        assertThat(port.check().apply("70000")).isPresent();
        InspectorField route = row(sample, "site-gw", "Module IoTEdgeAPIProxy", "env DOCKER_REQUEST_ROUTE_ADDRESS");
        assertThat(route.check().apply("nosuch:5000")).contains("This device has no module named 'nosuch'.");
        assertThat(route.check().apply("registry:5000")).isEmpty();
        InspectorField remote = row(sample, "site-gw", "Module registry", "env REGISTRY_PROXY_REMOTEURL");
        assertThat(remote.check().apply("http://mcr.microsoft.com")).isPresent();
        Plant after = route.commitText("").orElseThrow().apply(sample);
        assertThat(after.deviceOrNull("site-gw").module("IoTEdgeAPIProxy").orElseThrow().env())
                .doesNotContainKey("DOCKER_REQUEST_ROUTE_ADDRESS");
    }

    @Test
    void addVariableTakesKeyEqualsValue() {
        InspectorField add = row(sample, "line1-edge", "Module SimulatedTemperatureSensor", ModuleRows.ADD_ENV);
        assertThat(add.check().apply("no equals")).isPresent();
        assertThat(add.check().apply("1BAD=x")).isPresent();
        assertThat(add.commitText("1BAD=x")).isEmpty(); // blocking
        Plant after = add.commitText("SEND_INTERVAL=5").orElseThrow().apply(sample);
        assertThat(after.deviceOrNull("line1-edge").module("SimulatedTemperatureSensor").orElseThrow().env())
                .containsEntry("SEND_INTERVAL", "5");
    }

    @Test
    void removingTheApiProxyGives443BackToEdgeHub() {
        InspectorField remove = row(sample, "ops-gw", "Module IoTEdgeAPIProxy", ModuleRows.REMOVE);
        assertThat(remove.kind()).isEqualTo(InspectorField.Kind.ACTION);
        Optional<Command> c = remove.commitText(remove.value());
        assertThat(c).isPresent();
        assertThat(c.get().description()).isEqualTo("Remove module IoTEdgeAPIProxy from ops-gw");
        Device d = c.get().apply(sample).deviceOrNull("ops-gw");
        assertThat(d.module("IoTEdgeAPIProxy")).isEmpty();
        assertThat(d.runtime().hubBindsHostPort(443)).isTrue();
    }

    @Test
    void findingFieldsMapToInspectorSections() {
        assertThat(InspectorModel.categoryOf("hostname")).contains("Identity");
        assertThat(InspectorModel.categoryOf("parentId")).contains("Hierarchy");
        assertThat(InspectorModel.categoryOf("runtime.agentImage")).contains("Runtime");
        assertThat(InspectorModel.categoryOf("runtime.edgeHubEnv.MaxConnectedClients")).contains("Runtime");
        assertThat(InspectorModel.categoryOf("modules[IoTEdgeAPIProxy].env.NGINX_DEFAULT_PORT")).contains("Module IoTEdgeAPIProxy");
        assertThat(InspectorModel.categoryOf("ssh.address")).contains("SSH");
        assertThat(InspectorModel.categoryOf("provisioning.method")).contains("System");
        assertThat(InspectorModel.categoryOf("")).isEmpty();
    }
}
