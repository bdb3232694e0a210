package io.nestedge.commissioning.virtualplant;

import io.nestedge.commissioning.virtualplant.runtime.HostnameRules;
import io.nestedge.commissioning.virtualplant.tls.HostResolver;
import io.nestedge.model.Device;
import io.nestedge.model.OsFamily;
import io.nestedge.model.Plant;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A running virtual plant (rehearsal mode): one {@link VirtualDevice} per device of the plant, leaf
 * devices included (they get a plain SSH/OS emulation; their {@code iotedge} is unconfigured),
 * started together. Each device resolves hostnames through the plant's hosts table, which maps a
 * device hostname to that device's emulated edgeHub on 127.0.0.1 (its ephemeral ports), so a child's
 * TLS checks reach its parent. Each gateway forwards TCP (ProxyJump) only to its own children.
 * {@link #close()} stops everything.
 */
public final class VirtualPlant implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Plant plant;
    private final Map<String, VirtualDevice> devices = new LinkedHashMap<>();
    private final Map<String, VirtualDevice> byHostname = new LinkedHashMap<>();

    private VirtualPlant(Plant plant) {
        this.plant = plant;
    }

    /**
     * Starts a virtual device for every device of the plant.
     *
     * @param plant the plant
     * @return the running plant
     * @throws IOException when a device cannot start (everything started so far is stopped)
     */
    public static VirtualPlant start(Plant plant) throws IOException {
        VirtualPlant vp = new VirtualPlant(plant);
        try {
            for (Device d : plant.devices()) {
                String user = d.ssh().user().isEmpty() ? "iotadmin" : d.ssh().user();
                VirtualDevice vd = new VirtualDevice(d.id(), machineName(d), user, password(),
                        d.os() == OsFamily.MARINER, vp.resolver());
                vd.start();
                vp.devices.put(d.id(), vd);
                if (!d.hostname().isEmpty()) {
                    vp.byHostname.put(d.hostname().toLowerCase(Locale.ROOT), vd);
                }
            }
            for (Device d : plant.devices()) {
                VirtualDevice parent = vp.devices.get(d.parentId());
                if (parent != null) {
                    parent.allowForwardTo("127.0.0.1", vp.devices.get(d.id()).port());
                }
            }
        } catch (IOException | RuntimeException e) {
            vp.close();
            throw e;
        }
        return vp;
    }

    /** The machine's own name: the first label of the hostname, or the device ID for IP hostnames. */
    static String machineName(Device d) {
        String h = d.hostname();
        if (h.isEmpty() || HostnameRules.isIpLiteral(h)) {
            return d.id();
        }
        return h.contains(".") ? h.substring(0, h.indexOf('.')) : h;
    }

    private static String password() {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    /** The plant's hosts table: device hostname → its emulated edgeHub on 127.0.0.1. */
    public HostResolver resolver() {
        return (host, port) -> {
            VirtualDevice d = byHostname.get(host.toLowerCase(Locale.ROOT));
            if (d == null) {
                return Optional.empty();
            }
            try {
                Map<String, Integer> ports = d.context().state().load().edgeHubPorts();
                Integer p = ports.get(port == 8883 ? "mqtt" : port == 5671 ? "amqp" : "https");
                // not (yet) listening: a closed port, as a stopped edgeHub would be
                return Optional.of(new InetSocketAddress("127.0.0.1", p == null ? 1 : p));
            } catch (IOException e) {
                return Optional.empty();
            }
        };
    }

    /** The virtual device of a plant device. */
    public VirtualDevice device(String deviceId) {
        return devices.get(deviceId);
    }

    /** The connection sheet. */
    public ConnectionSheet sheet() throws IOException {
        List<ConnectionSheet.Entry> out = new ArrayList<>();
        for (Device d : plant.devices()) {
            VirtualDevice v = devices.get(d.id());
            out.add(new ConnectionSheet.Entry(d.id(), d.hostname(), "127.0.0.1", v.port(), v.loginUser(),
                    v.hostKeyFingerprint(), v.sudoPassword(), d.parentId(), v.context().state().load().edgeHubPorts()));
        }
        return new ConnectionSheet(plant.name(), out);
    }

    @Override
    public void close() {
        for (VirtualDevice d : devices.values()) {
            try {
                d.close();
            } catch (IOException e) {
                // keep closing the others
            }
        }
        devices.clear();
    }
}
