package io.nestedge.model.pki;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.model.KeyType;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.operator.ContentSigner;
import org.junit.jupiter.api.Test;

/** Signatures from {@link Signers} verify with the JDK, whichever path made them (ADR 0411). */
class SignersTest {
    private static byte[] sign(KeyPair kp, byte[] data) throws Exception {
        ContentSigner s = Signers.contentSigner(kp.getPrivate());
        try (OutputStream out = s.getOutputStream()) {
            out.write(data);
        }
        return s.getSignature();
    }

    private static boolean verify(String alg, KeyPair kp, byte[] data, byte[] sig) throws Exception {
        Signature v = Signature.getInstance(alg);
        v.initVerify(kp.getPublic());
        v.update(data);
        return v.verify(sig);
    }

    @Test
    void p256OtherCurvesAndRsaSignaturesVerifyWithTheJdk() throws Exception {
        byte[] data = "SHA256SUMS of a bundle\n".getBytes(StandardCharsets.UTF_8);
        KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
        p384.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPairGenerator jdkP256 = KeyPairGenerator.getInstance("EC");
        jdkP256.initialize(new ECGenParameterSpec("secp256r1"));
        for (KeyPair kp : new KeyPair[] {KeyPairs.generate(KeyType.EC_P256), jdkP256.generateKeyPair(), p384.generateKeyPair()}) {
            byte[] sig = sign(kp, data);
            assertThat(verify("SHA256withECDSA", kp, data, sig)).isTrue();
            assertThat(verify("SHA256withECDSA", kp, "tampered".getBytes(StandardCharsets.UTF_8), sig)).isFalse();
            // ECDSA draws a fresh nonce per signature.
            assertThat(sign(kp, data)).isNotEqualTo(sig);
        }
        KeyPair rsa = KeyPairs.generate(KeyType.RSA_2048);
        assertThat(verify("SHA256withRSA", rsa, data, sign(rsa, data))).isTrue();
    }
}
