package io.nestedge.model.export;

import io.nestedge.model.Device;
import io.nestedge.model.EdgeRuntime;
import io.nestedge.model.Plant;
import io.nestedge.model.ProvisioningMethod;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tomlj.MutableTomlTable;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * Writes an IoT Edge device's {@code /etc/aziot/config.toml} (facts §3) with tomlj: readable, one
 * comment per section, {@code key = "value"}, and the top-level keys ({@code hostname},
 * {@code parent_hostname}, {@code trust_bundle_cert}) before any table, so TOML cannot attach them to
 * a table (field case F5). The text is always re-parsed with tomlj and compared with the intended
 * values, and linted with {@link ConfigLint}, before it is returned (field case F4: never generate
 * invalid TOML).
 *
 * <p>Paths come from {@link DeviceFileLayout}; secrets (SAS key, connection string, registry
 * password) from {@link ExportSecrets}, never from the plant.
 */
public final class ConfigTomlWriter {
    /** Global DPS endpoint used for {@code source = "dps"}. */
    public static final String DPS_GLOBAL_ENDPOINT = "https://global.azure-devices-provisioning.net";

    private ConfigTomlWriter() {
    }

    /**
     * Builds the config.toml text of one IoT Edge device.
     *
     * @param plant the plant (for the parent's hostname and the IoT Hub)
     * @param device an IoT Edge device of the plant
     * @param layout where certificates and keys are on the device
     * @param secrets secrets entered at export
     * @return the file's text (UTF-8, LF line ends, trailing newline)
     * @throws ExportException if a secret is missing, the parent is unknown, DPS is used on a child,
     *     the IoT Hub hostname is missing, or a plant value breaks a config rule ({@link ConfigLint})
     */
    public static String write(Plant plant, Device device, DeviceFileLayout layout, ExportSecrets secrets)
            throws ExportException {
        MutableTomlTable t = build(plant, device, layout, secrets);
        String text = t.toToml();
        verify(text, t, device.id());
        return text;
    }

    /** Builds the intended table (with comments); package-private for tests. */
    static MutableTomlTable build(Plant plant, Device device, DeviceFileLayout layout, ExportSecrets secrets)
            throws ExportException {
        String id = device.id();
        if (!device.isEdge() || device.runtime() == null) {
            throw new ExportException(id, "is not an IoT Edge device with a runtime; only IoT Edge devices get a config.toml.",
                    "Set the device's kind to IoT Edge and give it edgeAgent/edgeHub images.");
        }
        MutableTomlTable t = MutableTomlTable.create();

        t.set("hostname", device.hostname());
        t.setCommentAbove("hostname",
                "Hostname: children use exactly this name as parent_hostname, and it is the CN of edgeHub's",
                "server certificate. Top-level keys must come before any [table] (facts §2, §3).");
        if (device.hasParent()) {
            Device parent = plant.parent(id).orElseThrow(() -> new ExportException(id,
                    "its parent '" + device.parentId() + "' is not in the plant.", "Pick an existing parent or clear the parent."));
            t.set("parent_hostname", parent.hostname());
            t.setCommentAbove("parent_hostname",
                    "Parent hostname: must equal the parent's hostname; this device reaches IoT Hub only through it.");
        }
        t.set("trust_bundle_cert", DeviceFileLayout.fileUri(layout.rootCaCert()));
        t.setCommentAbove("trust_bundle_cert", "Trust bundle: the root CA shared by the whole hierarchy (facts §4).");

        provisioning(t, plant, device, layout, secrets);

        MutableTomlTable edgeCa = t.getOrCreateTable("edge_ca");
        edgeCa.set("cert", DeviceFileLayout.fileUri(layout.edgeCaFullChain(id)));
        edgeCa.set("pk", DeviceFileLayout.fileUri(layout.edgeCaKey(id)));
        t.setCommentAbove("edge_ca",
                "Edge CA: certificate file leaf first (Edge CA, intermediates, root) and its unencrypted key (facts §4).");

        agent(t, plant, device.runtime(), id, secrets);

        MutableTomlTable connect = t.getOrCreateTable("connect");
        connect.set("workload_uri", "unix:///var/run/iotedge/workload.sock");
        connect.set("management_uri", "unix:///var/run/iotedge/mgmt.sock");
        t.setCommentAbove("connect", "Sockets modules use to reach the workload and management APIs (as in the template).");
        MutableTomlTable listen = t.getOrCreateTable("listen");
        listen.set("workload_uri", "fd://aziot-edged.workload.socket");
        listen.set("management_uri", "fd://aziot-edged.mgmt.socket");
        t.setCommentAbove("listen", "Sockets aziot-edged listens on (systemd socket activation, as in the template).");
        return t;
    }

