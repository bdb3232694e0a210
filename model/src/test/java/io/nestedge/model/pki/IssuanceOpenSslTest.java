package io.nestedge.model.pki;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.model.KeyType;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificates issued by {@link CertificateIssuer} as the real openssl sees them (facts §4). */
class IssuanceOpenSslTest {
    static final CertificateIssuer ISSUER = CertificateIssuer.systemClock();
    static CertifiedKey root;
    static CertifiedKey intermediate;

    @TempDir
    Path dir;

    @BeforeAll
    static void ca() {
        root = ISSUER.rootCa("Plant7 Root CA", KeyType.RSA_2048, 3650);
        intermediate = ISSUER.intermediateCa(root, "Plant7 Intermediate CA", KeyType.EC_P256, 1825);
    }

    @Test
    void everyEdgeCaVerifiesWithOpensslAndCarriesTheEdgeCaExtensions() throws Exception {
        List<EdgeCaRequest> reqs = List.of(
                new EdgeCaRequest("l4-gw", "l4-gw.plant7.example.net", KeyType.RSA_2048, 365),
                new EdgeCaRequest("l3-gw", "192.168.1.90", KeyType.EC_P256, 365),
                new EdgeCaRequest("l2-gw", "l2-gw.ca", KeyType.EC_P256, 90));
        List<CertifiedKey> viaIntermediate = EdgeCaIssuance.issueEdgeCas(ISSUER, intermediate, reqs);
        CertifiedKey direct = ISSUER.edgeCa(root, EdgeCaRequest.of("top", "top.plant7.example.net"));
        Files.writeString(dir.resolve("root.pem"), Pem.certificate(root.certificate()));
        Files.writeString(dir.resolve("int.pem"), Pem.certificate(intermediate.certificate()));

        for (CertifiedKey ca : viaIntermediate) {
            Files.writeString(dir.resolve("edge.pem"), Pem.certificate(ca.certificate()));
            assertThat(OpenSsl.run(dir, "verify", "-CAfile", "root.pem", "-untrusted", "int.pem", "edge.pem").ok().output())
                    .contains("edge.pem: OK");
            String text = OpenSsl.run(dir, "x509", "-in", "edge.pem", "-text", "-noout").ok().output();
            assertThat(text).containsPattern("X509v3 Basic Constraints: critical\\s+CA:TRUE, pathlen:0");
            assertThat(text).containsPattern("X509v3 Key Usage: critical\\s+Digital Signature, Certificate Sign");
            assertThat(text).contains("X509v3 Subject Key Identifier", "X509v3 Authority Key Identifier");
            assertThat(text).contains("Issuer: CN = Plant7 Intermediate CA");
            // AKI = the intermediate's SKI
            assertThat(Certificates.authorityKeyId(ca.certificate()).orElseThrow())
                    .isEqualTo(Certificates.subjectKeyId(intermediate.certificate()).orElseThrow());
            assertThat(ca.fullChain()).containsExactly(ca.certificate(), intermediate.certificate(), root.certificate());
        }
        assertThat(viaIntermediate.get(0).commonName()).isEqualTo("l4-gw.ca");
        assertThat(viaIntermediate.get(2).commonName()).isEqualTo("l2-gw.deviceca"); // hostname is l2-gw.ca
        assertThat(KeyPairs.describe(viaIntermediate.get(1).certificate().getPublicKey())).isEqualTo("EC P-256");

        Files.writeString(dir.resolve("edge.pem"), Pem.certificate(direct.certificate()));
        assertThat(OpenSsl.run(dir, "verify", "-CAfile", "root.pem", "edge.pem").ok().output()).contains("edge.pem: OK");
    }

