package io.nestedge.model.rules;

import io.nestedge.model.Device;
import io.nestedge.model.EdgeModule;
import io.nestedge.model.PortBinding;
import java.util.ArrayList;
import java.util.List;

/**
 * The images and host port bindings of a device, each with the field path findings use
 * ({@code runtime.agentImage}, {@code modules[NAME].image}, {@code runtime.edgeHubPorts}, …).
 */
public final class DeviceParts {
    private DeviceParts() {
    }

    /**
     * An image of a device: its owner ({@code edgeAgent}, {@code edgeHub} or a module name) and whether
     * the owner is a custom module.
     */
    public record Image(String owner, String image, boolean isModule) {
        /** The field path: {@code runtime.agentImage}, {@code runtime.hubImage} or {@code modules[NAME].image}. */
        public String field() {
            return isModule ? "modules[" + owner + "].image" : owner.equals("edgeAgent") ? "runtime.agentImage" : "runtime.hubImage";
        }
    }

    /** A host port binding of a device and the module (or {@code edgeHub}) that publishes it. */
    public record Binding(String owner, PortBinding port, boolean isModule) {
        /** The field path: {@code runtime.edgeHubPorts} or {@code modules[NAME].ports}. */
        public String field() {
            return isModule ? "modules[" + owner + "].ports" : "runtime.edgeHubPorts";
        }
    }

    /** Field path of a module property, e.g. {@code modules[registry].env.REGISTRY_PROXY_REMOTEURL}. */
    public static String moduleField(EdgeModule m, String property) {
        return "modules[" + m.name() + "]." + property;
    }

    /** The edgeAgent and edgeHub images (when the device has a runtime) and every module image. */
    public static List<Image> images(Device d) {
        List<Image> out = new ArrayList<>(2 + d.modules().size());
        if (d.runtime() != null) {
            out.add(new Image("edgeAgent", d.runtime().agentImage(), false));
            out.add(new Image("edgeHub", d.runtime().hubImage(), false));
        }
        for (EdgeModule m : d.modules()) {
            out.add(new Image(m.name(), m.image(), true));
        }
        return out;
    }

    /** True when the device has at least one module of this type (no allocation). */
    public static boolean hasModule(Device d, io.nestedge.model.ModuleType type) {
        for (EdgeModule m : d.modules()) {
            if (m.type() == type) {
                return true;
            }
        }
        return false;
    }

    /** Every host port binding: edgeHub's first, then the modules' in order. */
    public static List<Binding> bindings(Device d) {
        List<Binding> out = new ArrayList<>();
        if (d.runtime() != null) {
            for (PortBinding p : d.runtime().edgeHubPorts()) {
                out.add(new Binding("edgeHub", p, false));
            }
        }
        for (EdgeModule m : d.modules()) {
            for (PortBinding p : m.ports()) {
                out.add(new Binding(m.name(), p, true));
            }
        }
        return out;
    }
}
