package io.nestedge.commissioning.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.model.Plant;
import io.nestedge.model.io.PlantFile;
import io.nestedge.model.steps.DaemonJson;
import io.nestedge.model.steps.JsonMerge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported Ansible playbook ({@code AnsibleExporter}) commissions a fresh test bed of the sample
 * plant with Debian's {@code ansible-playbook}: the same install steps as the SSH engine, run with
 * {@code become} through {@code ProxyJump} chains, host keys checked strictly.
 */
class BedAnsibleTest {
    private static final Path STATE = Path.of("target/testbed-ansible").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void exportedPlaybookCommissionsTheSamplePlantOnTheBed() throws Exception {
        TestbedRequirement.assumeAvailableOrFail(System.getenv());
        if (!TestbedRequirement.executable(AnsibleOnBed.PLAYBOOK)) {
            String why = "ansible-playbook is not installed (apt-get install ansible-core)";
            if (TestbedRequirement.required(System.getenv())) {
                Assertions.fail(why + " — required here (CI=true or NESTEDGE_TESTBED=required)");
            }
            Assumptions.abort(why);
        }
        Plant plant = BedCommissioning.ecPki(PlantFile.read(SampleBed.PLANT_FILE));
        Path bundles = BedCommissioning.exportPlainBundles(plant, dir);
        try (Testbed bed = Testbed.up(SampleBed.SCRIPT, SampleBed.PLANT_FILE, STATE, Testbed.emulatorClasspath())) {
            Path ansible = dir.resolve("ansible");
            AnsibleOnBed.export(plant, bundles, bed.sheet(), ansible);
            Path work = Files.createDirectories(dir.resolve("ansible-run"));
            ProcessResult r = AnsibleOnBed.run(ansible, bed, work, Duration.ofMinutes(10));
            System.out.printf("testbed: ansible-playbook commissioned %d devices in %d ms%n", plant.size(),
                    r.elapsed().toMillis());
            assertThat(r.exitCode()).as(r.describe()).isZero();
            for (TestbedSheet.Device d : bed.sheet().devices()) {
                assertThat(r.stdout()).as(r.describe()).containsPattern(
                        java.util.regex.Pattern.quote(d.id()) + "\\s*:\\s*ok=\\d+\\s+changed=\\d+\\s+unreachable=0\\s+failed=0");
            }
            assertThat(r.stdout()).contains("verify-parent-tls");
            assertThat(Files.exists(work.resolve("become.yml"))).as("vars file removed").isFalse();

            OpenSsh ssh = new OpenSsh(bed.sheet(), 5);
            TestbedSheet.Device top = bed.sheet().topLayer().get(0);
            TestbedSheet.Device middle = bed.sheet().childrenOf(top.id()).get(0);
            ProcessResult list = ssh.run(top.loginAtAddress(), middle.loginAtHostname(), "sudo -S -p '' iotedge list",
                    bed.sudoPassword(middle.id()) + "\n");
            assertThat(list.stdout()).as(list.describe()).containsPattern("edgeHub\\s+running")
                    .containsPattern("edgeAgent\\s+running");
            // the playbook merged the plant's container-engine settings (slurp + combine + copy) and the
            // device's own check is satisfied by them
            ProcessResult daemon = bed.exec(middle.id(), Duration.ofSeconds(60), "cat", DaemonJson.PATH);
            assertThat(JsonMerge.holds(JsonMerge.parseObject(daemon.stdout()), DaemonJson.patch(plant.containerEngine())))
                    .as(daemon.describe()).isTrue();
            ProcessResult check = ssh.run(top.loginAtAddress(), middle.loginAtHostname(), "sudo -S -p '' iotedge check --output json",
                    bed.sudoPassword(middle.id()) + "\n");
            com.fasterxml.jackson.databind.JsonNode checks = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(check.stdout()).get("checks");
            assertThat(checks.at("/container-engine-dns/result").asText()).as(check.describe()).isEqualTo("ok");
            assertThat(checks.at("/container-engine-logrotate/result").asText()).as(check.describe()).isEqualTo("ok");
        }
        assertThat(STATE).doesNotExist();
    }
}
