package io.nestedge.model.export;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where NestEdge puts certificates, keys and the config on an IoT Edge device (facts §3, §4), and
 * with which owners and modes. The bundle writer, install.sh, the config.toml generator and the
 * commissioning plan all take their paths from here, so they can never disagree.
 *
 * <p>Recommended layout (facts §4): certificates in {@code /var/aziot/certs} (directory 0755, owner
 * {@code aziotcs}; files 0644), private keys in {@code /var/aziot/secrets} (directory 0700, owner
 * {@code aziotks}; keys 0600). File names follow Microsoft's test-certificate script: Edge CA
 * {@code iot-edge-device-ca-<id>-full-chain.cert.pem} and {@code iot-edge-device-ca-<id>.key.pem}.
 *
 * @param certsDir absolute directory for certificates
 * @param secretsDir absolute directory for private keys
 * @param rootCaFileName file name of the root CA certificate inside {@code certsDir}
 */
public record DeviceFileLayout(String certsDir, String secretsDir, String rootCaFileName) {
    /** The runtime's config file (facts §3). */
    public static final String CONFIG_TOML = "/etc/aziot/config.toml";
    /** Owner of certificate files and their directory (facts §4). */
    public static final String CERTS_OWNER = "aziotcs";
    /** Owner of key files and their directory (facts §4). */
    public static final String KEYS_OWNER = "aziotks";
    /** Mode of the certificates directory. */
    public static final int CERTS_DIR_MODE = 0755;
    /** Mode of certificate files. */
    public static final int CERT_FILE_MODE = 0644;
    /** Mode of the secrets directory. */
    public static final int SECRETS_DIR_MODE = 0700;
    /** Mode of key files. */
    public static final int KEY_FILE_MODE = 0600;

    /** Characters written as they are in a file URI path (RFC 3986 unreserved, '/' and a few sub-delims). */
    private static final String URI_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/!$&'()*+,;=:@";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** Validates: absolute directories, a plain file name. */
    public DeviceFileLayout {
        Objects.requireNonNull(certsDir, "certsDir");
        Objects.requireNonNull(secretsDir, "secretsDir");
        Objects.requireNonNull(rootCaFileName, "rootCaFileName");
        requireAbsoluteDir(certsDir);
        requireAbsoluteDir(secretsDir);
        requireFileName(rootCaFileName, "root CA file name");
        certsDir = stripTrailingSlash(certsDir);
        secretsDir = stripTrailingSlash(secretsDir);
    }

    /** {@code /var/aziot/certs}, {@code /var/aziot/secrets}, root {@code azure-iot-test-only.root.ca.cert.pem}. */
    public static DeviceFileLayout defaults() {
        return new DeviceFileLayout("/var/aziot/certs", "/var/aziot/secrets", "azure-iot-test-only.root.ca.cert.pem");
    }

    /** Same layout with another root CA file name (e.g. an imported root's name). */
    public DeviceFileLayout withRootCaFileName(String fileName) {
        return new DeviceFileLayout(certsDir, secretsDir, fileName);
    }

    /** Absolute path of the root CA certificate (the trust bundle). */
    public String rootCaCert() {
        return certsDir + "/" + rootCaFileName;
    }

    /** Absolute path of the device's Edge CA certificate file, leaf first, full chain (facts §4). */
    public String edgeCaFullChain(String deviceId) {
        return certsDir + "/iot-edge-device-ca-" + safeId(deviceId) + "-full-chain.cert.pem";
    }

    /** Absolute path of the device's Edge CA private key (unencrypted PEM on the device, facts §4). */
    public String edgeCaKey(String deviceId) {
        return secretsDir + "/iot-edge-device-ca-" + safeId(deviceId) + ".key.pem";
    }

    /** Absolute path of the device's X.509 identity certificate (manual X.509 provisioning, facts §3). */
    public String identityCert(String deviceId) {
        return certsDir + "/iot-device-" + safeId(deviceId) + "-full-chain.cert.pem";
    }

    /** Absolute path of the device's X.509 identity private key. */
    public String identityKey(String deviceId) {
        return secretsDir + "/iot-device-" + safeId(deviceId) + ".key.pem";
    }

    /**
     * The {@code file:///…} URI of an absolute device path, percent-encoded where needed, never with
     * a query or fragment (facts §3: bare paths and query parameters are rejected). Every byte of the
     * path's UTF-8 form outside the safe set is percent-encoded; no Unicode normalisation is applied
     * (java.net.URI would apply NFC and name another file).
     *
     * @param absolutePath absolute POSIX path
     * @return e.g. {@code file:///var/aziot/certs/root.pem}
     * @throws IllegalArgumentException if the path is not absolute
     */
    public static String fileUri(String absolutePath) {
        if (absolutePath == null || !absolutePath.startsWith("/")) {
            throw new IllegalArgumentException("not an absolute path: " + absolutePath);
        }
        StringBuilder sb = new StringBuilder("file://");
        for (byte b : absolutePath.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && URI_SAFE.indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
            }
        }
        return sb.toString();
    }

    /**
     * Checks that a device ID can be part of a file name: not empty, no {@code /}, no NUL, not
     * {@code .} or {@code ..} (IoT Hub IDs never contain {@code /}; a plant file might).
     *
     * @throws IllegalArgumentException naming the ID otherwise
     */
    static String safeId(String deviceId) {
        requireFileName(deviceId, "device ID");
        return deviceId;
    }

    private static void requireFileName(String name, String what) {
        if (name.isEmpty() || name.indexOf('/') >= 0 || name.indexOf('\0') >= 0 || name.equals(".")
                || name.equals("..") || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException(what + " '" + name.replaceAll("\\p{Cntrl}", "?")
                    + "' cannot be used in a file name on the device (empty, '/', '.', '..' or a control character)");
        }
    }

    private static void requireAbsoluteDir(String dir) {
        if (!dir.startsWith("/") || dir.contains("/../") || dir.endsWith("/..") || dir.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not an absolute directory without '..': " + dir);
        }
    }

    private static String stripTrailingSlash(String dir) {
        return dir.length() > 1 && dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
    }
}
