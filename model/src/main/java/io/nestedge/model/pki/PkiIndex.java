package io.nestedge.model.pki;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.TreeMap;

/**
 * The PKI store's index ({@code pki-index.json}): for each device, the inputs that determine its
 * Edge CA, so a re-export reuses the certificate unless one of them changed.
 *
 * @param schemaVersion format version (1)
 * @param keyIterations PBKDF2 iteration counts used for the keys at rest, by key kind
 * @param edgeCas entries by device ID, sorted
 * @param deviceIdentities X.509 identity certificates of devices that use X.509 provisioning, by
 *     device ID, sorted (the same {@link Entry} shape; omitted when empty)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PkiIndex(int schemaVersion, Map<String, Integer> keyIterations, Map<String, Entry> edgeCas,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Entry> deviceIdentities) {
    /** Current format version. */
    public static final int SCHEMA_VERSION = 1;

    /** Sorts and copies. */
    public PkiIndex {
        keyIterations = keyIterations == null ? Map.of() : new TreeMap<>(keyIterations);
        edgeCas = edgeCas == null ? Map.of() : new TreeMap<>(edgeCas);
        deviceIdentities = deviceIdentities == null ? Map.of() : new TreeMap<>(deviceIdentities);
    }

    /** An index without identity certificates. */
    public PkiIndex(int schemaVersion, Map<String, Integer> keyIterations, Map<String, Entry> edgeCas) {
        this(schemaVersion, keyIterations, edgeCas, null);
    }

    /**
     * One issued Edge CA.
     *
     * @param deviceId IoT Hub device ID
     * @param hostname hostname the CN was chosen against
     * @param keyType key type name ({@link io.nestedge.model.KeyType})
     * @param validityDays requested validity, days
     * @param issuerFingerprint SHA-256 of the issuing CA certificate
     * @param certFingerprint SHA-256 of the Edge CA certificate
     * @param commonName the Edge CA's CN
     * @param notAfter the Edge CA's notAfter, ISO-8601 UTC
     * @param certFile Edge CA certificate, relative to the store
     * @param fullChainFile Edge CA file (leaf-first), relative to the store
     * @param keyFile Edge CA key (encrypted at rest), relative to the store
     */
    public record Entry(String deviceId, String hostname, String keyType, int validityDays, String issuerFingerprint,
            String certFingerprint, String commonName, String notAfter, String certFile, String fullChainFile, String keyFile) {
    }
}
