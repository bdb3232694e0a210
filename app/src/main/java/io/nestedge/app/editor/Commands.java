package io.nestedge.app.editor;

import io.nestedge.model.Device;
import io.nestedge.model.EdgeModule;
import io.nestedge.model.Plant;
import io.nestedge.model.Position;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Factory of the designer's commands (each a pure {@code Plant -> Plant} edit with a description). */
public final class Commands {
    private Commands() {
    }

    /**
     * Moves devices; a device whose target lane differs from its layer changes layer.
     *
     * @param moves device ID to its new top-left position
     * @param layers device ID to its new layer ID (only for devices that change lane; may be empty)
     * @return "Move site-gw", "Move 3 devices", or "Move ops-gw to L3"
     */
    public static Command move(Map<String, Position> moves, Map<String, String> layers) {
        Map<String, Position> m = Map.copyOf(moves);
        Map<String, String> l = Map.copyOf(layers);
        String what = m.size() == 1 ? m.keySet().iterator().next() : m.size() + " devices";
        Set<String> targets = new LinkedHashSet<>(l.values());
        String desc = "Move " + what + (targets.size() == 1 && !l.isEmpty() ? " to " + targets.iterator().next() : "");
        return Command.of(desc, p -> {
            List<Device> changed = new ArrayList<>();
            for (Map.Entry<String, Position> e : m.entrySet()) {
                Device d = p.deviceOrNull(e.getKey());
                if (d != null) {
                    Device.Builder b = d.toBuilder().position(e.getValue());
                    if (l.containsKey(d.id())) {
                        b.layerId(l.get(d.id()));
                    }
                    changed.add(b.build());
                }
            }
            return p.withDevices(changed);
        });
    }

    /**
     * Adds a device.
     *
     * @param d the new device (its ID must not exist yet)
     * @return "Add IoT Edge device edge-1" / "Add leaf device leaf-1"
     */
    public static Command addDevice(Device d) {
        return Command.of("Add " + (d.isEdge() ? "IoT Edge device " : "leaf device ") + d.id(), p -> p.withDevice(d));
    }

    /**
     * Deletes devices. Their children are disconnected like {@link #disconnect} (they keep their
     * position and layer, and their images are rewritten for the top layer).
     *
     * @param ids devices to delete
     * @return "Delete site-gw" / "Delete 3 devices"
     */
    public static Command delete(Collection<String> ids) {
        Set<String> del = Set.copyOf(ids);
        String desc = "Delete " + (del.size() == 1 ? del.iterator().next() : del.size() + " devices");
        return Command.of(desc, p -> {
            List<Device> kept = new ArrayList<>();
            for (Device d : p.devices()) {
                if (del.contains(d.id())) {
                    continue;
                }
                kept.add(del.contains(d.parentId()) ? ImageRebase.forPlace(p, ModuleEdits.withRouteAddress(d.withParent(""))) : d);
            }
            return p.withDeviceList(kept); // keeps every plant-wide setting
        });
    }

    /**
     * Sets a child's parent and, in the same undo step, rewrites its images to pull through the
     * parent ({@link ImageRebase}, facts §3/§5). Callers check {@link ConnectionRules#check} first.
     *
     * @param childId the child
     * @param parentId the new parent
     * @return "Connect line1-edge to ops-gw"
     */
    public static Command connect(String childId, String parentId) {
        return Command.of("Connect " + childId + " to " + parentId, p -> reparent(p, childId, parentId));
    }

    /**
     * Removes a child's parent (it becomes a top-layer device) and, in the same undo step, rewrites its
     * {@code $upstream} images to the plant's registry and fills in the API proxy's route address to
     * a registry module it runs ({@link ImageRebase}, {@link ModuleEdits#withRouteAddress}).
     *
     * @param childId the child
     * @return "Disconnect line1-edge from its parent"
     */
    public static Command disconnect(String childId) {
        return Command.of("Disconnect " + childId + " from its parent", p -> reparent(p, childId, ""));
    }

