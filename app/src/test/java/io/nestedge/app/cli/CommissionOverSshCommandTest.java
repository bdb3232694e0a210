package io.nestedge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.commissioning.ssh.HostPort;
import io.nestedge.commissioning.virtualplant.VirtualDevice;
import io.nestedge.commissioning.virtualplant.VirtualPlant;
import io.nestedge.model.CaSource;
import io.nestedge.model.Device;
import io.nestedge.model.KeyType;
import io.nestedge.model.PkiSettings;
import io.nestedge.model.Plant;
import io.nestedge.model.SshEndpoint;
import io.nestedge.model.io.PlantFile;
import io.nestedge.model.samples.SamplePlants;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nestedge commission} without {@code --virtual}, i.e. the path a technician takes with real
 * devices, against a virtual plant's SSH servers (MINA on 127.0.0.1): a plant file carrying the
 * devices' addresses (lower layers reached through their parents), key login with {@code -i},
 * every host key pinned with {@code --pin}, and each device's own sudo password from its 0600 file
 * ({@code --device-sudo-password-file ID=FILE}) — never from the command line, never asked when
 * every device has its file. The same run on real OpenSSH is {@code scripts/e2e.sh}'s test-bed part.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommissionOverSshCommandTest {
    static final List<String> IDS = List.of("site-gw", "ops-gw", "line1-edge", "press-sensor-01");

    Path dir;
    Path bundles;
    Path key;
    Plant model;
    VirtualPlant virtualPlant;
    Path plantFile;

    record Result(int exit, String out, String err) { }

    static Result run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NestEdgeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeAll
    void exportOnce(@TempDir Path tmp) throws Exception {
        dir = tmp;
        model = SamplePlants.sample().withPki(new PkiSettings(CaSource.GENERATE, KeyType.EC_P256, KeyType.EC_P256, 3650, 365, true,
                "", "", ""));
        Path exportPlant = dir.resolve("export-plant.json");
        PlantFile.write(model, exportPlant);
        Path caPass = secretFile("ca.pass", "ca pass phrase");
        bundles = dir.resolve("bundles");
        Result e = run(List.of("export", exportPlant.toString(), "-o", bundles.toString(), "--plain-keys", "--ca-passphrase-file",
                caPass.toString()));
        assertThat(e.exit()).as(e.err()).isZero();

        key = dir.resolve("id_ecdsa");
        keyPair = io.nestedge.app.TestSshKeys.writeEcdsaKey(key);
    }

    KeyPair keyPair;

    /** A fresh virtual plant per test, the technician's key authorised, and a plant file with its addresses. */
    @BeforeEach
    void startDevices() throws Exception {
        virtualPlant = VirtualPlant.start(model);
        List<Device> devices = new ArrayList<>();
        for (Device d : model.devices()) {
            VirtualDevice v = virtualPlant.device(d.id());
            v.authorize(keyPair.getPublic());
            devices.add(d.toBuilder().ssh(new SshEndpoint("127.0.0.1", v.port(), d.ssh().user(), d.ssh().reach())).build());
        }
        plantFile = Files.createTempDirectory(dir, "run-").resolve("plant.json");
        PlantFile.write(model.withDevices(devices), plantFile);
    }

    @AfterEach
    void stopDevices() {
        virtualPlant.close();
    }

    Path secretFile(String name, String content) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    List<String> commission(Map<String, String> sudoPasswords, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("commission", plantFile.toString(), "--bundle", bundles.toString(),
                "-i", key.toString(), "--known-hosts", plantFile.resolveSibling("known_hosts").toString()));
        for (String id : IDS) {
            VirtualDevice v = virtualPlant.device(id);
            args.addAll(List.of("--pin", "127.0.0.1:" + v.port() + "=" + v.hostKeyFingerprint()));
        }
        for (Map.Entry<String, String> p : sudoPasswords.entrySet()) {
            Path f = secretFile("sudo-" + p.getKey() + "-" + System.nanoTime(), p.getValue());
            args.addAll(List.of("--device-sudo-password-file", p.getKey() + "=" + f));
        }
        args.addAll(List.of(more));
        return args;
    }

    Map<String, String> ownPasswords() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        IDS.forEach(id -> m.put(id, virtualPlant.device(id).sudoPassword()));
        return m;
    }

    @Test
    void eachDeviceWithItsOwnSudoPasswordFileThroughItsParentsIsGreenAndNothingIsAsked() throws Exception {
        Result r = run(commission(ownPasswords()));

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        for (String id : IDS) {
            assertThat(r.out()).containsPattern("(?m)^" + id + " +L\\d +(ok|warning) ");
        }
        assertThat(r.err()).doesNotContain("Unknown host key").doesNotContain("password");
        assertThat(plantFile.resolveSibling("plant.commissioning.jsonl")).exists();
        // Lower layers really were reached through their parents: line1-edge's bundle landed on it.
        assertThat(virtualPlant.device("line1-edge").fs().exists("/etc/aziot/config.toml")).isTrue();
    }

    @Test
    void aWrongPasswordInOneDevicesFileFailsThatDeviceOnlyAndSkipsItsChild() throws Exception {
        Map<String, String> pw = ownPasswords();
        pw.put("line1-edge", "not-its-password");

        Result r = run(commission(pw));

        assertThat(r.exit()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).containsPattern("(?m)^ops-gw +L3 +(ok|warning) ")
                .containsPattern("(?m)^line1-edge +L\\d +failed ")
                .containsPattern("(?m)^press-sensor-01 +L\\d +skipped ");
    }

    @Test
    void theSharedFileCoversDevicesWithoutTheirOwn() throws Exception {
        // site-gw alone: its password in the shared file, no per-device file at all.
        Path shared = secretFile("shared.pass", virtualPlant.device("site-gw").sudoPassword());

        Result r = run(commission(Map.of(), "--devices", "site-gw", "--sudo-password-file", shared.toString()));

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).containsPattern("(?m)^site-gw +L4 +(ok|warning) ");
    }

    @Test
    void aDeviceWithoutAnyPasswordSourceStopsBeforeAnyDeviceIsTouched() throws Exception {
        Map<String, String> pw = ownPasswords();
        pw.remove("press-sensor-01");

        Result r = run(commission(pw));

        assertThat(r.exit()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(r.err()).contains("--sudo-password-file");
        assertThat(plantFile.resolveSibling("plant.commissioning.jsonl")).doesNotExist();
        assertThat(virtualPlant.device("site-gw").fs().exists("/etc/aziot/config.toml")).isFalse();
    }

    @Test
    void aPasswordFileForADeviceThePlantDoesNotHaveIsAUsageError() throws Exception {
        Map<String, String> pw = ownPasswords();
        pw.put("no-such-gw", "x");

        Result r = run(commission(pw));

        assertThat(r.exit()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(r.err()).contains("--device-sudo-password-file").contains("no-such-gw").contains(plantFile.toString());
        assertThat(plantFile.resolveSibling("plant.commissioning.jsonl")).doesNotExist();
    }

    @Test
    void aMissingPasswordFileNamesItAndTheDevice() throws Exception {
        List<String> args = commission(Map.of());
        args.addAll(List.of("--device-sudo-password-file", "site-gw=" + dir.resolve("nope.pass"), "--devices", "site-gw"));

        Result r = run(args);

        assertThat(r.exit()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(r.err()).contains("nope.pass").contains("site-gw").contains("no such file");
    }

    @Test
    void anUnknownHostKeyIsRefusedWithoutAPinOrAcceptFlagAndItsFingerprintIsShown() throws Exception {
        Path own = secretFile("site-gw-only.pass", virtualPlant.device("site-gw").sudoPassword());
        Result r = run(List.of("commission", plantFile.toString(), "--bundle", bundles.toString(), "-i", key.toString(),
                "--known-hosts", plantFile.resolveSibling("empty_known_hosts").toString(), "--devices", "site-gw",
                "--device-sudo-password-file", "site-gw=" + own));

        assertThat(r.exit()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.err()).contains("Unknown host key of [127.0.0.1]:" + virtualPlant.device("site-gw").port()).contains(virtualPlant.device("site-gw").hostKeyFingerprint())
                .contains("--accept-new-host-keys");
        assertThat(r.out()).containsPattern("(?m)^site-gw +L4 +failed ");
        assertThat(virtualPlant.device("site-gw").fs().exists("/etc/aziot/config.toml")).isFalse();
        assertThat(r.err().lines().filter(l -> l.startsWith("Unknown host key"))).as("said once, not per reconnect").hasSize(1);

        // The pin the message suggests, pasted as it is, lets the run through.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("--pin (\\S+)").matcher(r.err());
        assertThat(m.find()).isTrue();
        Result again = run(List.of("commission", plantFile.toString(), "--bundle", bundles.toString(), "-i", key.toString(),
                "--known-hosts", plantFile.resolveSibling("empty_known_hosts").toString(), "--devices", "site-gw",
                "--device-sudo-password-file", "site-gw=" + own, "--pin", m.group(1)));
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).containsPattern("(?m)^site-gw +L4 +(ok|warning) ");
    }

    /** Runs the CLI with a scripted terminal answering host-key questions (null: no terminal). */
    static Result run(List<String> args, CommissionCommand.Terminal terminal) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cl = NestEdgeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        ((CommissionCommand) cl.getSubcommands().get("commission").getCommand()).terminal = terminal;
        int code = cl.execute(args.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    /** site-gw alone, its sudo password from its file, no pin, known_hosts in {@code kh}. */
    List<String> siteGwWithoutPin(Path kh, String... more) throws Exception {
        Path own = secretFile("site-gw-" + System.nanoTime() + ".pass", virtualPlant.device("site-gw").sudoPassword());
        List<String> args = new ArrayList<>(List.of("commission", plantFile.toString(), "--bundle", bundles.toString(), "-i",
                key.toString(), "--known-hosts", kh.toString(), "--devices", "site-gw", "--device-sudo-password-file", "site-gw=" + own));
        args.addAll(List.of(more));
        return args;
    }

    static CommissionCommand.Terminal neverAsked() {
        return q -> {
            throw new AssertionError("asked although the key is known: " + q);
        };
    }

    @Test
    void acceptNewHostKeysCommissionsAndSavesTheKeySoTheNextRunIsSilent() throws Exception {
        VirtualDevice top = virtualPlant.device("site-gw");
        Path kh = plantFile.resolveSibling("accept_known_hosts");

        Result first = run(siteGwWithoutPin(kh, "--accept-new-host-keys"), neverAsked());

        assertThat(first.exit()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).containsPattern("(?m)^site-gw +L4 +(ok|warning) ");
        assertThat(first.err()).contains("Trusting new host key of [127.0.0.1]:" + top.port()).contains(top.hostKeyFingerprint());
        assertThat(Files.readString(kh)).contains("[127.0.0.1]:" + top.port() + " ecdsa-sha2-nistp256 ");
        assertThat(Files.getPosixFilePermissions(kh)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        // Without the flag, without a terminal: the saved key is enough, nothing is said about keys.
        Result second = run(siteGwWithoutPin(kh), null);
        assertThat(second.exit()).as(second.out() + second.err()).isZero();
        assertThat(second.err()).doesNotContain("host key").doesNotContain(top.hostKeyFingerprint());
    }

    @Test
    void theTerminalPromptSavesTheKeyOnYes() throws Exception {
        VirtualDevice top = virtualPlant.device("site-gw");
        Path kh = plantFile.resolveSibling("prompt_known_hosts");
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();

        Result r = run(siteGwWithoutPin(kh), q -> {
            asked.add(q);
            return "yes";
        });

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(asked).singleElement().asString().contains("[127.0.0.1]:" + top.port()).contains(top.hostKeyFingerprint())
                .contains("Trust it?");
        assertThat(Files.readString(kh)).contains("[127.0.0.1]:" + top.port() + " ecdsa-sha2-nistp256 ");
        Result again = run(siteGwWithoutPin(kh), neverAsked());
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
    }

    @Test
    void theTerminalPromptRefusesOnNoAndNothingLogsIn() throws Exception {
        VirtualDevice top = virtualPlant.device("site-gw");
        Path kh = plantFile.resolveSibling("refuse_known_hosts");
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();

        Result r = run(siteGwWithoutPin(kh), q -> {
            asked.add(q);
            return "no";
        });

        assertThat(r.exit()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(asked).as("asked once, not again on the reconnect").hasSize(1);
        assertThat(r.out()).containsPattern("(?m)^site-gw +L4 +failed ").contains(top.hostKeyFingerprint());
        assertThat(top.authenticatedLogins()).as("refused before authenticating").isZero();
        assertThat(kh).doesNotExist();
        assertThat(top.fs().exists("/etc/aziot/config.toml")).isFalse();
    }

    @Test
    void aKeyThatChangedAfterAcceptanceStopsTheDeviceShowingBothFingerprints() throws Exception {
        VirtualDevice top = virtualPlant.device("site-gw");
        Path kh = plantFile.resolveSibling("changed_known_hosts");
        assertThat(run(siteGwWithoutPin(kh, "--accept-new-host-keys"), null).exit()).isZero();
        int loginsBefore = top.authenticatedLogins();
        // The device was re-imaged since: what it presents now is not the key accepted then.
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        java.security.PublicKey accepted = g.generateKeyPair().getPublic();
        String acceptedFp = org.apache.sshd.common.config.keys.KeyUtils.getFingerPrint(
                org.apache.sshd.common.digest.BuiltinDigests.sha256, accepted);
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(kh)) {
            String[] f = line.split(" ");
            lines.add(f[0] + " " + org.apache.sshd.common.config.keys.PublicKeyEntry.toString(accepted));
        }
        Files.write(kh, lines);

        Result r = run(siteGwWithoutPin(kh, "--accept-new-host-keys"), neverAsked());

        assertThat(r.exit()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).containsPattern("(?m)^site-gw +L4 +failed ").contains("HOST KEY CHANGED")
                .contains(acceptedFp).contains(top.hostKeyFingerprint());
        assertThat(top.authenticatedLogins()).as("stopped before authenticating").isEqualTo(loginsBefore);
        assertThat(Files.readAllLines(kh)).as("the accepted key is not replaced").isEqualTo(lines);
    }

    @Test
    void pinsNameTheAddressAsTheTechnicianWritesIt() {
        CommissionCommand c = new CommissionCommand();
        assertThat(c.pinTarget("10.0.4.2")).isEqualTo(new HostPort("10.0.4.2", 22));
        assertThat(c.pinTarget("ops-gw.plant.local:2222")).isEqualTo(new HostPort("ops-gw.plant.local", 2222));
        assertThat(c.pinTarget("[127.0.0.1]:40291")).isEqualTo(new HostPort("127.0.0.1", 40291));
        assertThat(c.pinTarget("[fd00::7]:22")).isEqualTo(new HostPort("fd00::7", 22));
        assertThat(c.pinTarget("fd00::7")).isEqualTo(new HostPort("fd00::7", 22));
    }

    @Test
    void aMalformedPinIsAUsageErrorBeforeAnythingIsRead() throws Exception {
        for (String bad : List.of("ops-gw:ssh=SHA256:abc", "[ops-gw=SHA256:abc", "ops-gw:0=SHA256:abc", "ops-gw=MD5:ab:cd")) {
            Result r = run(List.of("commission", plantFile.toString(), "--bundle", bundles.toString(), "--pin", bad));
            assertThat(r.exit()).as(bad).isEqualTo(ExitCodes.UNUSABLE);
            assertThat(r.err()).as(bad).contains("--pin").doesNotContain("Exception");
        }
    }

    @Test
    void helpNamesThePerDeviceOption() {
        Result r = run(List.of("commission", "--help"));
        assertThat(r.out()).contains("--device-sudo-password-file=ID=FILE").contains("--sudo-password-file=FILE");
    }
}
