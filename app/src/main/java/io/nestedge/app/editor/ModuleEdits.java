package io.nestedge.app.editor;

import io.nestedge.model.Device;
import io.nestedge.model.EdgeModule;
import io.nestedge.model.ModuleType;
import io.nestedge.model.PortBinding;
import io.nestedge.model.rules.modules.RouteAddressRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Pure edits of one device's modules that keep the deployment consistent (facts §5): the top-layer
 * API proxy routes image pulls to the registry module ({@code DOCKER_REQUEST_ROUTE_ADDRESS}), and
 * exactly one module binds host port 443.
 */
public final class ModuleEdits {
    /** Port a registry module listens on when it publishes none (Docker registry default). */
    public static final int REGISTRY_PORT = 5000;

    private ModuleEdits() {
    }

    /**
     * On a top-layer device (no parent) that has a registry module, sets
     * {@code DOCKER_REQUEST_ROUTE_ADDRESS=<registry name>:<registry port>} on every API proxy that has
     * no (or a blank) value; otherwise returns the device unchanged.
     *
     * @param d the IoT Edge device
     * @return the device, with the route address filled in where it was missing
     */
    public static Device withRouteAddress(Device d) {
        if (d.hasParent()) {
            return d;
        }
        List<EdgeModule> registries = d.modules(ModuleType.REGISTRY);
        if (registries.isEmpty()) {
            return d;
        }
        EdgeModule reg = registries.get(0);
        String address = reg.name() + ":" + registryPort(reg);
        boolean changed = false;
        List<EdgeModule> mods = new ArrayList<>();
        for (EdgeModule m : d.modules()) {
            String v = m.env().get(RouteAddressRule.ENV);
            if (m.type() == ModuleType.API_PROXY && (v == null || v.isBlank())) {
                mods.add(m.withEnv(RouteAddressRule.ENV, address));
                changed = true;
            } else {
                mods.add(m);
            }
        }
        return changed ? d.withModules(mods) : d;
    }

    /** The container port a registry module listens on: its first binding's, else 5000. */
    static int registryPort(EdgeModule reg) {
        return reg.ports().isEmpty() ? REGISTRY_PORT : reg.ports().get(0).containerPort();
    }

    /**
     * Removes a module. When it published a host port that edgeHub serves by default (443) and no
     * other module binds it any more, edgeHub binds it again (facts §5: without an API proxy edgeHub
     * takes 443).
     *
     * @param d the device
     * @param name module name
     * @return the device without the module (unchanged when it has no such module)
     */
    public static Device remove(Device d, String name) {
        EdgeModule gone = d.module(name).orElse(null);
        if (gone == null) {
            return d;
        }
        List<EdgeModule> mods = new ArrayList<>(d.modules());
        mods.remove(gone);
        Device out = d.withModules(mods);
        if (out.runtime() != null && gone.bindsHostPort(443) && mods.stream().noneMatch(m -> m.bindsHostPort(443))
                && !out.runtime().hubBindsHostPort(443)) {
            List<PortBinding> hub = new ArrayList<>(out.runtime().edgeHubPorts());
            hub.add(0, PortBinding.tcp(443));
            out = out.withRuntime(out.runtime().withEdgeHubPorts(hub));
        }
        return out;
    }

    /**
     * Changes one module of a device.
     *
     * @param d the device
     * @param name module name
     * @param edit the change
     * @return the device (unchanged when it has no such module)
     */
    public static Device update(Device d, String name, UnaryOperator<EdgeModule> edit) {
        if (d.module(name).isEmpty()) {
            return d;
        }
        return d.withModules(d.modules().stream().map(m -> m.name().equals(name) ? edit.apply(m) : m).toList());
    }

    /**
     * A module with one environment variable set, or removed when {@code value} is null.
     *
     * @param m the module
     * @param key variable name
     * @param value new value, or null to remove
     * @return the module
     */
    public static EdgeModule env(EdgeModule m, String key, String value) {
        Map<String, String> e = new TreeMap<>(m.env());
        if (value == null) {
            e.remove(key);
        } else {
            e.put(key, value);
        }
        return new EdgeModule(m.name(), m.type(), m.image(), e, m.createOptions(), m.ports(), m.status(), m.restartPolicy());
    }
}
