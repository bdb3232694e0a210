package io.nestedge.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.model.EdgeModule;
import io.nestedge.model.Plant;
import io.nestedge.model.PortBinding;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Validator;
import io.nestedge.model.samples.SamplePlants;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Port rows of a module's inspector section: the fix a port-conflict finding asks for, undoable and checked as you type. */
class ModulePortRowsTest {
    private final Plant sample = SamplePlants.sample();

    private static InspectorField row(Plant p, String device, String module, String name) {
        return InspectorModel.device(p, p.deviceOrNull(device)).stream()
                .filter(f -> f.category().equals(ModuleRows.category(module)) && f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + name + " in " + module + " of " + device + ": "
                        + InspectorModel.device(p, p.deviceOrNull(device)).stream().map(InspectorField::name).toList()));
    }

    private static List<PortBinding> ports(Plant p, String device, String module) {
        return p.deviceOrNull(device).module(module).orElseThrow().ports();
    }

    private static boolean port443Finding(Plant p) {
        return Validator.validate(p).stream().map(Finding::ruleId).anyMatch("NE-PORT-443"::equals);
    }

    /** ops-gw with a second API proxy dropped on it: both bind host port 443. */
    private Plant withSecondProxy(CommandStack stack) {
        Plant p = stack.current();
        EdgeModule second = DeviceTemplates.newModule(p, p.deviceOrNull("ops-gw"), Template.API_PROXY);
        assertThat(second.name()).isEqualTo("IoTEdgeAPIProxy2");
        stack.execute(Commands.addModule("ops-gw", second));
        return stack.current();
    }

    @Test
    void eachBindingIsARowNamedAfterItsContainerPortHoldingTheHostPort() {
        List<InspectorField> rows = InspectorModel.device(sample, sample.deviceOrNull("site-gw"));
        assertThat(rows).filteredOn(f -> f.category().equals("Module IoTEdgeAPIProxy")).extracting(InspectorField::name)
                .containsSubsequence("Image", ModuleRows.ADD_ENV, "Port 443/tcp", ModulePortRows.ADD_PORT, ModuleRows.REMOVE);
        InspectorField p443 = row(sample, "site-gw", "IoTEdgeAPIProxy", "Port 443/tcp");
        assertThat(p443.value()).isEqualTo("443");
        assertThat(p443.kind()).isEqualTo(InspectorField.Kind.INTEGER);
    }

    @Test
    void movingTheSecondProxysHostPortClearsTheConflictAndUndoBringsItBack() {
        CommandStack stack = new CommandStack(sample);
        Plant conflict = withSecondProxy(stack);
        assertThat(port443Finding(conflict)).as("two modules bind 443").isTrue();
        InspectorField host = row(conflict, "ops-gw", "IoTEdgeAPIProxy2", "Port 443/tcp");
        stack.execute(host.commitText("8443").orElseThrow());
        assertThat(ports(stack.current(), "ops-gw", "IoTEdgeAPIProxy2")).containsExactly(new PortBinding(8443, 443, "tcp"));
        assertThat(ports(stack.current(), "ops-gw", "IoTEdgeAPIProxy")).containsExactly(PortBinding.tcp(443));
        assertThat(port443Finding(stack.current())).isFalse();
        assertThat(stack.undoDescription()).contains("Set host port 443/tcp of module IoTEdgeAPIProxy2 on ops-gw");
        stack.undo();
        assertThat(stack.current()).isEqualTo(conflict);
        stack.redo();
        assertThat(ports(stack.current(), "ops-gw", "IoTEdgeAPIProxy2")).containsExactly(new PortBinding(8443, 443, "tcp"));
    }

    @Test
    void invalidHostPortsAreRefusedWithTheReason() {
        InspectorField host = row(sample, "ops-gw", "IoTEdgeAPIProxy", "Port 443/tcp");
        for (String bad : List.of("0", "70000", "https", "-1", "44 3")) {
            assertThat(host.check().apply(bad)).as(bad).contains("Use a whole number from 1 to 65535.");
            assertThat(host.commitText(bad)).as(bad + " is not committed").isEmpty();
        }
        assertThat(host.commitText("443")).as("unchanged").isEmpty();
    }

    @Test
    void clearingTheHostPortRemovesTheBindingAndAddPortAddsOne() {
        InspectorField host = row(sample, "line1-edge", "SimulatedTemperatureSensor", ModulePortRows.ADD_PORT);
        assertThat(host.check().apply("8080:80/tcp")).isEmpty();
        assertThat(host.check().apply("0:80")).contains("Host port: Use a whole number from 1 to 65535.");
        assertThat(host.check().apply("8080:70000")).contains("Container port: Use a whole number from 1 to 65535.");
        assertThat(host.check().apply("8080:80/http")).contains("Protocol 'http': use tcp, udp or sctp.");
        assertThat(host.commitText("8080:80/http")).isEmpty();
        Command add = host.commitText("8080:80").orElseThrow();
        assertThat(add.description()).isEqualTo("Add port 8080:80/tcp to module SimulatedTemperatureSensor on line1-edge");
        Plant added = add.apply(sample);
        assertThat(ports(added, "line1-edge", "SimulatedTemperatureSensor")).containsExactly(new PortBinding(8080, 80, "tcp"));
        Plant udp = row(added, "line1-edge", "SimulatedTemperatureSensor", ModulePortRows.ADD_PORT).commitText(" 5684 / UDP ")
                .orElseThrow().apply(added);
        assertThat(ports(udp, "line1-edge", "SimulatedTemperatureSensor")).containsExactly(new PortBinding(8080, 80, "tcp"),
                new PortBinding(5684, 5684, "udp"));
        InspectorField first = row(udp, "line1-edge", "SimulatedTemperatureSensor", "Port 80/tcp");
        Command remove = first.commitText("").orElseThrow();
        assertThat(remove.description()).isEqualTo("Remove port 8080:80/tcp from module SimulatedTemperatureSensor on line1-edge");
        assertThat(ports(remove.apply(udp), "line1-edge", "SimulatedTemperatureSensor")).containsExactly(new PortBinding(5684, 5684, "udp"));
    }
}
