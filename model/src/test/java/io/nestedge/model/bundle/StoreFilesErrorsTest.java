package io.nestedge.model.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nestedge.model.KeyType;
import io.nestedge.model.Plant;
import io.nestedge.model.export.ExportProgress;
import io.nestedge.model.export.ExportException;
import io.nestedge.model.export.ExportSecrets;
import io.nestedge.model.pki.CertificateIssuer;
import io.nestedge.model.pki.CertifiedKey;
import io.nestedge.model.pki.PkiFileNames;
import io.nestedge.model.pki.PkiStore;
import io.nestedge.model.samples.SamplePlants;
import java.util.Set;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged files of the PKI store beside the plant: the SAS keys an export keeps there ({@link BundleExport#SAS_KEYS_FILE}), the root CA certificate. */
class StoreFilesErrorsTest {
    final Plant plant = SamplePlants.sample();

    @Test
    void keysAreGeneratedOnceAndReused(@TempDir Path store) throws Exception {
        ExportSecrets first = BundleExport.withGeneratedSasKeys(plant, ExportSecrets.none(), store);
        ExportSecrets second = BundleExport.withGeneratedSasKeys(plant, ExportSecrets.none(), store);
        assertThat(first.sasKeys()).containsKeys("site-gw", "ops-gw", "line1-edge");
        assertThat(second.sasKeys()).isEqualTo(first.sasKeys());
    }

    @Test
    void aTruncatedKeysFileIsAnExportErrorNamingItAndIsNeverOverwritten(@TempDir Path store) throws Exception {
        // Was a raw JsonEOFException with a stack trace; new keys would not match the identities the hub already has.
        BundleExport.withGeneratedSasKeys(plant, ExportSecrets.none(), store);
        Path file = store.resolve(BundleExport.SAS_KEYS_FILE);
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() / 2));
        assertThatThrownBy(() -> BundleExport.withGeneratedSasKeys(plant, ExportSecrets.none(), store))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("damaged")
                .hasMessageContaining("Fix: Restore it from your backup, or give every device's key with --secrets");
        assertThat(Files.readString(file)).isEqualTo(text.substring(0, text.length() / 2));

        Files.writeString(file, "");
        assertThatThrownBy(() -> BundleExport.withGeneratedSasKeys(plant, ExportSecrets.none(), store))
                .isInstanceOf(ExportException.class).hasMessageContaining(file.toString());
    }

    @Test
    void anEmptiedRootCaFileIsNamedInTheExportError(@TempDir Path dir) throws Exception {
        // Was "plant: holds no PEM certificate", naming neither the store nor the file.
        PkiStore store = PkiStore.open(dir.resolve("p.pki"), CertificateIssuer.systemClock());
        CertifiedKey ca = store.generateCa("Root", KeyType.EC_P256, 3650, KeyType.EC_P256, 1825, "pass phrase".toCharArray());
        Files.writeString(dir.resolve("p.pki").resolve(PkiFileNames.ROOT_CERT), "");
        assertThatThrownBy(() -> BundleExport.export(plant, store, ca, ExportSecrets.none(), new BundleOptions(true, null, Set.of(), true),
                dir.resolve("out"), ExportProgress.NONE, () -> false))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("root CA certificate " + dir.resolve("p.pki").resolve(PkiFileNames.ROOT_CERT))
                .hasMessageContaining("holds no PEM certificate");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
