package io.nestedge.commissioning.probe;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Maps the descriptions {@code iotedge check} prints in text mode to the check IDs its JSON output
 * uses (facts §6), so that diagnosis rules can work on IDs whatever the output format. Unknown
 * descriptions map to null: they are still parsed, just not identified.
 */
public final class CheckIds {
    private static final Map<String, String> BY_DESCRIPTION = new HashMap<>();

    static {
        put("keyd configuration is well-formed", "keyd-config-well-formed");
        put("certd configuration is well-formed", "certd-config-well-formed");
        put("tpmd configuration is well-formed", "tpmd-config-well-formed");
        put("identityd configuration is well-formed", "identityd-config-well-formed");
        put("daemon configurations up-to-date with config.toml", "configs-up-to-date");
        put("identityd config toml file specifies a valid hostname", "hostname");
        put("preloaded certificates are valid", "certs-preloaded");
        put("read all preloaded certificates from the Certificates Service", "certs-read");
        put("read all preloaded key pairs from the Keys Service", "key-pairs-read");
        put("ensure all preloaded certificates match preloaded private keys with the same ID",
                "certs-match-private-keys");
        put("aziot-edged configuration is well-formed", "aziot-edged-config-well-formed");
        put("configuration up-to-date with config.toml", "config-up-to-date");
        put("container engine is installed and functional", "container-engine-uri");
        put("configuration has correct parent_hostname", "parent_hostname");
        put("parent hostname is resolvable from inside container", "container-resolve-parent-hostname");
        put("Agent image is valid and can be pulled from upstream", "check-agent-image");
        put("DNS server", "container-engine-dns");
        put("production readiness: logs policy", "container-engine-logrotate");
        put("production readiness: Edge Hub's storage directory is persisted on the host filesystem",
                "edge-hub-storage-mounted-from-host");
        put("production readiness: Edge Agent's storage directory is persisted on the host filesystem",
                "edge-agent-storage-mounted-from-host");
        Map<String, String> ports = Map.of("AMQP", "amqp", "HTTPS / WebSockets", "https", "MQTT", "mqtt");
        ports.forEach((label, suffix) -> {
            put("host can connect to and perform TLS handshake with iothub " + label + " port",
                    "host-connect-iothub-" + suffix);
            put("container on the default network can connect to upstream " + label + " port",
                    "container-default-connect-upstream-" + suffix);
            put("container on the IoT Edge module network can connect to upstream " + label + " port",
                    "container-connect-upstream-" + suffix);
            put("container on the default network can connect to IoT Hub " + label + " port",
                    "container-default-connect-iothub-" + suffix);
            put("container on the IoT Edge module network can connect to IoT Hub " + label + " port",
                    "container-connect-iothub-" + suffix);
        });
    }

    private CheckIds() {
    }

    private static void put(String description, String id) {
        BY_DESCRIPTION.put(description.toLowerCase(Locale.ROOT), id);
    }

    /**
     * @param description a description as printed in text mode
     * @return the check ID, or null when the description is not a known one
     */
    public static String forDescription(String description) {
        return BY_DESCRIPTION.get(description.toLowerCase(Locale.ROOT));
    }
}
