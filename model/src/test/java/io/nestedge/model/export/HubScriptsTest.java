package io.nestedge.model.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nestedge.model.Device;
import io.nestedge.model.DeviceKind;
import io.nestedge.model.Plant;
import io.nestedge.model.Provisioning;
import io.nestedge.model.samples.SamplePlants;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubScriptsTest {
    final Plant plant = SamplePlants.sample();

    /** Runs the bash script with a fake az on PATH that records every call except 'show'; returns the calls. */
    static List<List<String>> runWithFakeAz(String script, Path dir, int showExitCode) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path az = bin.resolve("az");
        Files.writeString(az, """
                #!/usr/bin/env bash
                if [ "${4:-}" = show ]; then exit "$AZ_SHOW_RC"; fi
                { printf '%s\\0' "$@"; printf '\\036'; } >> "$AZ_LOG"
                """);
        Files.setPosixFilePermissions(az, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path hub = Files.createDirectories(dir.resolve("hub"));
        Path sh = hub.resolve("setup-hub.sh");
        Files.writeString(sh, script);
        Path log = dir.resolve("az.log");
        Files.deleteIfExists(log);
        Files.createFile(log);
        ProcessBuilder pb = new ProcessBuilder("bash", sh.toString()).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("AZ_LOG", log.toString());
        pb.environment().put("AZ_SHOW_RC", String.valueOf(showExitCode));
        pb.environment().remove("NESTEDGE_HUB_NAME");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        List<List<String>> calls = new ArrayList<>();
        for (String rec : Files.readString(log, StandardCharsets.UTF_8).split("\u001e")) {
            if (!rec.isEmpty()) {
                calls.add(Arrays.asList(rec.substring(0, rec.length() - 1).split("\0", -1)));
            }
        }
        return calls;
    }

    @Test
    void bashScriptCreatesIdentitiesParentsAndDeploymentsTopLayerFirst(@TempDir Path dir) throws Exception {
        List<List<String>> calls = runWithFakeAz(HubScripts.bash(plant, ExportLayout::deviceDir), dir, 1);
        String hub = "--hub-name=contoso-hub";
        assertThat(calls).containsExactly(
                List.of("iot", "hub", "device-identity", "create", hub, "--device-id=site-gw", "--edge-enabled",
                        "--auth-method=shared_private_key", "--output=none"),
                List.of("iot", "hub", "device-identity", "create", hub, "--device-id=ops-gw", "--edge-enabled",
                        "--auth-method=shared_private_key", "--output=none"),
                List.of("iot", "hub", "device-identity", "parent", "set", hub, "--device-id=ops-gw", "--parent-device-id=site-gw",
                        "--force", "--output=none"),
                List.of("iot", "hub", "device-identity", "create", hub, "--device-id=line1-edge", "--edge-enabled",
                        "--auth-method=shared_private_key", "--output=none"),
                List.of("iot", "hub", "device-identity", "parent", "set", hub, "--device-id=line1-edge", "--parent-device-id=ops-gw",
                        "--force", "--output=none"),
                List.of("iot", "hub", "device-identity", "create", hub, "--device-id=press-sensor-01", "--auth-method=x509_ca",
                        "--output=none"),
                List.of("iot", "hub", "device-identity", "parent", "set", hub, "--device-id=press-sensor-01",
                        "--parent-device-id=line1-edge", "--force", "--output=none"),
                List.of("iot", "edge", "set-modules", hub, "--device-id=site-gw",
                        "--content=" + dir.resolve("hub") + "/../devices/site-gw/deployment.json", "--output=none"),
                List.of("iot", "edge", "set-modules", hub, "--device-id=ops-gw",
                        "--content=" + dir.resolve("hub") + "/../devices/ops-gw/deployment.json", "--output=none"),
                List.of("iot", "edge", "set-modules", hub, "--device-id=line1-edge",
                        "--content=" + dir.resolve("hub") + "/../devices/line1-edge/deployment.json", "--output=none"));
    }

    @Test
    void existingIdentitiesAreKept(@TempDir Path dir) throws Exception {
        List<List<String>> calls = runWithFakeAz(HubScripts.bash(plant, ExportLayout::deviceDir), dir, 0);
        assertThat(calls).noneMatch(c -> c.contains("create"));
        assertThat(calls).anyMatch(c -> c.contains("set-modules"));
    }

    @Property(tries = 40)
    void hostileButValidDeviceIdsReachAzExactly(@ForAll("hubIds") String parentId, @ForAll("hubIds") String childId)
            throws Exception {
        if (parentId.equals(childId)) {
            return;
        }
        Device top = SamplePlants.topGateway(parentId, "top.example.net", "L4", plant.apiProxy(), null);
        Device child = Device.builder(childId, DeviceKind.LEAF).hostname("leaf.example.net").layerId("L3").parentId(parentId)
                .provisioning(Provisioning.manualX509()).build();
        Plant p = new Plant("p'; rm -rf / #\n$(reboot)", plant.layers(), List.of(child, top), plant.hub(), plant.registry(),
                plant.apiProxy(), plant.pki());
        Path dir = Files.createTempDirectory("hubscript");
        try {
            List<List<String>> calls = runWithFakeAz(HubScripts.bash(p, ExportLayout::deviceDir), dir, 1);
            assertThat(calls.get(0)).contains("--device-id=" + parentId);
            assertThat(calls.get(1)).contains("--device-id=" + childId).doesNotContain("--edge-enabled");
            assertThat(calls.get(2)).contains("--device-id=" + childId, "--parent-device-id=" + parentId);
            assertThat(calls.get(3)).contains("--device-id=" + parentId,
                    "--content=" + dir.resolve("hub") + "/../devices/" + ExportLayout.dirName(parentId) + "/deployment.json");
            assertThat(calls).hasSize(4);
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Provide
    Arbitrary<String> hubIds() {
        Arbitrary<String> any = Arbitraries.strings().withChars("abcXYZ019-.+%_#*?!(),:=@$'").ofMinLength(1).ofMaxLength(30)
                .filter(s -> !s.startsWith("@"));
        return Arbitraries.oneOf(any, Arbitraries.of("-rf", "--help", "'", "$(id)", "a'b", "$HOME", "*", "!!", "x=y", "a,b"));
    }

    @Property(tries = 60)
    void bashQuotingReadsBackAnyString(@ForAll("anyText") String s) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", "printf '%s' " + ScriptQuoting.bash(s)).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo(s);
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(40)
                .filter(s -> s.indexOf('\0') < 0 && s.chars().noneMatch(c -> Character.isSurrogate((char) c)));
    }

    @Test
    void invalidIdsAreRefusedBeforeAnyScriptIsWritten() {
        for (String bad : List.of("has space", "@creds.json", "semi;colon", "x".repeat(129), "ü")) {
            Plant p = plant.withDevice(plant.deviceOrNull("press-sensor-01").toBuilder().id(bad).build());
            assertThatThrownBy(() -> HubScripts.bash(p, ExportLayout::deviceDir)).as(bad).isInstanceOf(ExportException.class);
        }
        Plant noHub = plant.withHub(new io.nestedge.model.HubSettings(""));
        assertThatThrownBy(() -> HubScripts.bash(noHub, ExportLayout::deviceDir)).hasMessageContaining("IoT Hub hostname");
        Plant dangling = plant.withDevice(plant.deviceOrNull("press-sensor-01").withParent("ghost"));
        assertThatThrownBy(() -> HubScripts.bash(dangling, ExportLayout::deviceDir)).hasMessageContaining("'ghost'");
        Plant cycle = plant.withDevice(plant.deviceOrNull("site-gw").withParent("line1-edge"));
        assertThatThrownBy(() -> HubScripts.bash(cycle, ExportLayout::deviceDir)).hasMessageContaining("loops");
    }

    @Test
    void powershellScriptQuotesEveryArgumentAndRefusesCmdSpecialCharacters() throws Exception {
        Plant p = plant.withDevice(plant.deviceOrNull("press-sensor-01").toBuilder().id("o'neil$x").build());
        String ps = HubScripts.powershell(p, ExportLayout::deviceDir);
        assertThat(ps).contains("Invoke-Az 'iot' 'hub' 'device-identity' 'create' \"--hub-name=$hub\" '--device-id=site-gw' '--edge-enabled'")
                .contains("'--device-id=o''neil$x'").contains("if (Test-Identity 'o''neil$x') {")
                .contains("Invoke-Az 'iot' 'edge' 'set-modules' \"--hub-name=$hub\" '--device-id=site-gw' (\"--content=\" + (Join-Path $here '../devices/site-gw/deployment.json'))")
                .contains("$hub = if ($env:NESTEDGE_HUB_NAME) { $env:NESTEDGE_HUB_NAME } else { 'contoso-hub' }");
        assertThat(ScriptQuoting.powershell("a\u2019b'c")).isEqualTo("'a\u2019\u2019b''c'");
        Plant pct = plant.withDevice(plant.deviceOrNull("press-sensor-01").toBuilder().id("100%PATH%").build());
        assertThatThrownBy(() -> HubScripts.powershell(pct, ExportLayout::deviceDir)).isInstanceOf(ExportException.class)
                .hasMessageContaining("cmd.exe").hasMessageContaining("bash script");
        assertThat(HubScripts.bash(pct, ExportLayout::deviceDir)).contains(" --device-id=100%PATH% ");
    }

    @Test
    void plantNamesCannotBreakOutOfComments() throws Exception {
        Plant p = plant.withName("x\nrm -rf ~\r\u2028y");
        for (String s : List.of(HubScripts.bash(p, ExportLayout::deviceDir), HubScripts.powershell(p, ExportLayout::deviceDir))) {
            assertThat(s.lines()).noneMatch(l -> l.startsWith("rm -rf"));
        }
    }

    @Test
    void exportFolderNamesArePortable() {
        assertThat(ExportLayout.dirName("site-gw")).isEqualTo("site-gw");
        assertThat(ExportLayout.dirName("a:b*c?d%e")).isEqualTo("a%3Ab%2Ac%3Fd%25e");
        assertThat(ExportLayout.dirName("CON")).isEqualTo("%43ON");
        assertThat(ExportLayout.dirName(".x.")).isEqualTo("%2Ex%2E");
        assertThat(ExportLayout.dirName("a%3A")).isNotEqualTo(ExportLayout.dirName("a:"));
    }
}
