package io.nestedge.app.editor;

import io.nestedge.model.ApiProxySettings;
import io.nestedge.model.Device;
import io.nestedge.model.EdgeRuntime;
import io.nestedge.model.HubSettings;
import io.nestedge.model.Layer;
import io.nestedge.model.OsFamily;
import io.nestedge.model.Plant;
import io.nestedge.model.Position;
import io.nestedge.model.Provisioning;
import io.nestedge.model.ProvisioningMethod;
import io.nestedge.model.Reachability;
import io.nestedge.model.RegistrySettings;
import io.nestedge.model.SshEndpoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The inspector's rows for a device or for the plant (pure). Every commit is a command, so inspector
 * edits are undoable like canvas gestures.
 */
public final class InspectorModel {
    /** Choice text for "no parent". */
    public static final String NO_PARENT = "(none: top layer)";
    private static final Function<String, Optional<String>> NO_CHECK = s -> Optional.empty();

    private InspectorModel() {
    }

    /**
     * Rows for one device.
     *
     * @param plant the plant
     * @param d the device
     * @return rows in display order
     */
    public static List<InspectorField> device(Plant plant, Device d) {
        String id = d.id();
        List<InspectorField> f = new ArrayList<>();
        f.add(new InspectorField("Identity", "Device ID", "IoT Hub device ID (unique in the plant)", InspectorField.Kind.TEXT,
                id, List.of(), t -> FieldChecks.deviceId(plant, id, t), true, t -> Commands.rename(id, t)));
        f.add(text("Identity", "Display name", "Name shown on the canvas", d.displayName(), NO_CHECK, false,
                id, "display name", (dev, t) -> dev.toBuilder().displayName(t).build()));
        f.add(new InspectorField("Identity", "Kind", "IoT Edge device or leaf device; a gateway is an IoT Edge device with children",
                InspectorField.Kind.READ_ONLY, plant.isGateway(id) ? "IoT Edge gateway" : d.isEdge() ? "IoT Edge device" : "Leaf device",
                List.of(), NO_CHECK, true, t -> null));
        f.add(text("Identity", "Hostname", "config.toml hostname; children use it as parent_hostname (facts §2)", d.hostname(),
                FieldChecks::hostname, false, id, "hostname", (dev, t) -> dev.withHostname(t)));
        List<String> layerChoices = plant.layers().stream().map(InspectorModel::layerLabel).toList();
        f.add(new InspectorField("Hierarchy", "Layer", "ISA-95 layer (lane) the device sits in", InspectorField.Kind.CHOICE,
                plant.layer(d.layerId()).map(InspectorModel::layerLabel).orElse(d.layerId()), layerChoices, NO_CHECK, true,
                t -> layerCommand(plant, id, t)));
        List<String> parents = new ArrayList<>();
        parents.add(NO_PARENT);
        plant.devices().stream().filter(x -> x.isEdge() && !x.id().equals(id)).forEach(x -> parents.add(x.id()));
        f.add(new InspectorField("Hierarchy", "Parent", "The IoT Edge device this device connects to", InspectorField.Kind.CHOICE,
                d.hasParent() ? d.parentId() : NO_PARENT, parents, t -> parentProblem(plant, id, t), true,
                t -> NO_PARENT.equals(t) ? Commands.disconnect(id) : Commands.connect(id, t)));
        f.add(integer("Hierarchy", "Offline days", "Expected longest time without the parent, days (facts §4: server certs last ~25 days)",
                d.expectedOfflineDays(), 0, 3650, id, "expected offline days", (dev, v) -> dev.toBuilder().expectedOfflineDays(v).build()));
        SshEndpoint s = d.ssh();
        f.add(text("SSH", "Address", "IP or DNS name the laptop (or the parent) dials", s.address(), NO_CHECK, false, id,
                "SSH address", (dev, t) -> dev.toBuilder().ssh(new SshEndpoint(t, dev.ssh().port(), dev.ssh().user(), dev.ssh().reach())).build()));
        f.add(integer("SSH", "Port", "SSH TCP port", s.port(), 1, 65535, id, "SSH port",
                (dev, v) -> dev.toBuilder().ssh(new SshEndpoint(dev.ssh().address(), v, dev.ssh().user(), dev.ssh().reach())).build()));
        f.add(text("SSH", "User", "Login user", s.user(), NO_CHECK, false, id, "SSH user",
                (dev, t) -> dev.toBuilder().ssh(new SshEndpoint(dev.ssh().address(), dev.ssh().port(), t, dev.ssh().reach())).build()));
        f.add(choice("SSH", "Reach", "Direct from the laptop, or through the parent chain (facts §7)", s.reach().name(),
                names(Reachability.values()), id, "SSH reach", (dev, t) -> dev.toBuilder().ssh(new SshEndpoint(dev.ssh().address(),
                        dev.ssh().port(), dev.ssh().user(), Reachability.valueOf(t))).build()));
        f.add(choice("System", "OS", "Decides the trust-store tool (facts §4)", d.os().name(), names(OsFamily.values()), id, "OS",
                (dev, t) -> dev.toBuilder().os(OsFamily.valueOf(t)).build()));
        f.add(choice("System", "Provisioning", "Nested children need manual provisioning (facts §1)", d.provisioning().method().name(),
                names(ProvisioningMethod.values()), id, "provisioning",
                (dev, t) -> dev.toBuilder().provisioning(new Provisioning(ProvisioningMethod.valueOf(t), dev.provisioning().dpsScopeId())).build()));
        if (d.isEdge() && d.runtime() != null) {
            EdgeRuntime r = d.runtime();
            f.add(text("Runtime", "edgeAgent image", "On a lower layer: $upstream:<port>/azureiotedge-agent:<tag> (facts §3)",
                    r.agentImage(), FieldChecks::image, false, id, "edgeAgent image",
                    (dev, t) -> dev.withRuntime(dev.runtime().withImages(t, dev.runtime().hubImage()))));
            f.add(text("Runtime", "edgeHub image", "On a lower layer: $upstream:<port>/azureiotedge-hub:<tag>",
                    r.hubImage(), FieldChecks::image, false, id, "edgeHub image",
                    (dev, t) -> dev.withRuntime(dev.runtime().withImages(dev.runtime().agentImage(), t))));
            f.add(new InspectorField("Runtime", "Modules", "Drop module templates on the device to add one; "
                    + "each module has its own section below (image, environment, host ports, remove)",
                    InspectorField.Kind.READ_ONLY, d.modules().isEmpty() ? "(none)"
                    : String.join(", ", d.modules().stream().map(m -> m.name()).toList()), List.of(), NO_CHECK, true, t -> null));
            f.addAll(ModuleRows.of(d));
        }
        return f;
    }

