package io.nestedge.model.pki;

import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECParameterSpec;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcECContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Content signers for certificates and CMS signatures. SHA256withECDSA with a P-256 key runs on
 * Bouncy Castle's lightweight signer over one shared P-256 domain, so the fixed-base table for the
 * generator is computed once per JVM and reused by every signature (JDK 17's SunEC has no such
 * table, and converting a JDK key to Bouncy Castle's provider on each call rebuilds it): an export
 * makes one signature per device bundle (ADR 0411). Other keys (RSA, other curves) sign with the
 * JDK's provider. The signatures are standard DER either way. Stateless and thread-safe; each call
 * returns a new single-use signer.
 */
public final class Signers {
    private static final X9ECParameters P256 = CustomNamedCurves.getByOID(SECObjectIdentifiers.secp256r1);
    private static final ECNamedDomainParameters P256_DOMAIN = new ECNamedDomainParameters(SECObjectIdentifiers.secp256r1, P256);
    private static final AlgorithmIdentifier ECDSA_SHA256 = new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withECDSA");
    private static final AlgorithmIdentifier SHA256 = new DefaultDigestAlgorithmIdentifierFinder().find(ECDSA_SHA256);

    private Signers() {
    }

    /**
     * A signer for one signature with {@code key}.
     *
     * @param key an EC or RSA private key (any provider's)
     * @return a new content signer (SHA256withECDSA or SHA256withRSA)
     * @throws IllegalStateException if the key cannot sign
     */
    public static ContentSigner contentSigner(PrivateKey key) {
        try {
            if (key instanceof ECPrivateKey ec && isP256(ec.getParams())) {
                return new BcECContentSignerBuilder(ECDSA_SHA256, SHA256).build(new ECPrivateKeyParameters(ec.getS(), P256_DOMAIN));
            }
            return new JcaContentSignerBuilder(KeyPairs.signatureAlgorithm(key)).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with a " + key.getAlgorithm() + " key: " + e.getMessage(), e);
        }
    }

    private static boolean isP256(ECParameterSpec p) {
        return p != null && p.getCofactor() == 1 && p.getOrder().equals(P256.getN())
                && p.getCurve().getField().getFieldSize() == 256
                && p.getGenerator().getAffineX().equals(P256.getG().getAffineXCoord().toBigInteger())
                && p.getGenerator().getAffineY().equals(P256.getG().getAffineYCoord().toBigInteger());
    }
}