    @Test
    void rsa3072EdgeCaIsA3072BitKeyWithTheEdgeCaExtensions() throws Exception {
        CertifiedKey ca = ISSUER.edgeCa(intermediate, new EdgeCaRequest("l3-gw", "l3-gw.plant7.example.net", KeyType.RSA_3072, 365));
        Files.writeString(dir.resolve("root.pem"), Pem.certificate(root.certificate()));
        Files.writeString(dir.resolve("int.pem"), Pem.certificate(intermediate.certificate()));
        Files.writeString(dir.resolve("edge3072.pem"), Pem.certificate(ca.certificate()));
        Files.writeString(dir.resolve("edge3072.key.pem"), Pem.privateKey(ca.privateKey()));
        String text = OpenSsl.run(dir, "x509", "-in", "edge3072.pem", "-text", "-noout").ok().output();
        assertThat(text).contains("Public-Key: (3072 bit)");
        assertThat(text).containsPattern("X509v3 Basic Constraints: critical\\s+CA:TRUE, pathlen:0");
        assertThat(text).containsPattern("X509v3 Key Usage: critical\\s+Digital Signature, Certificate Sign");
        assertThat(text).contains("X509v3 Subject Key Identifier", "X509v3 Authority Key Identifier", "Subject: CN = l3-gw.ca");
        assertThat(OpenSsl.run(dir, "pkey", "-in", "edge3072.key.pem", "-text", "-noout").ok().output()).contains("3072 bit");
        assertThat(OpenSsl.run(dir, "verify", "-CAfile", "root.pem", "-untrusted", "int.pem", "edge3072.pem").ok().output())
                .contains("edge3072.pem: OK");
    }

    @Test
    void rootAndIntermediateHaveCaExtensions() throws Exception {
        Files.writeString(dir.resolve("root.pem"), Pem.certificate(root.certificate()));
        Files.writeString(dir.resolve("int.pem"), Pem.certificate(intermediate.certificate()));
        String r = OpenSsl.run(dir, "x509", "-in", "root.pem", "-text", "-noout").ok().output();
        assertThat(r).containsPattern("X509v3 Basic Constraints: critical\\s+CA:TRUE\\s");
        assertThat(r).containsPattern("X509v3 Key Usage: critical\\s+Certificate Sign, CRL Sign");
        assertThat(r).contains("X509v3 Subject Key Identifier");
        String i = OpenSsl.run(dir, "x509", "-in", "int.pem", "-text", "-noout").ok().output();
        assertThat(i).containsPattern("CA:TRUE, pathlen:1");
        assertThat(OpenSsl.run(dir, "verify", "-CAfile", "root.pem", "int.pem").ok().output()).contains("int.pem: OK");
    }

    @Test
    void serialsArePositiveAtMost159BitsValidityBackdatedAndCapped() {
        Instant before = Instant.now();
        CertifiedKey shortRoot = ISSUER.rootCa("Short Root", KeyType.EC_P256, 10);
        CertifiedKey ca = ISSUER.edgeCa(shortRoot, new EdgeCaRequest("dev", "dev.example.net", KeyType.EC_P256, 365));
        X509Certificate c = ca.certificate();
        assertThat(c.getNotAfter()).isEqualTo(shortRoot.certificate().getNotAfter());
        assertThat(c.getNotBefore().toInstant()).isBefore(before.minus(Duration.ofMinutes(4)));
        for (int k = 0; k < 200; k++) {
            BigInteger s = CertificateIssuer.serial();
            assertThat(s.signum()).isPositive();
            assertThat(s.bitLength()).isLessThanOrEqualTo(159);
        }
        CertifiedKey normal = ISSUER.edgeCa(root, EdgeCaRequest.of("dev", "dev.example.net"));
        long days = Duration.between(normal.certificate().getNotBefore().toInstant(), normal.certificate().getNotAfter().toInstant()).toDays();
        assertThat(days).isEqualTo(365);
    }

    @Test
    void identityCertificatesAreClientAuthLeavesWithTheDeviceIdAsCn() throws Exception {
        CertifiedKey leaf = ISSUER.deviceIdentity(intermediate, "sensor-17", KeyType.RSA_2048, 365);
        Files.writeString(dir.resolve("root.pem"), Pem.certificate(root.certificate()));
        Files.writeString(dir.resolve("int.pem"), Pem.certificate(intermediate.certificate()));
        Files.writeString(dir.resolve("leaf.pem"), Pem.certificate(leaf.certificate()));
        String text = OpenSsl.run(dir, "x509", "-in", "leaf.pem", "-text", "-noout").ok().output();
        assertThat(text).contains("Subject: CN = sensor-17");
        assertThat(text).containsPattern("X509v3 Basic Constraints: critical\\s+CA:FALSE");
        assertThat(text).containsPattern("X509v3 Key Usage: critical\\s+Digital Signature, Key Encipherment");
        assertThat(text).containsPattern("X509v3 Extended Key Usage:\\s+TLS Web Client Authentication");
        assertThat(OpenSsl.run(dir, "verify", "-purpose", "sslclient", "-CAfile", "root.pem", "-untrusted", "int.pem", "leaf.pem")
                .ok().output()).contains("leaf.pem: OK");
    }
}
