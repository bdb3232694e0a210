package io.nestedge.model.io.yaml;

import static io.nestedge.model.io.yaml.IotEdgeConfigFormat.putIfSet;
import static io.nestedge.model.io.yaml.IotEdgeConfigFormat.require;
import static io.nestedge.model.io.yaml.IotEdgeConfigFormat.requireText;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nestedge.model.io.InputException;
import java.util.ArrayList;
import java.util.List;

/**
 * The edge devices config of {@code az iot edge devices create --config-file} (Azure CLI IoT extension,
 * schema version "1.0" in {@code edge_device_config.py}): read with Jackson YAML into records that
 * mirror that schema, and written in the shape of the extension's sample config.
 *
 * <p>Shape: {@code configVersion}; {@code iotHub} ({@code authenticationMethod}: {@code symmetricKey} |
 * {@code x509Certificate}); optional {@code certificates} ({@code rootCACertPath},
 * {@code rootCACertKeyPath}); {@code edgeConfiguration} ({@code templateConfigPath} optional,
 * {@code defaultEdgeAgent}); {@code edgeDevices}: a list of devices with {@code deviceId}, optional
 * {@code edgeAgent}, {@code hostname}, {@code deployment}, {@code containerAuth} ({@code serverAddress},
 * {@code username}, {@code password}) and {@code children} (at least one device when present). The
 * format has no leaf devices and no IoT Hub name (the hub is a command argument).
 */
final class AzDevicesConfigFormat {
    static final String SYMMETRIC_KEY = "symmetricKey";
    static final String X509 = "x509Certificate";
    private static final EdgeToolFormat FORMAT = EdgeToolFormat.AZ_DEVICES;

    private AzDevicesConfigFormat() {
    }

    record Doc(@JsonProperty("configVersion") String configVersion, @JsonProperty("iotHub") Hub iotHub,
            @JsonProperty("certificates") Certs certificates,
            @JsonProperty("edgeConfiguration") EdgeConfiguration edgeConfiguration,
            @JsonProperty("edgeDevices") List<Device> edgeDevices) implements YamlNode {
    }

    record Hub(@JsonProperty("authenticationMethod") String authenticationMethod) implements YamlNode {
    }

    record Certs(@JsonProperty("rootCACertPath") String rootCaCertPath,
            @JsonProperty("rootCACertKeyPath") String rootCaCertKeyPath) implements YamlNode {
    }

    record EdgeConfiguration(@JsonProperty("templateConfigPath") String templateConfigPath,
            @JsonProperty("defaultEdgeAgent") String defaultEdgeAgent) implements YamlNode {
    }

    record Device(@JsonProperty("deviceId") String deviceId, @JsonProperty("hostname") String hostname,
            @JsonProperty("edgeAgent") String edgeAgent, @JsonProperty("deployment") String deployment,
            @JsonProperty("containerAuth") Auth containerAuth, @JsonProperty("children") List<Device> children)
            implements YamlNode {
    }

    record Auth(@JsonProperty("serverAddress") String serverAddress, @JsonProperty("username") String username,
            @JsonProperty("password") String password) implements YamlNode {
        /** Server and user, never the password (a record's default form would print it). */
        @Override
        public String toString() {
            return "Auth[" + username + "@" + serverAddress + (password == null || password.isEmpty() ? "" : ", password present") + "]";
        }
    }

