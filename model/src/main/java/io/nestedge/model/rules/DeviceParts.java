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

    /** An image of a device and the field it sits in. */
    public record Image(String field, String owner, String image) {
    }

    /** A host port binding of a device and the module (or {@code edgeHub}) that publishes it. */
    public record Binding(String field, String owner, PortBinding port) {
    }

    /** Field path of a module property, e.g. {@code modules[registry].env.REGISTRY_PROXY_REMOTEURL}. */
    public static String moduleField(EdgeModule m, String property) {
        return "modules[" + m.name() + "]." + property;
    }

    /** The edgeAgent and edgeHub images (when the device has a runtime) and every module image. */
    public static List<Image> images(Device d) {
        List<Image> out = new ArrayList<>(2 + d.modules().size());
        if (d.runtime() != null) {
            out.add(new Image("runtime.agentImage", "edgeAgent", d.runtime().agentImage()));
            out.add(new Image("runtime.hubImage", "edgeHub", d.runtime().hubImage()));
        }
        for (EdgeModule m : d.modules()) {
            out.add(new Image(moduleField(m, "image"), m.name(), m.image()));
        }
        return out;
    }

    /** Every host port binding: edgeHub's first, then the modules' in order. */
    public static List<Binding> bindings(Device d) {
        List<Binding> out = new ArrayList<>();
        if (d.runtime() != null) {
            for (PortBinding p : d.runtime().edgeHubPorts()) {
                out.add(new Binding("runtime.edgeHubPorts", "edgeHub", p));
            }
        }
        for (EdgeModule m : d.modules()) {
            for (PortBinding p : m.ports()) {
                out.add(new Binding(moduleField(m, "ports"), m.name(), p));
            }
        }
        return out;
    }
}
