package io.nestedge.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One device of the plant. Immutable: every {@code with…} method returns a copy.
 *
 * @param id IoT Hub device ID (unique in the plant)
 * @param displayName name shown on the canvas (may equal the ID)
 * @param kind IoT Edge device or leaf device
 * @param hostname the {@code hostname} of config.toml; children use it as {@code parent_hostname}
 * @param layerId id of the ISA-95 layer the device sits in
 * @param parentId device ID of the parent, or empty for a top-layer device
 * @param ssh SSH endpoint and reachability
 * @param os operating-system family
 * @param provisioning provisioning settings
 * @param runtime edgeAgent/edgeHub settings; {@code null} for leaf devices
 * @param modules custom modules (not edgeAgent/edgeHub), in deployment order
 * @param routes edgeHub routes
 * @param expectedOfflineDays longest period the device is expected to be without its parent, days
 * @param position canvas position
 * @param deployment path of a deployment manifest supplied by the user instead of one generated from
 *     {@code modules}, as written in a nested-edge tool config ({@code deployment:} of
 *     {@code iotedge_config.yaml} or {@code az iot edge devices create}); empty when generated. Omitted
 *     from the plant file when empty.
 */
public record Device(String id, String displayName, DeviceKind kind, String hostname, String layerId,
        String parentId, SshEndpoint ssh, OsFamily os, Provisioning provisioning, EdgeRuntime runtime,
        List<EdgeModule> modules, List<Route> routes, int expectedOfflineDays, Position position,
        String deployment) {

    /** Normalises nulls and copies collections. */
    public Device {
        id = id == null ? "" : id;
        displayName = displayName == null || displayName.isBlank() ? id : displayName;
        kind = Objects.requireNonNullElse(kind, DeviceKind.IOT_EDGE);
        hostname = hostname == null ? "" : hostname;
        layerId = layerId == null ? "" : layerId;
        parentId = parentId == null ? "" : parentId;
        ssh = Objects.requireNonNullElse(ssh, new SshEndpoint("", 22, "", Reachability.DIRECT));
        os = Objects.requireNonNullElse(os, OsFamily.DEBIAN);
        provisioning = Objects.requireNonNullElse(provisioning, Provisioning.manualSas());
        modules = modules == null ? List.of() : List.copyOf(modules);
        routes = routes == null ? List.of() : List.copyOf(routes);
        position = Objects.requireNonNullElse(position, Position.ORIGIN);
        expectedOfflineDays = Math.max(0, expectedOfflineDays);
        deployment = deployment == null ? "" : deployment;
    }

    /** A device without a user-supplied deployment file (see the canonical constructor). */
    public Device(String id, String displayName, DeviceKind kind, String hostname, String layerId,
            String parentId, SshEndpoint ssh, OsFamily os, Provisioning provisioning, EdgeRuntime runtime,
            List<EdgeModule> modules, List<Route> routes, int expectedOfflineDays, Position position) {
        this(id, displayName, kind, hostname, layerId, parentId, ssh, os, provisioning, runtime, modules, routes,
                expectedOfflineDays, position, "");
    }

    /** True for IoT Edge devices. */
    public boolean isEdge() {
        return kind == DeviceKind.IOT_EDGE;
    }

    /** True when the device has a parent (it is not on the top layer). */
    public boolean hasParent() {
        return !parentId.isEmpty();
    }

    /** The module with this name, if any. */
    public Optional<EdgeModule> module(String name) {
        return modules.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The modules of one type, in order. */
    public List<EdgeModule> modules(ModuleType type) {
        return modules.stream().filter(m -> m.type() == type).toList();
    }

    /** A builder pre-filled with this device's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Copy with another parent (empty string: none). */
    public Device withParent(String newParentId) {
        return toBuilder().parentId(newParentId).build();
    }

    /** Copy with another hostname. */
    public Device withHostname(String newHostname) {
        return toBuilder().hostname(newHostname).build();
    }

    /** Copy in another layer. */
    public Device withLayer(String newLayerId) {
        return toBuilder().layerId(newLayerId).build();
    }

    /** Copy at another canvas position. */
    public Device withPosition(Position newPosition) {
        return toBuilder().position(newPosition).build();
    }

    /** Copy with other modules. */
    public Device withModules(List<EdgeModule> newModules) {
        return toBuilder().modules(newModules).build();
    }

    /** Copy with another runtime. */
    public Device withRuntime(EdgeRuntime newRuntime) {
        return toBuilder().runtime(newRuntime).build();
    }

    /** Starts a builder for a device with this ID. */
    public static Builder builder(String id, DeviceKind kind) {
        return new Builder(new Device(id, id, kind, "", "", "", null, null, null, null, null, null, 0, null, ""));
    }

    /** Mutable builder for {@link Device}; not thread-safe. */
    public static final class Builder {
        private String id, displayName, hostname, layerId, parentId, deployment;
        private DeviceKind kind;
        private SshEndpoint ssh;
        private OsFamily os;
        private Provisioning provisioning;
        private EdgeRuntime runtime;
        private List<EdgeModule> modules;
        private List<Route> routes;
        private int expectedOfflineDays;
        private Position position;

        private Builder(Device d) {
            id = d.id; displayName = d.displayName; kind = d.kind; hostname = d.hostname; layerId = d.layerId;
            parentId = d.parentId; ssh = d.ssh; os = d.os; provisioning = d.provisioning; runtime = d.runtime;
            modules = d.modules; routes = d.routes; expectedOfflineDays = d.expectedOfflineDays; position = d.position;
            deployment = d.deployment;
        }

        /** Sets the device ID. */
        public Builder id(String v) { id = v; return this; }
        /** Sets the display name. */
        public Builder displayName(String v) { displayName = v; return this; }
        /** Sets the kind. */
        public Builder kind(DeviceKind v) { kind = v; return this; }
        /** Sets the hostname. */
        public Builder hostname(String v) { hostname = v; return this; }
        /** Sets the layer. */
        public Builder layerId(String v) { layerId = v; return this; }
        /** Sets the parent device ID (empty: top layer). */
        public Builder parentId(String v) { parentId = v; return this; }
        /** Sets the SSH endpoint. */
        public Builder ssh(SshEndpoint v) { ssh = v; return this; }
        /** Sets the OS family. */
        public Builder os(OsFamily v) { os = v; return this; }
        /** Sets the provisioning. */
        public Builder provisioning(Provisioning v) { provisioning = v; return this; }
        /** Sets the runtime (null for leaf devices). */
        public Builder runtime(EdgeRuntime v) { runtime = v; return this; }
        /** Sets the modules. */
        public Builder modules(List<EdgeModule> v) { modules = v; return this; }
        /** Sets the routes. */
        public Builder routes(List<Route> v) { routes = v; return this; }
        /** Sets the expected offline days. */
        public Builder expectedOfflineDays(int v) { expectedOfflineDays = v; return this; }
        /** Sets the canvas position. */
        public Builder position(Position v) { position = v; return this; }
        /** Sets the user-supplied deployment manifest path (empty: generated from the modules). */
        public Builder deployment(String v) { deployment = v; return this; }

        /** Builds the immutable device. */
        public Device build() {
            return new Device(id, displayName, kind, hostname, layerId, parentId, ssh, os, provisioning,
                    runtime, modules, routes, expectedOfflineDays, position, deployment);
        }
    }
}
