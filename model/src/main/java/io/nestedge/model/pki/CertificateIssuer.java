package io.nestedge.model.pki;

import io.nestedge.model.KeyType;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * Issues the plant's certificates (facts §4). Immutable and thread-safe: share one instance
 * between threads. Every certificate gets a positive random serial of at most 159 bits, a
 * notBefore back-dated by {@link #BACKDATE} (clock skew between laptop and devices), a notAfter
 * never past the issuer's, an SKI from its own key and, when issued by a CA, an AKI equal to the
 * issuer's key ID. CA certificates are signed with SHA-256 (RSA PKCS#1 v1.5 or ECDSA).
 *
 * <p>Profiles: root CA (CA:TRUE, no path length limit, keyCertSign + cRLSign), intermediate CA
 * (CA:TRUE pathlen 1), Edge CA (CA:TRUE pathlen 0, digitalSignature + keyCertSign), identity
 * certificates for leaf devices and IoT Edge devices (CA:FALSE, clientAuth), edgeHub server
 * certificates ({@link EdgeHubCertificates}).
 */
public final class CertificateIssuer {
    /** How far notBefore is back-dated. */
    public static final Duration BACKDATE = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Clock clock;

    /**
     * @param clock the clock "now" is read from (tests pass a fixed clock to craft expired certs)
     */
    public CertificateIssuer(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** An issuer on the system UTC clock. */
    public static CertificateIssuer systemClock() {
        return new CertificateIssuer(Clock.systemUTC());
    }

    /** The clock this issuer reads. */
    public Clock clock() {
        return clock;
    }

    /**
     * Creates a self-signed root CA: CA:TRUE (critical, no path length limit), keyUsage critical
     * keyCertSign + cRLSign, SKI.
     *
     * @param commonName CN of the root (e.g. {@code Plant7 Root CA})
     * @param keyType key type (Microsoft's script uses RSA-4096 for CAs)
     * @param validityDays validity, days (> 0)
     */
    public CertifiedKey rootCa(String commonName, KeyType keyType, int validityDays) {
        KeyPair kp = KeyPairs.generate(keyType);
        Instant now = clock.instant();
        X500Name name = cn(commonName);
        X509v3CertificateBuilder b = builder(name, kp.getPublic(), name, now.minus(BACKDATE), now.plus(days(validityDays)));
        addExt(b, Extension.basicConstraints, true, new BasicConstraints(true));
        addExt(b, Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        addExt(b, Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(Certificates.keyIdOf(kp.getPublic())));
        return new CertifiedKey(sign(b, kp.getPrivate()), kp.getPrivate(), List.of());
    }

    /**
     * Issues an intermediate CA: CA:TRUE pathlen 1 (room for the Edge CA below it), keyUsage
     * critical keyCertSign + cRLSign, SKI, AKI.
     *
     * @param issuer the root (or another intermediate) with its key
     * @throws IllegalArgumentException if the issuer has expired
     */
    public CertifiedKey intermediateCa(CertifiedKey issuer, String commonName, KeyType keyType, int validityDays) {
        KeyPair kp = KeyPairs.generate(keyType);
        X509v3CertificateBuilder b = issuedBuilder(issuer, cn(commonName), kp.getPublic(), validityDays);
        addExt(b, Extension.basicConstraints, true, new BasicConstraints(1));
        addExt(b, Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return new CertifiedKey(sign(b, issuer.privateKey()), kp.getPrivate(), issuer.fullChain());
    }

    /**
     * Issues one IoT Edge device's Edge CA (facts §4): basicConstraints critical CA:TRUE pathlen 0,
     * keyUsage critical digitalSignature + keyCertSign, SKI, AKI, CN from {@link EdgeCaNames}.
     * Generates the key (the slow part); see {@link EdgeCaIssuance} for many at once.
     *
     * @param issuer the root or intermediate CA that signs
     * @param request device ID, hostname, key type, validity
     * @return the Edge CA; its {@link CertifiedKey#fullChain()} is the Edge CA file, leaf-first
     * @throws IllegalArgumentException if the issuer has expired
     */
    public CertifiedKey edgeCa(CertifiedKey issuer, EdgeCaRequest request) {
        KeyPair kp = KeyPairs.generate(request.keyType());
        String cn = EdgeCaNames.commonName(request.deviceId(), request.hostname());
        X509v3CertificateBuilder b = issuedBuilder(issuer, cn(cn), kp.getPublic(), request.validityDays());
        addExt(b, Extension.basicConstraints, true, new BasicConstraints(0));
        addExt(b, Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign));
        return new CertifiedKey(sign(b, issuer.privateKey()), kp.getPrivate(), issuer.fullChain());
    }

    /**
     * Issues an X.509 identity certificate for IoT Hub authentication: a leaf device's, or an IoT
     * Edge device's for {@code MANUAL_X509} provisioning ({@code [provisioning.authentication]
     * method = "x509"}, facts §3). CN = device ID (IoT Hub matches it), CA:FALSE, keyUsage
     * digitalSignature + keyEncipherment (digitalSignature only for EC keys, which cannot encipher),
     * EKU clientAuth.
     *
     * @param issuer the CA that signs (root, intermediate, or the parent's CA)
     * @param deviceId IoT Hub device ID, at most 64 characters
     * @param keyType key type
     * @param validityDays validity, days (capped at the issuer's notAfter)
     * @throws IllegalArgumentException if the device ID is longer than a CN may be, or the issuer expired
     */
    public CertifiedKey deviceIdentity(CertifiedKey issuer, String deviceId, KeyType keyType, int validityDays) {
        if (deviceId == null || deviceId.isBlank() || deviceId.length() > EdgeCaNames.MAX_CN_LENGTH) {
            throw new IllegalArgumentException("device ID '" + deviceId + "' cannot be an identity certificate's CN"
                    + " (1-64 characters); use a shorter device ID or SAS provisioning");
        }
        KeyPair kp = KeyPairs.generate(keyType);
        X509v3CertificateBuilder b = issuedBuilder(issuer, cn(deviceId), kp.getPublic(), validityDays);
        addExt(b, Extension.basicConstraints, true, new BasicConstraints(false));
        int ku = kp.getPublic() instanceof RSAKey ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature;
        addExt(b, Extension.keyUsage, true, new KeyUsage(ku));
        addExt(b, Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        return new CertifiedKey(sign(b, issuer.privateKey()), kp.getPrivate(), issuer.fullChain());
    }

    /**
     * A TLS server certificate for {@code subject}, as a runtime issues it from its Edge CA. Used by
     * {@link EdgeHubCertificates}; public so emulators can issue other server certs the same way.
     *
     * @param issuer the Edge CA
     * @param keyPair the server's key pair
     * @param commonName subject CN
     * @param subjectAltNames SAN entries
     * @param validity requested validity (capped at the issuer's notAfter)
     */
    public X509Certificate serverCertificate(CertifiedKey issuer, KeyPair keyPair, String commonName,
            GeneralNames subjectAltNames, Duration validity) {
        Instant now = clock.instant();
        checkIssuer(issuer, now);
        X509v3CertificateBuilder b = builder(X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded()),
                keyPair.getPublic(), cn(commonName), now.minus(BACKDATE), cap(now.plus(validity), issuer));
        addExt(b, Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(issuerKeyId(issuer)));
        addExt(b, Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(Certificates.keyIdOf(keyPair.getPublic())));
        addExt(b, Extension.basicConstraints, true, new BasicConstraints(false));
        int ku = keyPair.getPublic() instanceof RSAKey ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature;
        addExt(b, Extension.keyUsage, true, new KeyUsage(ku));
        addExt(b, Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        addExt(b, Extension.subjectAlternativeName, false, subjectAltNames);
        return sign(b, issuer.privateKey());
    }

    /** A positive random serial number of at most 159 bits (RFC 5280: at most 20 octets). */
    static BigInteger serial() {
        BigInteger s;
        do {
            s = new BigInteger(159, RANDOM);
        } while (s.signum() == 0);
        return s;
    }

    private X509v3CertificateBuilder issuedBuilder(CertifiedKey issuer, X500Name subject, PublicKey key, int validityDays) {
        Instant now = clock.instant();
        checkIssuer(issuer, now);
        X500Name issuerName = X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
        X509v3CertificateBuilder b = builder(issuerName, key, subject, now.minus(BACKDATE), cap(now.plus(days(validityDays)), issuer));
        addExt(b, Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(Certificates.keyIdOf(key)));
        addExt(b, Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(issuerKeyId(issuer)));
        return b;
    }

    private static byte[] issuerKeyId(CertifiedKey issuer) {
        return Certificates.subjectKeyId(issuer.certificate()).orElseGet(() -> Certificates.keyIdOf(issuer.certificate().getPublicKey()));
    }

    private static void checkIssuer(CertifiedKey issuer, Instant now) {
        X509Certificate c = issuer.certificate();
        if (!c.getNotAfter().toInstant().isAfter(now)) {
            throw new IllegalArgumentException("issuing CA '" + Certificates.commonName(c) + "' expired on "
                    + c.getNotAfter().toInstant() + "; renew or re-import it before issuing");
        }
        if (!Certificates.isCa(c) || !Certificates.mayIssueCertificates(c)) {
            throw new IllegalArgumentException("'" + Certificates.commonName(c) + "' is not a CA (needs CA:TRUE and keyCertSign)");
        }
    }

    private static Instant cap(Instant notAfter, CertifiedKey issuer) {
        Instant max = issuer.certificate().getNotAfter().toInstant();
        return notAfter.isAfter(max) ? max : notAfter;
    }

    private static Duration days(int d) {
        if (d <= 0) {
            throw new IllegalArgumentException("validity must be at least one day, was " + d);
        }
        return Duration.ofDays(d);
    }

    private static X500Name cn(String commonName) {
        if (commonName == null || commonName.isBlank() || commonName.length() > EdgeCaNames.MAX_CN_LENGTH) {
            throw new IllegalArgumentException("common name '" + commonName + "' must have 1-64 characters");
        }
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, PublicKey key, X500Name subject, Instant nb, Instant na) {
        // X.509 times have second precision; truncate so the Date round-trips exactly.
        return new JcaX509v3CertificateBuilder(issuer, serial(), Date.from(nb.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)),
                Date.from(na.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)), subject, key);
    }

    private static void addExt(X509v3CertificateBuilder b, org.bouncycastle.asn1.ASN1ObjectIdentifier oid, boolean critical,
            org.bouncycastle.asn1.ASN1Encodable value) {
        try {
            b.addExtension(oid, critical, value);
        } catch (CertIOException e) {
            throw new IllegalStateException("cannot encode extension " + oid, e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey issuerKey) {
        try {
            return new JcaX509CertificateConverter().getCertificate(b.build(Signers.contentSigner(issuerKey)));
        } catch (CertificateException e) {
            throw new IllegalStateException("cannot sign certificate", e);
        }
    }
}
