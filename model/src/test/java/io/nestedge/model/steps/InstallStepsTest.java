package io.nestedge.model.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.model.OsFamily;
import io.nestedge.model.steps.DeviceInstallSpec.BundleFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallStepsTest {
    @TempDir
    Path dir;

    static DeviceInstallSpec spec(String id, boolean edge, String parent, OsFamily os) {
        return new DeviceInstallSpec(id, edge, id + ".plant.local", parent, parent.isEmpty() ? List.of() : List.of(8883, 443),
                os, new BundleFile("certs/root.pem", "/var/aziot/certs/root.pem"), "nestedge-root", "/var/aziot/certs",
                "/var/aziot/secrets", List.of(new BundleFile("certs/edge-ca.pem", "/var/aziot/certs/edge-ca-" + id + ".pem")),
                List.of(new BundleFile("private/edge-ca.key.pem", "/var/aziot/secrets/edge-ca-" + id + ".key.pem")),
                edge ? new BundleFile("certs/edge-ca.pem", "/var/aziot/certs/edge-ca-" + id + ".pem") : null,
                edge ? "config.toml" : "", ".nestedge-test.bak");
    }

    @Test
    void edgeDeviceGetsAllStepsInOrder() {
        List<InstallStep> steps = InstallSteps.forDevice(spec("mid", true, "top.plant.local", OsFamily.DEBIAN));
        assertThat(steps).extracting(InstallStep::id).containsExactly("preflight", "verify-bundle", "install-certs",
                "trust-root-ca", "install-config", "clear-old-certs", "apply-config", "verify-runtime", "verify-parent-tls");
        InstallStep certs = steps.get(2);
        // The Edge CA change is detected before the file is replaced (F11).
        assertThat(certs.actions().get(0)).isInstanceOf(Action.MarkIfDiffers.class);
        assertThat(certs.actions()).contains(new Action.MakeDir("/var/aziot/secrets", 0700, "aziotks", "aziotks"),
                new Action.CheckReadable("aziotks", "/var/aziot/secrets/edge-ca-mid.key.pem"));
        // The container engine is restarted after the root CA is trusted (F9).
        assertThat(steps.get(3).actions()).last().isEqualTo(new Action.Command(List.of("systemctl", "restart", "docker"), false));
    }

    @Test
    void topLayerHasNoParentTlsStepAndMarinerUsesUpdateCaTrust() {
        List<InstallStep> steps = InstallSteps.forDevice(spec("top", true, "", OsFamily.MARINER));
        assertThat(steps).extracting(InstallStep::id).doesNotContain("verify-parent-tls");
        assertThat(steps.get(3).actions()).contains(new Action.Command(List.of("update-ca-trust", "extract"), false));
    }

    @Test
    void leafDeviceGetsNoRuntimeSteps() {
        List<InstallStep> steps = InstallSteps.forDevice(spec("leaf", false, "edge.plant.local", OsFamily.DEBIAN));
        assertThat(steps).extracting(InstallStep::id).containsExactly("preflight", "verify-bundle", "install-certs",
                "trust-root-ca", "verify-parent-tls");
    }

    @Test
    void renderedScriptIsValidBashEvenWithHostileNames() throws Exception {
        String id = "evil'$(touch /tmp/pwned)`id`;\"x";
        DeviceInstallSpec s = spec(id, true, "top.plant.local", OsFamily.DEBIAN);
        String script = InstallScript.render(s, InstallSteps.forDevice(s), List.of("private/edge-ca.key.pem.enc"), "test");
        Path f = dir.resolve("install.sh");
        Files.writeString(f, script);
        Process p = new ProcessBuilder("bash", "-n", f.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(script).contains("DEVICE_ID='evil'\\''$(touch /tmp/pwned)`id`;\"x'");
        assertThat(script).doesNotContain("\nevil");
    }
}
