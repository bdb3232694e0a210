package io.nestedge.model.pki;

import java.nio.charset.StandardCharsets;

/**
 * File names of the PKI, as Microsoft's test-certificate script names them (facts §4), relative
 * to a base directory: {@code certs/<prefix>.cert.pem}, {@code certs/<prefix>-full-chain.cert.pem},
 * {@code private/<prefix>.key.pem}. Device IDs are made file-safe by percent-encoding every
 * character outside {@code [A-Za-z0-9._-]} (IoT Hub allows {@code : * ? ( ) ' $ @ = , ! %} in IDs).
 */
public final class PkiFileNames {
    /** Root CA certificate. */
    public static final String ROOT_CERT = "certs/azure-iot-test-only.root.ca.cert.pem";
    /** Root CA key (encrypted at rest). */
    public static final String ROOT_KEY = "private/azure-iot-test-only.root.ca.key.pem";
    /** Intermediate CA certificate. */
    public static final String INTERMEDIATE_CERT = "certs/azure-iot-test-only.intermediate.cert.pem";
    /** Intermediate CA chain, leaf-first (intermediate, …, root). */
    public static final String INTERMEDIATE_FULL_CHAIN = "certs/azure-iot-test-only.intermediate-full-chain.cert.pem";
    /** Intermediate CA key (encrypted at rest). */
    public static final String INTERMEDIATE_KEY = "private/azure-iot-test-only.intermediate.key.pem";

    private PkiFileNames() {
    }

    /** {@code certs/iot-edge-device-ca-<id>.cert.pem}: the Edge CA alone. */
    public static String edgeCaCert(String deviceId) {
        return "certs/iot-edge-device-ca-" + fileSafe(deviceId) + ".cert.pem";
    }

    /** {@code certs/iot-edge-device-ca-<id>-full-chain.cert.pem}: the Edge CA file, leaf-first. */
    public static String edgeCaFullChain(String deviceId) {
        return "certs/iot-edge-device-ca-" + fileSafe(deviceId) + "-full-chain.cert.pem";
    }

    /** {@code private/iot-edge-device-ca-<id>.key.pem}: the Edge CA key. */
    public static String edgeCaKey(String deviceId) {
        return "private/iot-edge-device-ca-" + fileSafe(deviceId) + ".key.pem";
    }

    /** {@code certs/iot-device-<id>.cert.pem}: an X.509 identity certificate. */
    public static String identityCert(String deviceId) {
        return "certs/iot-device-" + fileSafe(deviceId) + ".cert.pem";
    }

    /** {@code certs/iot-device-<id>-full-chain.cert.pem}: identity certificate and its chain. */
    public static String identityFullChain(String deviceId) {
        return "certs/iot-device-" + fileSafe(deviceId) + "-full-chain.cert.pem";
    }

    /** {@code private/iot-device-<id>.key.pem}: the identity key. */
    public static String identityKey(String deviceId) {
        return "private/iot-device-" + fileSafe(deviceId) + ".key.pem";
    }

    /** The device ID with every byte outside {@code [A-Za-z0-9._-]} percent-encoded (UTF-8). */
    public static String fileSafe(String deviceId) {
        StringBuilder sb = new StringBuilder();
        for (byte b : deviceId.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-') {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        String s = sb.toString();
        return s.startsWith(".") ? "%2E" + s.substring(1) : s;
    }
}
