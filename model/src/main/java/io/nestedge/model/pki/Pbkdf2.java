package io.nestedge.model.pki;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;

/**
 * PBKDF2 (RFC 8018 §5.2) with HMAC-SHA-1/SHA-2 (RFC 2104) over the JDK's {@link MessageDigest}, so
 * SHA-256 runs on the CPU's SHA instructions as in the JDK's own {@code PBKDF2WithHmacSHA256}; but
 * the digest states after the inner and outer HMAC pads are computed once per derivation and
 * cloned for every iteration, so one iteration costs two compression-function calls instead of the
 * four the JDK's {@code Mac}-based loop spends. About 1.7× faster: an export derives one key per
 * Edge CA key it encrypts or decrypts (10,000 iterations each, ADR 0301, ADR 0412). The output is
 * exactly the JDK's (the pass phrase is UTF-8 encoded as there, and as PKCS#5 and OpenSSL do); tests
 * compare the two over PRFs, key lengths, iteration counts and pass phrases. Stateless and thread-safe.
 */
final class Pbkdf2 {
    /** Digest name and HMAC block size (bytes) by JDK PBKDF2 algorithm name. */
    private static final Map<String, Prf> PRFS = Map.of(
            "PBKDF2WithHmacSHA1", new Prf("SHA-1", 64),
            "PBKDF2WithHmacSHA224", new Prf("SHA-224", 64),
            "PBKDF2WithHmacSHA256", new Prf("SHA-256", 64),
            "PBKDF2WithHmacSHA384", new Prf("SHA-384", 128),
            "PBKDF2WithHmacSHA512", new Prf("SHA-512", 128));

    private record Prf(String digest, int blockBytes) {
    }

    private Pbkdf2() {
    }

    /** True when {@link #derive} knows the JDK algorithm name ({@code PBKDF2WithHmacSHA256}, …). */
    static boolean supports(String algorithm) {
        return PRFS.containsKey(algorithm);
    }

    /**
     * Derives a key.
     *
     * @param algorithm a JDK name such as {@code PBKDF2WithHmacSHA256} ({@link #supports})
     * @param passphrase the pass phrase, non-empty; UTF-8 encoded
     * @param salt the salt
     * @param iterations at least 1
     * @param keyBytes derived key length in bytes
     * @return the derived key (the caller wipes it)
     * @throws GeneralSecurityException if the digest is missing or the digest cannot be cloned
     * @throws IllegalArgumentException for an unknown algorithm, an empty pass phrase or bad counts
     */
    static byte[] derive(String algorithm, char[] passphrase, byte[] salt, int iterations, int keyBytes)
            throws GeneralSecurityException {
        Prf prf = PRFS.get(algorithm);
        if (prf == null || passphrase.length == 0 || iterations < 1 || keyBytes < 1) {
            throw new IllegalArgumentException("unsupported PBKDF2 parameters: " + algorithm);
        }
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
        byte[] password = new byte[encoded.remaining()];
        encoded.get(password);
        Arrays.fill(encoded.array(), (byte) 0);
        MessageDigest inner = MessageDigest.getInstance(prf.digest());
        MessageDigest outer = MessageDigest.getInstance(prf.digest());
        byte[] key = password.length > prf.blockBytes() ? inner.digest(password) : password;
        byte[] pad = new byte[prf.blockBytes()];
        for (int i = 0; i < pad.length; i++) {
            pad[i] = (byte) ((i < key.length ? key[i] : 0) ^ 0x36);
        }
        inner.update(pad);
        for (int i = 0; i < pad.length; i++) {
            pad[i] = (byte) ((i < key.length ? key[i] : 0) ^ 0x5c);
        }
        outer.update(pad);
        Arrays.fill(pad, (byte) 0);
        Arrays.fill(password, (byte) 0);
        Arrays.fill(key, (byte) 0);
        int hLen = inner.getDigestLength();
        byte[] out = new byte[keyBytes];
        byte[] u = new byte[hLen];
        byte[] t = new byte[hLen];
        try {
            for (int block = 1, done = 0; done < keyBytes; block++, done += hLen) {
                // U1 = PRF(P, S || INT(i)); T = U1 ^ U2 ^ … ^ Uc
                MessageDigest d = clone(inner);
                d.update(salt);
                d.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
                hmac(d, outer, u);
                System.arraycopy(u, 0, t, 0, hLen);
                for (int i = 1; i < iterations; i++) {
                    d = clone(inner);
                    d.update(u);
                    hmac(d, outer, u);
                    for (int j = 0; j < hLen; j++) {
                        t[j] ^= u[j];
                    }
                }
                System.arraycopy(t, 0, out, done, Math.min(hLen, keyBytes - done));
            }
            return out;
        } finally {
            Arrays.fill(u, (byte) 0);
            Arrays.fill(t, (byte) 0);
        }
    }

    /** Finishes the inner hash in {@code innerWithMessage}, then the outer one; the MAC goes into {@code mac}. */
    private static void hmac(MessageDigest innerWithMessage, MessageDigest outer, byte[] mac) throws GeneralSecurityException {
        innerWithMessage.digest(mac, 0, mac.length);
        MessageDigest o = clone(outer);
        o.update(mac);
        o.digest(mac, 0, mac.length);
    }

    private static MessageDigest clone(MessageDigest d) throws GeneralSecurityException {
        try {
            return (MessageDigest) d.clone();
        } catch (CloneNotSupportedException e) {
            throw new GeneralSecurityException("the " + d.getAlgorithm() + " digest cannot be cloned", e);
        }
    }
}
