package io.nestedge.app.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nestedge.model.CaSource;
import io.nestedge.model.KeyType;
import io.nestedge.model.PkiSettings;
import io.nestedge.model.Plant;
import io.nestedge.model.bundle.BundleExport;
import io.nestedge.model.export.ExportProgress;
import io.nestedge.model.io.InputException;
import io.nestedge.model.samples.SamplePlants;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export wizard's rules and export, without a toolkit. */
class ExportWizardModelTest {
    @TempDir
    Path dir;

    static Plant ecPlant() {
        return SamplePlants.sample().withPki(new PkiSettings(CaSource.GENERATE, KeyType.EC_P256, KeyType.EC_P256, 3650, 365,
                true, "", "", ""));
    }

    @Test
    void problemsNameWhatIsMissingAndAnUnsavedPlantHasNoStore() {
        ExportWizardModel unsaved = new ExportWizardModel(ecPlant(), null);
        assertThat(unsaved.pkiDir()).isNull();
        assertThat(unsaved.problems()).anyMatch(p -> p.startsWith("Choose an output folder"))
                .anyMatch(p -> p.startsWith("Save the plant first"));

        ExportWizardModel m = new ExportWizardModel(ecPlant(), dir.resolve("plant.json"));
        assertThat(m.pkiDir()).isEqualTo(dir.resolve("plant.pki"));
        assertThat(m.outputDirProperty().get()).isEqualTo(dir.resolve("plant-bundles"));
        assertThat(m.caProperty().get()).isEqualTo(ExportWizardModel.CaChoice.GENERATE);
        m.caPassphraseProperty().set("correct horse");
        m.caPassphrase2Property().set("correct hors");
        assertThat(m.problems()).contains("The two CA pass phrases differ.");
        m.caPassphrase2Property().set("correct horse");
        assertThat(m.problems()).contains("Choose a bundle pass phrase: USB bundles carry encrypted keys.");
        m.transportProperty().set(ExportWizardModel.Transport.SSH);
        m.generateSasKeysProperty().set(false);
        assertThat(m.problems()).anyMatch(p -> p.startsWith("site-gw uses SAS provisioning"));
        m.sasKeys().put("site-gw", "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0xMjM0NTY3OA==");
        m.sasKeys().put("ops-gw", "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0xMjM0NTY3OA==");
        m.sasKeys().put("line1-edge", "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seS0xMjM0NTY3OA==");
        assertThat(m.problems()).isEmpty();
        assertThat(m.secrets().toString()).doesNotContain("c2VjcmV0");
    }

    @Test
    void exportGeneratesTheStoreBesideThePlantThenUnlocksItAndRefusesAWrongPassPhrase() throws Exception {
        ExportWizardModel m = new ExportWizardModel(ecPlant(), dir.resolve("plant.json"));
        m.caPassphraseProperty().set("correct horse");
        m.caPassphrase2Property().set("correct horse");
        m.bundlePassphraseProperty().set("usb pass");
        m.bundlePassphrase2Property().set("usb pass");
        BundleExport.Result r = m.export(ExportProgress.NONE, () -> false);
        assertThat(r.rootSha256()).isNotBlank();
        assertThat(r.report()).contains(r.rootSha256());
        assertThat(dir.resolve("plant.pki")).isDirectory();
        assertThat(dir.resolve("plant-bundles/devices/site-gw")).isDirectory();
        assertThat(m.caPassphraseProperty().get()).as("pass phrase forgotten after the export").isEmpty();

        ExportWizardModel again = new ExportWizardModel(ecPlant(), dir.resolve("plant.json"));
        assertThat(again.caProperty().get()).isEqualTo(ExportWizardModel.CaChoice.EXISTING);
        again.transportProperty().set(ExportWizardModel.Transport.SSH);
        again.caPassphraseProperty().set("wrong");
        assertThatThrownBy(() -> again.export(ExportProgress.NONE, () -> false)).isInstanceOf(InputException.class);
        again.caPassphraseProperty().set("correct horse");
        BundleExport.Result r2 = again.export(ExportProgress.NONE, () -> false);
        assertThat(r2.rootSha256()).as("same root CA reused").isEqualTo(r.rootSha256());
        assertThat(Files.list(dir.resolve("plant-bundles/devices/site-gw/private")).map(p -> p.getFileName().toString()))
                .as("SSH transport: plain keys").noneMatch(n -> n.endsWith(".enc"));
    }

    private void openssl(String... args) throws Exception {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("openssl"));
        cmd.addAll(java.util.List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("PASS", "1234");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }

