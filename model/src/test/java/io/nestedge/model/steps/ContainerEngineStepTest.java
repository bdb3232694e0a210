package io.nestedge.model.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nestedge.model.ContainerEngineSettings;
import io.nestedge.model.OsFamily;
import io.nestedge.model.bundle.BundleInfo;
import io.nestedge.model.bundle.Bundles;
import io.nestedge.model.samples.SamplePlants;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The container-engine step: where it sits, what it carries, and install.sh's form run for real by bash. */
class ContainerEngineStepTest {
    @TempDir
    Path dir;

    private static DeviceInstallSpec spec(boolean edge, ContainerEngineSettings c) {
        return InstallStepsTest.spec(edge ? "mid" : "leaf", edge, "top.plant.local", OsFamily.DEBIAN).withContainerEngine(c);
    }

    @Test
    void edgeDevicesMergeBeforeTheTrustStoreStepWhoseRestartLoadsIt() {
        List<InstallStep> steps = InstallSteps.forDevice(spec(true, SamplePlants.SAMPLE_CONTAINER_ENGINE));
        assertThat(steps).extracting(InstallStep::id).containsExactly("preflight", "verify-bundle", "install-certs",
                "container-engine", "trust-root-ca", "install-config", "clear-old-certs", "apply-config", "verify-runtime",
                "verify-parent-tls");
        InstallStep engine = steps.get(3);
        assertThat(engine.title()).contains("/etc/docker/daemon.json").contains("dns, log-driver, log-opts");
        assertThat(engine.actions()).singleElement().isEqualTo(new Action.MergeJson("/etc/docker/daemon.json",
                "{\"dns\":[\"10.0.3.53\"],\"log-driver\":\"local\",\"log-opts\":{\"max-file\":\"3\",\"max-size\":\"10m\"}}",
                "/etc/docker/daemon.json.nestedge-test.bak"));
        // no restart of its own: the next step restarts the engine once, after the root CA (F9)
        assertThat(steps.get(4).actions()).last().isEqualTo(new Action.Command(List.of("systemctl", "restart", "docker"), false));
    }

    @Test
    void leafDevicesAndUnmanagedPlantsGetNoStep() {
        assertThat(InstallSteps.forDevice(spec(false, SamplePlants.SAMPLE_CONTAINER_ENGINE))).extracting(InstallStep::id)
                .doesNotContain("container-engine");
        assertThat(InstallSteps.forDevice(spec(true, ContainerEngineSettings.NONE))).extracting(InstallStep::id)
                .doesNotContain("container-engine");
        assertThat(spec(true, ContainerEngineSettings.NONE).containerEngine()).isNull();
    }

    @Test
    void bundleJsonCarriesTheSettingsAndOldBundlesStillRead() throws Exception {
        for (ContainerEngineSettings c : java.util.Arrays.asList(SamplePlants.SAMPLE_CONTAINER_ENGINE, null)) {
            BundleInfo info = new BundleInfo(Bundles.SCHEMA_VERSION, "mid", "L3", "top", spec(true, c), "AA", "", "", List.of(),
                    "2026-11-29T00:00:00Z", "test");
            Path b = Files.createDirectories(dir.resolve(c == null ? "old" : "new"));
            byte[] json = Bundles.toBytes(info);
            assertThat(new String(json, StandardCharsets.UTF_8).contains("containerEngine")).isEqualTo(c != null);
            Files.write(b.resolve(Bundles.INFO_FILE), json);
            assertThat(Bundles.read(b)).isEqualTo(info);
        }
    }

    // --- install.sh's form, run by bash on a daemon.json in a temporary directory --------------------

    private record Run(int exit, String out, String err, String file) { }

