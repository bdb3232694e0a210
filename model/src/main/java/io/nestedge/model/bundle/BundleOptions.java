package io.nestedge.model.bundle;

import java.util.Set;

/**
 * Options of a bundle export.
 *
 * @param plainKeys true to put unencrypted device keys in the bundles (for SSH commissioning, where
 *     keys travel over SSH); false (default) to encrypt them for USB transport with {@code keyPassphrase}
 * @param keyPassphrase pass phrase for the device keys of USB bundles (ignored with plain keys); the
 *     caller wipes it after the export
 * @param renew device IDs whose Edge CA must be issued anew even if the stored one still fits
 * @param generateSasKeys true to generate a SAS key for every manually provisioned SAS device that
 *     has none supplied (the hub script then creates the identity with it)
 */
public record BundleOptions(boolean plainKeys, char[] keyPassphrase, Set<String> renew, boolean generateSasKeys) {
    /** Iteration count of PBKDF2-HMAC-SHA256 for device keys in USB bundles (transport only). */
    public static final int TRANSPORT_KEY_ITERATIONS = 100_000;

    /** Copies the set; requires a pass phrase for encrypted keys. */
    public BundleOptions {
        renew = renew == null ? Set.of() : Set.copyOf(renew);
        if (!plainKeys && (keyPassphrase == null || keyPassphrase.length == 0)) {
            throw new IllegalArgumentException("USB bundles need a pass phrase for the device keys (or use plain keys for SSH)");
        }
    }
}