    /**
     * Reads an {@code az iot edge devices create} config.
     *
     * @throws InputException naming the file, key path and line for a wrong or missing configVersion,
     *     malformed YAML, unknown keys, wrong value kinds, missing required keys and empty
     *     {@code children} lists (which the Azure CLI refuses too)
     */
    static ToolConfig read(byte[] bytes, String file) throws InputException {
        YamlSupport.checkVersion(bytes, file, FORMAT);
        YamlSupport.Bound<Doc> b = YamlSupport.bind(bytes, file, Doc.class, FORMAT);
        Doc d = b.value();
        Hub hub = require(d.iotHub(), file, b.at("iotHub", d), "iotHub", "iotHub:\n  authenticationMethod: symmetricKey");
        String auth = requireText(hub.authenticationMethod(), file, b.at("iotHub.authenticationMethod", hub),
                "authenticationMethod");
        if (!auth.equals(SYMMETRIC_KEY) && !auth.equals(X509)) {
            throw new InputException(file, b.at("iotHub.authenticationMethod", hub), "authenticationMethod '" + auth
                    + "' is not valid; expected " + SYMMETRIC_KEY + " or " + X509 + ".", "Use one of those two values.");
        }
        String rootCert = "";
        String rootKey = "";
        if (d.certificates() != null) {
            rootCert = requireText(d.certificates().rootCaCertPath(), file,
                    b.at("certificates.rootCACertPath", d.certificates()), "rootCACertPath");
            rootKey = requireText(d.certificates().rootCaCertKeyPath(), file,
                    b.at("certificates.rootCACertKeyPath", d.certificates()), "rootCACertKeyPath");
        }
        EdgeConfiguration c = require(d.edgeConfiguration(), file, b.at("edgeConfiguration", d), "edgeConfiguration",
                "edgeConfiguration:\n  defaultEdgeAgent: \"$upstream:443/azureiotedge-agent:1.5\"");
        String agent = requireText(c.defaultEdgeAgent(), file, b.at("edgeConfiguration.defaultEdgeAgent", c),
                "defaultEdgeAgent");
        if (d.edgeDevices() == null || d.edgeDevices().isEmpty()) {
            throw new InputException(file, b.at("edgeDevices", d), "no devices: 'edgeDevices' is missing or empty.",
                    "Add edgeDevices with at least the top-layer device (- deviceId: …).");
        }
        List<ToolConfig.Edge> roots = new ArrayList<>();
        for (int i = 0; i < d.edgeDevices().size(); i++) {
            roots.add(device(d.edgeDevices().get(i), "edgeDevices[" + i + "]", file, b));
        }
        return new ToolConfig("", "", auth.equals(X509), rootCert, rootKey, c.templateConfigPath(), agent, roots);
    }

    private static ToolConfig.Edge device(Device d, String path, String file, YamlSupport.Bound<Doc> b)
            throws InputException {
        requireText(d.deviceId(), file, b.at(path + ".deviceId", d), "deviceId");
        List<ToolConfig.Edge> children = new ArrayList<>();
        if (d.children() != null) {
            if (d.children().isEmpty()) {
                throw new InputException(file, b.at(path + ".children", d), "'children' is an empty list; the Azure CLI "
                        + "requires at least one device in it.", "Remove the 'children' key or add a device.");
            }
            for (int i = 0; i < d.children().size(); i++) {
                children.add(device(d.children().get(i), path + ".children[" + i + "]", file, b));
            }
        }
        ToolConfig.ContainerAuth auth = d.containerAuth() == null ? null : new ToolConfig.ContainerAuth(
                d.containerAuth().serverAddress(), d.containerAuth().username(),
                d.containerAuth().password() != null && !d.containerAuth().password().isEmpty());
        return new ToolConfig.Edge(d.deviceId(), d.hostname(), d.edgeAgent(), d.deployment(), auth, children, List.of(),
                b.at(path, d));
    }

    /** Writes an {@code az iot edge devices create} config (leaf devices must have been removed). */
    static String write(ToolConfig c, String plantName) {
        ObjectNode doc = YamlSupport.object();
        doc.put("configVersion", EdgeToolFormat.CONFIG_VERSION);
        doc.putObject("iotHub").put("authenticationMethod", c.x509() ? X509 : SYMMETRIC_KEY);
        if (!c.rootCert().isEmpty()) {
            ObjectNode certs = doc.putObject("certificates");
            certs.put("rootCACertPath", c.rootCert());
            certs.put("rootCACertKeyPath", c.rootKey());
        }
        ObjectNode conf = doc.putObject("edgeConfiguration");
        putIfSet(conf, "templateConfigPath", c.templateConfigPath());
        conf.put("defaultEdgeAgent", c.defaultEdgeAgent());
        ArrayNode list = doc.putArray("edgeDevices");
        c.roots().forEach(r -> list.add(device(r)));
        return YamlSupport.write(List.of("Edge devices config for 'az iot edge devices create --config-file' (Azure CLI IoT extension)",
                "written by NestEdge Studio from plant '" + plantName + "'"), doc);
    }

    private static ObjectNode device(ToolConfig.Edge e) {
        ObjectNode n = YamlSupport.object();
        n.put("deviceId", e.id());
        putIfSet(n, "edgeAgent", e.edgeAgent());
        putIfSet(n, "hostname", e.hostname());
        putIfSet(n, "deployment", e.deployment());
        if (!e.children().isEmpty()) {
            ArrayNode kids = n.putArray("children");
            e.children().forEach(k -> kids.add(device(k)));
        }
        return n;
    }
}
