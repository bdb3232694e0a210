package io.nestedge.commissioning.virtualplant.tls;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/** PEM reading and writing with Bouncy Castle: certificate chains and private keys. */
public final class PemFiles {
    private PemFiles() {
    }

    /**
     * Every certificate of a PEM file, in file order (other PEM objects are ignored).
     *
     * @throws IOException when the PEM is malformed or a certificate does not parse
     */
    public static List<X509Certificate> certs(byte[] pem) throws IOException {
        List<X509Certificate> out = new ArrayList<>();
        try (PEMParser p = new PEMParser(new StringReader(new String(pem, StandardCharsets.US_ASCII)))) {
            Object o;
            while ((o = p.readObject()) != null) {
                if (o instanceof X509CertificateHolder h) {
                    out.add(new JcaX509CertificateConverter().getCertificate(h));
                }
            }
        } catch (CertificateException e) {
            throw new IOException("invalid certificate: " + e.getMessage(), e);
        }
        return out;
    }

    /** The outcome of reading a private key file. */
    public sealed interface KeyRead permits Key, Encrypted, NoKey {
    }

    /** An unencrypted key. @param key the key */
    public record Key(PrivateKey key) implements KeyRead {
    }

    /** An encrypted key (PKCS#8 or a legacy Proc-Type header): the runtime cannot use it (facts §4). */
    public record Encrypted(String format) implements KeyRead {
    }

    /** No private key in the file. */
    public record NoKey() implements KeyRead {
    }

    /**
     * Reads the first private key of a PEM file.
     *
     * @throws IOException when the PEM is malformed
     */
    public static KeyRead key(byte[] pem) throws IOException {
        try (PEMParser p = new PEMParser(new StringReader(new String(pem, StandardCharsets.US_ASCII)))) {
            Object o;
            JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
            while ((o = p.readObject()) != null) {
                if (o instanceof PEMKeyPair kp) {
                    return new Key(conv.getPrivateKey(kp.getPrivateKeyInfo()));
                }
                if (o instanceof PrivateKeyInfo pki) {
                    return new Key(conv.getPrivateKey(pki));
                }
                if (o instanceof PKCS8EncryptedPrivateKeyInfo) {
                    return new Encrypted("ENCRYPTED PRIVATE KEY");
                }
                if (o instanceof PEMEncryptedKeyPair) {
                    return new Encrypted("Proc-Type: 4,ENCRYPTED");
                }
            }
        }
        return new NoKey();
    }

    /** True when the private key belongs to the certificate (sign, then verify with the cert's key). */
    public static boolean matches(PrivateKey key, X509Certificate cert) {
        String alg = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (alg == null) {
            return false;
        }
        try {
            byte[] data = "nestedge-key-match".getBytes(StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(alg);
            s.initSign(key);
            s.update(data);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(cert.getPublicKey());
            v.update(data);
            return v.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** PEM text of objects (certificates, keys). */
    public static String pem(Object... objects) throws IOException {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            for (Object o : objects) {
                pw.writeObject(o);
            }
        }
        return w.toString();
    }

    /** PEM text of a certificate list. */
    public static String pem(List<X509Certificate> certs) throws IOException {
        return pem(certs.toArray());
    }
}
