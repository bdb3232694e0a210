package io.nestedge.model.bundle;

import io.nestedge.model.steps.DeviceInstallSpec;
import java.util.List;

/**
 * The {@code bundle.json} of a device bundle: what the bundle holds and where each file goes, so the
 * SSH commissioning, the dry-run plan and the Ansible export can work from an exported bundle alone.
 * Holds no secret.
 *
 * @param schemaVersion bundle format version ({@link Bundles#SCHEMA_VERSION})
 * @param deviceId IoT Hub device ID
 * @param layerId ISA-95 layer of the device
 * @param parentId parent device ID, or empty
 * @param spec the install description ({@code InstallSteps.forDevice(spec)} gives the steps)
 * @param rootCaSha256 SHA-256 fingerprint of the root CA (colon-separated hex, as {@code openssl x509 -fingerprint -sha256})
 * @param edgeCaSha256 SHA-256 fingerprint of the device's Edge CA, or empty for leaf devices
 * @param edgeCaNotAfter the Edge CA's expiry (ISO-8601), or empty
 * @param encryptedKeys bundle-relative paths of encrypted keys (USB bundles), parallel to {@code spec.keyFiles()}; empty when keys are plain
 * @param exportedAt export time (ISO-8601)
 * @param tool tool name and version
 */
public record BundleInfo(int schemaVersion, String deviceId, String layerId, String parentId, DeviceInstallSpec spec,
        String rootCaSha256, String edgeCaSha256, String edgeCaNotAfter, List<String> encryptedKeys, String exportedAt,
        String tool) {
    /** Normalises nulls. */
    public BundleInfo {
        parentId = parentId == null ? "" : parentId;
        layerId = layerId == null ? "" : layerId;
        edgeCaSha256 = edgeCaSha256 == null ? "" : edgeCaSha256;
        edgeCaNotAfter = edgeCaNotAfter == null ? "" : edgeCaNotAfter;
        encryptedKeys = encryptedKeys == null ? List.of() : List.copyOf(encryptedKeys);
    }

    /** True when the device keys in the bundle are encrypted (USB transport). */
    public boolean keysEncrypted() {
        return !encryptedKeys.isEmpty();
    }
}
