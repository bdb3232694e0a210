package io.nestedge.model.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nestedge.model.KeyType;
import io.nestedge.model.io.InputException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The JDK-backed PBES2 path (ADR 0411) against OpenSSL and Bouncy Castle: keys OpenSSL encrypts
 * with PBKDF2 + AES are decrypted by it, other schemes still go to Bouncy Castle, and what it
 * writes Bouncy Castle's own decryptor reads.
 */
class Pbes2Test {
    static final String PASS = "Pässwörd für den Schlüssel";

    @TempDir
    Path dir;

    private static PKCS8EncryptedPrivateKeyInfo parse(String pem) throws Exception {
        try (PEMParser p = new PEMParser(new StringReader(pem))) {
            return (PKCS8EncryptedPrivateKeyInfo) p.readObject();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "-v2 aes-128-cbc -v2prf hmacWithSHA1, true",
        "-v2 aes-192-cbc -v2prf hmacWithSHA512, true",
        "-v2 aes-256-cbc -v2prf hmacWithSHA256, true",
        "-v2 des3 -v2prf hmacWithSHA256, false",
        "-v1 PBE-SHA1-3DES, false"})
    void readsWhatOpensslEncryptsTakingTheFastPathOnlyForPbkdf2WithAes(String scheme, boolean fast) throws Exception {
        OpenSsl.run(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "plain.pem").ok();
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("pkcs8", "-topk8", "-in", "plain.pem",
                "-passout", "env:PASS", "-out", "enc.pem"));
        args.addAll(java.util.List.of(scheme.split(" ")));
        OpenSsl.withPass(dir, PASS, args.toArray(String[]::new)).ok();
        PrivateKey expected = PkiFiles.readPrivateKey(dir.resolve("plain.pem"), null);

        assertThat(PkiFiles.readPrivateKey(dir.resolve("enc.pem"), PASS.toCharArray()).getEncoded()).isEqualTo(expected.getEncoded());
        var viaJdk = Pbes2.decrypt(parse(Files.readString(dir.resolve("enc.pem"))), PASS.toCharArray());
        assertThat(viaJdk.isPresent()).as("decrypted by the JDK path").isEqualTo(fast);
        if (fast) {
            assertThat(new JcaPEMKeyConverter().getPrivateKey(viaJdk.get()).getEncoded()).isEqualTo(expected.getEncoded());
        }
        assertThatThrownBy(() -> PkiFiles.readPrivateKey(dir.resolve("enc.pem"), "wrong".toCharArray()))
                .isInstanceOf(InputException.class).hasMessageContaining("enc.pem").hasMessageContaining("wrong pass phrase");
    }

    @Test
    void whatItWritesOpensslAndBouncyCastleRead() throws Exception {
        for (KeyType t : new KeyType[] {KeyType.EC_P256, KeyType.RSA_2048}) {
            PrivateKey key = KeyPairs.generate(t).getPrivate();
            String pem = Pem.encryptedPrivateKey(key, PASS.toCharArray(), 1000);
            Files.writeString(dir.resolve("ours.pem"), pem);
            OpenSsl.withPass(dir, PASS, "pkey", "-in", "ours.pem", "-passin", "env:PASS", "-out", "ours.plain.pem").ok();
            assertThat(PkiFiles.readPrivateKey(dir.resolve("ours.plain.pem"), null).getEncoded()).isEqualTo(key.getEncoded());
            var bc = new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(PASS.toCharArray());
            assertThat(new JcaPEMKeyConverter().getPrivateKey(parse(pem).decryptPrivateKeyInfo(bc)).getEncoded()).isEqualTo(key.getEncoded());
            String asn1 = OpenSsl.run(dir, "asn1parse", "-in", "ours.pem").ok().output();
            assertThat(asn1).contains("PBES2", "PBKDF2", "hmacWithSHA256", "aes-256-cbc").containsPattern("INTEGER\\s+:03E8");
        }
        // Fresh salt and IV every time: the same key and pass phrase never give the same file.
        PrivateKey key = KeyPairs.generate(KeyType.EC_P256).getPrivate();
        assertThat(Pem.encryptedPrivateKey(key, PASS.toCharArray(), 1000)).isNotEqualTo(Pem.encryptedPrivateKey(key, PASS.toCharArray(), 1000));
    }
}
