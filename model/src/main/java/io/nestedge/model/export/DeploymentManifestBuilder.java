package io.nestedge.model.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nestedge.model.Device;
import io.nestedge.model.EdgeModule;
import io.nestedge.model.EdgeRuntime;
import io.nestedge.model.ModuleType;
import io.nestedge.model.Plant;
import io.nestedge.model.PortBinding;
import io.nestedge.model.Route;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds an IoT Edge device's deployment manifest (facts §5) with Jackson:
 * {@code modulesContent.$edgeAgent.properties.desired} (schemaVersion 1.1, runtime with registry
 * credentials for a private registry, systemModules edgeAgent/edgeHub, modules) and
 * {@code modulesContent.$edgeHub.properties.desired} (schemaVersion 1.1, routes,
 * store-and-forward TTL). Every manifest is checked with {@link ManifestSchemaValidator} before it is
 * returned.
 *
 * <p>edgeHub's port bindings come from the device's {@code edgeHubPorts} (so 443 stays with the API
 * proxy, field case F21). Environment variables filled in here, never read from the plant: the API
 * proxy's {@code NGINX_DEFAULT_PORT} (plant proxy port) and, on a device with a registry module,
 * {@code DOCKER_REQUEST_ROUTE_ADDRESS} (both only when the module does not set them); the registry
 * module's {@code REGISTRY_PROXY_USERNAME}/{@code REGISTRY_PROXY_PASSWORD} for a private registry,
 * password from {@link ExportSecrets}.
 */
public final class DeploymentManifestBuilder {
    /** Minimum Docker version put into the runtime settings. */
    public static final String MIN_DOCKER_VERSION = "v1.25";
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private DeploymentManifestBuilder() {
    }

    /**
     * Builds and validates the manifest of one IoT Edge device.
     *
     * @param plant the plant (registry, API proxy convention)
     * @param device an IoT Edge device with a runtime
     * @param secrets secrets entered at export (registry password)
     * @return the manifest
     * @throws ExportException if the device is not an IoT Edge device, a module's create options are
     *     not a JSON object or too long, the registry password is missing, or the result breaks the
     *     deployment schema rules of {@link ManifestSchemaValidator} (the message names each JSON path
     *     and what it expects)
     */
    public static ObjectNode build(Plant plant, Device device, ExportSecrets secrets) throws ExportException {
        String id = device.id();
        EdgeRuntime rt = device.runtime();
        if (!device.isEdge() || rt == null) {
            throw new ExportException(id, "is not an IoT Edge device with a runtime; only IoT Edge devices get a deployment.",
                    "Set the device's kind to IoT Edge and give it edgeAgent/edgeHub images.");
        }
        var registry = PrivateRegistry.of(plant);
        String password = null;
        if (registry.isPresent()) {
            password = secrets.registryPasswordIfAny().orElseThrow(() -> new ExportException(id,
                    "the plant pulls from the private registry " + plant.registry().address() + ", but no registry password was entered.",
                    "Enter the registry password at export."));
        }

        ObjectNode manifest = CreateOptions.JSON.createObjectNode();
        ObjectNode mc = manifest.putObject("modulesContent");
        ObjectNode agentDesired = mc.putObject("$edgeAgent").putObject("properties.desired");
        agentDesired.put("schemaVersion", "1.1");
        ObjectNode runtime = agentDesired.putObject("runtime");
        runtime.put("type", "docker");
        ObjectNode rs = runtime.putObject("settings");
        rs.put("minDockerVersion", MIN_DOCKER_VERSION);
        if (registry.isPresent()) {
            ObjectNode cred = rs.putObject("registryCredentials").putObject(registry.get().credentialsName());
            cred.put("username", registry.get().username());
            cred.put("password", password);
            cred.put("address", registry.get().address());
        }

        ObjectNode sys = agentDesired.putObject("systemModules");
        ObjectNode agent = sys.putObject("edgeAgent");
        agent.put("type", "docker");
        ObjectNode as = agent.putObject("settings");
        as.put("image", rt.agentImage());
        CreateOptions.put(as, "{}", id, "edgeAgent");

        ObjectNode hub = sys.putObject("edgeHub");
        hub.put("type", "docker");
        ObjectNode hs = hub.putObject("settings");
        hs.put("image", rt.hubImage());
        CreateOptions.put(hs, CreateOptions.toText(CreateOptions.merge("", rt.edgeHubPorts(), id, "edgeHub")), id, "edgeHub");
        env(hub, rt.edgeHubEnv());
        hub.put("status", "running");
        hub.put("restartPolicy", "always");

        ObjectNode modules = agentDesired.putObject("modules");
        for (EdgeModule m : device.modules()) {
            ObjectNode mod = modules.putObject(m.name());
            mod.put("version", "1.0");
            mod.put("type", "docker");
            mod.put("status", m.status());
            mod.put("restartPolicy", m.restartPolicy());
            ObjectNode ms = mod.putObject("settings");
            ms.put("image", m.image());
            CreateOptions.put(ms, CreateOptions.toText(CreateOptions.merge(m.createOptions(), m.ports(), id, m.name())), id, m.name());
            env(mod, moduleEnv(plant, device, m, registry.orElse(null), password));
        }

        ObjectNode hubDesired = mc.putObject("$edgeHub").putObject("properties.desired");
        hubDesired.put("schemaVersion", "1.1");
        ObjectNode routes = hubDesired.putObject("routes");
        for (Route r : device.routes()) {
            routes.put(r.name(), r.statement());
        }
        hubDesired.putObject("storeAndForwardConfiguration").put("timeToLiveSecs", rt.storeAndForwardTtlSecs());

        List<String> problems = ManifestSchemaValidator.validate(manifest);
        if (!problems.isEmpty()) {
            throw new ExportException(id, "its deployment manifest breaks the IoT Edge deployment schema: "
                    + String.join("; ", problems) + ".", "Correct the named module or route in the designer.");
        }
        return manifest;
    }

    /** The module's environment with the values export fills in (see the class comment). */
    static Map<String, String> moduleEnv(Plant plant, Device device, EdgeModule m, PrivateRegistry registry, String password) {
        Map<String, String> env = new TreeMap<>(m.env());
        if (m.type() == ModuleType.API_PROXY) {
            env.putIfAbsent("NGINX_DEFAULT_PORT", String.valueOf(plant.apiProxy().port()));
            device.modules(ModuleType.REGISTRY).stream().findFirst().ifPresent(reg -> env.putIfAbsent(
                    "DOCKER_REQUEST_ROUTE_ADDRESS", reg.name() + ":" + reg.ports().stream().findFirst()
                            .map(PortBinding::containerPort).orElse(5000)));
        }
        if (m.type() == ModuleType.REGISTRY && registry != null) {
            env.put("REGISTRY_PROXY_USERNAME", registry.username());
            env.put("REGISTRY_PROXY_PASSWORD", password);
        }
        return env;
    }

    private static void env(ObjectNode module, Map<String, String> env) {
        ObjectNode e = module.putObject("env");
        env.forEach((k, v) -> e.putObject(k).put("value", v));
    }

    /** True when the manifest holds a secret (a registry password), so its file must be 0600. */
    public static boolean holdsSecrets(ObjectNode manifest) {
        return manifest.path("modulesContent").path("$edgeAgent").path("properties.desired").path("runtime")
                .path("settings").has("registryCredentials");
    }

    /** The manifest as pretty-printed UTF-8 JSON with a trailing newline (key order as built). */
    public static byte[] toBytes(ObjectNode manifest) {
        try {
            return (CreateOptions.JSON.writer(PRETTY).writeValueAsString(manifest) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