    /**
     * Rows for the plant-wide settings.
     *
     * @param plant the plant
     * @return rows in display order
     */
    public static List<InspectorField> plant(Plant plant) {
        List<InspectorField> f = new ArrayList<>();
        f.add(new InspectorField("Plant", "Name", "Plant name", InspectorField.Kind.TEXT, plant.name(), List.of(),
                t -> t.isBlank() ? Optional.of("A name is required.") : Optional.empty(), true,
                t -> Commands.editPlant("plant name", p -> p.withName(t))));
        f.add(new InspectorField("IoT Hub", "IoT Hub hostname", "e.g. contoso-hub.azure-devices.net", InspectorField.Kind.TEXT,
                plant.hub().iotHubHostname(), List.of(), t -> t.isEmpty() ? Optional.empty() : FieldChecks.hostname(t), false,
                t -> Commands.editPlant("IoT Hub hostname", p -> p.withHub(new HubSettings(t)))));
        f.add(new InspectorField("Registry", "Registry address", "Registry the top layer pulls from", InspectorField.Kind.TEXT,
                plant.registry().address(), List.of(), NO_CHECK, false,
                t -> Commands.editPlant("registry address", p -> p.withRegistry(new RegistrySettings(t, p.registry().username())))));
        f.add(new InspectorField("Registry", "Registry user", "Empty for anonymous pulls; the password is entered at export",
                InspectorField.Kind.TEXT, plant.registry().username(), List.of(), NO_CHECK, false,
                t -> Commands.editPlant("registry user", p -> p.withRegistry(new RegistrySettings(p.registry().address(), t)))));
        f.add(new InspectorField("API proxy", "Module name", "Same API proxy module name on every layer (facts §5)",
                InspectorField.Kind.TEXT, plant.apiProxy().moduleName(), List.of(), FieldChecks::moduleName, true,
                t -> Commands.editPlant("API proxy name", p -> p.withApiProxy(new ApiProxySettings(t, p.apiProxy().port())))));
        f.add(new InspectorField("API proxy", "Port", "Proxy host port and NGINX_DEFAULT_PORT on every layer (facts §5)",
                InspectorField.Kind.INTEGER, String.valueOf(plant.apiProxy().port()), List.of(), FieldChecks::port, true,
                t -> Commands.editPlant("API proxy port", p -> p.withApiProxy(new ApiProxySettings(p.apiProxy().moduleName(),
                        Integer.parseInt(t.trim()))))));
        f.addAll(ContainerEngineRows.of(plant));
        return f;
    }

