package io.nestedge.model;

/** Key types the PKI issues (facts file §4: RSA-2048 and EC P-256 are the tested Edge CA types). */
public enum KeyType {
    /** RSA, 2048-bit modulus. */
    RSA_2048,
    /** RSA, 3072-bit modulus. */
    RSA_3072,
    /** RSA, 4096-bit modulus. */
    RSA_4096,
    /** ECDSA on NIST P-256 (secp256r1). */
    EC_P256;

    /** True for the RSA types. */
    public boolean isRsa() {
        return this != EC_P256;
    }

    /** RSA modulus length in bits, or 256 for P-256. */
    public int bits() {
        return switch (this) {
            case RSA_2048 -> 2048;
            case RSA_3072 -> 3072;
            case RSA_4096 -> 4096;
            case EC_P256 -> 256;
        };
    }
}
