package io.nestedge.model.io.yaml;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nestedge.model.io.InputException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code iotedge_config.yaml} of Microsoft's nested-edge configuration tool ({@code iotedge_config_cli},
 * Azure-Samples/iotedge_config_cli): read with Jackson YAML into records that mirror the tool's own
 * config structs, and written in the shape of the tool's templates.
 *
 * <p>Shape (version "1.0"): {@code config_version}; {@code iothub} ({@code iothub_hostname},
 * {@code iothub_name}, {@code authentication_method}: {@code symmetric_key} | {@code x509_certificate});
 * optional {@code certificates} ({@code root_ca_cert_path}, {@code root_ca_cert_key_path});
 * {@code configuration} ({@code template_config_path}, {@code default_edge_agent}); {@code edgedevices}:
 * one device (tutorial templates) or a list of devices (templates with leaf devices), each with
 * {@code device_id}, optional {@code edge_agent}, {@code deployment}, {@code hostname},
 * {@code container_auth} ({@code serveraddress}, {@code username}, {@code password}), {@code child}
 * (devices, recursive) and {@code leaf} ({@code device_id}, {@code deployment}).
 */
final class IotEdgeConfigFormat {
    static final String SYMMETRIC_KEY = "symmetric_key";
    static final String X509 = "x509_certificate";
    private static final EdgeToolFormat FORMAT = EdgeToolFormat.IOTEDGE_CONFIG;

    private IotEdgeConfigFormat() {
    }

    record Doc(@JsonProperty("config_version") String configVersion,
            @JsonProperty("iothub") Hub iothub,
            @JsonProperty("certificates") Certs certificates,
            @JsonProperty("configuration") Configuration configuration,
            @JsonProperty("edgedevices") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<Device> edgedevices)
            implements YamlNode {
    }

    record Hub(@JsonProperty("iothub_hostname") String iothubHostname, @JsonProperty("iothub_name") String iothubName,
            @JsonProperty("authentication_method") String authenticationMethod) implements YamlNode {
    }

    record Certs(@JsonProperty("root_ca_cert_path") String rootCaCertPath,
            @JsonProperty("root_ca_cert_key_path") String rootCaCertKeyPath) implements YamlNode {
    }

    record Configuration(@JsonProperty("template_config_path") String templateConfigPath,
            @JsonProperty("default_edge_agent") String defaultEdgeAgent) implements YamlNode {
    }

    record Device(@JsonProperty("device_id") String deviceId, @JsonProperty("deployment") String deployment,
            @JsonProperty("hostname") String hostname, @JsonProperty("edge_agent") String edgeAgent,
            @JsonProperty("container_auth") Auth containerAuth, @JsonProperty("child") List<Device> child,
            @JsonProperty("leaf") List<Leaf> leaf) implements YamlNode {
    }

    record Auth(@JsonProperty("serveraddress") String serveraddress, @JsonProperty("username") String username,
            @JsonProperty("password") String password) implements YamlNode {
        /** Server and user, never the password (a record's default form would print it). */
        @Override
        public String toString() {
            return "Auth[" + username + "@" + serveraddress + (password == null || password.isEmpty() ? "" : ", password present") + "]";
        }
    }

    record Leaf(@JsonProperty("device_id") String deviceId, @JsonProperty("deployment") String deployment)
            implements YamlNode {
    }

    /**
     * Reads an {@code iotedge_config.yaml}.
     *
     * @throws InputException naming the file, key path and line for a wrong or missing config_version,
     *     malformed YAML, unknown keys, wrong value kinds and missing required keys
     */
    static ToolConfig read(byte[] bytes, String file) throws InputException {
        YamlSupport.checkVersion(bytes, file, FORMAT);
        YamlSupport.Bound<Doc> b = YamlSupport.bind(bytes, file, Doc.class, FORMAT);
        Doc d = b.value();
        Hub hub = require(d.iothub(), file, b.at("iothub", d), "iothub",
                "iothub:\n  iothub_hostname: …\n  iothub_name: …\n  authentication_method: symmetric_key");
        requireText(hub.iothubHostname(), file, b.at("iothub.iothub_hostname", hub), "iothub_hostname");
        requireText(hub.iothubName(), file, b.at("iothub.iothub_name", hub), "iothub_name");
        String auth = requireText(hub.authenticationMethod(), file, b.at("iothub.authentication_method", hub),
                "authentication_method");
        if (!auth.equals(SYMMETRIC_KEY) && !auth.equals(X509)) {
            throw new InputException(file, b.at("iothub.authentication_method", hub), "authentication_method '" + auth
                    + "' is not valid; expected " + SYMMETRIC_KEY + " or " + X509 + ".", "Use one of those two values.");
        }
        String rootCert = "";
        String rootKey = "";
        if (d.certificates() != null) {
            rootCert = requireText(d.certificates().rootCaCertPath(), file,
                    b.at("certificates.root_ca_cert_path", d.certificates()), "root_ca_cert_path");
            rootKey = requireText(d.certificates().rootCaCertKeyPath(), file,
                    b.at("certificates.root_ca_cert_key_path", d.certificates()), "root_ca_cert_key_path");
        }
        Configuration c = require(d.configuration(), file, b.at("configuration", d), "configuration",
                "configuration:\n  template_config_path: …\n  default_edge_agent: …");
        String template = requireText(c.templateConfigPath(), file, b.at("configuration.template_config_path", c),
                "template_config_path");
        String agent = requireText(c.defaultEdgeAgent(), file, b.at("configuration.default_edge_agent", c),
                "default_edge_agent");
        if (d.edgedevices() == null || d.edgedevices().isEmpty()) {
            throw new InputException(file, b.at("edgedevices", d), "no devices: 'edgedevices' is missing or empty.",
                    "Add edgedevices with at least the top-layer device (device_id: …).");
        }
        List<ToolConfig.Edge> roots = new ArrayList<>();
        for (int i = 0; i < d.edgedevices().size(); i++) {
            roots.add(device(d.edgedevices().get(i), "edgedevices[" + i + "]", file, b));
        }
        return new ToolConfig(hub.iothubHostname(), hub.iothubName(), auth.equals(X509), rootCert, rootKey, template,
                agent, roots);
    }

