package io.nestedge.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The immutable plant aggregate: ordered ISA-95 layers, devices (in a stable order), and plant-wide
 * settings. Every edit returns a new {@code Plant}, so undo/redo is a stack of plants and views can
 * diff two plants. Indexes (by ID, children by parent) are built once per instance.
 *
 * <p>A plant may be invalid (cycles, dangling parents, duplicate hostnames…): that is what the
 * validator reports. Only duplicate device IDs are impossible here (a later device with the same ID
 * replaces the earlier one).
 */
public final class Plant {
    /** Current plant file schema version. */
    public static final int SCHEMA_VERSION = 1;

    private final String name;
    private final List<Layer> layers;
    private final Map<String, Device> devices;
    private final HubSettings hub;
    private final RegistrySettings registry;
    private final ApiProxySettings apiProxy;
    private final PkiSettings pki;
    private final EdgeToolSettings edgeTools;
    private final ContainerEngineSettings containerEngine;
    private final Map<String, List<Device>> children;
    private final Map<String, Integer> layerIndex;

    /**
     * Creates a plant.
     *
     * @param name plant name
     * @param layers ISA-95 layers, top layer first
     * @param devices devices in display/file order
     * @param hub IoT Hub settings
     * @param registry container registry settings
     * @param apiProxy API proxy convention
     * @param pki PKI settings
     */
    public Plant(String name, List<Layer> layers, List<Device> devices, HubSettings hub, RegistrySettings registry,
            ApiProxySettings apiProxy, PkiSettings pki) {
        this(name, layers, devices, hub, registry, apiProxy, pki, EdgeToolSettings.NONE);
    }

    /**
     * Creates a plant that also keeps the settings of Microsoft's nested-edge tools.
     *
     * @param name plant name
     * @param layers ISA-95 layers, top layer first
     * @param devices devices in display/file order
     * @param hub IoT Hub settings
     * @param registry container registry settings
     * @param apiProxy API proxy convention
     * @param pki PKI settings
     * @param edgeTools settings of the nested-edge tools (null: none)
     */
    public Plant(String name, List<Layer> layers, List<Device> devices, HubSettings hub, RegistrySettings registry,
            ApiProxySettings apiProxy, PkiSettings pki, EdgeToolSettings edgeTools) {
        this(name, layers, devices, hub, registry, apiProxy, pki, edgeTools, ContainerEngineSettings.NONE);
    }

    /**
     * Creates a plant with every plant-wide setting.
     *
     * @param name plant name
     * @param layers ISA-95 layers, top layer first
     * @param devices devices in display/file order
     * @param hub IoT Hub settings
     * @param registry container registry settings
     * @param apiProxy API proxy convention
     * @param pki PKI settings
     * @param edgeTools settings of the nested-edge tools (null: none)
     * @param containerEngine container-engine settings of the IoT Edge devices (null: not managed)
     */
    public Plant(String name, List<Layer> layers, List<Device> devices, HubSettings hub, RegistrySettings registry,
            ApiProxySettings apiProxy, PkiSettings pki, EdgeToolSettings edgeTools, ContainerEngineSettings containerEngine) {
        this.name = name == null ? "" : name;
        this.layers = List.copyOf(layers == null ? List.of() : layers);
        LinkedHashMap<String, Device> byId = new LinkedHashMap<>();
        for (Device d : devices == null ? List.<Device>of() : devices) {
            byId.put(d.id(), d);
        }
        this.devices = Collections.unmodifiableMap(byId);
        this.hub = Objects.requireNonNullElse(hub, new HubSettings(""));
        this.registry = Objects.requireNonNullElse(registry, new RegistrySettings("mcr.microsoft.com", ""));
        this.apiProxy = Objects.requireNonNullElse(apiProxy, new ApiProxySettings(null, 0));
        this.pki = Objects.requireNonNullElse(pki, PkiSettings.defaults());
        this.edgeTools = Objects.requireNonNullElse(edgeTools, EdgeToolSettings.NONE);
        this.containerEngine = Objects.requireNonNullElse(containerEngine, ContainerEngineSettings.NONE);
        Map<String, List<Device>> kids = new HashMap<>();
        for (Device d : byId.values()) {
            if (d.hasParent()) {
                kids.computeIfAbsent(d.parentId(), k -> new ArrayList<>()).add(d);
            }
        }
        kids.replaceAll((k, v) -> List.copyOf(v));
        this.children = kids;
        Map<String, Integer> li = new HashMap<>();
        for (int i = 0; i < this.layers.size(); i++) {
            li.putIfAbsent(this.layers.get(i).id(), i);
        }
        this.layerIndex = li;
    }

