package io.nestedge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.model.CaSource;
import io.nestedge.model.KeyType;
import io.nestedge.model.PkiSettings;
import io.nestedge.model.io.PlantFile;
import io.nestedge.model.samples.SamplePlants;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The main job through the CLI: validate, export, plan, commission --virtual, report, export-ansible. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MainJobCommandsTest {
    Path dir;
    Path plant;

    record Result(int exit, String out, String err) { }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NestEdgeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeAll
    void setUp(@TempDir Path tmp) throws Exception {
        dir = tmp;
        plant = dir.resolve("plant.json");
        // EC keys keep the test fast; the sample's RSA-4096 root is exercised by the e2e script.
        PlantFile.write(SamplePlants.sample().withPki(new PkiSettings(CaSource.GENERATE, KeyType.EC_P256, KeyType.EC_P256, 3650,
                365, true, "", "", "")), plant);
        Files.writeString(dir.resolve("ca.pass"), "ca pass phrase\n");
        Files.writeString(dir.resolve("usb.pass"), "usb pass phrase\n");
    }

    @Test
    void exportWithoutAPassPhraseSourceIsAClearUsageError() {
        Result r = run("export", plant.toString(), "-o", dir.resolve("nope").toString(), "--pki", dir.resolve("pki-x").toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.UNUSABLE);
        // both missing sources are named at once, before anything is created
        assertThat(r.err()).contains("--ca-passphrase-file").contains("--bundle-passphrase-file");
        assertThat(dir.resolve("nope")).doesNotExist();
        assertThat(dir.resolve("pki-x")).doesNotExist();
    }

    @Test
    void exportPlanCommissionVirtualAndReport() throws Exception {
        Path out = dir.resolve("out");
        Result e = run("export", plant.toString(), "-o", out.toString(), "--ca-passphrase-file", dir.resolve("ca.pass").toString(),
                "--bundle-passphrase-file", dir.resolve("usb.pass").toString());
        assertThat(e.exit()).as(e.err()).isZero();
        assertThat(e.out()).contains("Exported 4 device bundle(s)").contains("Root CA SHA-256:");
        assertThat(dir.resolve("plant.pki/pki-index.json")).exists();

        Result again = run("export", plant.toString(), "-o", out.toString(), "--ca-passphrase-file", dir.resolve("ca.pass").toString(),
                "--bundle-passphrase-file", dir.resolve("usb.pass").toString());
        assertThat(again.out()).contains("Edge CAs: 0 issued, 3 reused");

        Result p = run("plan", plant.toString(), "--bundle", out.toString());
        assertThat(p.exit()).isZero();
        assertThat(p.out()).contains("## ops-gw").contains("through site-gw")
                .contains("install -d -m 700 -o aziotks -g aziotks /var/aziot/secrets")
                .contains("iotedge config apply -c /etc/aziot/config.toml")
                // the SSH engine parses the JSON form; the dry run names it and its text fallback
                .contains("#   over SSH: iotedge check --output json (parsed); when the device refuses it: iotedge check --verbose")
                .contains("# container-engine: Container-engine settings in /etc/docker/daemon.json")
                .contains("cat /etc/docker/daemon.json   (read; merged on this laptop: set {\"dns\":[\"10.0.3.53\"]");

        Result c = run("commission", plant.toString(), "--bundle", out.toString(), "--virtual",
                "--bundle-passphrase-file", dir.resolve("usb.pass").toString());
        assertThat(c.exit()).as(c.out() + c.err()).isZero();
        // the plant sets the container engine's DNS and log rotation: no device ends "with warnings"
        assertThat(c.out()).containsPattern("ops-gw +L3 +ok +\\d+/\\d+/0")
                .containsPattern("press-sensor-01 +L2 +ok");

        Path pdf = dir.resolve("report.pdf");
        Result rep = run("report", dir.resolve("plant.commissioning.jsonl").toString(), "-o", pdf.toString(), "--plant", plant.toString(),
                "--bundle", out.toString());
        assertThat(rep.exit()).as(rep.err()).isZero();
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes());
    }

    @Test
    void ansibleExportNeedsPlainKeyBundles() throws Exception {
        Path out = dir.resolve("plain");
        Result e = run("export", plant.toString(), "-o", out.toString(), "--plain-keys", "--pki", dir.resolve("pki2").toString(),
                "--ca-passphrase-file", dir.resolve("ca.pass").toString());
        assertThat(e.exit()).as(e.err()).isZero();
        Result a = run("export-ansible", plant.toString(), "--bundle", out.toString(), "-o", dir.resolve("ansible").toString());
        assertThat(a.exit()).as(a.err()).isZero();
        assertThat(Files.readString(dir.resolve("ansible/ssh_config"))).contains("ProxyJump ops-gw");
    }

    @Test
    void exportAnsibleRefusesAPlantWithValidationErrorsAndWritesNothing() throws Exception {
        Path bad = dir.resolve("bad-plant.json");
        var sample = SamplePlants.sample();
        PlantFile.write(sample.updateDevice(sample.devices().get(0).id(), d -> d.withHostname("gw\n  ProxyCommand id")), bad);
        Result a = run("export-ansible", bad.toString(), "--bundle", dir.resolve("no-bundles").toString(), "-o",
                dir.resolve("ansible-bad").toString());
        assertThat(a.exit()).as(a.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(dir.resolve("ansible-bad")).doesNotExist();
    }
}
