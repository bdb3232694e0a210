package io.nestedge.model.steps;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.nestedge.model.ContainerEngineSettings;
import io.nestedge.model.OsFamily;
import java.util.List;

/**
 * What {@link InstallSteps} needs to know about one device's bundle: where each file comes from in
 * the bundle and where it goes on the device.
 *
 * @param deviceId IoT Hub device ID
 * @param edge true for IoT Edge devices (leaf devices only get the root CA and, with X.509, their identity)
 * @param hostname the device's planned hostname
 * @param parentHostname the parent's hostname, or empty on the top layer
 * @param parentPorts parent ports to verify TLS on (8883 and the API proxy port), empty on the top layer
 * @param os OS family (decides the trust-store tool, facts §4)
 * @param rootCa the root CA certificate: bundle source and device path (a certs-dir file)
 * @param trustStoreName file name (without extension) for the OS trust store
 * @param certsDir device directory for certificates (0755 aziotcs)
 * @param secretsDir device directory for keys (0700 aziotks)
 * @param certFiles further certificate files (Edge CA full chain, identity cert) installed 0644 aziotcs
 * @param keyFiles key files installed 0600 aziotks
 * @param edgeCaCert the Edge CA full chain (bundle source and device path) whose change clears
 *     certd/keyd (facts §3, F11); null for leaf devices
 * @param config config.toml in the bundle, or empty for leaf devices
 * @param backupSuffix suffix for the config backup, e.g. {@code .nestedge-20261129T2105Z.bak}
 * @param containerEngine the plant's container-engine settings merged into {@code /etc/docker/daemon.json}
 *     on an IoT Edge device; null (omitted from {@code bundle.json}) when the plant manages none, and for
 *     leaf devices
 */
public record DeviceInstallSpec(String deviceId, boolean edge, String hostname, String parentHostname,
        List<Integer> parentPorts, OsFamily os, BundleFile rootCa, String trustStoreName, String certsDir,
        String secretsDir, List<BundleFile> certFiles, List<BundleFile> keyFiles, BundleFile edgeCaCert,
        String config, String backupSuffix, @JsonInclude(JsonInclude.Include.NON_NULL) ContainerEngineSettings containerEngine) {

    /** Copies lists, normalises nulls; settings that manage nothing become null. */
    public DeviceInstallSpec {
        parentHostname = parentHostname == null ? "" : parentHostname;
        parentPorts = parentPorts == null ? List.of() : List.copyOf(parentPorts);
        certFiles = certFiles == null ? List.of() : List.copyOf(certFiles);
        keyFiles = keyFiles == null ? List.of() : List.copyOf(keyFiles);
        config = config == null ? "" : config;
        containerEngine = containerEngine == null || containerEngine.isEmpty() ? null : containerEngine;
    }

    /** A description without container-engine settings (see the canonical constructor). */
    public DeviceInstallSpec(String deviceId, boolean edge, String hostname, String parentHostname,
            List<Integer> parentPorts, OsFamily os, BundleFile rootCa, String trustStoreName, String certsDir,
            String secretsDir, List<BundleFile> certFiles, List<BundleFile> keyFiles, BundleFile edgeCaCert,
            String config, String backupSuffix) {
        this(deviceId, edge, hostname, parentHostname, parentPorts, os, rootCa, trustStoreName, certsDir, secretsDir,
                certFiles, keyFiles, edgeCaCert, config, backupSuffix, null);
    }

    /** The same description with other container-engine settings (null: none). */
    public DeviceInstallSpec withContainerEngine(ContainerEngineSettings settings) {
        return new DeviceInstallSpec(deviceId, edge, hostname, parentHostname, parentPorts, os, rootCa, trustStoreName,
                certsDir, secretsDir, certFiles, keyFiles, edgeCaCert, config, backupSuffix, settings);
    }

    /**
     * A file carried in the bundle.
     *
     * @param source path relative to the bundle directory
     * @param target absolute path on the device
     */
    public record BundleFile(String source, String target) { }
}