    @Test
    void importChoiceTakesFilesAndPassPhraseInMemoryImportsThroughTheInspectorAndLeavesThePlantFileAlone() throws Exception {
        openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-aes256", "-pass", "env:PASS", "-out", "root.key.pem");
        openssl("req", "-x509", "-new", "-key", "root.key.pem", "-passin", "env:PASS", "-subj", "/CN=Wizard Root", "-days", "30",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign", "-out", "root.cert.pem");
        openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-aes256", "-pass", "env:PASS", "-out", "int.key.pem");
        openssl("req", "-new", "-key", "int.key.pem", "-passin", "env:PASS", "-subj", "/CN=Wizard Intermediate", "-out", "int.csr");
        Files.writeString(dir.resolve("int.ext"), "[v3]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign\n");
        openssl("x509", "-req", "-in", "int.csr", "-CA", "root.cert.pem", "-CAkey", "root.key.pem", "-passin", "env:PASS",
                "-CAcreateserial", "-days", "30", "-extfile", "int.ext", "-extensions", "v3", "-out", "int.cert.pem");
        Path plantFile = dir.resolve("plant.json");
        io.nestedge.model.io.PlantFile.write(ecPlant(), plantFile);
        byte[] plantBefore = Files.readAllBytes(plantFile);

        ExportWizardModel m = new ExportWizardModel(ecPlant(), plantFile);
        m.caProperty().set(ExportWizardModel.CaChoice.IMPORT);
        m.transportProperty().set(ExportWizardModel.Transport.SSH);
        m.caPassphraseProperty().set("store pass phrase");
        m.caPassphrase2Property().set("store pass phrase");
        assertThat(m.problems()).anyMatch(p -> p.startsWith("Choose the root CA certificate and key files"));
        m.importIntermediateCertProperty().set(dir.resolve("int.cert.pem"));
        assertThat(m.problems()).anyMatch(p -> p.startsWith("Give the intermediate CA's certificate and its key"));
        m.importIntermediateKeyProperty().set(dir.resolve("int.key.pem"));
        assertThat(m.problems()).containsExactly("Enter the pass phrase of int.key.pem.");
        m.importPassphraseProperty().set("1234");
        assertThat(m.problems()).isEmpty();
        assertThat(m.checkImport()).as("no root: the chain stops at the intermediate (F3)")
                .startsWith("Cannot import: " + dir.resolve("int.cert.pem")).contains("the chain stops at 'Wizard Intermediate'");
        m.importRootCertProperty().set(dir.resolve("root.cert.pem"));
        assertThat(m.checkImport()).isEqualTo("OK: Edge CAs will be issued by 'Wizard Intermediate' under the root 'Wizard Root'.");

        BundleExport.Result r = m.export(ExportProgress.NONE, () -> false);
        assertThat(m.caNotes()).anyMatch(n -> n.startsWith("Imported the CA 'Wizard Intermediate' (root 'Wizard Root')"));
        assertThat(m.importPassphraseProperty().get()).as("pass phrase forgotten").isEmpty();
        assertThat(Files.readAllBytes(plantFile)).as("wizard edits stay out of the plant file").isEqualTo(plantBefore);
        Path chain = dir.resolve("plant-bundles/devices/ops-gw/certs/iot-edge-device-ca-ops-gw-full-chain.cert.pem");
        openssl("verify", "-CAfile", "root.cert.pem", "-untrusted", "int.cert.pem", chain.toString());
        assertThat(r.rootSha256()).isNotBlank();
        assertThat(new ExportWizardModel(ecPlant(), plantFile).caProperty().get()).isEqualTo(ExportWizardModel.CaChoice.EXISTING);
    }

    @Test
    void aBadImportIsRefusedAtExportNamingTheFileAndWritesNothing() throws Exception {
        openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384", "-out", "p384.key.pem");
        openssl("req", "-x509", "-new", "-key", "p384.key.pem", "-subj", "/CN=P384 Root", "-days", "30",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign", "-out", "p384.cert.pem");
        ExportWizardModel m = new ExportWizardModel(ecPlant(), dir.resolve("plant.json"));
        m.caProperty().set(ExportWizardModel.CaChoice.IMPORT);
        m.transportProperty().set(ExportWizardModel.Transport.SSH);
        m.caPassphraseProperty().set("store pass phrase");
        m.caPassphrase2Property().set("store pass phrase");
        m.importRootCertProperty().set(dir.resolve("p384.cert.pem"));
        m.importRootKeyProperty().set(dir.resolve("p384.key.pem"));
        assertThat(m.problems()).isEmpty();
        assertThat(m.checkImport()).contains("p384.cert.pem").contains("secp384r1");
        assertThatThrownBy(() -> m.export(ExportProgress.NONE, () -> false)).isInstanceOf(InputException.class)
                .hasMessageContaining("p384.cert.pem").hasMessageContaining("uses EC secp384r1").hasMessageContaining("Fix: Reissue with EC P-256");
        assertThat(dir.resolve("plant-bundles")).doesNotExist();
        assertThat(dir.resolve("plant.pki/private")).doesNotExist();
    }
}
