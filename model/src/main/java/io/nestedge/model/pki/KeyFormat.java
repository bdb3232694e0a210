package io.nestedge.model.pki;

/** How a private key is stored in a PEM file. */
public enum KeyFormat {
    /** {@code BEGIN PRIVATE KEY} (PKCS#8, unencrypted). */
    PKCS8,
    /** {@code BEGIN ENCRYPTED PRIVATE KEY} (PKCS#8, PBES1/PBES2). */
    PKCS8_ENCRYPTED,
    /** {@code BEGIN RSA PRIVATE KEY} (PKCS#1) or {@code BEGIN EC PRIVATE KEY} (SEC 1), unencrypted. */
    TRADITIONAL,
    /** PKCS#1/SEC 1 with OpenSSL's legacy {@code Proc-Type: 4,ENCRYPTED} / {@code DEK-Info} headers. */
    TRADITIONAL_ENCRYPTED;

    /** True when a pass phrase is needed to read the key. */
    public boolean encrypted() {
        return this == PKCS8_ENCRYPTED || this == TRADITIONAL_ENCRYPTED;
    }
}
