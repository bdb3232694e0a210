package io.nestedge.commissioning.virtualplant.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the test bed the emulator writes to a real disk: secrets (the applied config.toml with its SAS
 * key, identityd's config) must never be written through a link someone placed at the temporary
 * name, and are created owner-only, not widened after the content is in.
 */
class DeviceFsWriteTest {
    @TempDir
    Path dir;

    @Test
    void aLinkPlantedAtTheTemporaryNameIsNotWrittenThrough() throws Exception {
        Path root = Files.createDirectory(dir.resolve("root"));
        Path outside = Files.writeString(dir.resolve("outside.txt"), "untouched\n");
        DeviceFs fs = new DeviceFs(root);
        fs.mkdirs("/etc/aziot", "755", "");
        Files.createSymbolicLink(root.resolve("etc/aziot/.config.toml.tmp"), outside);

        fs.writeAtomic("/etc/aziot/config.toml", "connection_string = \"HostName=h;SharedAccessKey=c2VjcmV0\"\n", "600", "");

        assertThat(Files.readString(outside)).isEqualTo("untouched\n");
        Path written = root.resolve("etc/aziot/config.toml");
        assertThat(Files.isSymbolicLink(written)).isFalse();
        assertThat(Files.readString(written)).contains("SharedAccessKey");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written))).isEqualTo("rw-------");
        assertThat(root.resolve("etc/aziot/.config.toml.tmp")).doesNotExist();
    }

    @Test
    void aPublicFileStillGetsItsMode() throws Exception {
        DeviceFs fs = new DeviceFs(Files.createDirectory(dir.resolve("root")));
        fs.writeAtomic("/etc/hostname", "site-gw\n", "644", "");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fs.path("/etc/hostname")))).isEqualTo("rw-r--r--");
    }
}
