package io.nestedge.model.pki;

import io.nestedge.model.KeyType;
import java.util.Objects;

/**
 * What determines one IoT Edge device's Edge CA. Two equal requests from the same issuer give
 * interchangeable certificates, which is what lets the PKI store reuse them.
 *
 * @param deviceId IoT Hub device ID
 * @param hostname the device's {@code hostname} in config.toml (used to keep the CN different, facts §4)
 * @param keyType key type of the Edge CA key
 * @param validityDays validity in days (capped at the issuer's notAfter); 365 when ≤ 0
 */
public record EdgeCaRequest(String deviceId, String hostname, KeyType keyType, int validityDays) {
    /** Default Edge CA validity, days. */
    public static final int DEFAULT_VALIDITY_DAYS = 365;

    /** Checks the device ID, normalises nulls and the validity. */
    public EdgeCaRequest {
        Objects.requireNonNull(deviceId, "deviceId");
        if (deviceId.isBlank()) {
            throw new IllegalArgumentException("device ID is empty");
        }
        hostname = hostname == null ? "" : hostname;
        keyType = Objects.requireNonNullElse(keyType, KeyType.RSA_2048);
        validityDays = validityDays <= 0 ? DEFAULT_VALIDITY_DAYS : validityDays;
    }

    /** RSA-2048, 365 days. */
    public static EdgeCaRequest of(String deviceId, String hostname) {
        return new EdgeCaRequest(deviceId, hostname, KeyType.RSA_2048, DEFAULT_VALIDITY_DAYS);
    }
}
