package io.nestedge.model.io.yaml;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The YAML config formats of Microsoft's nested-edge tools that NestEdge Studio imports and exports.
 */
public enum EdgeToolFormat {
    /**
     * {@code iotedge_config.yaml} of the nested-edge configuration tool {@code iotedge_config_cli}
     * (Azure-Samples/iotedge_config_cli, used by the nested-edge tutorial): snake_case keys,
     * {@code config_version: "1.0"}, {@code edgedevices} as one device or a list, {@code child} and
     * {@code leaf} lists.
     */
    IOTEDGE_CONFIG("iotedge-config", "iotedge_config_cli", "config_version"),
    /**
     * The edge devices config of {@code az iot edge devices create --config-file} (Azure CLI IoT
     * extension): camelCase keys, {@code configVersion: "1.0"}, {@code edgeDevices} list,
     * {@code children} lists; no leaf devices.
     */
    AZ_DEVICES("az-devices", "az iot edge devices create", "configVersion");

    /** The only config version both tools read. */
    public static final String CONFIG_VERSION = "1.0";

    private final String cliName;
    private final String toolName;
    private final String versionKey;

    EdgeToolFormat(String cliName, String toolName, String versionKey) {
        this.cliName = cliName;
        this.toolName = toolName;
        this.versionKey = versionKey;
    }

    /** The name used on the command line, e.g. {@code iotedge-config}. */
    public String cliName() {
        return cliName;
    }

    /** The tool that reads this format, for messages. */
    public String toolName() {
        return toolName;
    }

    /** The top-level key holding the config version. */
    public String versionKey() {
        return versionKey;
    }

    /** The format with this command-line name (case-insensitive), if any. */
    public static Optional<EdgeToolFormat> byCliName(String name) {
        return Arrays.stream(values()).filter(f -> f.cliName.equalsIgnoreCase(name == null ? "" : name.trim())).findFirst();
    }

    /** The command-line names, comma-separated, for help and errors. */
    public static String cliNames() {
        return Arrays.stream(values()).map(EdgeToolFormat::cliName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
