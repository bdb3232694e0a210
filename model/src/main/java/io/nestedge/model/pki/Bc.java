package io.nestedge.model.pki;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The Bouncy Castle JCA provider, passed explicitly where the JDK lacks an algorithm (PKCS#8
 * AES/CBC/PKCS7Padding, OpenSSL's legacy PEM key derivation). Never installed globally.
 */
final class Bc {
    static final Provider PROVIDER = new BouncyCastleProvider();

    private Bc() {
    }

    /** True when a cause in the chain says an algorithm is missing (a bug, not bad input). */
    static boolean missingAlgorithm(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.security.NoSuchAlgorithmException || c instanceof java.security.NoSuchProviderException) {
                return true;
            }
        }
        return false;
    }
}
