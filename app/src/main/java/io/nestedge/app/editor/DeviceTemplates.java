package io.nestedge.app.editor;

import io.nestedge.model.Device;
import io.nestedge.model.DeviceKind;
import io.nestedge.model.EdgeModule;
import io.nestedge.model.EdgeRuntime;
import io.nestedge.model.ModuleType;
import io.nestedge.model.Plant;
import io.nestedge.model.PortBinding;
import io.nestedge.model.Position;
import io.nestedge.model.Provisioning;
import io.nestedge.model.Reachability;
import io.nestedge.model.Route;
import io.nestedge.model.SshEndpoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the devices and modules the palette drops (pure). New devices get a unique ID, a hostname in
 * the plant's most common DNS domain, and images that follow facts §3/§5: a device on the top lane
 * pulls from the plant's registry, a lower device pulls through its parent ({@code $upstream:<proxy
 * port>}).
 */
public final class DeviceTemplates {
    /** Image tag used for new runtime and proxy images. */
    public static final String RUNTIME_VERSION = "1.5";

    private DeviceTemplates() {
    }

    /**
     * A new device for a device template.
     *
     * @param plant the plant it is added to (for a unique ID, the domain and the top lane)
     * @param template {@link Template#EDGE_DEVICE} or {@link Template#LEAF_DEVICE}
     * @param layerId the lane it was dropped into
     * @param at top-left position
     * @return the device (no parent yet)
     * @throws IllegalArgumentException for a module template
     */
    public static Device newDevice(Plant plant, Template template, String layerId, Position at) {
        if (!template.isDevice()) {
            throw new IllegalArgumentException(template + " is not a device template");
        }
        boolean edge = template == Template.EDGE_DEVICE;
        String id = uniqueId(plant, edge ? "edge" : "leaf");
        String domain = domainOf(plant);
        String host = domain.isEmpty() ? id : id + "." + domain;
        boolean top = isTopLane(plant, layerId);
        Device.Builder b = Device.builder(id, edge ? DeviceKind.IOT_EDGE : DeviceKind.LEAF)
                .hostname(host).layerId(layerId).position(at)
                .ssh(new SshEndpoint(host, 22, "iotadmin", top ? Reachability.DIRECT : Reachability.VIA_PARENT))
                .provisioning(edge ? Provisioning.manualSas() : Provisioning.manualX509());
        if (edge) {
            String registry = top ? plant.registry().address() : "$upstream:" + plant.apiProxy().port();
            b.runtime(EdgeRuntime.of(registry.isEmpty() ? "mcr.microsoft.com" : registry, RUNTIME_VERSION))
                    .routes(List.of(new Route("upstream", "FROM /messages/* INTO $upstream")));
        }
        return b.build();
    }

    /**
     * A new module for a module template, configured for the device it is dropped on.
     *
     * @param plant the plant
     * @param device the IoT Edge device receiving it
     * @param template a module template
     * @return the module (its name is unique on the device)
     * @throws IllegalArgumentException for a device template
     */
    public static EdgeModule newModule(Plant plant, Device device, Template template) {
        boolean top = !device.hasParent();
        String pull = top ? plant.registry().address() : "$upstream:" + plant.apiProxy().port();
        if (pull.isEmpty()) {
            pull = "mcr.microsoft.com";
        }
        return switch (template) {
            case API_PROXY -> {
                Map<String, String> env = new HashMap<>();
                env.put("NGINX_DEFAULT_PORT", String.valueOf(plant.apiProxy().port()));
                if (top && device.modules().stream().anyMatch(m -> m.type() == ModuleType.REGISTRY)) {
                    String reg = device.modules(ModuleType.REGISTRY).get(0).name();
                    env.put("DOCKER_REQUEST_ROUTE_ADDRESS", reg + ":5000");
                }
                yield new EdgeModule(uniqueModuleName(device, plant.apiProxy().moduleName()), ModuleType.API_PROXY,
                        pull + "/azureiotedge-api-proxy:1.1", env, "",
                        List.of(PortBinding.tcp(plant.apiProxy().port())), "running", "always");
            }
            case REGISTRY -> new EdgeModule(uniqueModuleName(device, "registry"), ModuleType.REGISTRY, "registry:2",
                    Map.of("REGISTRY_PROXY_REMOTEURL", "https://" + (plant.registry().address().isEmpty()
                            ? "mcr.microsoft.com" : plant.registry().address())),
                    "", List.of(PortBinding.tcp(5000)), "running", "always");
            case BLOB_STORAGE -> new EdgeModule(uniqueModuleName(device, "AzureBlobStorageonIoTEdge"),
                    ModuleType.BLOB_STORAGE, pull + "/azure-blob-storage:latest", Map.of(), "",
                    List.of(new PortBinding(11002, 11002, "tcp")), "running", "always");
            case CUSTOM_MODULE -> new EdgeModule(uniqueModuleName(device, "CustomModule"), ModuleType.CUSTOM,
                    "", Map.of(), "", List.of(), "running", "always");
            default -> throw new IllegalArgumentException(template + " is not a module template");
        };
    }

    /**
     * Adds a module to a device; adding an API proxy that binds the edgeHub's 443 removes 443 from
     * edgeHub's port bindings (exactly one module binds 443, facts §5).
     *
     * @param device the IoT Edge device
     * @param module the module
     * @return the updated device
     */
    public static Device withModule(Device device, EdgeModule module) {
        List<EdgeModule> mods = new java.util.ArrayList<>(device.modules());
        mods.add(module);
        Device d = device.withModules(mods);
        if (d.runtime() != null) {
            for (PortBinding p : module.ports()) {
                if (d.runtime().hubBindsHostPort(p.hostPort())) {
                    d = d.withRuntime(d.runtime().withEdgeHubPorts(d.runtime().edgeHubPorts().stream()
                            .filter(x -> x.hostPort() != p.hostPort()).toList()));
                }
            }
        }
        return d;
    }

    /** The first of {@code base-1}, {@code base-2}, … not used as a device ID in the plant. */
    public static String uniqueId(Plant plant, String base) {
        for (int i = 1; ; i++) {
            String id = base + "-" + i;
            if (plant.deviceOrNull(id) == null) {
                return id;
            }
        }
    }

    private static String uniqueModuleName(Device d, String base) {
        if (d.module(base).isEmpty()) {
            return base;
        }
        for (int i = 2; ; i++) {
            if (d.module(base + i).isEmpty()) {
                return base + i;
            }
        }
    }

    /**
     * The most common DNS domain of the plant's hostnames (everything after the first label), or
     * empty when no hostname has a dot.
     */
    public static String domainOf(Plant plant) {
        Map<String, Integer> counts = new HashMap<>();
        for (Device d : plant.devices()) {
            int dot = d.hostname().indexOf('.');
            if (dot > 0 && dot < d.hostname().length() - 1 && !Character.isDigit(d.hostname().charAt(0))) {
                counts.merge(d.hostname().substring(dot + 1), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse("");
    }

    /**
     * True when a device in {@code layerId} would be on the top layer: the lane is at or above the
     * highest lane holding a device without a parent (or the plant is empty and it is the first lane
     * with room, i.e. any lane).
     */
    static boolean isTopLane(Plant plant, String layerId) {
        int lane = plant.layerIndex(layerId);
        int highestRoot = Integer.MAX_VALUE;
        for (Device d : plant.devices()) {
            if (!d.hasParent() && d.isEdge()) {
                highestRoot = Math.min(highestRoot, plant.layerIndex(d.layerId()));
            }
        }
        return highestRoot == Integer.MAX_VALUE || lane <= highestRoot;
    }
}