    private static ToolConfig.Edge device(Device d, String path, String file, YamlSupport.Bound<Doc> b)
            throws InputException {
        requireText(d.deviceId(), file, b.at(path + ".device_id", d), "device_id");
        List<ToolConfig.Edge> children = new ArrayList<>();
        List<Device> child = d.child() == null ? List.of() : d.child();
        for (int i = 0; i < child.size(); i++) {
            children.add(device(child.get(i), path + ".child[" + i + "]", file, b));
        }
        List<ToolConfig.Leaf> leaves = new ArrayList<>();
        List<Leaf> leaf = d.leaf() == null ? List.of() : d.leaf();
        for (int i = 0; i < leaf.size(); i++) {
            Leaf l = leaf.get(i);
            String lp = path + ".leaf[" + i + "]";
            requireText(l.deviceId(), file, b.at(lp + ".device_id", l), "device_id");
            leaves.add(new ToolConfig.Leaf(l.deviceId(), l.deployment(), b.at(lp, l)));
        }
        ToolConfig.ContainerAuth auth = d.containerAuth() == null ? null : new ToolConfig.ContainerAuth(
                d.containerAuth().serveraddress(), d.containerAuth().username(),
                d.containerAuth().password() != null && !d.containerAuth().password().isEmpty());
        return new ToolConfig.Edge(d.deviceId(), d.hostname(), d.edgeAgent(), d.deployment(), auth, children, leaves,
                b.at(path, d));
    }

    static <T> T require(T value, String file, String at, String key, String example) throws InputException {
        if (value == null) {
            throw new InputException(file, at, "missing or empty section '" + key + "'.", "Add it, e.g.\n" + example);
        }
        return value;
    }

    static String requireText(String value, String file, String at, String key) throws InputException {
        if (value == null || value.isBlank()) {
            throw new InputException(file, at, "missing or empty key '" + key + "'.", "Give " + key + " a value.");
        }
        return value;
    }

    /**
     * Writes an {@code iotedge_config.yaml}. {@code edgedevices} is one device (the tutorial shape) when
     * there is one top-layer device and no leaf device, and a list otherwise.
     */
    static String write(ToolConfig c, String plantName) {
        ObjectNode doc = YamlSupport.object();
        doc.put("config_version", EdgeToolFormat.CONFIG_VERSION);
        ObjectNode hub = doc.putObject("iothub");
        hub.put("iothub_hostname", c.hubHostname());
        hub.put("iothub_name", c.hubName());
        hub.put("authentication_method", c.x509() ? X509 : SYMMETRIC_KEY);
        if (!c.rootCert().isEmpty()) {
            ObjectNode certs = doc.putObject("certificates");
            certs.put("root_ca_cert_path", c.rootCert());
            certs.put("root_ca_cert_key_path", c.rootKey());
        }
        ObjectNode conf = doc.putObject("configuration");
        conf.put("template_config_path", c.templateConfigPath());
        conf.put("default_edge_agent", c.defaultEdgeAgent());
        boolean anyLeaf = c.roots().stream().anyMatch(IotEdgeConfigFormat::hasLeaves);
        if (c.roots().size() == 1 && !anyLeaf) {
            doc.set("edgedevices", device(c.roots().get(0)));
        } else {
            ArrayNode list = doc.putArray("edgedevices");
            c.roots().forEach(r -> list.add(device(r)));
        }
        return YamlSupport.write(List.of("iotedge_config.yaml for Microsoft's nested-edge configuration tool (iotedge_config_cli)",
                "written by NestEdge Studio from plant '" + plantName + "'"), doc);
    }

    private static boolean hasLeaves(ToolConfig.Edge e) {
        return !e.leaves().isEmpty() || e.children().stream().anyMatch(IotEdgeConfigFormat::hasLeaves);
    }

    private static ObjectNode device(ToolConfig.Edge e) {
        ObjectNode n = YamlSupport.object();
        n.put("device_id", e.id());
        putIfSet(n, "edge_agent", e.edgeAgent());
        putIfSet(n, "deployment", e.deployment());
        putIfSet(n, "hostname", e.hostname());
        if (!e.children().isEmpty()) {
            ArrayNode kids = n.putArray("child");
            e.children().forEach(k -> kids.add(device(k)));
        }
        if (!e.leaves().isEmpty()) {
            ArrayNode leaves = n.putArray("leaf");
            for (ToolConfig.Leaf l : e.leaves()) {
                ObjectNode ln = leaves.addObject();
                ln.put("device_id", l.id());
                putIfSet(ln, "deployment", l.deployment());
            }
        }
        return n;
    }

    static void putIfSet(ObjectNode n, String key, String value) {
        if (value != null && !value.isEmpty()) {
            n.put(key, value);
        }
    }
}