    private static void provisioning(MutableTomlTable t, Plant plant, Device device, DeviceFileLayout layout,
            ExportSecrets secrets) throws ExportException {
        String id = device.id();
        ProvisioningMethod method = device.provisioning().method();
        MutableTomlTable p = t.getOrCreateTable("provisioning");
        if (method == ProvisioningMethod.DPS) {
            if (device.hasParent()) {
                throw new ExportException(id, "uses DPS but has a parent: config apply refuses DPS in nested mode (facts §1).",
                        "Use manual provisioning (SAS or X.509) for nested devices.");
            }
            String key = secrets.sasKey(id).orElseThrow(() -> new ExportException(id,
                    "uses DPS with a symmetric key, but no enrollment key was entered.", "Enter the device's DPS symmetric key at export."));
            requireBase64(id, key);
            if (device.provisioning().dpsScopeId().isBlank()) {
                throw new ExportException(id, "uses DPS but has no ID scope.", "Set the DPS ID scope of the device.");
            }
            p.set("source", "dps");
            p.set("global_endpoint", DPS_GLOBAL_ENDPOINT);
            p.set("id_scope", device.provisioning().dpsScopeId());
            MutableTomlTable att = p.getOrCreateTable("attestation");
            att.set("method", "symmetric_key");
            att.set("registration_id", id);
            MutableTomlTable value = MutableTomlTable.createInline();
            value.set("value", key);
            att.set("symmetric_key", value);
            t.setCommentAbove("provisioning", "Provisioning: Device Provisioning Service, symmetric key (top layer only, facts §1).");
            return;
        }
        p.set("source", "manual");
        String hub = plant.hub().iotHubHostname();
        if (method == ProvisioningMethod.MANUAL_SAS && secrets.connectionString(id).isPresent()) {
            String cs = secrets.connectionString(id).get();
            checkConnectionString(id, cs);
            p.set("connection_string", cs);
            t.setCommentAbove("provisioning", "Provisioning: manual, with the device's connection string (facts §3).");
            return;
        }
        if (hub.isBlank()) {
            throw new ExportException("", "the plant has no IoT Hub hostname.", "Set the IoT Hub hostname (e.g. contoso-hub.azure-devices.net).");
        }
        p.set("iothub_hostname", hub);
        p.set("device_id", id);
        MutableTomlTable auth = p.getOrCreateTable("authentication");
        if (method == ProvisioningMethod.MANUAL_X509) {
            auth.set("method", "x509");
            auth.set("identity_cert", DeviceFileLayout.fileUri(layout.identityCert(id)));
            auth.set("identity_pk", DeviceFileLayout.fileUri(layout.identityKey(id)));
            t.setCommentAbove("provisioning", "Provisioning: manual, X.509 identity certificate (facts §3).");
        } else {
            String key = secrets.sasKey(id).orElseThrow(() -> new ExportException(id,
                    "uses manual SAS provisioning, but neither its SAS key nor its connection string was entered.",
                    "Enter the device's primary key (az iot hub device-identity show … --query authentication.symmetricKey.primaryKey) at export."));
            requireBase64(id, key);
            auth.set("method", "sas");
            MutableTomlTable value = MutableTomlTable.createInline();
            value.set("value", key);
            auth.set("device_id_pk", value);
            t.setCommentAbove("provisioning", "Provisioning: manual, IoT Hub hostname + device ID + SAS key (facts §3).");
        }
    }