    /** An empty plant with the default layers and settings. */
    public static Plant empty(String name) {
        return new Plant(name, Layer.defaults(), List.of(), null, null, null, null);
    }

    /** Plant name. */
    public String name() { return name; }
    /** Layers, top layer first. */
    public List<Layer> layers() { return layers; }
    /** IoT Hub settings. */
    public HubSettings hub() { return hub; }
    /** Container registry settings. */
    public RegistrySettings registry() { return registry; }
    /** API proxy convention. */
    public ApiProxySettings apiProxy() { return apiProxy; }
    /** PKI settings. */
    public PkiSettings pki() { return pki; }
    /** Settings of Microsoft's nested-edge tools (empty unless imported or set). */
    public EdgeToolSettings edgeTools() { return edgeTools; }
    /** Container-engine settings of the IoT Edge devices ({@link ContainerEngineSettings#NONE} unless set). */
    public ContainerEngineSettings containerEngine() { return containerEngine; }

    /** Devices in plant order. */
    public List<Device> devices() {
        return List.copyOf(devices.values());
    }

    /** Number of devices. */
    public int size() {
        return devices.size();
    }

    /** Device IDs in plant order (a live unmodifiable view). */
    public Set<String> deviceIds() {
        return devices.keySet();
    }

    /** The device with this ID, if present. */
    public Optional<Device> device(String id) {
        return Optional.ofNullable(devices.get(id));
    }

    /** The device with this ID, or {@code null}. */
    public Device deviceOrNull(String id) {
        return devices.get(id);
    }

    /** The devices whose parent is {@code id}, in plant order (empty if none). */
    public List<Device> children(String id) {
        return children.getOrDefault(id, List.of());
    }

    /** True for an IoT Edge device with at least one child (of any kind). */
    public boolean isGateway(String id) {
        Device d = devices.get(id);
        return d != null && d.isEdge() && !children(id).isEmpty();
    }

    /** True for an IoT Edge device with at least one IoT Edge child (it needs an API proxy, facts §1). */
    public boolean hasEdgeChildren(String id) {
        return children(id).stream().anyMatch(Device::isEdge);
    }

    /** The parent device, if the device has one and it exists in the plant. */
    public Optional<Device> parent(String id) {
        Device d = devices.get(id);
        return d == null || !d.hasParent() ? Optional.empty() : device(d.parentId());
    }

    /**
     * The chain of ancestors, nearest first (parent, grandparent, …). Stops at a missing parent or a
     * cycle (a device never appears twice).
     */
    public List<Device> ancestors(String id) {
        List<Device> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        seen.add(id);
        Optional<Device> p = parent(id);
        while (p.isPresent() && seen.add(p.get().id())) {
            out.add(p.get());
            p = parent(p.get().id());
        }
        return out;
    }

    /** Index of a layer in {@link #layers()}, or -1 when unknown. */
    public int layerIndex(String layerId) {
        return layerIndex.getOrDefault(layerId, -1);
    }

    /** The layer with this ID, if any. */
    public Optional<Layer> layer(String layerId) {
        int i = layerIndex(layerId);
        return i < 0 ? Optional.empty() : Optional.of(layers.get(i));
    }

