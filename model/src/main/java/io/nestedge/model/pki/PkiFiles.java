package io.nestedge.model.pki;

import io.nestedge.model.io.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads certificates and private keys from PEM and PKCS#12 files, as Microsoft's test-certificate
 * script and OpenSSL write them (facts §4): PKCS#8 (plain or encrypted), PKCS#1
 * {@code BEGIN RSA PRIVATE KEY} (plain or legacy-encrypted with {@code Proc-Type}/{@code DEK-Info}),
 * SEC 1 {@code BEGIN EC PRIVATE KEY}, and PKCS#12. Pass phrases are used, never kept. Every
 * problem is an {@link InputException} naming the file. Stateless and thread-safe.
 */
public final class PkiFiles {
    private PkiFiles() {
    }

    /** A private key as found in a file, before any decryption. */
    public record KeyFile(Path file, KeyFormat format) {
    }

    /**
     * Reads every certificate of a PEM file, in file order (other PEM blocks are skipped).
     *
     * @throws InputException if the file is missing, unreadable, holds a damaged certificate or none
     */
    public static List<X509Certificate> readCertificates(Path file) throws InputException {
        List<X509Certificate> certs = new ArrayList<>();
        var conv = new JcaX509CertificateConverter();
        try (PEMParser p = parser(file)) {
            Object o;
            while ((o = p.readObject()) != null) {
                if (o instanceof X509CertificateHolder h) {
                    certs.add(conv.getCertificate(h));
                }
            }
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), "", "file not found.", "Check the path.", e);
        } catch (IOException | CertificateException | RuntimeException e) {
            throw new InputException(file.toString(), "certificate " + (certs.size() + 1),
                    "not a readable PEM certificate (" + e.getMessage() + ").",
                    "Give a PEM file with -----BEGIN CERTIFICATE----- blocks (convert DER with 'openssl x509 -inform der').", e);
        }
        if (certs.isEmpty()) {
            throw new InputException(file.toString(), "", "holds no PEM certificate.",
                    "Give a PEM file with -----BEGIN CERTIFICATE----- blocks.");
        }
        return certs;
    }

    /**
     * Finds the first private key of a PEM file and tells how it is stored, without decrypting it.
     *
     * @throws InputException if the file is missing or holds no private key
     */
    public static KeyFile probeKey(Path file) throws InputException {
        Object o = firstKeyObject(file);
        KeyFormat f;
        if (o instanceof PKCS8EncryptedPrivateKeyInfo) {
            f = KeyFormat.PKCS8_ENCRYPTED;
        } else if (o instanceof PEMEncryptedKeyPair) {
            f = KeyFormat.TRADITIONAL_ENCRYPTED;
        } else if (o instanceof PEMKeyPair) {
            f = KeyFormat.TRADITIONAL;
        } else {
            f = KeyFormat.PKCS8;
        }
        return new KeyFile(file, f);
    }

    /**
     * Reads the first private key of a PEM file, decrypting it when it is encrypted.
     *
     * @param file the key file
     * @param passphrase pass phrase for an encrypted key; may be null for unencrypted keys
     * @return the key
     * @throws InputException if the file holds no key, the key is encrypted and no pass phrase was
     *     given, or the pass phrase is wrong
     */
    public static PrivateKey readPrivateKey(Path file, char[] passphrase) throws InputException {
        Object o = firstKeyObject(file);
        var conv = new JcaPEMKeyConverter();
        boolean encrypted = o instanceof PKCS8EncryptedPrivateKeyInfo || o instanceof PEMEncryptedKeyPair;
        if (encrypted && (passphrase == null || passphrase.length == 0)) {
            throw new InputException(file.toString(), "", "the private key is encrypted and no pass phrase was given.",
                    "Enter the key's pass phrase (it is used once and never stored).");
        }
        try {
            if (o instanceof PrivateKeyInfo pki) {
                return conv.getPrivateKey(pki);
            }
            if (o instanceof PEMKeyPair kp) {
                return conv.getKeyPair(kp).getPrivate();
            }
            if (o instanceof PKCS8EncryptedPrivateKeyInfo enc) {
                var fast = Pbes2.decrypt(enc, passphrase); // PBES2 with PBKDF2 and AES: the JDK's faster SHA-256
                if (fast.isPresent()) {
                    return conv.getPrivateKey(fast.get());
                }
                var dec = new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(passphrase);
                return conv.getPrivateKey(enc.decryptPrivateKeyInfo(dec));
            }
            PEMEncryptedKeyPair enc = (PEMEncryptedKeyPair) o;
            return conv.getKeyPair(enc.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(passphrase))).getPrivate();
        } catch (Exception e) {
            if (Bc.missingAlgorithm(e)) {
                throw new IllegalStateException("the crypto provider lacks an algorithm needed to read " + file, e);
            }
            if (encrypted) {
                throw new InputException(file.toString(), "", "cannot decrypt the private key: wrong pass phrase (or a damaged file).",
                        "Check the pass phrase; 'openssl pkey -in " + file.getFileName() + " -noout' asks for it and tells whether it is right.", e);
            }
            throw new InputException(file.toString(), "", "damaged private key (" + e.getMessage() + ").",
                    "Export the key again as PEM.", e);
        }
    }

    /**
     * Reads the first key entry of a PKCS#12 file (as {@code openssl pkcs12 -export} writes it,
     * AES-256/PBKDF2 or legacy 3DES/RC2) with its certificate chain.
     *
     * @return the key, its certificate and the rest of the chain, leaf-first
     * @throws InputException if the file is missing, not PKCS#12, the pass phrase is wrong, or it
     *     holds no key with a certificate
     */
    public static CertifiedKey readPkcs12(Path file, char[] passphrase) throws InputException {
        char[] pw = passphrase == null ? new char[0] : passphrase;
        KeyStore ks;
        try (InputStream in = Files.newInputStream(file)) {
            ks = KeyStore.getInstance("PKCS12");
            ks.load(in, pw);
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), "", "file not found.", "Check the path.", e);
        } catch (IOException e) {
            if (e.getCause() instanceof java.security.UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new InputException(file.toString(), "", "cannot open the PKCS#12 file: wrong pass phrase.",
                        "Check the pass phrase ('openssl pkcs12 -in " + file.getFileName() + " -noout' tells whether it is right).", e);
            }
            throw new InputException(file.toString(), "", "not a readable PKCS#12 file (" + e.getMessage() + ").",
                    "Give a .p12/.pfx file, or the PEM certificate and key files.", e);
        } catch (GeneralSecurityException e) {
            throw new InputException(file.toString(), "", "not a readable PKCS#12 file (" + e.getMessage() + ").",
                    "Give a .p12/.pfx file, or the PEM certificate and key files.", e);
        }
        try {
            for (String alias : Collections.list(ks.aliases())) {
                if (!ks.isKeyEntry(alias)) {
                    continue;
                }
                PrivateKey key = (PrivateKey) ks.getKey(alias, pw);
                Certificate[] chain = ks.getCertificateChain(alias);
                if (chain == null || chain.length == 0) {
                    continue;
                }
                List<X509Certificate> issuers = new ArrayList<>();
                for (int i = 1; i < chain.length; i++) {
                    issuers.add((X509Certificate) chain[i]);
                }
                return new CertifiedKey((X509Certificate) chain[0], key, issuers);
            }
        } catch (GeneralSecurityException e) {
            throw new InputException(file.toString(), "", "cannot read the key in the PKCS#12 file: wrong pass phrase.",
                    "Check the pass phrase.", e);
        }
        throw new InputException(file.toString(), "", "the PKCS#12 file holds no private key with a certificate.",
                "Export it with 'openssl pkcs12 -export -inkey KEY -in CERT'.");
    }

    private static Object firstKeyObject(Path file) throws InputException {
        try (PEMParser p = parser(file)) {
            Object o;
            while ((o = p.readObject()) != null) {
                if (o instanceof PrivateKeyInfo || o instanceof PEMKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo
                        || o instanceof PEMEncryptedKeyPair) {
                    return o;
                }
                if (!(o instanceof ASN1ObjectIdentifier || o instanceof X509CertificateHolder)) {
                    continue;
                }
            }
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), "", "file not found.", "Check the path.", e);
        } catch (IOException | RuntimeException e) {
            throw new InputException(file.toString(), "", "not a readable PEM key file (" + e.getMessage() + ").",
                    "Give a PEM private key (PKCS#8, PKCS#1 or EC), or a PKCS#12 file.", e);
        }
        throw new InputException(file.toString(), "", "holds no private key.",
                "Give the PEM file with -----BEGIN … PRIVATE KEY-----; a certificate file is not a key file.");
    }

    private static PEMParser parser(Path file) throws IOException {
        Reader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1);
        return new PEMParser(r);
    }
}