    private static void agent(MutableTomlTable t, Plant plant, EdgeRuntime runtime, String id, ExportSecrets secrets)
            throws ExportException {
        MutableTomlTable agent = t.getOrCreateTable("agent");
        agent.set("name", "edgeAgent");
        agent.set("type", "docker");
        t.setCommentAbove("agent",
                "Default edgeAgent: a lower-layer device pulls it through its parent ($upstream:<port>/…, facts §3, §5).");
        MutableTomlTable config = agent.getOrCreateTable("config");
        config.set("image", runtime.agentImage());
        PrivateRegistry.of(plant).filter(r -> r.serves(runtime.agentImage())).ifPresent(r -> {
            MutableTomlTable auth = config.getOrCreateTable("auth");
            auth.set("serveraddress", r.address());
            auth.set("username", r.username());
        });
        if (config.isTable("auth")) {
            String pw = secrets.registryPasswordIfAny().orElseThrow(() -> new ExportException(id,
                    "pulls edgeAgent from the private registry " + plant.registry().address() + ", but no registry password was entered.",
                    "Enter the registry password at export."));
            config.getTable("auth").set("password", pw);
        }
    }

    private static void checkConnectionString(String id, String cs) throws ExportException {
        boolean host = false;
        boolean key = false;
        String devId = null;
        for (String part : cs.split(";")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String k = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String v = part.substring(eq + 1).trim();
            switch (k) {
                case "hostname" -> host = !v.isEmpty();
                case "deviceid" -> devId = v;
                case "sharedaccesskey" -> key = !v.isEmpty();
                default -> { }
            }
        }
        if (!host || !key || devId == null) {
            throw new ExportException(id, "the connection string entered is not HostName=…;DeviceId=…;SharedAccessKey=….",
                    "Copy the device's primary connection string from IoT Hub.");
        }
        if (!devId.equals(id)) {
            throw new ExportException(id, "the connection string entered is for device '" + devId + "'.",
                    "Enter this device's own connection string.");
        }
    }

    private static void requireBase64(String id, String key) throws ExportException {
        try {
            if (Base64.getDecoder().decode(key).length == 0) {
                throw new IllegalArgumentException("empty");
            }
        } catch (IllegalArgumentException e) {
            throw new ExportException(id, "the key entered is not base64.", "Paste the primary key exactly as IoT Hub shows it.");
        }
    }

    /**
     * Re-parses the text with tomlj, checks it equals the intended table, and lints it.
     *
     * @throws IllegalStateException if the writer produced anything else (a bug, never user input)
     * @throws ExportException if the values from the plant break a config rule (e.g. a 70-character hostname)
     */
    static void verify(String text, MutableTomlTable intended, String deviceId) throws ExportException {
        TomlParseResult parsed = Toml.parse(text);
        if (parsed.hasErrors()) {
            throw new IllegalStateException("generated config.toml for " + deviceId + " does not parse: " + parsed.errors());
        }
        if (!Toml.equals(parsed, intended)) {
            throw new IllegalStateException("generated config.toml for " + deviceId + " re-parses to other values: "
                    + parsed.toMap() + " vs " + intended.toMap());
        }
        List<Finding> errors = ConfigLint.lint(parsed, "config.toml").stream()
                .filter(f -> f.severity() == Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            throw new ExportException(deviceId, "its config.toml would be refused: "
                    + errors.stream().map(Finding::toLine).collect(Collectors.joining("; ")),
                    "Fix the device in the designer (the validator names the same problem).");
        }
    }
}
