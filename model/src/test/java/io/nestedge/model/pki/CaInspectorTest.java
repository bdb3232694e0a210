package io.nestedge.model.pki;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.model.KeyType;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every inspection finding fires on a crafted bad Edge CA (field cases F1–F3, facts §4). */
class CaInspectorTest {
    static final CertificateIssuer ISSUER = CertificateIssuer.systemClock();
    static final String HOST = "gw.plant7.example.net";
    static CertifiedKey root;
    static CertifiedKey intermediate;
    static CertifiedKey otherRoot;

    @TempDir
    static Path dir;

    @BeforeAll
    static void ca() throws Exception {
        root = ISSUER.rootCa("Plant7 Root CA", KeyType.RSA_2048, 3650);
        intermediate = ISSUER.intermediateCa(root, "Plant7 Intermediate CA", KeyType.EC_P256, 1825);
        otherRoot = ISSUER.rootCa("Other Root CA", KeyType.EC_P256, 3650);
        Files.writeString(dir.resolve("root.pem"), Pem.certificate(root.certificate()));
        Files.writeString(dir.resolve("root.key.pem"), Pem.privateKey(root.privateKey()));
        Files.writeString(dir.resolve("root.enc.key.pem"), Pem.encryptedPrivateKey(root.privateKey(), "1234".toCharArray(), 2048));
    }

    /** An Edge CA made by openssl, signed by our root, with the given key and extensions. */
    static Path opensslEdgeCa(String name, String[] genKey, String cn, String ext) throws Exception {
        String[] gen = new String[genKey.length + 2];
        System.arraycopy(genKey, 0, gen, 0, genKey.length);
        gen[genKey.length] = "-out";
        gen[genKey.length + 1] = name + ".key.pem";
        OpenSsl.run(dir, gen).ok();
        OpenSsl.run(dir, "req", "-new", "-key", name + ".key.pem", "-subj", "/CN=" + cn, "-out", name + ".csr").ok();
        Files.writeString(dir.resolve(name + ".ext"), "[v3]\n" + ext + "\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n");
        OpenSsl.run(dir, "x509", "-req", "-in", name + ".csr", "-CA", "root.pem", "-CAkey", "root.key.pem", "-CAcreateserial",
                "-days", "30", "-extfile", name + ".ext", "-extensions", "v3", "-out", name + ".cert.pem").ok();
        return dir.resolve(name + ".cert.pem");
    }

    static final String[] RSA2048 = {"genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"};
    static final String GOOD_EXT = "basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,digitalSignature,keyCertSign";

    static List<String> ids(List<Finding> fs) {
        return fs.stream().map(Finding::ruleId).toList();
    }

    List<Finding> inspectFiles(String name, Path cert) {
        return CaInspector.inspectEdgeCaFiles("gw", HOST, cert, dir.resolve(name + ".key.pem"), null, List.of(root.certificate()), Instant.now());
    }

    @Test
    void aWellFormedEdgeCaHasNoFindings() throws Exception {
        assertThat(inspectFiles("good", opensslEdgeCa("good", RSA2048, "gw.ca", GOOD_EXT))).isEmpty();
        CertifiedKey ours = ISSUER.edgeCa(intermediate, EdgeCaRequest.of("gw", HOST));
        assertThat(CaInspector.inspectEdgeCa("gw", HOST, ours.fullChain(), ours.privateKey(), List.of(root.certificate()), Instant.now())).isEmpty();
        assertThat(CaInspector.inspectIssuingCa(intermediate.fullChain(), intermediate.privateKey(), "pki.intermediate", Instant.now())).isEmpty();
    }

