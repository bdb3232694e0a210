package io.nestedge.model.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nestedge.model.KeyType;
import io.nestedge.model.io.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Import of CAs made with the openssl command line, in every key format Microsoft's script and
 * OpenSSL produce (facts §4). One RSA-4096 encrypted CA key, as the script makes; RSA-2048/P-256 elsewhere.
 */
class CaImportTest {
    static final String PASS = "1234";

    @TempDir
    static Path dir;

    @BeforeAll
    static void makeCaWithOpenssl() throws Exception {
        // Microsoft's script: RSA-4096 CA key encrypted with a pass phrase (genrsa -aes256 writes PKCS#8 in OpenSSL 3).
        OpenSsl.withPass(dir, PASS, "genrsa", "-aes256", "-passout", "env:PASS", "-out", "root4096.key.pem", "4096").ok();
        OpenSsl.withPass(dir, PASS, "req", "-x509", "-new", "-key", "root4096.key.pem", "-passin", "env:PASS", "-subj", "/CN=Azure_IoT_Hub_CA_Cert_Test_Only",
                "-days", "30", "-sha256", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                "-out", "root4096.cert.pem").ok();
        // A 2048-bit CA used for the other formats.
        OpenSsl.run(dir, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.key.pem").ok();
        OpenSsl.run(dir, "req", "-x509", "-new", "-key", "rsa.key.pem", "-subj", "/CN=Test RSA CA", "-days", "30",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign", "-out", "rsa.cert.pem").ok();
        OpenSsl.withPass(dir, PASS, "pkcs8", "-topk8", "-v2", "aes256", "-in", "rsa.key.pem", "-passout", "env:PASS", "-out", "rsa.pkcs8enc.pem").ok();
        OpenSsl.run(dir, "rsa", "-traditional", "-in", "rsa.key.pem", "-out", "rsa.pkcs1.pem").ok();
        OpenSsl.withPass(dir, PASS, "rsa", "-traditional", "-aes256", "-in", "rsa.key.pem", "-passout", "env:PASS", "-out", "rsa.pkcs1enc.pem").ok();
        OpenSsl.withPass(dir, PASS, "pkcs12", "-export", "-inkey", "rsa.key.pem", "-in", "rsa.cert.pem", "-passout", "env:PASS", "-out", "rsa.p12").ok();
        OpenSsl.run(dir, "ecparam", "-name", "prime256v1", "-genkey", "-out", "ec.sec1.pem").ok();
        OpenSsl.run(dir, "req", "-x509", "-new", "-key", "ec.sec1.pem", "-subj", "/CN=Test EC CA", "-days", "30",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign", "-out", "ec.cert.pem").ok();
        OpenSsl.withPass(dir, PASS, "ec", "-aes256", "-in", "ec.sec1.pem", "-passout", "env:PASS", "-out", "ec.sec1enc.pem").ok();
    }

    @Test
    void importsMicrosoftStyleEncryptedRsa4096RootAndIssuesFromIt() throws Exception {
        assertThat(Files.readString(dir.resolve("root4096.key.pem"))).contains("BEGIN ENCRYPTED PRIVATE KEY");
        CertifiedKey ca = CaImport.fromPem(dir.resolve("root4096.cert.pem"), dir.resolve("root4096.key.pem"), PASS.toCharArray());
        assertThat(KeyPairs.describe(ca.certificate().getPublicKey())).isEqualTo("RSA-4096");
        CertifiedKey edge = CertificateIssuer.systemClock().edgeCa(ca, EdgeCaRequest.of("gw", "gw.example.net"));
        Files.writeString(dir.resolve("edge-from-4096.pem"), Pem.certificate(edge.certificate()));
        assertThat(OpenSsl.run(dir, "verify", "-CAfile", "root4096.cert.pem", "edge-from-4096.pem").ok().output()).contains(": OK");
    }

    @Test
    void readsEveryKeyFormatToTheSameKey() throws Exception {
        PrivateKey plain = PkiFiles.readPrivateKey(dir.resolve("rsa.key.pem"), null);
        assertThat(PkiFiles.probeKey(dir.resolve("rsa.key.pem")).format()).isEqualTo(KeyFormat.PKCS8);
        assertThat(PkiFiles.probeKey(dir.resolve("rsa.pkcs8enc.pem")).format()).isEqualTo(KeyFormat.PKCS8_ENCRYPTED);
        assertThat(Files.readString(dir.resolve("rsa.pkcs1.pem"))).contains("BEGIN RSA PRIVATE KEY");
        assertThat(PkiFiles.probeKey(dir.resolve("rsa.pkcs1.pem")).format()).isEqualTo(KeyFormat.TRADITIONAL);
        assertThat(Files.readString(dir.resolve("rsa.pkcs1enc.pem"))).contains("Proc-Type: 4,ENCRYPTED", "DEK-Info: AES-256-CBC");
        assertThat(PkiFiles.probeKey(dir.resolve("rsa.pkcs1enc.pem")).format()).isEqualTo(KeyFormat.TRADITIONAL_ENCRYPTED);
        for (String f : new String[] {"rsa.pkcs8enc.pem", "rsa.pkcs1.pem", "rsa.pkcs1enc.pem"}) {
            PrivateKey k = PkiFiles.readPrivateKey(dir.resolve(f), PASS.toCharArray());
            assertThat(k.getEncoded()).as(f).isEqualTo(plain.getEncoded());
            CertifiedKey ca = CaImport.fromPem(dir.resolve("rsa.cert.pem"), dir.resolve(f), PASS.toCharArray());
            assertThat(ca.commonName()).isEqualTo("Test RSA CA");
        }
        CertifiedKey p12 = CaImport.fromPkcs12(dir.resolve("rsa.p12"), PASS.toCharArray());
        assertThat(p12.privateKey().getEncoded()).isEqualTo(plain.getEncoded());
        assertThat(p12.commonName()).isEqualTo("Test RSA CA");
    }

    @Test
    void readsEcPrivateKeysPlainAndEncrypted() throws Exception {
        assertThat(Files.readString(dir.resolve("ec.sec1.pem"))).contains("BEGIN EC PARAMETERS", "BEGIN EC PRIVATE KEY");
        CertifiedKey plain = CaImport.fromPem(dir.resolve("ec.cert.pem"), dir.resolve("ec.sec1.pem"), null);
        assertThat(PkiFiles.probeKey(dir.resolve("ec.sec1enc.pem")).format()).isEqualTo(KeyFormat.TRADITIONAL_ENCRYPTED);
        CertifiedKey enc = CaImport.fromPem(dir.resolve("ec.cert.pem"), dir.resolve("ec.sec1enc.pem"), PASS.toCharArray());
        assertThat(enc.privateKey().getEncoded()).isEqualTo(plain.privateKey().getEncoded());
        assertThat(KeyPairs.describe(enc.certificate().getPublicKey())).isEqualTo("EC P-256");
    }

    @Test
    void wrongOrMissingPassPhraseIsAClearErrorNamingTheFile() {
        for (String f : new String[] {"rsa.pkcs8enc.pem", "rsa.pkcs1enc.pem", "ec.sec1enc.pem"}) {
            assertThatThrownBy(() -> PkiFiles.readPrivateKey(dir.resolve(f), "wrong".toCharArray()))
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining(f).hasMessageContaining("wrong pass phrase");
            assertThatThrownBy(() -> PkiFiles.readPrivateKey(dir.resolve(f), null))
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining(f).hasMessageContaining("encrypted and no pass phrase");
        }
        assertThatThrownBy(() -> CaImport.fromPkcs12(dir.resolve("rsa.p12"), "wrong".toCharArray()))
                .isInstanceOf(InputException.class).hasMessageContaining("rsa.p12").hasMessageContaining("wrong pass phrase");
    }

    @Test
    void keyOfAnotherCertificateOrANonCaIsRefused() throws Exception {
        assertThatThrownBy(() -> CaImport.fromPem(dir.resolve("ec.cert.pem"), dir.resolve("rsa.key.pem"), null))
                .isInstanceOf(InputException.class).hasMessageContaining("rsa.key.pem").hasMessageContaining("does not match");
        OpenSsl.run(dir, "req", "-x509", "-new", "-key", "rsa.key.pem", "-subj", "/CN=not a ca", "-days", "30",
                "-addext", "basicConstraints=critical,CA:FALSE", "-out", "leaf.cert.pem").ok();
        assertThatThrownBy(() -> CaImport.fromPem(dir.resolve("leaf.cert.pem"), dir.resolve("rsa.key.pem"), null))
                .isInstanceOf(InputException.class).hasMessageContaining("leaf.cert.pem").hasMessageContaining("CA:FALSE");
        assertThatThrownBy(() -> PkiFiles.readCertificates(dir.resolve("rsa.key.pem")))
                .isInstanceOf(InputException.class).hasMessageContaining("holds no PEM certificate");
        assertThatThrownBy(() -> PkiFiles.readPrivateKey(dir.resolve("missing.pem"), null))
                .isInstanceOf(InputException.class).hasMessageContaining("missing.pem").hasMessageContaining("not found");
    }

    @Test
    void encryptedPkcs8WeWriteIsReadByOpensslAndUsesAes256Pbkdf2Sha256() throws Exception {
        CertifiedKey ca = CertificateIssuer.systemClock().rootCa("Round trip", KeyType.EC_P256, 30);
        Files.writeString(dir.resolve("ours.enc.pem"), Pem.encryptedPrivateKey(ca.privateKey(), PASS.toCharArray(), 10_000));
        String asn1 = OpenSsl.run(dir, "asn1parse", "-in", "ours.enc.pem").ok().output();
        assertThat(asn1).contains("PBES2", "PBKDF2", "hmacWithSHA256", "aes-256-cbc");
        assertThat(asn1).containsPattern("INTEGER\\s+:2710"); // 10,000 iterations
        OpenSsl.withPass(dir, PASS, "pkey", "-in", "ours.enc.pem", "-passin", "env:PASS", "-out", "ours.plain.pem").ok();
        assertThat(PkiFiles.readPrivateKey(dir.resolve("ours.plain.pem"), null).getEncoded()).isEqualTo(ca.privateKey().getEncoded());
        assertThat(PkiFiles.readPrivateKey(dir.resolve("ours.enc.pem"), PASS.toCharArray()).getEncoded()).isEqualTo(ca.privateKey().getEncoded());
        assertThat(Pem.privateKey(ca.privateKey())).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    /** An intermediate made by openssl under the RSA-4096 root, its key legacy-encrypted (PKCS#1, DEK-Info), file without chain. */
    static void opensslIntermediate() throws Exception {
        if (Files.exists(dir.resolve("int.cert.pem"))) {
            return;
        }
        OpenSsl.run(dir, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "int.plain.pem").ok();
        OpenSsl.withPass(dir, PASS, "rsa", "-traditional", "-aes256", "-in", "int.plain.pem", "-passout", "env:PASS", "-out", "int.key.pem").ok();
        OpenSsl.run(dir, "req", "-new", "-key", "int.plain.pem", "-subj", "/CN=Contoso Intermediate CA", "-out", "int.csr").ok();
        Files.writeString(dir.resolve("int.ext"), "[v3]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n"
                + "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n");
        OpenSsl.withPass(dir, PASS, "x509", "-req", "-in", "int.csr", "-CA", "root4096.cert.pem", "-CAkey", "root4096.key.pem",
                "-passin", "env:PASS", "-CAcreateserial", "-days", "30", "-extfile", "int.ext", "-extensions", "v3", "-out", "int.cert.pem").ok();
    }

    @Test
    void intermediateWithItsOwnKeyIsCompletedWithTheRootAndIssuesVerifiableEdgeCas() throws Exception {
        opensslIntermediate();
        CaImport.Imported im = CaImport.load(new CaImport.Source(dir.resolve("root4096.cert.pem"), null, dir.resolve("int.cert.pem"),
                dir.resolve("int.key.pem"), null), PASS.toCharArray(), java.time.Instant.now());
        assertThat(im.issuingCa().commonName()).isEqualTo("Contoso Intermediate CA");
        assertThat(Certificates.commonName(im.root())).isEqualTo("Azure_IoT_Hub_CA_Cert_Test_Only");
        assertThat(im.issuingCa().fullChain()).hasSize(2).last().isEqualTo(im.root());
        assertThat(im.warnings()).isEmpty();
        CertifiedKey edge = CertificateIssuer.systemClock().edgeCa(im.issuingCa(), EdgeCaRequest.of("gw", "gw.example.net"));
        Files.writeString(dir.resolve("edge-from-int.pem"), Pem.certificates(edge.fullChain()));
        assertThat(OpenSsl.run(dir, "verify", "-CAfile", "root4096.cert.pem", "-untrusted", "int.cert.pem", "edge-from-int.pem").ok().output())
                .contains(": OK");
    }

    @Test
    void intermediatePairedWithTheRootKeyOrWithoutItsRootIsRefusedWithTheFix() throws Exception {
        opensslIntermediate();
        // The plant names the root's key (root_ca_cert_key_path) but Edge CAs are issued by the intermediate.
        assertThatThrownBy(() -> CaImport.load(new CaImport.Source(dir.resolve("root4096.cert.pem"), dir.resolve("root4096.key.pem"),
                dir.resolve("int.cert.pem"), null, null), PASS.toCharArray(), java.time.Instant.now()))
                .isInstanceOf(InputException.class).hasMessageContaining("int.cert.pem")
                .hasMessageContaining("its private key is needed").hasMessageContaining("the root CA key given does not sign for it")
                .hasMessageContaining("Give the intermediate CA's key file");
        // The intermediate's file has no chain and no root is given: the trust bundle would be missing (F3).
        assertThatThrownBy(() -> CaImport.load(new CaImport.Source(null, null, dir.resolve("int.cert.pem"), dir.resolve("int.key.pem"), null),
                PASS.toCharArray(), java.time.Instant.now()))
                .isInstanceOf(InputException.class).hasMessageContaining("int.cert.pem")
                .hasMessageContaining("the chain stops at 'Contoso Intermediate CA'").hasMessageContaining("root CA certificate");
        // A root that did not issue the intermediate.
        assertThatThrownBy(() -> CaImport.load(new CaImport.Source(dir.resolve("rsa.cert.pem"), null, dir.resolve("int.cert.pem"),
                dir.resolve("int.key.pem"), null), PASS.toCharArray(), java.time.Instant.now()))
                .isInstanceOf(InputException.class).hasMessageContaining("is not issued by 'Test RSA CA'");
    }

    @Test
    void inspectorRulesRefuseP384ExpiredNotYetValidAndCaFalseImports() throws Exception {
        OpenSsl.run(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384", "-out", "p384.key.pem").ok();
        OpenSsl.run(dir, "req", "-x509", "-new", "-key", "p384.key.pem", "-subj", "/CN=P384 CA", "-days", "30",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign", "-out", "p384.cert.pem").ok();
        assertThatThrownBy(() -> CaImport.fromPem(dir.resolve("p384.cert.pem"), dir.resolve("p384.key.pem"), null))
                .isInstanceOf(InputException.class).hasMessageContaining("p384.cert.pem").hasMessageContaining("secp384r1")
                .hasMessageContaining("Fix: Reissue with EC P-256 or RSA-2048");
        java.time.Instant now = java.time.Instant.now();
        CertifiedKey old = new CertificateIssuer(java.time.Clock.fixed(now.minus(java.time.Duration.ofDays(400)), java.time.ZoneOffset.UTC))
                .rootCa("Old Root", KeyType.EC_P256, 365);
        CertifiedKey future = new CertificateIssuer(java.time.Clock.fixed(now.plus(java.time.Duration.ofDays(2)), java.time.ZoneOffset.UTC))
                .rootCa("Future Root", KeyType.EC_P256, 365);
        for (CertifiedKey c : List.of(old, future)) {
            Files.writeString(dir.resolve("bad.cert.pem"), Pem.certificate(c.certificate()));
            Files.writeString(dir.resolve("bad.key.pem"), Pem.privateKey(c.privateKey()));
            assertThatThrownBy(() -> CaImport.fromPem(dir.resolve("bad.cert.pem"), dir.resolve("bad.key.pem"), null))
                    .isInstanceOf(InputException.class).hasMessageContaining("bad.cert.pem")
                    .hasMessageContaining(c == old ? "'Old Root' expired on" : "'Future Root' is not valid before");
        }
        OpenSsl.run(dir, "req", "-x509", "-new", "-key", "rsa.key.pem", "-subj", "/CN=not a ca", "-days", "30",
                "-addext", "basicConstraints=critical,CA:FALSE", "-out", "leaf2.cert.pem").ok();
        assertThatThrownBy(() -> CaImport.load(CaImport.Source.pem(dir.resolve("leaf2.cert.pem"), dir.resolve("rsa.key.pem")), null,
                java.time.Instant.now())).isInstanceOf(InputException.class)
                .hasMessageContaining("leaf2.cert.pem").hasMessageContaining("CA:FALSE").hasMessageContaining("Fix: Import a CA certificate");
    }

    @Test
    void pkcs12WithTheChainMadeByOpensslImportsAndNeedsAPassPhrase() throws Exception {
        opensslIntermediate();
        OpenSsl.withPass(dir, PASS, "pkcs12", "-export", "-inkey", "int.plain.pem", "-in", "int.cert.pem", "-certfile", "root4096.cert.pem",
                "-passout", "env:PASS", "-out", "int.p12").ok();
        CaImport.Source src = CaImport.Source.pkcs12(dir.resolve("int.p12"));
        assertThat(src.needsPassphrase()).isTrue();
        CaImport.Imported im = CaImport.load(src, PASS.toCharArray(), java.time.Instant.now());
        assertThat(im.issuingCa().commonName()).isEqualTo("Contoso Intermediate CA");
        assertThat(Certificates.commonName(im.root())).isEqualTo("Azure_IoT_Hub_CA_Cert_Test_Only");
        assertThat(CaImport.Source.pem(dir.resolve("rsa.cert.pem"), dir.resolve("rsa.key.pem")).needsPassphrase()).isFalse();
        assertThat(CaImport.Source.pem(dir.resolve("rsa.cert.pem"), dir.resolve("rsa.pkcs1enc.pem")).needsPassphrase()).isTrue();
    }
}
