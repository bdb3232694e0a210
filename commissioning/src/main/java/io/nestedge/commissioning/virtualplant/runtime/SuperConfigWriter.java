package io.nestedge.commissioning.virtualplant.runtime;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code iotedge config apply} writes for each service (facts §3):
 * {@code /etc/aziot/{keyd,certd,identityd,tpmd,edged}/config.d/00-super.toml}, mode 0600, owned by
 * the service's user. The content is a deterministic function of config.toml, so the
 * {@code configs-up-to-date} check can regenerate and compare it.
 */
public final class SuperConfigWriter {
    /** Service → owning user, in the order the files are written. */
    public static final Map<String, String> SERVICE_USERS = Map.of(
            "keyd", "aziotks", "certd", "aziotcs", "identityd", "aziotid", "tpmd", "aziottpm", "edged", "iotedge");
    /** Services in write order. */
    public static final java.util.List<String> SERVICES = java.util.List.of("keyd", "certd", "identityd", "tpmd", "edged");

    private SuperConfigWriter() {
    }

    /** Device path of a service's super config. */
    public static String path(String service) {
        return "/etc/aziot/" + service + "/config.d/00-super.toml";
    }

    /** The super configs for a parsed config.toml, by service. */
    public static Map<String, String> render(EdgeConfig c) {
        Map<String, String> out = new LinkedHashMap<>();
        StringBuilder keyd = new StringBuilder("[aziot_keys]\n\n[preloaded_keys]\n");
        c.preloadedKeys().forEach((id, p) -> keyd.append(q(id)).append(" = ").append(q("file://" + p)).append('\n'));
        out.put("keyd", keyd.toString());
        StringBuilder certd = new StringBuilder("homedir_path = \"/var/lib/aziot/certd\"\n\n[cert_issuance]\n");
        for (String url : c.estUrls()) {
            certd.append("# est url ").append(q(url)).append('\n');
        }
        certd.append("\n[preloaded_certs]\n");
        c.preloadedCerts().forEach((id, p) -> certd.append(q(id)).append(" = ").append(q("file://" + p)).append('\n'));
        out.put("certd", certd.toString());
        StringBuilder id = new StringBuilder();
        id.append("hostname = ").append(q(c.hostname())).append('\n');
        id.append("homedir = \"/var/lib/aziot/identityd\"\n\n[provisioning]\n");
        if (c.nested()) {
            id.append("local_gateway_hostname = ").append(q(c.parentHostname())).append('\n');
        }
        id.append("source = ").append(q(c.provisioningSource())).append('\n');
        if (!c.iothubHostname().isEmpty()) {
            id.append("iothub_hostname = ").append(q(c.iothubHostname())).append('\n');
        }
        if (!c.deviceId().isEmpty()) {
            id.append("device_id = ").append(q(c.deviceId())).append('\n');
        }
        out.put("identityd", id.toString());
        out.put("tpmd", "[shared]\n");
        StringBuilder edged = new StringBuilder();
        edged.append("hostname = ").append(q(c.hostname())).append('\n');
        if (c.nested()) {
            edged.append("parent_hostname = ").append(q(c.parentHostname())).append('\n');
        }
        if (!c.trustBundleCert().isEmpty()) {
            edged.append("trust_bundle_cert = \"aziot-edged-trust-bundle\"\n");
        }
        edged.append("edge_ca_cert = \"aziot-edged-ca\"\nedge_ca_key = \"aziot-edged-ca\"\n\n[agent]\n")
                .append("name = \"edgeAgent\"\ntype = \"docker\"\n\n[agent.config]\nimage = ").append(q(c.agentImage()))
                .append('\n');
        out.put("edged", edged.toString());
        return out;
    }

    /**
     * Writes every super config (directories 0700 and files 0600 owned by the service user).
     *
     * @throws IOException when a file cannot be written
     */
    public static void write(DeviceFs fs, EdgeConfig c) throws IOException {
        for (Map.Entry<String, String> e : render(c).entrySet()) {
            String user = SERVICE_USERS.get(e.getKey());
            fs.mkdirs("/etc/aziot/" + e.getKey(), "755", "root");
            fs.mkdirs("/etc/aziot/" + e.getKey() + "/config.d", "700", user);
            fs.setOwner(fs.path("/etc/aziot/" + e.getKey() + "/config.d"), user, user);
            fs.writeAtomic(path(e.getKey()), e.getValue(), "600", user);
        }
    }

    private static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(ch);
            }
        }
        return b.append('"').toString();
    }
}