    /** Returns a plant with {@code d} added at the end, or replacing the device with the same ID in place. */
    public Plant withDevice(Device d) {
        List<Device> list = new ArrayList<>(devices.values());
        boolean replaced = false;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(d.id())) {
                list.set(i, d);
                replaced = true;
                break;
            }
        }
        if (!replaced) {
            list.add(d);
        }
        return new Plant(name, layers, list, hub, registry, apiProxy, pki, edgeTools, containerEngine);
    }

    /**
     * Returns a plant where the device {@code oldId} is replaced by {@code d} (which may have another ID);
     * children of {@code oldId} are re-pointed at the new ID.
     */
    public Plant replaceDevice(String oldId, Device d) {
        List<Device> list = new ArrayList<>(devices.size());
        for (Device x : devices.values()) {
            if (x.id().equals(oldId)) {
                list.add(d);
            } else if (!oldId.equals(d.id()) && x.parentId().equals(oldId)) {
                list.add(x.withParent(d.id()));
            } else {
                list.add(x);
            }
        }
        return new Plant(name, layers, list, hub, registry, apiProxy, pki, edgeTools, containerEngine);
    }

    /** Returns a plant with every listed device replaced or added (one copy, for batch edits). */
    public Plant withDevices(List<Device> changed) {
        LinkedHashMap<String, Device> map = new LinkedHashMap<>(devices);
        for (Device d : changed) {
            map.put(d.id(), d);
        }
        return new Plant(name, layers, new ArrayList<>(map.values()), hub, registry, apiProxy, pki, edgeTools, containerEngine);
    }

    /** Returns a plant with {@code op} applied to the device {@code id} (unchanged if absent). */
    public Plant updateDevice(String id, UnaryOperator<Device> op) {
        Device d = devices.get(id);
        return d == null ? this : withDevice(op.apply(d));
    }

    /** Returns a plant without the device; its children keep their (now dangling) parent ID. */
    public Plant withoutDevice(String id) {
        if (!devices.containsKey(id)) {
            return this;
        }
        List<Device> list = new ArrayList<>(devices.values());
        list.removeIf(d -> d.id().equals(id));
        return new Plant(name, layers, list, hub, registry, apiProxy, pki, edgeTools, containerEngine);
    }

    /** Returns a plant with another name. */
    public Plant withName(String n) { return new Plant(n, layers, devices(), hub, registry, apiProxy, pki, edgeTools, containerEngine); }
    /** Returns a plant with other layers. */
    public Plant withLayers(List<Layer> l) { return new Plant(name, l, devices(), hub, registry, apiProxy, pki, edgeTools, containerEngine); }
    /** Returns a plant with other hub settings. */
    public Plant withHub(HubSettings h) { return new Plant(name, layers, devices(), h, registry, apiProxy, pki, edgeTools, containerEngine); }
    /** Returns a plant with other registry settings. */
    public Plant withRegistry(RegistrySettings r) { return new Plant(name, layers, devices(), hub, r, apiProxy, pki, edgeTools, containerEngine); }
    /** Returns a plant with another API proxy convention. */
    public Plant withApiProxy(ApiProxySettings a) { return new Plant(name, layers, devices(), hub, registry, a, pki, edgeTools, containerEngine); }
    /** Returns a plant with other PKI settings. */
    public Plant withPki(PkiSettings p) { return new Plant(name, layers, devices(), hub, registry, apiProxy, p, edgeTools, containerEngine); }
    /** Returns a plant with other container-engine settings (null: not managed). */
    public Plant withContainerEngine(ContainerEngineSettings c) {
        return new Plant(name, layers, devices(), hub, registry, apiProxy, pki, edgeTools, c);
    }
    /** Returns a plant with exactly these devices, in this order, and the same settings. */
    public Plant withDeviceList(List<Device> list) {
        return new Plant(name, layers, list, hub, registry, apiProxy, pki, edgeTools, containerEngine);
    }
    /** Returns a plant with other nested-edge tool settings. */
    public Plant withEdgeTools(EdgeToolSettings t) { return new Plant(name, layers, devices(), hub, registry, apiProxy, pki, t, containerEngine); }

    @Override
    public boolean equals(Object o) {
        return o instanceof Plant p && name.equals(p.name) && layers.equals(p.layers)
                && List.copyOf(devices.values()).equals(List.copyOf(p.devices.values())) && hub.equals(p.hub)
                && registry.equals(p.registry) && apiProxy.equals(p.apiProxy) && pki.equals(p.pki)
                && edgeTools.equals(p.edgeTools) && containerEngine.equals(p.containerEngine);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, layers, devices, hub, registry, apiProxy, pki, edgeTools, containerEngine);
    }

    @Override
    public String toString() {
        return "Plant[" + name + ", " + layers.size() + " layers, " + devices.size() + " devices]";
    }
}
