package io.nestedge.commissioning.virtualplant;

import io.nestedge.commissioning.virtualplant.tls.PemFiles;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.util.io.pem.PemObject;

/** Small test PKI: a root CA and per-device Edge CAs (facts §4), as PEM text. */
public final class TestPki {
    private static final SecureRandom RANDOM = new SecureRandom();
    final KeyPair rootKeys;
    final X509Certificate root;

    /** A root CA with this CN, valid for a year. */
    public TestPki(String rootCn) throws Exception {
        rootKeys = rsa();
        root = cert(new X500Name("CN=" + rootCn), rootKeys.getPrivate(), new X500Name("CN=" + rootCn), rootKeys,
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(365)), true);
    }

    /** An Edge CA for a device. */
    public record EdgeCa(X509Certificate cert, PrivateKey key, String chainPem, String keyPem) {
    }

    /** Edge CA "name.ca" signed by the root; the file holds the Edge CA only (the root is optional, facts §4). */
    public EdgeCa edgeCa(String name, Instant notBefore, Instant notAfter) throws Exception {
        KeyPair kp = rsa();
        X509Certificate c = cert(X500Name.getInstance(root.getSubjectX500Principal().getEncoded()),
                rootKeys.getPrivate(), new X500Name("CN=" + name + ".ca"), kp, notBefore, notAfter, true);
        return new EdgeCa(c, kp.getPrivate(), PemFiles.pem(c), PemFiles.pem(kp.getPrivate()));
    }

    /** Edge CA valid from yesterday for 90 days. */
    public EdgeCa edgeCa(String name) throws Exception {
        return edgeCa(name, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(90)));
    }

    /** The root certificate as PEM. */
    public String rootPem() throws Exception {
        return PemFiles.pem(root);
    }

    /** The root's key, PKCS#8-encrypted with a password (as Microsoft's test scripts leave it: F2). */
    public String encryptedRootKeyPem() throws Exception {
        var enc = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).setPassword("1234".toCharArray()).setRandom(RANDOM).build();
        PemObject o = new JcaPKCS8Generator(rootKeys.getPrivate(), enc).generate();
        return PemFiles.pem(o);
    }

    static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048, RANDOM);
        return g.generateKeyPair();
    }

    private static X509Certificate cert(X500Name issuer, PrivateKey issuerKey, X500Name subject, KeyPair kp,
            Instant nb, Instant na, boolean ca) throws Exception {
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).add(BigInteger.ONE),
                Date.from(nb), Date.from(na), subject, kp.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign));
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
    }
}
