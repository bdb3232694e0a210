package io.nestedge.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The IoT Edge runtime settings of an IoT Edge device: the system modules edgeAgent and edgeHub.
 *
 * @param agentImage edgeAgent image; on a lower layer it must pull through the parent, e.g.
 *     {@code $upstream:443/azureiotedge-agent:1.5} (facts file §3, §5)
 * @param hubImage edgeHub image, same rules
 * @param edgeHubEnv environment of edgeHub (e.g. {@code MaxConnectedClients})
 * @param edgeHubPorts host port bindings of edgeHub (5671, 8883 and, without an API proxy, 443)
 * @param storeAndForwardTtlSecs edgeHub store-and-forward time to live, seconds
 */
public record EdgeRuntime(String agentImage, String hubImage, Map<String, String> edgeHubEnv,
        List<PortBinding> edgeHubPorts, int storeAndForwardTtlSecs) {

    /** Default edgeHub host ports when an API proxy takes 443. */
    public static final List<PortBinding> HUB_PORTS_WITH_PROXY = List.of(PortBinding.tcp(5671), PortBinding.tcp(8883));

    /** Normalises nulls and copies collections. */
    public EdgeRuntime {
        agentImage = agentImage == null ? "" : agentImage;
        hubImage = hubImage == null ? "" : hubImage;
        edgeHubEnv = edgeHubEnv == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(edgeHubEnv));
        edgeHubPorts = edgeHubPorts == null ? List.of() : List.copyOf(edgeHubPorts);
        storeAndForwardTtlSecs = storeAndForwardTtlSecs <= 0 ? 7200 : storeAndForwardTtlSecs;
    }

    /**
     * Runtime images pulled from {@code registry} (e.g. {@code mcr.microsoft.com} on the top layer,
     * {@code $upstream:443} below), version {@code version} (e.g. "1.5"); edgeHub binds 5671 and 8883.
     */
    public static EdgeRuntime of(String registry, String version) {
        return new EdgeRuntime(registry + "/azureiotedge-agent:" + version,
                registry + "/azureiotedge-hub:" + version, Map.of(), HUB_PORTS_WITH_PROXY, 7200);
    }

    /** True when edgeHub publishes {@code hostPort} on the host. */
    public boolean hubBindsHostPort(int hostPort) {
        return edgeHubPorts.stream().anyMatch(p -> p.hostPort() == hostPort);
    }

    /** Returns a copy with other images. */
    public EdgeRuntime withImages(String agent, String hub) {
        return new EdgeRuntime(agent, hub, edgeHubEnv, edgeHubPorts, storeAndForwardTtlSecs);
    }

    /** Returns a copy with other edgeHub host port bindings. */
    public EdgeRuntime withEdgeHubPorts(List<PortBinding> ports) {
        return new EdgeRuntime(agentImage, hubImage, edgeHubEnv, ports, storeAndForwardTtlSecs);
    }

    /** Returns a copy with one edgeHub environment variable set. */
    public EdgeRuntime withEdgeHubEnv(String key, String value) {
        Map<String, String> e = new TreeMap<>(edgeHubEnv);
        e.put(key, value);
        return new EdgeRuntime(agentImage, hubImage, e, edgeHubPorts, storeAndForwardTtlSecs);
    }
}
