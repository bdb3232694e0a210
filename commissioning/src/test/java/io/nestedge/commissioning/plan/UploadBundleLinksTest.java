package io.nestedge.commissioning.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.commissioning.ansible.AnsibleExporterTestSupport;
import io.nestedge.commissioning.run.StepContext;
import io.nestedge.commissioning.run.StepResult;
import io.nestedge.commissioning.run.StepStatus;
import io.nestedge.model.bundle.BundleInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upload sends the bundle's own files only: a link in the bundle directory (which would carry the
 * laptop file it points to, e.g. ~/.ssh/id_ed25519, to the device: SHA256SUMS does not list extra
 * files) stops the step before anything is sent.
 */
class UploadBundleLinksTest {
    @TempDir
    Path dir;

    /** Records what would be sent. */
    static class RecordingShell implements DeviceShell {
        final List<String> sent = new ArrayList<>();

        @Override
        public Exec runAsRoot(String workDir, String commandLine, Duration timeout) {
            return new Exec(0, "", "");
        }

        @Override
        public void upload(Path local, String remotePath, int mode) {
            sent.add(remotePath);
        }

        @Override
        public void upload(byte[] content, String remotePath, int mode) {
            sent.add(remotePath);
        }

        @Override
        public void makePrivateDir(String path) {
            sent.add(path + "/");
        }
    }

    private static StepContext ctx() {
        return new StepContext() {
            @Override
            public String deviceId() {
                return "site-gw";
            }

            @Override
            public void output(String text) {
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
    }

    @Test
    void aLinkInTheBundleStopsTheUploadBeforeAnythingIsSent() throws Exception {
        Path bundle = Files.createDirectories(dir.resolve("devices/site-gw"));
        Files.writeString(bundle.resolve("install.sh"), "#!/bin/sh\n");
        Files.createDirectories(bundle.resolve("private"));
        Path laptopSecret = Files.writeString(dir.resolve("id_ed25519"), "-----BEGIN OPENSSH PRIVATE KEY-----\n");
        Files.createSymbolicLink(bundle.resolve("private/extra.pem"), laptopSecret);
        BundleInfo info = AnsibleExporterTestSupport.bundle("site-gw");
        RecordingShell shell = new RecordingShell();

        StepResult r = new UploadBundleStep(bundle, shell, "/var/tmp/nestedge-site-gw", info, () -> null).execute(ctx());

        assertThat(r.status()).isEqualTo(StepStatus.FAILED);
        assertThat(r.summary()).contains("private/extra.pem").contains("link");
        assertThat(shell.sent).isEmpty();
    }

    @Test
    void aPlainBundleIsSent() throws Exception {
        Path bundle = Files.createDirectories(dir.resolve("devices/site-gw"));
        Files.writeString(bundle.resolve("install.sh"), "#!/bin/sh\n");
        RecordingShell shell = new RecordingShell();
        StepResult r = new UploadBundleStep(bundle, shell, "/var/tmp/nestedge-site-gw", AnsibleExporterTestSupport.bundle("site-gw"),
                () -> null).execute(ctx());
        assertThat(r.status()).isEqualTo(StepStatus.OK);
        assertThat(shell.sent).contains("/var/tmp/nestedge-site-gw/install.sh");
    }
}