    private Run runInstallForm(String existing) throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI must run as root (install -o root)");
        }
        assumeTrue(root, "install -o root needs root (runs in CI)");
        Path etc = Files.createDirectories(dir.resolve("root/etc/docker"));
        Path target = etc.resolve("daemon.json");
        if (existing != null) {
            Files.writeString(target, existing);
        }
        Action.MergeJson m = new Action.MergeJson(target.toString(),
                JsonMerge.compact(DaemonJson.patch(SamplePlants.SAMPLE_CONTAINER_ENGINE)), target + ".nestedge-test.bak");
        InstallStep step = new InstallStep("container-engine", "Container engine", List.of(m), false);
        String script = "set -euo pipefail\numask 077\nDEVICE_ID=mid\n" + InstallScript.helpers() + BashRenderer.function(step)
                + BashRenderer.functionName(step) + "\n";
        Path work = Files.createDirectories(dir.resolve("work"));
        Path f = work.resolve("step.sh");
        Files.writeString(f, script);
        Process p = new ProcessBuilder("bash", f.toString()).directory(work.toFile()).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, err, Files.exists(target) ? Files.readString(target) : null);
    }

    @Test
    void installShWritesAnAbsentFile() throws Exception {
        Run r = runInstallForm(null);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("daemon.json: dns, log-driver, log-opts set");
        assertThat(JsonMerge.parseObject(r.file())).isEqualTo(DaemonJson.patch(SamplePlants.SAMPLE_CONTAINER_ENGINE));
        Path target = dir.resolve("root/etc/docker/daemon.json");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r--r--");
        assertThat(target.resolveSibling("daemon.json.nestedge-new")).doesNotExist();
    }

    @Test
    void installShLeavesAFileWithOtherKeysAndPrintsTheJsonToAdd() throws Exception {
        String existing = "{\n    \"registry-mirrors\": [\"https://mirror.contoso-plant.local\"],\n    \"log-driver\": \"journald\"\n}\n";
        Run r = runInstallForm(existing);
        assertThat(r.exit()).as("a warning, not a failure: " + r.err()).isZero();
        assertThat(r.file()).as("left exactly as it was").isEqualTo(existing);
        assertThat(r.err()).contains("install.sh: warning: ").contains("holds other settings")
                .contains("keep every other key").contains("systemctl restart docker");
        String printed = r.err().substring(r.err().indexOf('{'));
        assertThat(JsonMerge.parseObject(printed)).isEqualTo(DaemonJson.patch(SamplePlants.SAMPLE_CONTAINER_ENGINE));
        assertThat(dir.resolve("root/etc/docker/daemon.json.nestedge-test.bak")).doesNotExist();
    }

    @Test
    void installShAcceptsAFileThatAlreadyHoldsTheKeysInAnyLayout() throws Exception {
        // as the SSH engine writes it (foreign keys kept) …
        String engine = JsonMerge.render(JsonMerge.merge(JsonMerge.parseObject(
                "{\"registry-mirrors\": [\"https://mirror.contoso-plant.local\"]}"), DaemonJson.patch(SamplePlants.SAMPLE_CONTAINER_ENGINE)));
        Run r = runInstallForm(engine);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("already holds dns, log-driver, log-opts: unchanged");
        assertThat(r.err()).doesNotContain("warning");
        assertThat(r.file()).isEqualTo(engine);
    }

    @Test
    void installShAcceptsAnsiblesToNiceJsonLayout() throws Exception {
        String ansible = """
                {
                    "dns": [
                        "10.0.3.53"
                    ],
                    "log-driver": "local",
                    "log-opts": {
                        "max-file": "3",
                        "max-size": "10m"
                    },
                    "registry-mirrors": [
                        "https://mirror.contoso-plant.local"
                    ]
                }
                """;
        Run r = runInstallForm(ansible);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("unchanged");
        assertThat(r.file()).isEqualTo(ansible);
    }

    @Test
    void installShReplacesAnEmptyFileAndKeepsABackup() throws Exception {
        Run r = runInstallForm("");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(JsonMerge.parseObject(r.file())).isEqualTo(DaemonJson.patch(SamplePlants.SAMPLE_CONTAINER_ENGINE));
        assertThat(dir.resolve("root/etc/docker/daemon.json.nestedge-test.bak")).exists();
    }
}
