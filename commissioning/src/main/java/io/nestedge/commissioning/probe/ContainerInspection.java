package io.nestedge.commissioning.probe;

import java.util.Map;
import java.util.Optional;

/**
 * What {@code docker inspect <container>} says about one container (facts §6).
 *
 * @param name container name without the leading slash
 * @param configHostname {@code Config.Hostname}
 * @param env {@code Config.Env} as a map (a variable without '=' maps to "")
 * @param image {@code Config.Image}
 * @param status {@code State.Status} (running, exited, …), "" when absent
 * @param running {@code State.Running}
 * @param exitCode {@code State.ExitCode}
 */
public record ContainerInspection(String name, String configHostname, Map<String, String> env, String image,
        String status, boolean running, int exitCode) {
    /** Defensive copy. */
    public ContainerInspection {
        env = Map.copyOf(env);
    }

    /** {@code EdgeDeviceHostName}, the hostname edgeHub was created with (facts §6). */
    public Optional<String> edgeDeviceHostName() {
        return Optional.ofNullable(env.get("EdgeDeviceHostName"));
    }

    /** {@code IOTEDGE_GATEWAYHOSTNAME}, the parent a child's edgeHub was created with. */
    public Optional<String> gatewayHostName() {
        return Optional.ofNullable(env.get("IOTEDGE_GATEWAYHOSTNAME"));
    }
}
