package io.nestedge.model.pki;

import java.io.IOException;
import java.io.StringWriter;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * PEM encoding of certificates and private keys (Bouncy Castle's PEM writer). Stateless and
 * thread-safe. Keys are always PKCS#8: unencrypted ({@code BEGIN PRIVATE KEY}) for the device,
 * whose keyd reads only unencrypted keys (facts §4), or encrypted ({@code BEGIN ENCRYPTED PRIVATE
 * KEY}: PBES2, AES-256-CBC, PBKDF2-HMAC-SHA256, a random 32-byte salt and an explicit iteration
 * count) for transport and at rest; the key derivation runs on the JDK's SHA-256 ({@link Pbes2}).
 */
public final class Pem {
    /**
     * PBKDF2 iterations for CA keys kept at rest under a pass phrase: 600,000, OWASP's 2023
     * figure for PBKDF2-HMAC-SHA256 (about 0.3 s per key on one core of the build machine).
     */
    public static final int PASSPHRASE_ITERATIONS = 600_000;

    private Pem() {
    }

    /** Certificates as concatenated PEM blocks, in list order (leaf-first for chain files). */
    public static String certificates(List<X509Certificate> certs) {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            for (X509Certificate c : certs) {
                w.writeObject(c);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot PEM-encode certificate", e);
        }
        return sw.toString();
    }

    /** One certificate as PEM. */
    public static String certificate(X509Certificate cert) {
        return certificates(List.of(cert));
    }

    /** Unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY}), the form the device's keyd reads. */
    public static String privateKey(PrivateKey key) {
        try {
            return write(new JcaPKCS8Generator(key, null));
        } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
            throw new IllegalStateException("cannot PEM-encode key", e);
        }
    }

    /**
     * Encrypted PKCS#8 PEM ({@code BEGIN ENCRYPTED PRIVATE KEY}): PBES2 with AES-256-CBC and
     * PBKDF2-HMAC-SHA256. OpenSSL reads it ({@code openssl pkey -in … -passin …}).
     *
     * @param key the key
     * @param passphrase the pass phrase (not kept; the caller wipes it)
     * @param iterations PBKDF2 iteration count, e.g. {@link #PASSPHRASE_ITERATIONS}; at least 1,000
     */
    public static String encryptedPrivateKey(PrivateKey key, char[] passphrase, int iterations) {
        if (iterations < 1000) {
            throw new IllegalArgumentException("PBKDF2 iteration count " + iterations + " is below 1,000");
        }
        if (passphrase == null || passphrase.length == 0) {
            throw new IllegalArgumentException("an empty pass phrase cannot protect a key");
        }
        byte[] der = Pbes2.encrypt(key.getEncoded(), passphrase, iterations);
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(new PemObject("ENCRYPTED PRIVATE KEY", der));
        } catch (IOException e) {
            throw new IllegalStateException("cannot PEM-encode key", e);
        }
        return sw.toString();
    }

    private static String write(JcaPKCS8Generator gen) throws org.bouncycastle.util.io.pem.PemGenerationException {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(gen.generate());
        } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("cannot PEM-encode key", e);
        }
        return sw.toString();
    }
}
