package io.nestedge.model.export;

/**
 * Where files go inside an export directory (on the laptop or a USB drive): per-device files under
 * {@code devices/<dir>/}, hub scripts under {@code hub/}. Directory names are device IDs with every
 * character that Windows, FAT/exFAT or a shell would misread percent-encoded ({@code < > : " / \ | ? *},
 * {@code %}, control characters, a leading '.' and trailing '.' or space), so every IoT Hub ID maps
 * to a distinct, portable name. Windows' reserved names ({@code CON}, {@code NUL}, {@code COM1}…) get
 * their first letter encoded.
 */
public final class ExportLayout {
    /** Folder of the per-device folders. */
    public static final String DEVICES = "devices";
    /** Folder of the hub-side scripts. */
    public static final String HUB = "hub";
    /** The device's config.toml. */
    public static final String CONFIG_TOML = "config.toml";
    /** The device's deployment manifest. */
    public static final String DEPLOYMENT = "deployment.json";
    /** Bash hub script. */
    public static final String HUB_BASH = HUB + "/setup-hub.sh";
    /** PowerShell hub script. */
    public static final String HUB_POWERSHELL = HUB + "/setup-hub.ps1";
    /** The plant as the config file of {@code az iot edge devices create --config-file} (run from {@code hub/}). */
    public static final String HUB_AZ_DEVICES = HUB + "/az-edge-devices.yaml";

    private static final java.util.regex.Pattern WINDOWS_RESERVED = java.util.regex.Pattern.compile("CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9]");

    private ExportLayout() {
    }

    /** Relative path of a device's folder, e.g. {@code devices/site-gw} or {@code devices/line%3A1}. */
    public static String deviceDir(String deviceId) {
        return DEVICES + "/" + dirName(deviceId);
    }

    /** Relative path of one of a device's files. */
    public static String deviceFile(String deviceId, String fileName) {
        return deviceDir(deviceId) + "/" + fileName;
    }

    /** The portable folder name of a device ID (see the class comment). */
    public static String dirName(String deviceId) {
        if (deviceId.isEmpty()) {
            throw new IllegalArgumentException("empty device ID");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < deviceId.length(); i++) {
            char c = deviceId.charAt(i);
            boolean edge = (i == 0 && c == '.') || (i == deviceId.length() - 1 && (c == '.' || c == ' '));
            if (c < 0x20 || c == 0x7f || "<>:\"/\\|?*%".indexOf(c) >= 0 || edge) {
                sb.append('%').append(String.format("%02X", (int) c));
            } else {
                sb.append(c);
            }
        }
        String base = deviceId.contains(".") ? deviceId.substring(0, deviceId.indexOf('.')) : deviceId;
        if (WINDOWS_RESERVED.matcher(base.toUpperCase(java.util.Locale.ROOT)).matches()) {
            sb.replace(0, 1, String.format("%%%02X", (int) deviceId.charAt(0))); // Windows reserved device names
        }
        return sb.toString();
    }
}
