package io.nestedge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.model.CaSource;
import io.nestedge.model.KeyType;
import io.nestedge.model.PkiSettings;
import io.nestedge.model.Plant;
import io.nestedge.model.io.PlantFile;
import io.nestedge.model.pki.CertificateIssuer;
import io.nestedge.model.pki.CertifiedKey;
import io.nestedge.model.pki.Pem;
import io.nestedge.model.samples.SamplePlants;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nestedge export} with an imported CA made by the openssl command line, as Microsoft's
 * test-certificate script makes it (RSA-4096 root key encrypted with a pass phrase) plus an intermediate
 * with its own legacy-encrypted key, and as a PKCS#12 file: the Edge CAs in the bundles verify with
 * {@code openssl verify -CAfile root -untrusted intermediate}; bad CAs are refused with a clear message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportImportCaCommandTest {
    static final String IMPORT_PASS = "1234";
    static final List<String> EDGES = List.of("site-gw", "ops-gw", "line1-edge");
    Path dir;
    Path plant;

    record Result(int exit, String out, String err) { }

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NestEdgeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    String openssl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("PASS", IMPORT_PASS);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("openssl %s: %s", args, out).isZero();
        return out;
    }

    @BeforeAll
    void makeCasWithOpenssl(@TempDir Path tmp) throws Exception {
        dir = tmp;
        // Microsoft's script: RSA-4096 root key encrypted with a pass phrase.
        openssl("genrsa", "-aes256", "-passout", "env:PASS", "-out", "root.key.pem", "4096");
        openssl("req", "-x509", "-new", "-key", "root.key.pem", "-passin", "env:PASS", "-subj", "/CN=Azure_IoT_Hub_CA_Cert_Test_Only",
                "-days", "30", "-sha256", "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                "-out", "root.cert.pem");
        // The intermediate: its own RSA-2048 key, legacy-encrypted PKCS#1 (Proc-Type/DEK-Info); its file holds no chain.
        openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "int.plain.pem");
        openssl("rsa", "-traditional", "-aes256", "-in", "int.plain.pem", "-passout", "env:PASS", "-out", "int.key.pem");
        openssl("req", "-new", "-key", "int.plain.pem", "-subj", "/CN=Azure_IoT_Hub_Intermediate_Cert_Test_Only", "-out", "int.csr");
        Files.writeString(dir.resolve("int.ext"), "[v3]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n"
                + "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n");
        openssl("x509", "-req", "-in", "int.csr", "-CA", "root.cert.pem", "-CAkey", "root.key.pem", "-passin", "env:PASS",
                "-CAcreateserial", "-days", "30", "-extfile", "int.ext", "-extensions", "v3", "-out", "int.cert.pem");
        openssl("pkcs12", "-export", "-inkey", "int.plain.pem", "-in", "int.cert.pem", "-certfile", "root.cert.pem",
                "-passout", "env:PASS", "-out", "int.p12");
        Files.writeString(dir.resolve("import.pass"), IMPORT_PASS + "\n");
        Files.writeString(dir.resolve("ca.pass"), "store pass phrase\n");
        for (String f : List.of("import.pass", "ca.pass")) {
            Files.setPosixFilePermissions(dir.resolve(f), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
        plant = dir.resolve("plant.json");
        PlantFile.write(ecPlant(PkiSettings.defaults().caSource(), "", "", ""), plant);
    }

    static Plant ecPlant(CaSource source, String rootCert, String intermediateCert, String rootKey) {
        return SamplePlants.sample().withPki(new PkiSettings(source, KeyType.RSA_4096, KeyType.EC_P256, 3650, 365, false, rootCert,
                intermediateCert, rootKey));
    }

    List<String> export(Path plantFile, String name, String... more) {
        List<String> a = new ArrayList<>(List.of("export", plantFile.toString(), "-o", dir.resolve(name).toString(), "--plain-keys",
                "--pki", dir.resolve(name + ".pki").toString(), "--ca-passphrase-file", dir.resolve("ca.pass").toString()));
        a.addAll(List.of(more));
        return a;
    }

    void assertEdgeCasVerify(String out) throws Exception {
        for (String id : EDGES) {
            Path chain = dir.resolve(out + "/devices/" + id + "/certs/iot-edge-device-ca-" + id + "-full-chain.cert.pem");
            assertThat(openssl("verify", "-CAfile", "root.cert.pem", "-untrusted", "int.cert.pem", chain.toString()))
                    .as(id).contains(chain + ": OK");
            assertThat(Files.readString(dir.resolve(out + "/devices/" + id + "/certs/azure-iot-test-only.root.ca.cert.pem")))
                    .as("the bundle's trust bundle is the imported root").isEqualTo(Files.readString(dir.resolve("root.cert.pem")));
            assertThat(openssl("x509", "-in", chain.toString(), "-noout", "-issuer")).contains("Azure_IoT_Hub_Intermediate_Cert_Test_Only");
        }
    }

    @Test
    void importsAnEncryptedRsa4096RootWithAnIntermediateFromPemFilesAndKeepsItInTheStore() throws Exception {
        Result r = cli(export(plant, "pem", "--import-root-cert", dir.resolve("root.cert.pem").toString(),
                "--import-intermediate-cert", dir.resolve("int.cert.pem").toString(),
                "--import-intermediate-key", dir.resolve("int.key.pem").toString(),
                "--import-passphrase-file", dir.resolve("import.pass").toString()).toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("Imported the CA 'Azure_IoT_Hub_Intermediate_Cert_Test_Only' (root 'Azure_IoT_Hub_CA_Cert_Test_Only')");
        assertThat(r.out()).contains("Edge CAs: 3 issued, 0 reused");
        assertEdgeCasVerify("pem");
        assertThat(dir.resolve("pem.pki/certs/azure-iot-test-only.root.ca.cert.pem")).hasSameTextualContentAs(dir.resolve("root.cert.pem"));

        // Later exports unlock the store's copy (store pass phrase only) and reuse the Edge CAs.
        Result again = cli(export(plant, "pem").toArray(String[]::new));
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("Edge CAs: 0 issued, 3 reused");
        // Importing into a store that holds a CA is refused before anything is asked or written.
        Result twice = cli("export", plant.toString(), "-o", dir.resolve("pem-twice-out").toString(), "--plain-keys",
                "--pki", dir.resolve("pem.pki").toString(), "--ca-passphrase-file", dir.resolve("ca.pass").toString(),
                "--import-p12", dir.resolve("int.p12").toString());
        assertThat(twice.exit()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(twice.err()).contains("pem.pki").contains("already holds a CA").contains("Fix:");
        assertThat(dir.resolve("pem-twice-out")).doesNotExist();
    }

    @Test
    void importsAPkcs12FileMadeByOpensslPkcs12Export() throws Exception {
        Result r = cli(export(plant, "p12", "--import-p12", dir.resolve("int.p12").toString(),
                "--import-passphrase-file", dir.resolve("import.pass").toString()).toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        assertEdgeCasVerify("p12");
        // The pass phrases never reach the plant file or the store in clear.
        assertThat(Files.readString(plant)).doesNotContain(IMPORT_PASS).doesNotContain("store pass phrase");
        assertThat(Files.readString(dir.resolve("p12.pki/private/azure-iot-test-only.intermediate.key.pem")))
                .contains("BEGIN ENCRYPTED PRIVATE KEY");
    }

    @Test
    void plantNamingTheRootKeyBesideAnIntermediateNeedsTheIntermediatesKeyAndThenExports() throws Exception {
        // CA paths in the plant are relative to the plant file's folder (as an iotedge_config.yaml import writes them).
        Path p = dir.resolve("imported-plant.json");
        PlantFile.write(ecPlant(CaSource.IMPORT, "root.cert.pem", "int.cert.pem", "root.key.pem"), p);
        Result bad = cli(export(p, "pairing", "--import-passphrase-file", dir.resolve("import.pass").toString()).toArray(String[]::new));
        assertThat(bad.exit()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(bad.err()).contains("int.cert.pem").contains("its private key is needed; the root CA key given does not sign for it")
                .contains("Fix: Give the intermediate CA's key file").doesNotContain("does not match");
        assertThat(dir.resolve("pairing")).doesNotExist();
        assertThat(dir.resolve("pairing.pki/private")).doesNotExist();

        Result ok = cli(export(p, "pairing", "--import-intermediate-key", dir.resolve("int.key.pem").toString(),
                "--import-passphrase-file", dir.resolve("import.pass").toString()).toArray(String[]::new));
        assertThat(ok.exit()).as(ok.err()).isZero();
        // The intermediate's file has no chain: the root comes from the plant's importedRootCert and is written.
        assertThat(dir.resolve("pairing.pki/certs/azure-iot-test-only.root.ca.cert.pem")).hasSameTextualContentAs(dir.resolve("root.cert.pem"));
        assertEdgeCasVerify("pairing");
    }

    @Test
    void expiredP384AndCaFalseCasAreRefusedNamingTheFileAndTheFix() throws Exception {
        CertifiedKey old = new CertificateIssuer(Clock.fixed(Instant.now().minus(Duration.ofDays(400)), ZoneOffset.UTC))
                .rootCa("Expired Root", KeyType.RSA_2048, 365);
        Files.writeString(dir.resolve("expired.cert.pem"), Pem.certificate(old.certificate()));
        Files.writeString(dir.resolve("expired.key.pem"), Pem.privateKey(old.privateKey()));
        openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384", "-out", "p384.key.pem");
        openssl("req", "-x509", "-new", "-key", "p384.key.pem", "-subj", "/CN=P384 Root", "-days", "30",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign", "-out", "p384.cert.pem");
        openssl("req", "-x509", "-new", "-key", "int.plain.pem", "-subj", "/CN=Not A CA", "-days", "30",
                "-addext", "basicConstraints=critical,CA:FALSE", "-out", "leaf.cert.pem");
        record Bad(String cert, String key, String problem, String fix) { }
        for (Bad b : List.of(
                new Bad("expired.cert.pem", "expired.key.pem", "'Expired Root' expired on", "Fix: Renew the certificate"),
                new Bad("p384.cert.pem", "p384.key.pem", "'P384 Root' uses EC secp384r1", "Fix: Reissue with EC P-256 or RSA-2048"),
                new Bad("leaf.cert.pem", "int.plain.pem", "'Not A CA' has basicConstraints CA:FALSE", "Fix: Import a CA certificate"))) {
            String name = "bad-" + b.cert().replace(".cert.pem", "");
            Result r = cli(export(plant, name, "--import-root-cert", dir.resolve(b.cert()).toString(),
                    "--import-root-key", dir.resolve(b.key()).toString()).toArray(String[]::new));
            assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.UNUSABLE);
            assertThat(r.err()).as(b.cert()).contains("error: " + dir.resolve(b.cert())).contains("cannot issue Edge CAs from")
                    .contains(b.problem()).contains(b.fix());
            assertThat(dir.resolve(name)).as("no bundles").doesNotExist();
            assertThat(dir.resolve(name + ".pki/private")).as("no CA stored").doesNotExist();
        }
    }

    @Test
    void helpListsTheImportOptions() {
        Result r = cli("export", "--help");
        assertThat(r.out()).contains("Import an existing CA").contains("--import-root-cert=FILE").contains("--import-intermediate-key=FILE")
                .contains("--import-p12=FILE").contains("--import-passphrase-file=FILE");
    }
}