    @Test
    void f1CaFalseIsRefused() throws Exception {
        List<Finding> f = inspectFiles("caf", opensslEdgeCa("caf", RSA2048, "gw.ca", "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyCertSign"));
        assertThat(ids(f)).containsExactly("NE-PKI-EDGE-CA-NOT-CA");
        assertThat(f.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(f.get(0).message()).contains("CA:FALSE");
    }

    @Test
    void missingKeyCertSign() throws Exception {
        List<Finding> f = inspectFiles("noksign", opensslEdgeCa("noksign", RSA2048, "gw.ca", "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,digitalSignature"));
        assertThat(ids(f)).containsExactly("NE-PKI-EDGE-CA-KEYCERTSIGN");
    }

    @Test
    void cnEqualToHostnameOrDeviceId() throws Exception {
        assertThat(ids(inspectFiles("cnhost", opensslEdgeCa("cnhost", RSA2048, HOST, GOOD_EXT)))).containsExactly("NE-PKI-EDGE-CA-CN");
        List<Finding> f = inspectFiles("cnid", opensslEdgeCa("cnid", RSA2048, "gw", GOOD_EXT));
        assertThat(ids(f)).containsExactly("NE-PKI-EDGE-CA-CN");
        assertThat(f.get(0).fix()).contains("gw.ca");
    }

    @Test
    void f2RootsEncryptedKeyConfiguredAsEdgeCaKey() throws Exception {
        Path cert = opensslEdgeCa("f2", RSA2048, "gw.ca", GOOD_EXT);
        List<Finding> f = CaInspector.inspectEdgeCaFiles("gw", HOST, cert, dir.resolve("root.enc.key.pem"), null, List.of(root.certificate()), Instant.now());
        assertThat(ids(f)).containsExactly("NE-PKI-KEY-ENCRYPTED");
        assertThat(f.get(0).fix()).contains("pass phrase");
        List<Finding> withPass = CaInspector.inspectEdgeCaFiles("gw", HOST, cert, dir.resolve("root.enc.key.pem"), "1234".toCharArray(),
                List.of(root.certificate()), Instant.now());
        assertThat(ids(withPass)).containsExactly("NE-PKI-KEY-ENCRYPTED", "NE-PKI-KEY-MISMATCH");
        assertThat(withPass.get(1).message()).contains("root's key");
    }

    @Test
    void f3ChainStopsAtTheIntermediateOrEndsAtAnotherRoot() throws Exception {
        CertifiedKey edge = ISSUER.edgeCa(intermediate, EdgeCaRequest.of("gw", HOST));
        List<Finding> stops = CaInspector.inspectEdgeCa("gw", HOST, List.of(edge.certificate()), edge.privateKey(), List.of(root.certificate()), Instant.now());
        assertThat(ids(stops)).containsExactly("NE-PKI-CHAIN-INCOMPLETE");
        assertThat(stops.get(0).message()).contains("'gw.ca'", "CN=Plant7 Intermediate CA", "'Plant7 Root CA'");
        // trust bundle = the intermediate, Edge CA file stops at it: fine for this link, as the device accepts it.
        assertThat(CaInspector.inspectEdgeCa("gw", HOST, List.of(edge.certificate()), edge.privateKey(),
                List.of(intermediate.certificate()), Instant.now())).isEmpty();
        List<Finding> otherTrust = CaInspector.inspectEdgeCa("gw", HOST, edge.fullChain(), edge.privateKey(), List.of(otherRoot.certificate()), Instant.now());
        assertThat(ids(otherTrust)).containsExactly("NE-PKI-CHAIN-INCOMPLETE");
        assertThat(otherTrust.get(0).message()).contains("ends at the root 'Plant7 Root CA'", "'Other Root CA'");
        List<Finding> order = CaInspector.inspectEdgeCa("gw", HOST, List.of(edge.certificate(), root.certificate(), intermediate.certificate()),
                edge.privateKey(), List.of(otherRoot.certificate()), Instant.now());
        assertThat(ids(order)).containsExactly("NE-PKI-CHAIN-ORDER");
    }

    @Test
    void validityExpiredNotYetValidAndExpiringSoon() {
        Instant now = Instant.now();
        CertificateIssuer past = new CertificateIssuer(Clock.fixed(now.minus(Duration.ofDays(400)), ZoneOffset.UTC));
        CertifiedKey expired = past.edgeCa(root, new EdgeCaRequest("gw", HOST, KeyType.EC_P256, 30));
        assertThat(ids(inspect(expired, now))).containsExactly("NE-PKI-EXPIRED");
        CertificateIssuer future = new CertificateIssuer(Clock.fixed(now.plus(Duration.ofDays(2)), ZoneOffset.UTC));
        CertifiedKey early = future.edgeCa(root, new EdgeCaRequest("gw", HOST, KeyType.EC_P256, 30));
        assertThat(ids(inspect(early, now))).containsExactly("NE-PKI-NOT-YET-VALID");
        CertifiedKey soon = ISSUER.edgeCa(root, new EdgeCaRequest("gw", HOST, KeyType.EC_P256, 5));
        List<Finding> f = inspect(soon, now);
        assertThat(ids(f)).containsExactly("NE-PKI-EXPIRING");
        assertThat(f.get(0).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void weakRsaAndUntestedCurve() throws Exception {
        List<Finding> rsa1024 = inspectFiles("rsa1024", opensslEdgeCa("rsa1024",
                new String[] {"genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024"}, "gw.ca", GOOD_EXT));
        assertThat(ids(rsa1024)).containsExactly("NE-PKI-KEY-SIZE");
        List<Finding> p384 = inspectFiles("p384", opensslEdgeCa("p384",
                new String[] {"genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"}, "gw.ca", GOOD_EXT));
        assertThat(ids(p384)).containsExactly("NE-PKI-KEY-CURVE");
        assertThat(p384.get(0).message()).contains("secp384r1");
    }

    @Test
    void missingKeyIdentifiersAndNoKeyUsageWarn() throws Exception {
        OpenSsl.run(dir, RSA2048[0], RSA2048[1], RSA2048[2], RSA2048[3], RSA2048[4], "-out", "noid.key.pem").ok();
        OpenSsl.run(dir, "req", "-new", "-key", "noid.key.pem", "-subj", "/CN=gw.ca", "-out", "noid.csr").ok();
        Files.writeString(dir.resolve("noid.ext"), "[v3]\nbasicConstraints=critical,CA:TRUE\nsubjectKeyIdentifier=none\nauthorityKeyIdentifier=none\n");
        OpenSsl.run(dir, "x509", "-req", "-in", "noid.csr", "-CA", "root.pem", "-CAkey", "root.key.pem", "-CAcreateserial",
                "-days", "30", "-extfile", "noid.ext", "-extensions", "v3", "-out", "noid.cert.pem").ok();
        List<Finding> f = inspectFiles("noid", dir.resolve("noid.cert.pem"));
        assertThat(ids(f)).containsExactlyInAnyOrder("NE-PKI-EDGE-CA-KEYUSAGE", "NE-PKI-KEY-ID");
        assertThat(f).extracting(Finding::severity).containsOnly(Severity.WARNING);
    }

    @Test
    void issuingCaWithPathlenZeroOrCaFalseIsRefused() {
        CertifiedKey leafAsCa = ISSUER.deviceIdentity(root, "not-a-ca", KeyType.EC_P256, 30);
        List<Finding> f = CaInspector.inspectIssuingCa(leafAsCa.fullChain(), leafAsCa.privateKey(), "pki.root", Instant.now());
        assertThat(ids(f)).contains("NE-PKI-CA-NOT-CA", "NE-PKI-CA-KEYCERTSIGN");
        CertifiedKey edge = ISSUER.edgeCa(root, EdgeCaRequest.of("gw", HOST));
        assertThat(ids(CaInspector.inspectIssuingCa(edge.fullChain(), root.privateKey(), "pki.intermediate", Instant.now())))
                .containsExactly("NE-PKI-CA-PATHLEN", "NE-PKI-KEY-MISMATCH");
    }

    @Test
    void unreadableFileIsAFindingNotACrash() throws Exception {
        Files.writeString(dir.resolve("junk.pem"), "hello");
        List<Finding> f = CaInspector.inspectEdgeCaFiles("gw", HOST, dir.resolve("junk.pem"), null, null, List.of(root.certificate()), Instant.now());
        assertThat(ids(f)).containsExactly("NE-PKI-FILE");
        assertThat(f.get(0).message()).contains("junk.pem");
    }

    private static List<Finding> inspect(CertifiedKey edge, Instant now) {
        List<X509Certificate> trust = List.of(root.certificate());
        return CaInspector.inspectEdgeCa("gw", HOST, edge.fullChain(), edge.privateKey(), trust, now);
    }
}
