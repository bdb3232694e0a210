package io.nestedge.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A module of an IoT Edge device's deployment (facts file §5). Immutable; {@code env} is kept sorted
 * by key so files and diffs are stable.
 *
 * @param name module name, {@code ^[a-zA-Z0-9_-]+$} per the deployment schema
 * @param type role of the module in the hierarchy
 * @param image container image, e.g. {@code $upstream:443/azureiotedge-api-proxy:1.1}
 * @param env environment variables (name to value); never secrets, those are filled in at export
 * @param createOptions Docker create options as a JSON string (may be empty); host port bindings are
 *     kept separately in {@code ports} and merged in at export
 * @param ports host port bindings
 * @param status desired status: "running" or "stopped"
 * @param restartPolicy "never", "on-failure", "on-unhealthy" or "always"
 */
public record EdgeModule(String name, ModuleType type, String image, Map<String, String> env,
        String createOptions, List<PortBinding> ports, String status, String restartPolicy) {

    /** Normalises nulls and copies collections. */
    public EdgeModule {
        name = name == null ? "" : name;
        type = Objects.requireNonNullElse(type, ModuleType.CUSTOM);
        image = image == null ? "" : image;
        env = env == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(env));
        createOptions = createOptions == null ? "" : createOptions;
        ports = ports == null ? List.of() : List.copyOf(ports);
        status = status == null || status.isBlank() ? "running" : status;
        restartPolicy = restartPolicy == null || restartPolicy.isBlank() ? "always" : restartPolicy;
    }

    /** True when one of the port bindings publishes {@code hostPort} on the host. */
    public boolean bindsHostPort(int hostPort) {
        return ports.stream().anyMatch(p -> p.hostPort() == hostPort);
    }

    /** Returns a copy with one environment variable set. */
    public EdgeModule withEnv(String key, String value) {
        Map<String, String> e = new TreeMap<>(env);
        e.put(key, value);
        return new EdgeModule(name, type, image, e, createOptions, ports, status, restartPolicy);
    }

    /** Returns a copy with other port bindings. */
    public EdgeModule withPorts(List<PortBinding> newPorts) {
        return new EdgeModule(name, type, image, env, createOptions, newPorts, status, restartPolicy);
    }

    /** Returns a copy with another image. */
    public EdgeModule withImage(String newImage) {
        return new EdgeModule(name, type, newImage, env, createOptions, ports, status, restartPolicy);
    }
}
