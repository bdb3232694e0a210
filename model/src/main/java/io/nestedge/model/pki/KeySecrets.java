package io.nestedge.model.pki;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The per-device secrets that encrypt Edge CA and identity keys at rest in the PKI store (ADR 0301):
 * full-entropy, derived from the issuing CA key, never stored.
 */
final class KeySecrets {
    private KeySecrets() {
    }

    /**
     * SHA-256 of a fixed label and the issuing CA key's own numbers: the key every stored key's secret
     * is derived from. Only the holder of the issuing CA key can compute it.
     */
    static byte[] secretKey(CertifiedKey issuingCa) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update("NestEdge PKI store: Edge CA keys v1".getBytes(StandardCharsets.US_ASCII));
            // The key's own numbers, not getEncoded(): providers encode the same key differently (Bouncy Castle's
            // EC PKCS#8 carries the public point, the JDK's does not), and the secret must not depend on which
            // provider happened to load the CA key.
            java.security.PrivateKey k = issuingCa.privateKey();
            if (k instanceof java.security.interfaces.RSAPrivateKey rsa) {
                md.update(rsa.getModulus().toByteArray());
                md.update(rsa.getPrivateExponent().toByteArray());
            } else if (k instanceof java.security.interfaces.ECPrivateKey ec) {
                md.update(ec.getS().toByteArray());
            } else {
                md.update(k.getEncoded());
            }
            return md.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Base64 (unpadded) of HMAC-SHA256(secretKey, label): the pass phrase of one stored key. */
    static char[] secret(byte[] secretKey, String deviceId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey, "HmacSHA256"));
            return Base64.getEncoder().withoutPadding().encodeToString(mac.doFinal(deviceId.getBytes(StandardCharsets.UTF_8))).toCharArray();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
