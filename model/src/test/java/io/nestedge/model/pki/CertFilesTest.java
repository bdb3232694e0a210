package io.nestedge.model.pki;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.model.KeyType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertFilesTest {
    @TempDir
    Path dir;

    @Test
    void deviceFilesUseMicrosoftNamesLeafFirstChainAndAnUnencryptedMatchingKey() throws Exception {
        CertificateIssuer issuer = CertificateIssuer.systemClock();
        CertifiedKey root = issuer.rootCa("Root", KeyType.EC_P256, 3650);
        CertifiedKey inter = issuer.intermediateCa(root, "Intermediate", KeyType.EC_P256, 3650);
        CertifiedKey edge = issuer.edgeCa(inter, EdgeCaRequest.of("l4-gw", "l4-gw.example.net"));
        CertFiles.Written w = CertFiles.writeEdgeCa(dir, "l4-gw", edge, CertFiles.KeyProtection.none());
        Path rootFile = CertFiles.writeRoot(dir, root.certificate());
        assertThat(dir.relativize(w.cert()).toString()).isEqualTo("certs/iot-edge-device-ca-l4-gw.cert.pem");
        assertThat(dir.relativize(w.fullChain()).toString()).isEqualTo("certs/iot-edge-device-ca-l4-gw-full-chain.cert.pem");
        assertThat(dir.relativize(w.key()).toString()).isEqualTo("private/iot-edge-device-ca-l4-gw.key.pem");
        assertThat(dir.relativize(rootFile).toString()).isEqualTo("certs/azure-iot-test-only.root.ca.cert.pem");
        assertThat(PkiFiles.readCertificates(w.fullChain())).containsExactly(edge.certificate(), inter.certificate(), root.certificate());
        assertThat(Files.readString(w.key())).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.getPosixFilePermissions(w.key())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(w.cert())).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        // What the device's checks would say about these files: nothing.
        assertThat(CaInspector.inspectEdgeCaFiles("l4-gw", "l4-gw.example.net", w.fullChain(), w.key(), null,
                List.of(root.certificate()), Instant.now())).isEmpty();
        // openssl agrees the key matches cert[0] and the chain verifies.
        String pub1 = OpenSsl.run(dir, "pkey", "-in", dir.relativize(w.key()).toString(), "-pubout").ok().output();
        String pub2 = OpenSsl.run(dir, "x509", "-in", dir.relativize(w.fullChain()).toString(), "-pubkey", "-noout").ok().output();
        assertThat(pub1).isEqualTo(pub2);
        assertThat(OpenSsl.run(dir, "verify", "-CAfile", dir.relativize(rootFile).toString(), "-untrusted",
                dir.relativize(w.fullChain()).toString(), dir.relativize(w.cert()).toString()).ok().output()).contains(": OK");
    }

    @Test
    void edgeCaNamesNeverEqualHostnameOrIdAndFit64Characters() {
        assertThat(EdgeCaNames.commonName("gw", "gw.example.net")).isEqualTo("gw.ca");
        assertThat(EdgeCaNames.commonName("gw", "GW.CA")).isEqualTo("gw.deviceca");
        assertThat(EdgeCaNames.commonName("gw.ca", "gw.ca.deviceca")).isEqualTo("gw.ca.ca");
        String longId = "a".repeat(100);
        String cn = EdgeCaNames.commonName(longId, "");
        assertThat(cn).hasSizeLessThanOrEqualTo(64).endsWith(".ca");
        assertThat(EdgeCaNames.commonName("a".repeat(99) + "b", "")).isNotEqualTo(cn);
        assertThat(PkiFileNames.fileSafe("dev:1/../x")).isEqualTo("dev%3A1%2F..%2Fx");
        assertThat(PkiFileNames.fileSafe("..")).isEqualTo("%2E.");
    }
}
