package io.nestedge.model.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Random;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Pbkdf2} (ADR 0412) gives exactly the JDK's PBKDF2 output, and the published test vector. */
class Pbkdf2Test {
    private static byte[] jdk(String algorithm, char[] pass, byte[] salt, int iterations, int keyBytes) throws Exception {
        return SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(pass, salt, iterations, keyBytes * 8)).getEncoded();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PBKDF2WithHmacSHA1", "PBKDF2WithHmacSHA224", "PBKDF2WithHmacSHA256", "PBKDF2WithHmacSHA384",
        "PBKDF2WithHmacSHA512"})
    void equalsTheJdkForEveryPrfKeyLengthAndPassPhrase(String algorithm) throws Exception {
        Random r = new Random(algorithm.hashCode());
        String[] passes = {"x", "Pässwörd für den Schlüssel", "\uD83D\uDD11 key", "a".repeat(64), "b".repeat(65), "c".repeat(129),
            "unpaired \uD800 surrogate"};
        for (String pass : passes) {
            for (int keyBytes : new int[] {16, 24, 32, 48, 65}) {
                for (int iterations : new int[] {1, 2, 17, 1000}) {
                    byte[] salt = new byte[1 + r.nextInt(40)];
                    r.nextBytes(salt);
                    assertThat(Pbkdf2.derive(algorithm, pass.toCharArray(), salt, iterations, keyBytes))
                            .as("%s, %d bytes, %d iterations, pass phrase '%s'", algorithm, keyBytes, iterations, pass)
                            .isEqualTo(jdk(algorithm, pass.toCharArray(), salt, iterations, keyBytes));
                }
            }
        }
    }

    @Test
    void givesRfc7914sPbkdf2HmacSha256TestVector() throws Exception {
        // RFC 7914 §11: PBKDF2-HMAC-SHA256 (P="passwd", S="salt", c=1, dkLen=64)
        assertThat(HexFormat.of().formatHex(Pbkdf2.derive("PBKDF2WithHmacSHA256", "passwd".toCharArray(), "salt".getBytes(), 1, 64)))
                .isEqualTo("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                        + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
    }

    @Test
    void refusesWhatItDoesNotImplementSoPbes2FallsBackToTheJdk() {
        assertThat(Pbkdf2.supports("PBKDF2WithHmacSHA256")).isTrue();
        assertThat(Pbkdf2.supports("PBKDF2WithHmacMD5")).isFalse();
        assertThatThrownBy(() -> Pbkdf2.derive("PBKDF2WithHmacSHA256", new char[0], new byte[8], 1000, 32))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
