package io.nestedge.model.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nestedge.model.KeyType;
import io.nestedge.model.io.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PkiStoreTest {
    static final char[] PASS = "correct horse battery staple".toCharArray();
    final ExecutorService pool = EdgeCaIssuance.allCoresPool();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void reusesEdgeCasUnlessAnInputChangedOrRenewalIsAsked() throws Exception {
        PkiStore store = PkiStore.open(dir, CertificateIssuer.systemClock());
        CertifiedKey issuing = store.generateCa("Plant7 Root CA", KeyType.RSA_2048, 3650, KeyType.EC_P256, 1825, PASS);
        List<EdgeCaRequest> reqs = List.of(
                new EdgeCaRequest("l4-gw", "l4-gw.plant7.example.net", KeyType.RSA_2048, 365),
                new EdgeCaRequest("l3:gw", "l3-gw.plant7.example.net", KeyType.EC_P256, 365),
                new EdgeCaRequest("l2-gw", "10.0.2.1", KeyType.EC_P256, 180));
        List<StoredEdgeCa> first = store.ensureEdgeCas(issuing, reqs, Set.of(), pool);
        assertThat(first).extracting(StoredEdgeCa::outcome).containsOnly(StoredEdgeCa.Outcome.ISSUED);
        assertThat(first.get(1).certFile()).isEqualTo(dir.resolve("certs/iot-edge-device-ca-l3%3Agw.cert.pem"));

        // A fresh session: reopen, unlock with the pass phrase, same inputs → same certificates.
        PkiStore again = PkiStore.open(dir, CertificateIssuer.systemClock());
        CertifiedKey unlocked = again.unlock(PASS);
        assertThat(unlocked.certificate()).isEqualTo(issuing.certificate());
        List<StoredEdgeCa> second = again.ensureEdgeCas(unlocked, reqs, Set.of(), pool);
        assertThat(second).extracting(StoredEdgeCa::outcome).containsOnly(StoredEdgeCa.Outcome.REUSED);
        for (int i = 0; i < reqs.size(); i++) {
            assertThat(second.get(i).edgeCa().certificate()).isEqualTo(first.get(i).edgeCa().certificate());
            assertThat(second.get(i).edgeCa().privateKey().getEncoded()).isEqualTo(first.get(i).edgeCa().privateKey().getEncoded());
            assertThat(second.get(i).edgeCa().fullChain()).hasSize(3);
        }

        List<EdgeCaRequest> changed = List.of(
                new EdgeCaRequest("l4-gw", "l4-gw.plant8.example.net", KeyType.RSA_2048, 365), reqs.get(1), reqs.get(2));
        List<StoredEdgeCa> third = again.ensureEdgeCas(unlocked, changed, Set.of("l2-gw"), pool);
        assertThat(third).extracting(StoredEdgeCa::outcome).containsExactly(
                StoredEdgeCa.Outcome.REISSUED, StoredEdgeCa.Outcome.REUSED, StoredEdgeCa.Outcome.REISSUED);
        assertThat(third.get(0).reason()).contains("hostname changed");
        assertThat(third.get(2).reason()).isEqualTo("renewal requested");
        assertThat(third.get(0).edgeCa().certificate()).isNotEqualTo(first.get(0).edgeCa().certificate());

        JsonNode idx = new ObjectMapper().readTree(dir.resolve(PkiStore.INDEX).toFile());
        assertThat(idx.at("/keyIterations/caKeys").asInt()).isEqualTo(600_000);
        assertThat(idx.at("/edgeCas/l4-gw/hostname").asText()).isEqualTo("l4-gw.plant8.example.net");
        assertThat(idx.at("/edgeCas/l3:gw/issuerFingerprint").asText()).isEqualTo(Certificates.sha256Fingerprint(issuing.certificate()));
        assertThat(idx.at("/edgeCas/l2-gw/validityDays").asInt()).isEqualTo(180);
    }

    @Test
    void keysAreEncryptedAtRest0600AndTheCaKeyUses600kIterations() throws Exception {
        PkiStore store = PkiStore.open(dir, CertificateIssuer.systemClock());
        CertifiedKey root = store.generateCa("Plant7 Root CA", KeyType.EC_P256, 3650, null, 0, PASS);
        List<StoredEdgeCa> cas = store.ensureEdgeCas(root, List.of(EdgeCaRequest.of("gw", "gw.example.net")), Set.of(), pool);
        assertThat(Files.getPosixFilePermissions(dir.resolve("private"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        for (Path k : List.of(dir.resolve(PkiFileNames.ROOT_KEY), cas.get(0).keyFile())) {
            assertThat(Files.getPosixFilePermissions(k)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.readString(k)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        }
        String asn1 = OpenSsl.run(dir, "asn1parse", "-in", PkiFileNames.ROOT_KEY).ok().output();
        assertThat(asn1).contains("PBES2", "hmacWithSHA256", "aes-256-cbc").containsPattern("INTEGER\\s+:0927C0");
        OpenSsl.withPass(dir, new String(PASS), "pkey", "-in", PkiFileNames.ROOT_KEY, "-passin", "env:PASS", "-noout").ok();
        // The Edge CA key opens with its derived secret, also with openssl.
        OpenSsl.withPass(dir, new String(PkiStore.edgeCaKeySecret(root, "gw")), "pkey", "-in", PkiFileNames.edgeCaKey("gw"),
                "-passin", "env:PASS", "-noout").ok();
        assertThat(OpenSsl.run(dir, "verify", "-CAfile", PkiFileNames.ROOT_CERT, PkiFileNames.edgeCaFullChain("gw")).ok().output())
                .contains(": OK");

        assertThatThrownBy(() -> PkiStore.open(dir, CertificateIssuer.systemClock()).unlock("wrong".toCharArray()))
                .isInstanceOf(InputException.class).hasMessageContaining(PkiFileNames.ROOT_KEY).hasMessageContaining("wrong pass phrase");
        try (var s = Files.walk(dir)) {
            assertThat(s.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void edgeCaExpiringWithinSevenDaysIsReissued() throws Exception {
        Instant t0 = Instant.parse("2027-01-01T00:00:00Z");
        PkiStore store = PkiStore.open(dir, new CertificateIssuer(Clock.fixed(t0, ZoneOffset.UTC)));
        CertifiedKey root = store.generateCa("Root", KeyType.EC_P256, 3650, null, 0, PASS);
        EdgeCaRequest r = new EdgeCaRequest("gw", "gw.example.net", KeyType.EC_P256, 30);
        store.ensureEdgeCas(root, List.of(r), Set.of(), pool);
        Clock later = Clock.fixed(t0.plus(Duration.ofDays(25)), ZoneOffset.UTC);
        StoredEdgeCa s = PkiStore.open(dir, new CertificateIssuer(later)).ensureEdgeCas(root, List.of(r), Set.of(), pool).get(0);
        assertThat(s.outcome()).isEqualTo(StoredEdgeCa.Outcome.REISSUED);
        assertThat(s.reason()).contains("within 7 days");
    }

    @Test
    void aDeviceRequestedTwiceIsRefusedBeforeAnythingIsWritten() throws Exception {
        PkiStore store = PkiStore.open(dir, CertificateIssuer.systemClock());
        CertifiedKey root = store.generateCa("Root", KeyType.EC_P256, 3650, null, 0, PASS);
        List<EdgeCaRequest> dup = List.of(EdgeCaRequest.of("gw", "a.example.net"), EdgeCaRequest.of("gw", "b.example.net"));
        assertThatThrownBy(() -> store.ensureEdgeCas(root, dup, Set.of(), pool))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'gw'");
        assertThat(dir.resolve(PkiFileNames.edgeCaCert("gw"))).doesNotExist();
    }

    @Test
    void aRootCaFileWithOneChangedByteIsRefusedOnUnlockNamingTheFile() throws Exception {
        // Field case: a bad copy of the store changed the root certificate; exporting it as every device's
        // trust bundle would break TLS between all layers (facts §4).
        PkiStore store = PkiStore.open(dir, CertificateIssuer.systemClock());
        store.generateCa("Plant7 Root CA", KeyType.EC_P256, 3650, KeyType.EC_P256, 1825, PASS);
        damageSignature(dir.resolve(PkiFileNames.ROOT_CERT), 0);
        assertThatThrownBy(() -> PkiStore.open(dir, CertificateIssuer.systemClock()).unlock(PASS))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(PkiFileNames.ROOT_CERT)
                .hasMessageContaining("damaged")
                .hasMessageContaining("Fix: Restore the PKI store");
    }

    @Test
    void aRootCaFileFromAnotherStoreIsRefusedOnUnlock(@TempDir Path other) throws Exception {
        PkiStore.open(dir, CertificateIssuer.systemClock()).generateCa("Plant7 Root CA", KeyType.EC_P256, 3650, KeyType.EC_P256, 1825, PASS);
        PkiStore.open(other, CertificateIssuer.systemClock()).generateCa("Plant7 Root CA", KeyType.EC_P256, 3650, null, 0, PASS);
        Files.copy(other.resolve(PkiFileNames.ROOT_CERT), dir.resolve(PkiFileNames.ROOT_CERT), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThatThrownBy(() -> PkiStore.open(dir, CertificateIssuer.systemClock()).unlock(PASS))
                .isInstanceOf(InputException.class).hasMessageContaining("did not issue the CA chain");
    }

    @Test
    void aDamagedIntermediateInTheIssuingChainIsRefusedOnUnlock() throws Exception {
        PkiStore.open(dir, CertificateIssuer.systemClock()).generateCa("Plant7 Root CA", KeyType.EC_P256, 3650, KeyType.EC_P256, 1825, PASS);
        damageSignature(dir.resolve(PkiFileNames.INTERMEDIATE_FULL_CHAIN), 0);
        assertThatThrownBy(() -> PkiStore.open(dir, CertificateIssuer.systemClock()).unlock(PASS))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(PkiFileNames.INTERMEDIATE_FULL_CHAIN).hasMessageContaining("certificate 1");
    }

    @Test
    void aStoredEdgeCaChainWithADamagedCertificateIsReissuedNotReused() throws Exception {
        PkiStore store = PkiStore.open(dir, CertificateIssuer.systemClock());
        CertifiedKey issuing = store.generateCa("Plant7 Root CA", KeyType.EC_P256, 3650, KeyType.EC_P256, 1825, PASS);
        List<EdgeCaRequest> reqs = List.of(EdgeCaRequest.of("gw", "gw.example.net"), EdgeCaRequest.of("gw2", "gw2.example.net"));
        store.ensureEdgeCas(issuing, reqs, Set.of(), pool);
        damageSignature(dir.resolve(PkiFileNames.edgeCaFullChain("gw")), 1); // the intermediate copied into gw's chain

        PkiStore again = PkiStore.open(dir, CertificateIssuer.systemClock());
        List<StoredEdgeCa> second = again.ensureEdgeCas(again.unlock(PASS), reqs, Set.of(), pool);
        assertThat(second).extracting(StoredEdgeCa::outcome).containsExactly(StoredEdgeCa.Outcome.REISSUED, StoredEdgeCa.Outcome.REUSED);
        assertThat(second.get(0).reason()).contains("damaged");
        assertThat(second.get(0).edgeCa().fullChain().subList(1, 3)).isEqualTo(issuing.fullChain());
        assertThat(PkiFiles.readCertificates(dir.resolve(PkiFileNames.edgeCaFullChain("gw"))).get(1)).isEqualTo(issuing.certificate());
    }

    /** Flips the last byte (inside the signature) of the index-th certificate of a PEM file: it still parses, but does not verify. */
    private static void damageSignature(Path pem, int index) throws Exception {
        List<java.security.cert.X509Certificate> certs = PkiFiles.readCertificates(pem);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < certs.size(); i++) {
            byte[] der = certs.get(i).getEncoded();
            if (i == index) {
                der[der.length - 1] ^= 0x01;
            }
            out.append("-----BEGIN CERTIFICATE-----\n")
                    .append(java.util.Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(der))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        Files.writeString(pem, out);
    }

    @Test
    void damagedIndexIsAnInputErrorNamingTheFile() throws Exception {
        Files.writeString(dir.resolve(PkiStore.INDEX), "{ not json");
        assertThatThrownBy(() -> PkiStore.open(dir, CertificateIssuer.systemClock()))
                .isInstanceOf(InputException.class).hasMessageContaining(PkiStore.INDEX);
    }

    @Test
    void edgeCasAreReusedWhenAnotherProviderLoadsTheCaKey(@org.junit.jupiter.api.io.TempDir Path d) throws Exception {
        // Regression: the Edge CA key secret hashed getEncoded(), which differs between the JDK and Bouncy Castle
        // (e.g. once MINA SSHD registered BC): a re-export after a rehearsal reissued every Edge CA.
        PkiStore s = PkiStore.open(d, CertificateIssuer.systemClock());
        CertifiedKey ca = s.generateCa("Provider Root CA", io.nestedge.model.KeyType.EC_P256, 3650,
                io.nestedge.model.KeyType.EC_P256, 1825, "pw".toCharArray());
        var req = java.util.List.of(new EdgeCaRequest("dev1", "dev1.plant.local", io.nestedge.model.KeyType.EC_P256, 365));
        var pool = EdgeCaIssuance.allCoresPool();
        try {
            s.ensureEdgeCas(ca, req, java.util.Set.of(), pool);
            java.security.Security.insertProviderAt(new org.bouncycastle.jce.provider.BouncyCastleProvider(), 1);
            CertifiedKey again = PkiStore.open(d, CertificateIssuer.systemClock()).unlock("pw".toCharArray());
            assertThat(PkiStore.open(d, CertificateIssuer.systemClock()).ensureEdgeCas(again, req, java.util.Set.of(), pool))
                    .extracting(e -> e.outcome()).containsExactly(StoredEdgeCa.Outcome.REUSED);
        } finally {
            java.security.Security.removeProvider("BC");
            pool.shutdownNow();
        }
    }
}
