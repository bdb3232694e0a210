package io.nestedge.model;

import java.util.Objects;

/**
 * PKI settings of the plant (facts file §4). Pass phrases are never stored.
 *
 * @param caSource generate or import the root CA
 * @param rootKeyType key type of the root (and intermediate) CA
 * @param edgeCaKeyType key type of each device's Edge CA
 * @param rootValidityDays root CA validity, days
 * @param edgeCaValidityDays Edge CA validity, days
 * @param intermediate true to issue Edge CAs from an intermediate CA
 * @param importedRootCert path of the imported root CA certificate (IMPORT only; may be empty)
 * @param importedIntermediateCert path of the imported intermediate CA certificate (may be empty)
 * @param importedRootKey path of the imported root CA's private key file, as named by a nested-edge
 *     tool config ({@code root_ca_cert_key_path}); may be empty, omitted from the plant file when empty.
 *     The file itself and its pass phrase are never stored.
 */
public record PkiSettings(CaSource caSource, KeyType rootKeyType, KeyType edgeCaKeyType, int rootValidityDays,
        int edgeCaValidityDays, boolean intermediate, String importedRootCert, String importedIntermediateCert,
        String importedRootKey) {

    /** Normalises nulls to the defaults of {@link #defaults()}. */
    public PkiSettings {
        caSource = Objects.requireNonNullElse(caSource, CaSource.GENERATE);
        rootKeyType = Objects.requireNonNullElse(rootKeyType, KeyType.RSA_4096);
        edgeCaKeyType = Objects.requireNonNullElse(edgeCaKeyType, KeyType.RSA_2048);
        rootValidityDays = rootValidityDays <= 0 ? 3650 : rootValidityDays;
        edgeCaValidityDays = edgeCaValidityDays <= 0 ? 365 : edgeCaValidityDays;
        importedRootCert = importedRootCert == null ? "" : importedRootCert;
        importedIntermediateCert = importedIntermediateCert == null ? "" : importedIntermediateCert;
        importedRootKey = importedRootKey == null ? "" : importedRootKey;
    }

    /** PKI settings without an imported root key path. */
    public PkiSettings(CaSource caSource, KeyType rootKeyType, KeyType edgeCaKeyType, int rootValidityDays,
            int edgeCaValidityDays, boolean intermediate, String importedRootCert, String importedIntermediateCert) {
        this(caSource, rootKeyType, edgeCaKeyType, rootValidityDays, edgeCaValidityDays, intermediate,
                importedRootCert, importedIntermediateCert, "");
    }

    /** Generated RSA-4096 root (10 years), intermediate, RSA-2048 Edge CAs (365 days). */
    public static PkiSettings defaults() {
        return new PkiSettings(CaSource.GENERATE, KeyType.RSA_4096, KeyType.RSA_2048, 3650, 365, true, "", "");
    }
}
