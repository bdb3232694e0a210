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
}
