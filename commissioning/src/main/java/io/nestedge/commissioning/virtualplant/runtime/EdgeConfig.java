package io.nestedge.commissioning.virtualplant.runtime;

import java.util.List;

/**
 * The parts of {@code /etc/aziot/config.toml} the emulator acts on (facts §3).
 *
 * @param hostname {@code hostname}, or the machine's name when the key is absent (as the runtime does)
 * @param hostnameExplicit true when config.toml sets {@code hostname}
 * @param parentHostname {@code parent_hostname} / {@code local_gateway_hostname}, empty on the top layer
 * @param trustBundleCert device path from {@code trust_bundle_cert}, or empty
 * @param provisioningSource manual | dps | none
 * @param iothubHostname IoT Hub host name (from the connection string or {@code iothub_hostname})
 * @param deviceId device ID
 * @param identityCert device path of an X.509 identity cert, or empty
 * @param identityPk device path of an X.509 identity key, or empty
 * @param edgeCaCert device path of {@code [edge_ca] cert}, or empty (quickstart)
 * @param edgeCaPk device path of {@code [edge_ca] pk}, or empty
 * @param agentImage {@code [agent.config] image} with {@code $upstream} replaced by the parent
 * @param estUrls EST server URLs found in {@code [cert_issuance]}
 */
public record EdgeConfig(String hostname, boolean hostnameExplicit, String parentHostname, String trustBundleCert,
        String provisioningSource, String iothubHostname, String deviceId, String identityCert, String identityPk,
        String edgeCaCert, String edgeCaPk, String agentImage, List<String> estUrls) {

    /** Device path of the config file the runtime reads by default. */
    public static final String DEFAULT_PATH = "/etc/aziot/config.toml";

    /** Normalises nulls. */
    public EdgeConfig {
        parentHostname = parentHostname == null ? "" : parentHostname;
        trustBundleCert = trustBundleCert == null ? "" : trustBundleCert;
        iothubHostname = iothubHostname == null ? "" : iothubHostname;
        deviceId = deviceId == null ? "" : deviceId;
        identityCert = identityCert == null ? "" : identityCert;
        identityPk = identityPk == null ? "" : identityPk;
        edgeCaCert = edgeCaCert == null ? "" : edgeCaCert;
        edgeCaPk = edgeCaPk == null ? "" : edgeCaPk;
        agentImage = agentImage == null || agentImage.isEmpty() ? "mcr.microsoft.com/azureiotedge-agent:1.5" : agentImage;
        estUrls = estUrls == null ? List.of() : List.copyOf(estUrls);
    }

    /** True on a lower-layer device (it has a parent). */
    public boolean nested() {
        return !parentHostname.isEmpty();
    }

    /** True when an explicit Edge CA (cert + pk files) is configured. */
    public boolean explicitEdgeCa() {
        return !edgeCaCert.isEmpty();
    }

    /** edgeHub's image: the agent image's registry and version with the hub repository. */
    public String hubImage() {
        return agentImage.replace("azureiotedge-agent", "azureiotedge-hub");
    }

    /**
     * Preloaded certificates as certd sees them: ID → device path (edge CA, trust bundle, identity cert).
     */
    public java.util.Map<String, String> preloadedCerts() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        if (explicitEdgeCa()) {
            m.put("aziot-edged-ca", edgeCaCert);
        }
        if (!trustBundleCert.isEmpty()) {
            m.put("aziot-edged-trust-bundle", trustBundleCert);
        }
        if (!identityCert.isEmpty()) {
            m.put("device-id", identityCert);
        }
        return m;
    }

    /** Preloaded keys as keyd sees them: ID → device path. */
    public java.util.Map<String, String> preloadedKeys() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        if (explicitEdgeCa()) {
            m.put("aziot-edged-ca", edgeCaPk);
        }
        if (!identityPk.isEmpty()) {
            m.put("device-id", identityPk);
        }
        return m;
    }
}
