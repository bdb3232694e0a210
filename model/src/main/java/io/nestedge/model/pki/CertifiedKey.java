package io.nestedge.model.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A certificate, its private key and the chain of its issuers. Immutable.
 *
 * @param certificate the certificate
 * @param privateKey its private key (matches {@code certificate}'s public key)
 * @param issuers the issuing chain, leaf-first: the direct issuer, then its issuer, … up to and
 *     including the root when known; empty for a self-signed root
 */
public record CertifiedKey(X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> issuers) {
    /** Checks non-null and copies the issuer list. */
    public CertifiedKey {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        issuers = issuers == null ? List.of() : List.copyOf(issuers);
    }

    /**
     * The full chain, leaf-first: this certificate, then its issuers up to the root. This is the
     * content of a {@code -full-chain.cert.pem} file and of the Edge CA file the runtime appends
     * to every server certificate it issues (facts §4).
     */
    public List<X509Certificate> fullChain() {
        List<X509Certificate> all = new ArrayList<>(issuers.size() + 1);
        all.add(certificate);
        all.addAll(issuers);
        return List.copyOf(all);
    }

    /** The last certificate of the full chain (the root when the chain is complete). */
    public X509Certificate top() {
        return issuers.isEmpty() ? certificate : issuers.get(issuers.size() - 1);
    }

    /** Subject common name of the certificate (see {@link Certificates#commonName}). */
    public String commonName() {
        return Certificates.commonName(certificate);
    }

    /** Redacts the key: never print key material. */
    @Override
    public String toString() {
        return "CertifiedKey[" + certificate.getSubjectX500Principal().getName() + ", " + issuers.size() + " issuer(s)]";
    }
}
