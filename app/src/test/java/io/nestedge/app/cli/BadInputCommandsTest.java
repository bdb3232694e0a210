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
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What a new user typed wrong (found by following the README as one): every case ends with one
 * {@code error:} line naming the file and the fix, exit code 2, and no Java stack trace. Tests run
 * without a terminal, like a script or CI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCommandsTest {
    Path dir;
    Path plant;
    Path caPass;
    Path usbPass;
    Path plain;
    Path usb;

    record Result(int exit, String out, String err) {
        /** Exit 2 and one clear error, never a stack trace. */
        Result unusableWithoutTrace() {
            assertThat(exit).as(out + err).isEqualTo(ExitCodes.UNUSABLE);
            assertThat(err).startsWith("error: ").doesNotContain("\tat ").doesNotContain("Exception");
            return this;
        }
    }

    static Result run(String... args) {
        return run(NestEdgeCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), args);
    }

    static Result run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeAll
    void exportOnce(@TempDir Path tmp) throws Exception {
        dir = tmp;
        plant = dir.resolve("plant.json");
        PlantFile.write(SamplePlants.sample().withPki(new PkiSettings(CaSource.GENERATE, KeyType.EC_P256, KeyType.EC_P256, 3650,
                365, true, "", "", "")), plant);
        caPass = Files.writeString(dir.resolve("ca.pass"), "ca pass phrase\n");
        usbPass = Files.writeString(dir.resolve("usb.pass"), "usb pass phrase\n");
        plain = dir.resolve("plain");
        usb = dir.resolve("usb");
        assertThat(run("export", plant.toString(), "-o", plain.toString(), "--plain-keys", "--ca-passphrase-file", caPass.toString())
                .exit()).isZero();
        assertThat(run("export", plant.toString(), "-o", usb.toString(), "--ca-passphrase-file", caPass.toString(),
                "--bundle-passphrase-file", usbPass.toString()).exit()).isZero();
    }

    @Test
    void commissionWithoutTheBundlePassPhraseAndWithoutATerminalSaysWhichOptionToGive() {
        // Was an IllegalStateException stack trace.
        Result r = run("commission", plant.toString(), "--bundle", usb.toString(), "--virtual").unusableWithoutTrace();
        assertThat(r.err()).contains("no terminal to ask for the pass phrase of the bundles' device keys")
                .contains("--bundle-passphrase-file FILE");
        assertThat(dir.resolve("plant.commissioning.jsonl")).doesNotExist();
    }

    @Test
    void exportWithoutTheBundlePassPhraseLeavesNoNewPkiStore() {
        // Was: the root CA was generated (and the store written) before the missing pass phrase was noticed.
        Path pki = dir.resolve("fresh.pki");
        Result r = run("export", plant.toString(), "-o", dir.resolve("never").toString(), "--pki", pki.toString(),
                "--ca-passphrase-file", caPass.toString()).unusableWithoutTrace();
        assertThat(r.err()).contains("pass phrase for the device keys in the USB bundles").contains("--bundle-passphrase-file");
        assertThat(pki).doesNotExist();
        assertThat(dir.resolve("never")).doesNotExist();
    }

    @Test
    void aShortNewPassPhraseFromAFileIsRefusedLikeOneTypedAtTheTerminal() throws Exception {
        // Was: the terminal asked for at least 8 characters, a file could hold one.
        Path weak = Files.writeString(dir.resolve("weak.pass"), "abc\n");
        Path pki = dir.resolve("weak.pki");
        Result r = run("export", plant.toString(), "-o", dir.resolve("weak-out").toString(), "--pki", pki.toString(),
                "--ca-passphrase-file", weak.toString(), "--plain-keys").unusableWithoutTrace();
        assertThat(r.err()).contains("weak.pass").contains("--ca-passphrase-file").contains("at least 8 characters");
        assertThat(pki).doesNotExist();
        Result usb = run("export", plant.toString(), "-o", dir.resolve("weak-out").toString(), "--pki", pki.toString(),
                "--ca-passphrase-file", caPass.toString(), "--bundle-passphrase-file", weak.toString()).unusableWithoutTrace();
        assertThat(usb.err()).contains("--bundle-passphrase-file").contains("at least 8 characters");
        assertThat(pki).doesNotExist();
        assertThat(dir.resolve("weak-out")).doesNotExist();
    }

    @Test
    void planRefusesABundleWithOneChangedByteNamingTheFile() throws Exception {
        Path copy = dir.resolve("tampered");
        copyTree(plain, copy);
        Path cfg = copy.resolve("devices/ops-gw/config.toml");
        byte[] b = Files.readAllBytes(cfg);
        b[b.length / 2] ^= 1;
        Files.write(cfg, b);
        Result r = run("plan", plant.toString(), "--bundle", copy.toString()).unusableWithoutTrace();
        assertThat(r.err()).contains(cfg + ": changed after the export").contains("Fix: Export the plant again");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void exportBelowAFileNamesItWithoutAStackTrace() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        Result r = run("export", plant.toString(), "-o", file.resolve("out").toString(), "--plain-keys",
                "--ca-passphrase-file", caPass.toString()).unusableWithoutTrace();
        assertThat(r.err()).contains(file + " exists and is a file, not a folder");
    }

    @Test
    void exportAnsibleIntoAFileNamesItWithoutAStackTrace() throws Exception {
        Path file = Files.writeString(dir.resolve("ansible.txt"), "x");
        Result r = run("export-ansible", plant.toString(), "--bundle", plain.toString(), "-o", file.toString()).unusableWithoutTrace();
        assertThat(r.err()).contains("cannot write the Ansible files to " + file).contains("Fix: Choose a folder");
    }

    @Test
    void resumeRefusesAFolderABinaryFileAndAnotherPlantsJournal() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("journal-dir"));
        assertThat(run("commission", plant.toString(), "--bundle", plain.toString(), "--resume", folder.toString())
                .unusableWithoutTrace().err()).contains(folder + ": is a folder, not a run journal");

        Path binary = Files.write(dir.resolve("binary.jsonl"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, '\n'});
        assertThat(run("commission", plant.toString(), "--bundle", plain.toString(), "--resume", binary.toString())
                .unusableWithoutTrace().err()).contains(binary + ": is not a run journal");

        Path foreign = Files.writeString(dir.resolve("other.commissioning.jsonl"),
                "{\"time\":\"2026-01-01T00:00:00Z\",\"event\":\"run-started\",\"run\":\"r1\",\"plant\":\"Fabrikam mill\"}\n"
                + "{\"time\":\"2026-01-01T00:00:01Z\",\"event\":\"step-finished\",\"device\":\"site-gw\",\"step\":\"install-certs\","
                + "\"status\":\"OK\"}\n");
        Result r = run("commission", plant.toString(), "--bundle", plain.toString(), "--resume", foreign.toString())
                .unusableWithoutTrace();
        assertThat(r.err()).contains("records runs of plant 'Fabrikam mill', not of 'Contoso bottling plant'")
                .contains("or start without --resume");
    }

    @Test
    void resumeWithVirtualIsRefusedBecauseEachRehearsalStartsNewDevices() throws Exception {
        // Was: every step the journal recorded was skipped on fresh emulated devices, and site-gw failed its checks.
        Path journal = Files.writeString(dir.resolve("own.commissioning.jsonl"),
                "{\"time\":\"2026-01-01T00:00:00Z\",\"event\":\"run-started\",\"run\":\"r1\",\"plant\":\"Contoso bottling plant\"}\n");
        Result r = run("commission", plant.toString(), "--bundle", plain.toString(), "--virtual", "--resume", journal.toString())
                .unusableWithoutTrace();
        assertThat(r.err()).contains("--resume cannot be used with --virtual").contains("Fix: Run the rehearsal again without --resume");
        assertThat(r.out()).doesNotContain("Starting the virtual plant");
    }

    @Test
    void anUnexpectedErrorIsOneLineAskingForABugReportNotAStackTrace() {
        @CommandLine.Command(name = "boom")
        class Boom implements Callable<Integer> {
            @Override
            public Integer call() {
                throw new IllegalStateException("index 3 out of bounds");
            }
        }
        CommandLine cl = NestEdgeCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        cl.addSubcommand("boom", new Boom());
        Result r = run(cl, "boom");
        assertThat(r.exit()).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(r.err()).startsWith("error: NestEdge Studio failed unexpectedly (java.lang.IllegalStateException: index 3 out of bounds)")
                .contains("This is a bug").doesNotContain("\tat ");
    }

    @Test
    void everyCommandHasAOneLineSummaryInTheTopLevelHelp() {
        Result r = run("--help");
        // the import, export-yaml and lint-config lines ended with ':' (the first line of a description that goes on with a list)
        assertThat(r.out()).contains("nested-edge tools (iotedge-config, az-devices).").contains("nested-edge mistakes.")
                .doesNotContainPattern("(?m)^ .*:\\s*$");
    }

    static void copyTree(Path from, Path to) throws Exception {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