    /**
     * The inspector section that holds a finding's field, so clicking a finding can open it:
     * {@code hostname}/{@code id} → Identity, {@code parentId}/{@code layerId}/{@code children} →
     * Hierarchy, {@code ssh.*} → SSH, {@code os}/{@code provisioning.*} → System,
     * {@code modules[NAME].*} → that module's section, other {@code runtime.*}/{@code modules}/{@code routes}
     * → Runtime, {@code containerEngine.*} → Container engine (a plant-sheet section); empty when the
     * field has no section (e.g. other plant-wide findings).
     *
     * @param field a finding's field path, e.g. {@code modules[IoTEdgeAPIProxy].env.NGINX_DEFAULT_PORT}
     * @return the category name, e.g. {@code Module IoTEdgeAPIProxy}
     */
    public static Optional<String> categoryOf(String field) {
        String f = field == null ? "" : field.trim();
        if (f.startsWith("modules[")) {
            int end = f.indexOf(']');
            if (end > 8) {
                return Optional.of(ModuleRows.category(f.substring(8, end)));
            }
        }
        String head = f.split("[.\\[]", 2)[0];
        return switch (head) {
            case "id", "hostname", "displayName", "kind" -> Optional.of("Identity");
            case "parentId", "layerId", "children", "expectedOfflineDays" -> Optional.of("Hierarchy");
            case "ssh" -> Optional.of("SSH");
            case "os", "provisioning" -> Optional.of("System");
            case "runtime", "modules", "routes", "deployment" -> Optional.of("Runtime");
            case "containerEngine" -> Optional.of(ContainerEngineRows.CATEGORY);
            default -> Optional.empty();
        };
    }

    /** "L3 · Site operations". */
    public static String layerLabel(Layer l) {
        return l.id() + " · " + l.name();
    }

    private static Optional<String> parentProblem(Plant plant, String id, String choice) {
        if (NO_PARENT.equals(choice)) {
            return Optional.empty();
        }
        Plant detached = plant.updateDevice(id, d -> d.withParent(""));
        ConnectionRules.Verdict v = ConnectionRules.check(detached, id, choice);
        return v.allowed() ? Optional.empty() : Optional.of(v.reason());
    }

    private static Command layerCommand(Plant plant, String id, String label) {
        Layer target = plant.layers().stream().filter(l -> layerLabel(l).equals(label)).findFirst().orElse(null);
        if (target == null) {
            return null;
        }
        LaneGeometry g = LaneGeometry.of(plant);
        double y = g.lane(target.id()).map(l -> l.top() + NodeMetrics.LANE_PADDING).orElse(0.0);
        Device d = plant.deviceOrNull(id);
        Position at = new Position(d == null ? 0 : d.position().x(), y);
        return Commands.move(java.util.Map.of(id, at), java.util.Map.of(id, target.id()));
    }

    private static InspectorField text(String cat, String name, String desc, String value,
            Function<String, Optional<String>> check, boolean blocking, String id, String field, java.util.function.BiFunction<Device, String, Device> set) {
        return new InspectorField(cat, name, desc, InspectorField.Kind.TEXT, value, List.of(), check, blocking,
                t -> Commands.editDevice(id, field, d -> set.apply(d, t)));
    }

    private static InspectorField integer(String cat, String name, String desc, int value, int min, int max, String id,
            String field, java.util.function.BiFunction<Device, Integer, Device> set) {
        return new InspectorField(cat, name, desc, InspectorField.Kind.INTEGER, String.valueOf(value), List.of(),
                t -> FieldChecks.integer(t, min, max), true,
                t -> Commands.editDevice(id, field, d -> set.apply(d, Integer.parseInt(t.trim()))));
    }

    private static InspectorField choice(String cat, String name, String desc, String value, List<String> choices, String id,
            String field, java.util.function.BiFunction<Device, String, Device> set) {
        return new InspectorField(cat, name, desc, InspectorField.Kind.CHOICE, value, choices,
                t -> choices.contains(t) ? Optional.empty() : Optional.of("Choose one of " + choices + "."), true,
                t -> Commands.editDevice(id, field, d -> set.apply(d, t)));
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

}
