package io.nestedge.model.pki;

import java.nio.file.Path;

/**
 * An Edge CA as the PKI store holds it after {@link PkiStore#ensureEdgeCas}.
 *
 * @param deviceId IoT Hub device ID
 * @param edgeCa the Edge CA, its (decrypted) key and its chain; {@code fullChain()} is the Edge CA file
 * @param outcome issued now for the first time, reused, or reissued
 * @param reason why it was (re)issued, e.g. {@code hostname changed}; empty when reused
 * @param certFile the Edge CA certificate file in the store
 * @param fullChainFile the Edge CA file (leaf-first: Edge CA, intermediates, root)
 * @param keyFile the key file in the store (encrypted at rest; write {@link Pem#privateKey} for the device)
 */
public record StoredEdgeCa(String deviceId, CertifiedKey edgeCa, Outcome outcome, String reason, Path certFile,
        Path fullChainFile, Path keyFile) {
    /** What {@link PkiStore#ensureEdgeCas} did for a device. */
    public enum Outcome {
        /** No Edge CA existed: issued. */
        ISSUED,
        /** The stored Edge CA still fits its inputs: reused. */
        REUSED,
        /** An input changed, it expires soon, or the caller asked to renew: issued anew. */
        REISSUED
    }
}
