package io.nestedge.app.editor;

import io.nestedge.model.Device;
import io.nestedge.model.EdgeModule;
import io.nestedge.model.ModuleType;
import io.nestedge.model.PortBinding;
import io.nestedge.model.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The connectors drawn on a device node (pure). Every device has one upstream port (top edge centre)
 * through which it reaches its parent. An IoT Edge device has downstream ports on its bottom edge:
 * the host ports children connect to, i.e. edgeHub's host ports (5671 AMQP, 8883 MQTT, 443 when no
 * API proxy takes it) and the host ports of its modules (443 for the API proxy); the registry
 * module's port is internal (reached through the API proxy) and is not shown (facts §5).
 */
public final class DevicePorts {
    /**
     * One downstream port.
     *
     * @param port host port number
     * @param owner module publishing it ({@code edgeHub} or a module name)
     */
    public record Port(int port, String owner) {
        /** Short protocol hint for tooltips: HTTPS/API proxy, AMQP, MQTT. */
        public String protocol() {
            return switch (port) {
                case 443 -> "HTTPS";
                case 5671 -> "AMQP";
                case 8883 -> "MQTT";
                default -> "TCP";
            };
        }
    }

    private DevicePorts() {
    }

    /**
     * Downstream ports of a device, sorted by port number; empty for leaf devices.
     *
     * @param d the device
     * @return ports (one per distinct host port)
     */
    public static List<Port> downstream(Device d) {
        if (!d.isEdge()) {
            return List.of();
        }
        TreeMap<Integer, String> ports = new TreeMap<>();
        if (d.runtime() != null) {
            for (PortBinding p : d.runtime().edgeHubPorts()) {
                ports.putIfAbsent(p.hostPort(), "edgeHub");
            }
        }
        for (EdgeModule m : d.modules()) {
            if (m.type() == ModuleType.REGISTRY) {
                continue;
            }
            for (PortBinding p : m.ports()) {
                ports.put(p.hostPort(), m.name());
            }
        }
        List<Port> out = new ArrayList<>();
        ports.forEach((k, v) -> out.add(new Port(k, v)));
        return out;
    }

    /**
     * The x offset (from the node's left edge) of downstream port {@code index} of {@code count}.
     *
     * @param index 0-based
     * @param count number of ports
     * @return pixels
     */
    public static double portX(int index, int count) {
        double step = NodeMetrics.WIDTH / (count + 1);
        return step * (index + 1);
    }

    /** Centre of the upstream port of a node at {@code topLeft}. */
    public static Position upstreamAnchor(Position topLeft) {
        return new Position(topLeft.x() + NodeMetrics.WIDTH / 2, topLeft.y());
    }

    /** Centre of downstream port {@code index} of {@code count} of a node at {@code topLeft}. */
    public static Position downstreamAnchor(Position topLeft, int index, int count) {
        return new Position(topLeft.x() + portX(index, count), topLeft.y() + NodeMetrics.HEIGHT);
    }

    /**
     * Which of the parent's downstream ports a link from {@code child} is drawn to: an IoT Edge child
     * pulls images and reaches its parent's API through 443 (the API proxy) when the parent has it;
     * a leaf device talks MQTT (8883), else AMQP (5671); otherwise the first port.
     *
     * @param parentPorts the parent's downstream ports
     * @param child the child device
     * @return index into {@code parentPorts}, or -1 when there are none
     */
    public static int linkPortIndex(List<Port> parentPorts, Device child) {
        if (parentPorts.isEmpty()) {
            return -1;
        }
        int[] prefs = child.isEdge() ? new int[] {443, 8883, 5671} : new int[] {8883, 5671, 443};
        for (int want : prefs) {
            for (int i = 0; i < parentPorts.size(); i++) {
                if (parentPorts.get(i).port() == want) {
                    return i;
                }
            }
        }
        return 0;
    }
}
