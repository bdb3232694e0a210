package io.nestedge.model.io.yaml;

import io.nestedge.model.ApiProxySettings;
import io.nestedge.model.CaSource;
import io.nestedge.model.Device;
import io.nestedge.model.DeviceKind;
import io.nestedge.model.EdgeRuntime;
import io.nestedge.model.EdgeToolSettings;
import io.nestedge.model.HubSettings;
import io.nestedge.model.Layer;
import io.nestedge.model.PkiSettings;
import io.nestedge.model.Plant;
import io.nestedge.model.Position;
import io.nestedge.model.Provisioning;
import io.nestedge.model.ProvisioningMethod;
import io.nestedge.model.Reachability;
import io.nestedge.model.RegistrySettings;
import io.nestedge.model.SshEndpoint;
import io.nestedge.model.io.InputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Maps a {@link ToolConfig} to a {@link Plant} and back.
 *
 * <p>Import: every device of depth d goes on ISA-95 layer {@code top + d} (top layer first, facts §1);
 * leaf devices sit on their parent's layer; the edgeAgent image is the device's {@code edge_agent} or
 * the default, the edgeHub image the matching {@code azureiotedge-hub} image; edgeHub binds 5671 and
 * 8883 (the tools' deployments give 443 to the API proxy, facts §5); the API proxy port is read from a
 * default agent image {@code $upstream:<port>/…} (facts §5: children pull through the parent's proxy
 * port); lower-layer devices are reached over SSH through their parent (facts §7).
 */
final class ToolPlantMapper {
    /** ISA-95 levels 5 … 0: the default layers, then L1 and L0 for deeper hierarchies. */
    static final List<Layer> ISA_LAYERS = Stream.concat(Layer.defaults().stream(),
            Stream.of(new Layer("L1", "Basic control", 1), new Layer("L0", "Process", 0))).toList();
    /** The config.toml template shipped with iotedge_config_cli, used when the plant names none. */
    static final String TOOL_TEMPLATE = "./templates/tutorial/device_config.toml";
    private static final Pattern UPSTREAM_PORT = Pattern.compile("^\\$upstream:(\\d{1,5})/");

    private ToolPlantMapper() {
    }

    // ---------------------------------------------------------------- import

    static ImportResult toPlant(ToolConfig c, String file, EdgeToolFormat format, ImportOptions o) throws InputException {
        int top = 0;
        if (!o.topLayerId().isEmpty()) {
            top = indexOf(o.topLayerId());
            if (top < 0) {
                throw new InputException(file, "top layer", "unknown layer '" + o.topLayerId() + "'; expected one of "
                        + ISA_LAYERS.stream().map(Layer::id).collect(Collectors.joining(", ")) + ".",
                        "Name an ISA-95 layer, e.g. L4.");
            }
        }
        Importer im = new Importer(c, file, top);
        for (ToolConfig.Edge root : c.roots()) {
            im.edge(root, "", 0);
        }
        List<String> warnings = im.warnings;
        int needed = top + im.maxDepth + 1;
        List<Layer> layers = ISA_LAYERS.subList(0, Math.max(Layer.defaults().size(), needed));
        String name = o.plantName().isEmpty() ? stem(file) : o.plantName();
        HubSettings hub = new HubSettings(c.hubHostname(),
                c.hubName().equals(new HubSettings(c.hubHostname()).effectiveName()) ? "" : c.hubName());
        PkiSettings pki = PkiSettings.defaults();
        if (!c.rootCert().isEmpty()) {
            // The tools sign each Edge CA with the root directly (no intermediate).
            pki = new PkiSettings(CaSource.IMPORT, pki.rootKeyType(), pki.edgeCaKeyType(), pki.rootValidityDays(),
                    pki.edgeCaValidityDays(), false, c.rootCert(), "", c.rootKey());
        }
        ApiProxySettings proxy = new ApiProxySettings(null, 0);
        Matcher m = UPSTREAM_PORT.matcher(c.defaultEdgeAgent());
        if (m.find()) {
            int port = Integer.parseInt(m.group(1));
            if (port >= 1 && port <= 65535) {
                proxy = new ApiProxySettings(null, port);
            }
        }
        RegistrySettings registry = im.registry == null ? new RegistrySettings("mcr.microsoft.com", "") : im.registry;
        Plant plant = new Plant(name, layers, im.devices, hub, registry, proxy, pki,
                new EdgeToolSettings(c.templateConfigPath(), c.defaultEdgeAgent()));
        if (format == EdgeToolFormat.AZ_DEVICES) {
            warnings.add(0, "The az-devices format holds no IoT Hub host name: set it in the plant before exporting bundles.");
        }
        return new ImportResult(plant, warnings);
    }

    private static final class Importer {
        final ToolConfig c;
        final String file;
        final int top;
        final Provisioning provisioning;
        final List<Device> devices = new ArrayList<>();
        final Map<String, String> seen = new HashMap<>();
        final int[] perLayer = new int[ISA_LAYERS.size()];
        final List<String> warnings = new ArrayList<>();
        RegistrySettings registry;
        int maxDepth;

        Importer(ToolConfig c, String file, int top) {
            this.c = c;
            this.file = file;
            this.top = top;
            this.provisioning = c.x509() ? Provisioning.manualX509() : Provisioning.manualSas();
        }

        void edge(ToolConfig.Edge e, String parentId, int depth) throws InputException {
            int li = top + depth;
            if (li >= ISA_LAYERS.size()) {
                throw new InputException(file, e.where(), "device '" + e.id() + "' is " + depth + " levels below the top "
                        + "layer; starting at " + ISA_LAYERS.get(top).id() + " only " + (ISA_LAYERS.size() - top)
                        + " ISA-95 levels (down to L0) are available.",
                        "Import with a higher top layer (e.g. L5) or make the hierarchy shallower.");
            }
            maxDepth = Math.max(maxDepth, depth);
            claim(e.id(), e.where());
            String agent = e.edgeAgent().isEmpty() ? c.defaultEdgeAgent() : e.edgeAgent();
            Layer layer = ISA_LAYERS.get(li);
            devices.add(Device.builder(e.id(), DeviceKind.IOT_EDGE).hostname(e.hostname()).layerId(layer.id())
                    .parentId(parentId)
                    .ssh(new SshEndpoint(e.hostname(), 22, "", parentId.isEmpty() ? Reachability.DIRECT : Reachability.VIA_PARENT))
                    .provisioning(provisioning)
                    .runtime(new EdgeRuntime(agent, hubImage(agent), Map.of(), EdgeRuntime.HUB_PORTS_WITH_PROXY, 0))
                    .deployment(e.deployment()).position(position(li)).build());
            if (e.auth() != null) {
                containerAuth(e, parentId.isEmpty());
            }
            for (ToolConfig.Edge child : e.children()) {
                edge(child, e.id(), depth + 1);
            }
            for (ToolConfig.Leaf l : e.leaves()) {
                claim(l.id(), l.where());
                devices.add(Device.builder(l.id(), DeviceKind.LEAF).layerId(layer.id()).parentId(e.id())
                        .ssh(new SshEndpoint("", 22, "", Reachability.VIA_PARENT)).provisioning(provisioning)
                        .deployment(l.deployment()).position(position(li)).build());
            }
        }

        private void claim(String id, String where) throws InputException {
            String first = seen.putIfAbsent(id, where);
            if (first != null) {
                throw new InputException(file, where, "duplicate device ID '" + id + "' (first at " + first + ").",
                        "Give every device a unique IoT Hub device ID.");
            }
        }

        private Position position(int layerIndex) {
            return new Position(40 + 220.0 * perLayer[layerIndex]++, 40 + 200.0 * layerIndex);
        }

        private void containerAuth(ToolConfig.Edge e, boolean topLayer) {
            ToolConfig.ContainerAuth a = e.auth();
            if (a.hadPassword()) {
                warnings.add("Device '" + e.id() + "': the container registry password was not imported (NestEdge Studio "
                        + "never stores passwords; it asks for them at export).");
            }
            if (topLayer && registry == null && !a.server().isEmpty()) {
                registry = new RegistrySettings(a.server(), a.username());
            } else {
                warnings.add("Device '" + e.id() + "': its registry credentials (" + a.server() + ") were not imported; "
                        + "the plant keeps one registry, pulled by the top layer ("
                        + (registry == null ? "none" : registry.address()) + ").");
            }
        }
    }

    /** The edgeHub image matching an edgeAgent image ({@code …/azureiotedge-agent:1.5} → {@code …/azureiotedge-hub:1.5}). */
    static String hubImage(String agentImage) {
        return agentImage.contains("azureiotedge-agent") ? agentImage.replace("azureiotedge-agent", "azureiotedge-hub") : "";
    }

    private static int indexOf(String layerId) {
        for (int i = 0; i < ISA_LAYERS.size(); i++) {
            if (ISA_LAYERS.get(i).id().equalsIgnoreCase(layerId)) {
                return i;
            }
        }
        return -1;
    }

    private static String stem(String file) {
        String n = file.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        int dot = n.lastIndexOf('.');
        n = dot > 0 ? n.substring(0, dot) : n;
        return n.isBlank() ? "Imported plant" : n;
    }

    // ---------------------------------------------------------------- export

    static ToolConfig toToolConfig(Plant plant, EdgeToolFormat format, String plantFile, List<String> warnings)
            throws InputException {
        if (plant.size() == 0) {
            throw new InputException(plantFile, "/devices", "the plant has no devices; a tool config needs at least one.",
                    "Add the top-layer IoT Edge device.");
        }
        for (Device d : plant.devices()) {
            if (d.hasParent() && plant.deviceOrNull(d.parentId()) == null) {
                throw new InputException(plantFile, "device '" + d.id() + "'", "its parent '" + d.parentId()
                        + "' is not in the plant.", "Set an existing parent, or none for a top-layer device.");
            }
            if (!d.hasParent() && !d.isEdge()) {
                throw new InputException(plantFile, "device '" + d.id() + "'", "leaf device without a parent; a tool "
                        + "config holds leaf devices only under an IoT Edge device (facts §1).", "Give it an IoT Edge parent.");
            }
            if (!d.isEdge() && !plant.children(d.id()).isEmpty()) {
                throw new InputException(plantFile, "device '" + d.id() + "'", "leaf device with children; only IoT Edge "
                        + "devices can be parents (facts §1).", "Move its children under an IoT Edge device.");
            }
        }
        List<Device> edges = plant.devices().stream().filter(Device::isEdge).toList();
        String defaultAgent = plant.edgeTools().defaultEdgeAgent().isEmpty() ? deriveDefaultAgent(edges)
                : plant.edgeTools().defaultEdgeAgent();
        Exporter ex = new Exporter(plant, format, defaultAgent);
        List<ToolConfig.Edge> roots = new ArrayList<>();
        for (Device d : plant.devices()) {
            if (!d.hasParent()) {
                roots.add(ex.edge(d, plant.layerIndex(d.layerId()), 0));
            }
        }
        List<String> unreached = plant.devices().stream().map(Device::id).filter(id -> !ex.visited.contains(id)).toList();
        if (!unreached.isEmpty()) {
            throw new InputException(plantFile, "device '" + unreached.get(0) + "'", "devices " + unreached
                    + " are not below any top-layer device: their parents form a cycle.", "Break the cycle: give one of "
                    + "them no parent or another parent.");
        }
        Set<String> topLayers = new HashSet<>();
        plant.devices().stream().filter(d -> !d.hasParent()).forEach(d -> topLayers.add(d.layerId()));
        if (topLayers.size() > 1) {
            warnings.add("Top-layer devices sit on different layers " + topLayers + "; an import puts them all on one layer.");
        }
        boolean x509 = !edges.isEmpty() && edges.stream().allMatch(d -> d.provisioning().method() == ProvisioningMethod.MANUAL_X509);
        List<String> others = edges.stream().filter(d -> d.provisioning().method() != (x509 ? ProvisioningMethod.MANUAL_X509
                : ProvisioningMethod.MANUAL_SAS)).map(Device::id).toList();
        if (!others.isEmpty()) {
            warnings.add("The tool config has one authentication method for all devices (" + (x509 ? "X.509" : "symmetric key")
                    + "); " + others + " use another (the tools provision manually, facts §1).");
        }
        String rootCert = "";
        String rootKey = "";
        if (plant.pki().caSource() == CaSource.IMPORT && !plant.pki().importedRootCert().isEmpty()) {
            rootCert = plant.pki().importedRootCert();
            rootKey = plant.pki().importedRootKey();
            if (rootKey.isEmpty()) {
                warnings.add("The plant names no root CA key file; fill in the root CA key path, the tool needs both.");
            }
        } else {
            warnings.add("No imported root CA in the plant: the tool will generate its own root CA, so its devices will not "
                    + "trust certificates issued by NestEdge Studio (facts §4: one root for the whole hierarchy).");
        }
        String template = plant.edgeTools().templateConfigPath();
        if (template.isEmpty() && format == EdgeToolFormat.IOTEDGE_CONFIG) {
            template = TOOL_TEMPLATE;
            warnings.add("No config.toml template in the plant: wrote the tool's own " + TOOL_TEMPLATE + ".");
        }
        if (format == EdgeToolFormat.IOTEDGE_CONFIG && plant.hub().iotHubHostname().isEmpty()) {
            warnings.add("The plant has no IoT Hub host name: fill in iothub_hostname and iothub_name.");
        }
        if (!plant.registry().username().isEmpty()) {
            warnings.add("Registry credentials were not written (no password is stored): add container auth for "
                    + plant.registry().address() + " to the top-layer device by hand if its registry needs a login.");
        }
        if (!ex.droppedLeaves.isEmpty()) {
            warnings.add("The az-devices format has no leaf devices: left out " + ex.droppedLeaves.size() + " ("
                    + ex.droppedLeaves.stream().limit(5).collect(Collectors.joining(", "))
                    + (ex.droppedLeaves.size() > 5 ? ", …" : "") + "); create them with 'az iot hub device-identity create'.");
        }
        warnings.addAll(ex.layerWarnings);
        HubSettings hub = plant.hub();
        return new ToolConfig(hub.iotHubHostname(), hub.effectiveName(), x509, rootCert, rootKey, template, defaultAgent,
                roots);
    }

    private static final class Exporter {
        final Plant plant;
        final EdgeToolFormat format;
        final String defaultAgent;
        final Set<String> visited = new HashSet<>();
        final List<String> droppedLeaves = new ArrayList<>();
        final List<String> layerWarnings = new ArrayList<>();

        Exporter(Plant plant, EdgeToolFormat format, String defaultAgent) {
            this.plant = plant;
            this.format = format;
            this.defaultAgent = defaultAgent;
        }

        ToolConfig.Edge edge(Device d, int rootLayer, int depth) {
            visited.add(d.id());
            checkLayer(d, rootLayer, depth);
            List<ToolConfig.Edge> children = new ArrayList<>();
            List<ToolConfig.Leaf> leaves = new ArrayList<>();
            for (Device k : plant.children(d.id())) {
                if (visited.contains(k.id())) {
                    continue;
                }
                if (k.isEdge()) {
                    children.add(edge(k, rootLayer, depth + 1));
                } else {
                    visited.add(k.id());
                    checkLayer(k, rootLayer, depth);
                    if (format == EdgeToolFormat.AZ_DEVICES) {
                        droppedLeaves.add(k.id());
                    } else {
                        leaves.add(new ToolConfig.Leaf(k.id(), k.deployment(), ""));
                    }
                }
            }
            String agent = d.runtime() == null ? "" : d.runtime().agentImage();
            return new ToolConfig.Edge(d.id(), d.hostname(), agent.equals(defaultAgent) ? "" : agent, d.deployment(), null,
                    children, leaves, "");
        }

        private void checkLayer(Device d, int rootLayer, int depth) {
            int actual = plant.layerIndex(d.layerId());
            if (rootLayer >= 0 && actual != rootLayer + depth) {
                layerWarnings.add("Device '" + d.id() + "' is on layer " + d.layerId() + " but " + depth + " level(s) below "
                        + "its top-layer device; an import puts it " + depth + " layer(s) below the top layer.");
            }
        }
    }

    /**
     * The most common edgeAgent image of lower-layer devices (they are the ones that use the default in
     * the tools' samples), else of all IoT Edge devices, else the public 1.5 image.
     */
    static String deriveDefaultAgent(List<Device> edges) {
        for (boolean lowerOnly : new boolean[] {true, false}) {
            Map<String, Integer> count = new LinkedHashMap<>();
            for (Device d : edges) {
                if ((!lowerOnly || d.hasParent()) && d.runtime() != null && !d.runtime().agentImage().isEmpty()) {
                    count.merge(d.runtime().agentImage(), 1, Integer::sum);
                }
            }
            String best = null;
            for (Map.Entry<String, Integer> e : count.entrySet()) {
                if (best == null || e.getValue() > count.get(best)) {
                    best = e.getKey();
                }
            }
            if (best != null) {
                return best;
            }
        }
        return "mcr.microsoft.com/azureiotedge-agent:1.5";
    }
}
