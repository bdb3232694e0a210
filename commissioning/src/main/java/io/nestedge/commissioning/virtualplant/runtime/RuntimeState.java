package io.nestedge.commissioning.virtualplant.runtime;

import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the emulated runtime and container engine remember between invocations.
 *
 * @param servicesRunning true after a successful {@code config apply} (aziot-* services started)
 * @param appliedHostname hostname of the last successful apply (the runtime's "previous hostname")
 * @param containers containers by name
 * @param edgeHubPorts actual edgeHub ports by protocol ("mqtt", "amqp", "https"), kept across restarts
 * @param engineStartedAt when the container engine last (re)started, epoch ms
 * @param engineTrustDigest SHA-256 of the OS trust bundle the engine loaded at its start (facts §4:
 *     restart the engine after installing a CA)
 */
public record RuntimeState(boolean servicesRunning, String appliedHostname, Map<String, ContainerState> containers,
        Map<String, Integer> edgeHubPorts, long engineStartedAt, String engineTrustDigest) {

    /** Normalises nulls; maps are sorted and unmodifiable. */
    public RuntimeState {
        appliedHostname = appliedHostname == null ? "" : appliedHostname;
        containers = java.util.Collections.unmodifiableMap(new TreeMap<>(containers == null ? Map.of() : containers));
        edgeHubPorts = java.util.Collections.unmodifiableMap(new TreeMap<>(edgeHubPorts == null ? Map.of() : edgeHubPorts));
        engineTrustDigest = engineTrustDigest == null ? "" : engineTrustDigest;
    }

    /** A fresh device: nothing applied, no containers. */
    public static RuntimeState initial() {
        return new RuntimeState(false, "", Map.of(), Map.of(), 0, "");
    }

    /** Copy with one container replaced or added. */
    public RuntimeState withContainer(ContainerState c) {
        Map<String, ContainerState> m = new TreeMap<>(containers);
        m.put(c.name(), c);
        return new RuntimeState(servicesRunning, appliedHostname, m, edgeHubPorts, engineStartedAt, engineTrustDigest);
    }

    /** Copy without a container. */
    public RuntimeState withoutContainer(String name) {
        Map<String, ContainerState> m = new TreeMap<>(containers);
        m.remove(name);
        return new RuntimeState(servicesRunning, appliedHostname, m, edgeHubPorts, engineStartedAt, engineTrustDigest);
    }

    /** Copy after a successful apply. */
    public RuntimeState applied(String hostname) {
        return new RuntimeState(true, hostname, containers, edgeHubPorts, engineStartedAt, engineTrustDigest);
    }

    /** Copy with edgeHub's actual ports. */
    public RuntimeState withEdgeHubPorts(Map<String, Integer> ports) {
        return new RuntimeState(servicesRunning, appliedHostname, containers, ports, engineStartedAt, engineTrustDigest);
    }

    /** Copy after a container engine (re)start. */
    public RuntimeState engineRestarted(long now, String trustDigest) {
        return new RuntimeState(servicesRunning, appliedHostname, containers, edgeHubPorts, now, trustDigest);
    }

    /** The container with this name, or null. */
    public ContainerState container(String name) {
        return containers.get(name);
    }
}
