package io.nestedge.model.pki;

import io.nestedge.model.KeyType;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Optional;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;

/**
 * Key-pair generation and key facts. Thread-safe: every call uses its own generator, so many
 * threads may generate at once (see {@link EdgeCaIssuance} for the all-cores batch API).
 */
public final class KeyPairs {
    private KeyPairs() {
    }

    /**
     * Generates a fresh key pair: RSA with the JDK (SunRsaSign, faster than Bouncy Castle's, ADR
     * 0300); EC P-256 with Bouncy Castle, whose fixed-base precomputation makes it about four times
     * faster than JDK 17's SunEC (ADR 0411), returned as JDK key objects so that encodings and key
     * comparisons do not depend on the provider.
     *
     * @param type RSA 2048/3072/4096 or EC P-256
     * @return the new key pair (JDK key classes)
     */
    public static KeyPair generate(KeyType type) {
        try {
            if (type.isRsa()) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(type.bits());
                return g.generateKeyPair();
            }
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC", Bc.PROVIDER);
            g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair bc = g.generateKeyPair();
            // Rebuilt from the public encoding and the private scalar, so the JDK encodes them its own way.
            KeyFactory jdk = KeyFactory.getInstance("EC");
            ECPublicKey pub = (ECPublicKey) jdk.generatePublic(new X509EncodedKeySpec(bc.getPublic().getEncoded()));
            PrivateKey priv = jdk.generatePrivate(new ECPrivateKeySpec(((ECPrivateKey) bc.getPrivate()).getS(), pub.getParams()));
            return new KeyPair(pub, priv);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate " + type + " keys", e);
        }
    }

    /** JCA signature algorithm a CA with this key signs with: SHA256withRSA or SHA256withECDSA. */
    private static String family(String algorithm) {
        return algorithm.equals("ECDSA") ? "EC" : algorithm;
    }

    static String signatureAlgorithm(PrivateKey issuerKey) {
        return issuerKey instanceof RSAKey ? "SHA256withRSA" : "SHA256withECDSA";
    }

    /**
     * The key type of a public key, when it is one the plant issues.
     *
     * @return RSA_2048/3072/4096 or EC_P256, or empty for other sizes and curves
     */
    public static Optional<KeyType> typeOf(PublicKey key) {
        String d = describe(key);
        for (KeyType t : KeyType.values()) {
            if (describe(t).equals(d)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Human name of a key type: {@code RSA-2048}, {@code EC P-256}. */
    public static String describe(KeyType type) {
        return type.isRsa() ? "RSA-" + type.bits() : "EC P-256";
    }

    /**
     * Human description of a public key: {@code RSA-2048}, {@code EC P-256}, {@code EC secp384r1},
     * or the algorithm name.
     */
    public static String describe(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return "RSA-" + rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey) {
            String curve = curveName(key);
            return "secp256r1".equals(curve) || "prime256v1".equals(curve) ? "EC P-256" : "EC " + curve;
        }
        return key.getAlgorithm();
    }

    /** RSA modulus length in bits, or 0 for non-RSA keys. */
    public static int rsaBits(PublicKey key) {
        return key instanceof RSAPublicKey rsa ? rsa.getModulus().bitLength() : 0;
    }

    /**
     * Curve name of an EC public key as named in its encoding (e.g. {@code secp256r1}), or the
     * field size ({@code 384-bit curve}) when the curve is given by explicit parameters.
     */
    public static String curveName(PublicKey key) {
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(key.getEncoded());
        var params = spki.getAlgorithm().getParameters();
        if (params instanceof org.bouncycastle.asn1.ASN1ObjectIdentifier oid) {
            String name = ECNamedCurveTable.getName(oid);
            return name != null ? name : oid.getId();
        }
        return key instanceof ECKey ec ? ec.getParams().getCurve().getField().getFieldSize() + "-bit curve" : "unknown";
    }

    /**
     * True when {@code privateKey} is the private half of {@code publicKey} (facts §4: the key
     * must match the first certificate of the cert file). Signs a fixed message with the private
     * key and verifies it with the public key, which works for RSA and EC alike.
     */
    public static boolean matches(PublicKey publicKey, PrivateKey privateKey) {
        // Providers name EC keys "EC" (JDK) or "ECDSA" (Bouncy Castle, e.g. once MINA SSHD registered it):
        // compare key families, and let the signature decide.
        if (!family(publicKey.getAlgorithm()).equals(family(privateKey.getAlgorithm()))) {
            return false;
        }
        try {
            byte[] msg = "NestEdge key-match check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            String alg = signatureAlgorithm(privateKey);
            Signature s = Signature.getInstance(alg);
            s.initSign(privateKey);
            s.update(msg);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(publicKey);
            v.update(msg);
            return v.verify(sig);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
