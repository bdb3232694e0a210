package io.nestedge.model.pki;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * PBES2 (RFC 8018) encryption of PKCS#8 private keys with PBKDF2-HMAC-SHA-2 and AES-CBC, with the
 * key derivation and the cipher of the JDK (SunJCE), whose SHA-256 and AES run on the CPU's SHA and
 * AES instructions: PBKDF2 is about four times faster than with Bouncy Castle's pure-Java SHA-256,
 * which matters when an export encrypts or decrypts hundreds of keys (ADR 0411). Bouncy Castle
 * builds and parses the ASN.1; the output is the same structure its own encryptor writes (32-byte
 * salt, hmacWithSHA256, aes-256-cbc, no key-length field), which OpenSSL reads. Stateless and
 * thread-safe.
 */
final class Pbes2 {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AlgorithmIdentifier HMAC_SHA256 = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE);
    /** PRFs the JDK's PBKDF2 offers, by OID. */
    private static final Map<ASN1ObjectIdentifier, String> PBKDF2 = Map.of(
            PKCSObjectIdentifiers.id_hmacWithSHA1, "PBKDF2WithHmacSHA1",
            PKCSObjectIdentifiers.id_hmacWithSHA224, "PBKDF2WithHmacSHA224",
            PKCSObjectIdentifiers.id_hmacWithSHA256, "PBKDF2WithHmacSHA256",
            PKCSObjectIdentifiers.id_hmacWithSHA384, "PBKDF2WithHmacSHA384",
            PKCSObjectIdentifiers.id_hmacWithSHA512, "PBKDF2WithHmacSHA512");
    /** AES-CBC key sizes in bytes, by OID. */
    private static final Map<ASN1ObjectIdentifier, Integer> AES_CBC = Map.of(
            NISTObjectIdentifiers.id_aes128_CBC, 16,
            NISTObjectIdentifiers.id_aes192_CBC, 24,
            NISTObjectIdentifiers.id_aes256_CBC, 32);

    private Pbes2() {
    }

    /**
     * Encrypts a PKCS#8 key: PBES2, PBKDF2-HMAC-SHA256 with a random 32-byte salt, AES-256-CBC with a random IV.
     *
     * @param pkcs8 the DER of the unencrypted PKCS#8 {@code PrivateKeyInfo}
     * @param passphrase non-empty; UTF-8 encoded as PKCS#5 asks (as OpenSSL and Bouncy Castle do)
     * @param iterations PBKDF2 iteration count
     * @return the DER of the {@code EncryptedPrivateKeyInfo}
     */
    static byte[] encrypt(byte[] pkcs8, char[] passphrase, int iterations) {
        byte[] salt = new byte[32];
        byte[] iv = new byte[16];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(iv);
        try {
            byte[] encrypted = cipher(Cipher.ENCRYPT_MODE, "PBKDF2WithHmacSHA256", passphrase, salt, iterations, 32, iv).doFinal(pkcs8);
            PBES2Parameters params = new PBES2Parameters(
                    new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2, new PBKDF2Params(salt, iterations, HMAC_SHA256)),
                    new EncryptionScheme(NISTObjectIdentifiers.id_aes256_CBC, new DEROctetString(iv)));
            return new EncryptedPrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, params), encrypted)
                    .getEncoded(ASN1Encoding.DER);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot encrypt key: " + e.getMessage(), e);
        }
    }

    /**
     * Decrypts a PBES2 key when it uses PBKDF2 with an HMAC-SHA-1/SHA-2 PRF and AES-CBC (what
     * OpenSSL, Bouncy Castle and this class write); other schemes are left to Bouncy Castle.
     *
     * @return the key, or empty when the scheme is not one of those
     * @throws GeneralSecurityException when the pass phrase is wrong (bad padding) or the file is damaged
     */
    static Optional<PrivateKeyInfo> decrypt(PKCS8EncryptedPrivateKeyInfo info, char[] passphrase) throws GeneralSecurityException {
        AlgorithmIdentifier alg = info.getEncryptionAlgorithm();
        if (!PKCSObjectIdentifiers.id_PBES2.equals(alg.getAlgorithm())) {
            return Optional.empty();
        }
        PBES2Parameters params = PBES2Parameters.getInstance(alg.getParameters());
        if (!PKCSObjectIdentifiers.id_PBKDF2.equals(params.getKeyDerivationFunc().getAlgorithm())) {
            return Optional.empty();
        }
        PBKDF2Params kdf = PBKDF2Params.getInstance(params.getKeyDerivationFunc().getParameters());
        String prf = PBKDF2.get(kdf.getPrf().getAlgorithm());
        Integer keyBytes = AES_CBC.get(params.getEncryptionScheme().getAlgorithm());
        if (prf == null || keyBytes == null || (kdf.getKeyLength() != null && kdf.getKeyLength().intValue() != keyBytes)
                || kdf.getIterationCount().bitLength() > 31 || kdf.getSalt().length == 0) {
            return Optional.empty();
        }
        byte[] iv = ASN1OctetString.getInstance(params.getEncryptionScheme().getParameters()).getOctets();
        byte[] plain = cipher(Cipher.DECRYPT_MODE, prf, passphrase, kdf.getSalt(), kdf.getIterationCount().intValue(), keyBytes, iv)
                .doFinal(info.getEncryptedData());
        try {
            return Optional.of(PrivateKeyInfo.getInstance(plain));
        } catch (IllegalArgumentException e) {
            // The padding happened to check out under a wrong key; the content is not a key.
            throw new GeneralSecurityException("decryption gave no PKCS#8 key (wrong pass phrase?)", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static Cipher cipher(int mode, String pbkdf2, char[] passphrase, byte[] salt, int iterations, int keyBytes, byte[] iv)
            throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, keyBytes * 8);
        byte[] key = SecretKeyFactory.getInstance(pbkdf2).generateSecret(spec).getEncoded();
        spec.clearPassword();
        try {
            Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
            c.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return c;
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
