package io.nestedge.model.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nestedge.model.KeyType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's {@code private/} directory is made 0700 and the CA keys go into it: when it is a link
 * (left there by someone, or by a copy that kept links), the store would chmod the link's target and
 * put the keys wherever it points. The store refuses instead, before it writes anything.
 */
class PkiStoreLinksTest {
    @TempDir
    Path dir;

    @Test
    void aLinkedPrivateDirectoryIsRefusedAndItsTargetLeftAlone() throws Exception {
        Path store = Files.createDirectory(dir.resolve("plant.pki"));
        Path elsewhere = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(store.resolve("private"), elsewhere);
        PkiStore s = PkiStore.open(store, CertificateIssuer.systemClock());

        assertThatThrownBy(() -> s.generateCa("Test Root CA", KeyType.EC_P256, 30, null, 0, "pass phrase".toCharArray()))
                .isInstanceOf(IOException.class).hasMessageContaining("private").hasMessageContaining("link");

        try (var files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(elsewhere))).isEqualTo("rwxr-xr-x");
        assertThat(store.resolve(PkiFileNames.ROOT_CERT)).doesNotExist();
    }
}