    /** Sets the parent (empty: none) and fixes the images and route address for the new place. */
    static Plant reparent(Plant p, String childId, String parentId) {
        return p.updateDevice(childId, d -> ImageRebase.forPlace(p, ModuleEdits.withRouteAddress(d.withParent(parentId))));
    }

    /**
     * Edits one device.
     *
     * @param id the device
     * @param field the field's display name (for the description)
     * @param edit the change
     * @return "Set hostname of ops-gw"
     */
    public static Command editDevice(String id, String field, UnaryOperator<Device> edit) {
        return Command.of("Set " + field + " of " + id, p -> p.updateDevice(id, edit));
    }

    /**
     * Changes a device ID; its children follow.
     *
     * @param oldId current ID
     * @param newId new ID (callers check it is free)
     * @return "Rename ops-gw to ops-gw-2"
     */
    public static Command rename(String oldId, String newId) {
        return Command.of("Rename " + oldId + " to " + newId, p -> {
            Device d = p.deviceOrNull(oldId);
            return d == null || p.deviceOrNull(newId) != null ? p : p.replaceDevice(oldId, d.toBuilder().id(newId).build());
        });
    }

    /**
     * Edits plant-wide settings.
     *
     * @param field display name of the setting
     * @param edit the change
     * @return "Set IoT Hub hostname"
     */
    public static Command editPlant(String field, UnaryOperator<Plant> edit) {
        return Command.of("Set " + field, edit);
    }

    /**
     * Adds a module to an IoT Edge device (see {@link DeviceTemplates#withModule}); on a top-layer
     * device a registry and an API proxy are tied together with {@code DOCKER_REQUEST_ROUTE_ADDRESS}
     * in the same step ({@link ModuleEdits#withRouteAddress}, facts §5).
     *
     * @param deviceId the device
     * @param module the module
     * @return "Add module IoTEdgeAPIProxy to ops-gw"
     */
    public static Command addModule(String deviceId, EdgeModule module) {
        return Command.of("Add module " + module.name() + " to " + deviceId,
                p -> p.updateDevice(deviceId, d -> ModuleEdits.withRouteAddress(DeviceTemplates.withModule(d, module))));
    }

    /**
     * Removes a module from an IoT Edge device (see {@link ModuleEdits#remove}).
     *
     * @param deviceId the device
     * @param moduleName the module
     * @return "Remove module registry from site-gw"
     */
    public static Command removeModule(String deviceId, String moduleName) {
        return Command.of("Remove module " + moduleName + " from " + deviceId,
                p -> p.updateDevice(deviceId, d -> ModuleEdits.remove(d, moduleName)));
    }

    /**
     * Edits one module of an IoT Edge device.
     *
     * @param deviceId the device
     * @param moduleName the module
     * @param what what changes, for the description (e.g. "image", "env NGINX_DEFAULT_PORT")
     * @param edit the change
     * @return "Set image of module IoTEdgeAPIProxy on ops-gw"
     */
    public static Command editModule(String deviceId, String moduleName, String what, UnaryOperator<EdgeModule> edit) {
        return Command.of("Set " + what + " of module " + moduleName + " on " + deviceId,
                p -> p.updateDevice(deviceId, d -> ModuleEdits.update(d, moduleName, edit)));
    }

    /**
     * Applies an automatic layout.
     *
     * @param positions new top-left position per device
     * @return "Auto-layout 42 devices"
     */
    public static Command layout(Map<String, Position> positions) {
        Map<String, Position> m = Map.copyOf(positions);
        return Command.of("Auto-layout " + m.size() + " devices", p -> {
            List<Device> changed = new ArrayList<>();
            m.forEach((id, pos) -> {
                Device d = p.deviceOrNull(id);
                if (d != null) {
                    changed.add(d.withPosition(pos));
                }
            });
            return p.withDevices(changed);
        });
    }
}
