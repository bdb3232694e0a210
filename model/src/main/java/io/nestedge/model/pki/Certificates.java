package io.nestedge.model.pki;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/** Facts read from X.509 certificates. Stateless and thread-safe. */
public final class Certificates {
    private Certificates() {
    }

    /** The subject's first CN, or the whole subject DN when it has no CN. */
    public static String commonName(X509Certificate cert) {
        X500Name name = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        RDN[] cns = name.getRDNs(BCStyle.CN);
        return cns.length == 0 ? name.toString() : IETFUtils.valueToString(cns[0].getFirst().getValue());
    }

    /** SHA-256 fingerprint of the DER encoding, lower-case hex without separators. */
    public static String sha256Fingerprint(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint certificate", e);
        }
    }

    /**
     * The SHA-256 fingerprint as {@code openssl x509 -fingerprint -sha256} prints it (upper-case hex
     * pairs separated by colons), so a technician can compare what install.sh prints on the device
     * with the export report.
     */
    public static String sha256FingerprintOpenssl(X509Certificate cert) {
        String hex = sha256Fingerprint(cert).toUpperCase(java.util.Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(hex, i, i + 2);
        }
        return sb.toString();
    }

    /** The subject key identifier extension's value, if present. */
    public static Optional<byte[]> subjectKeyId(X509Certificate cert) {
        byte[] ext = cert.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (ext == null) {
            return Optional.empty();
        }
        return Optional.of(SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(ext).getOctets()).getKeyIdentifier());
    }

    /** The key identifier of the authority key identifier extension, if present. */
    public static Optional<byte[]> authorityKeyId(X509Certificate cert) {
        byte[] ext = cert.getExtensionValue(Extension.authorityKeyIdentifier.getId());
        if (ext == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(ext).getOctets()).getKeyIdentifier());
    }

    /** RFC 5280 §4.2.1.2 method 1 key ID: SHA-1 of the subjectPublicKey bits (what OpenSSL uses). */
    public static byte[] keyIdOf(PublicKey key) {
        try {
            return new JcaX509ExtensionUtils().createSubjectKeyIdentifier(key).getKeyIdentifier();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when basicConstraints says CA:TRUE. */
    public static boolean isCa(X509Certificate cert) {
        return cert.getBasicConstraints() >= 0;
    }

    /** True when keyUsage is absent or includes keyCertSign (bit 5). */
    public static boolean mayIssueCertificates(X509Certificate cert) {
        boolean[] ku = cert.getKeyUsage();
        return ku == null || (ku.length > 5 && ku[5]);
    }

    /** True when the subject equals the issuer and the certificate verifies with its own key. */
    public static boolean isSelfSigned(X509Certificate cert) {
        if (!cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
            return false;
        }
        return signedBy(cert, cert);
    }

    /** True when {@code cert}'s signature verifies with {@code issuer}'s public key. */
    public static boolean signedBy(X509Certificate cert, X509Certificate issuer) {
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
