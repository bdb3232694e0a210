package io.nestedge.commissioning.virtualplant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nestedge.commissioning.virtualplant.runtime.CommandResult;
import io.nestedge.commissioning.virtualplant.runtime.EmulatorSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A parent and a child emulated side by side: real TLS handshakes from the child's check to the
 * parent's emulated edgeHub, output shapes against the samples, and field cases F10, F11, F12.
 */
class NestedRuntimeTest {
    static final String PARENT = "l4-site-gw.plant7.example.net";
    static final String CHILD = "l3-line1-gw";
    final EmulatedDevice.Network net = new EmulatedDevice.Network();
    TestPki pki;
    EmulatedDevice parent;
    EmulatedDevice child;

    @BeforeEach
    void setUp() throws Exception {
        pki = new TestPki("Plant7 Root CA");
        parent = device("l4-site-gw", PARENT, null, EmulatorSettings.virtualDevice());
        child = device(CHILD, CHILD, PARENT, EmulatorSettings.virtualDevice());
    }

    EmulatedDevice device(String machine, String hostname, String parentHost, EmulatorSettings s) throws Exception {
        EmulatedDevice d = new EmulatedDevice(machine, net, s);
        net.byHost.put(hostname.toLowerCase(), d);
        d.installEdgeCa(pki, pki.edgeCa(machine), machine);
        d.writeConfig(EmulatedDevice.config(hostname, parentHost, machine));
        return d;
    }

    @AfterEach
    void tearDown() throws Exception {
        parent.close();
        child.close();
    }

    @Test
    void childCheckWithoutRootInOsTrustStoreFailsLikeTheSample_F10() throws Exception {
        assertThat(parent.iotedge("config", "apply").exitCode()).isZero();
        assertThat(child.iotedge("config", "apply").exitCode()).isZero();
        CommandResult r = child.iotedge("check", "--verbose");
        assertThat(r.exitCode()).isEqualTo(1);
        List<String> lines = List.of(r.stdout().split("\n"));
        int i = lines.indexOf("\u00d7 host can connect to and perform TLS handshake with iothub AMQP port - Error");
        assertThat(i).isPositive();
        assertThat(lines.get(i + 1)).isEqualTo("    Could not connect to " + PARENT + " : could not complete TLS handshake");
        assertThat(lines.get(i + 2)).isEqualTo("        caused by: error:0A000086:SSL routines::certificate verify failed:"
                + "../ssl/statem/statem_clnt.c:1889:: unable to get local issuer certificate");
        assertSameShapeAsSample(r.stdout());

        CommandResult json = child.iotedge("check", "--output", "json");
        JsonNode doc = new ObjectMapper().readTree(json.stdout());
        assertThat(doc.path("checks").path("host-connect-iothub-mqtt").path("result").asText()).isEqualTo("error");
        assertThat(doc.path("checks").path("host-connect-iothub-mqtt").path("additional_info").path("port").asInt()).isEqualTo(8883);
        JsonNode sample = new ObjectMapper().readTree(Samples.read("iotedge-check-child.json"));
        sample.path("checks").fieldNames().forEachRemaining(id -> assertThat(doc.path("checks").has(id)).as(id).isTrue());
        sample.path("additional_info").fieldNames().forEachRemaining(k -> {
            if (!k.equals("system_info")) {
                assertThat(doc.path("additional_info").has(k)).as(k).isTrue();
            }
        });

        // the fix: install the root CA with the OS tool; then every host-connect check is OK
        assertThat(child.trustRoot(pki).stdout()).isEqualTo("Updating certificates in /etc/ssl/certs...\n1 added, 0 removed;"
                + " done.\nRunning hooks in /etc/ca-certificates/update.d...\ndone.\n");
        CommandResult fixed = child.iotedge("check", "--output", "json");
        JsonNode after = new ObjectMapper().readTree(fixed.stdout()).path("checks");
        for (String p : List.of("amqp", "https", "mqtt")) {
            assertThat(after.path("host-connect-iothub-" + p).path("result").asText()).isEqualTo("ok");
        }
        assertThat(fixed.exitCode()).isZero();
        // never OK for what the emulator cannot evaluate
        assertThat(after.path("container-connect-upstream-mqtt").path("result").asText()).isEqualTo("skipped");
        assertThat(after.path("host-local-time").path("result").asText()).isEqualTo("skipped");
    }

    /** Sections, markers, and every sample check description appear in the same section. */
    private static void assertSameShapeAsSample(String ours) throws Exception {
        Map<String, List<String>> want = sections(Samples.read("iotedge-check-child-verbose.txt"));
        Map<String, List<String>> got = sections(ours);
        assertThat(got.keySet()).containsExactlyElementsOf(want.keySet());
        want.forEach((title, descs) -> assertThat(got.get(title)).as(title).containsAll(descs));
        for (String line : ours.split("\n")) {
            assertThat(line).matches("^(|[\u221a\u203c\u00d7] .+ - (OK|Warning|Error)| {4}.*|[A-Z].*checks.*|-+|\\d+ check\\(s\\) .+)$");
        }
    }

    private static Map<String, List<String>> sections(String text) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        String[] lines = text.split("\n");
        String cur = null;
        for (int i = 0; i < lines.length; i++) {
            if (i + 1 < lines.length && lines[i + 1].matches("-+") && lines[i + 1].length() == lines[i].length()) {
                cur = lines[i];
                m.put(cur, new ArrayList<>());
            } else if (cur != null && lines[i].matches("^[\u221a\u203c\u00d7] .+ - (OK|Warning|Error)$")) {
                m.get(cur).add(lines[i].substring(2, lines[i].lastIndexOf(" - ")));
            }
        }
        return m;
    }

    @Test
    void hostnameChangeWithoutRecreatingEdgeHubServesOldCn_F12() throws Exception {
        parent.close();
        parent = device("l4-site-gw", "l4-site-gw", null, EmulatorSettings.virtualDevice().withRuntimeVersion("1.4.20"));
        net.byHost.put(PARENT, parent);
        assertThat(parent.iotedge("config", "apply").exitCode()).isZero();
        assertThat(child.iotedge("config", "apply").exitCode()).isZero();
        parent.writeConfig(EmulatedDevice.config(PARENT, null, "l4-site-gw"));
        assertThat(parent.iotedge("config", "apply").exitCode()).as("1.4 does not guard the hostname").isZero();
        assertThat(parent.docker("inspect", "edgeHub").stdout()).contains("\"EdgeDeviceHostName=l4-site-gw\"");
        child.trustRoot(pki);
        CommandResult s = child.openssl("s_client", "-connect", PARENT + ":8883", "-CAfile", "/var/aziot/certs/root.cert.pem");
        assertThat(s.stdout()).contains(" 0 s:CN = l4-site-gw\n   i:CN = l4-site-gw.ca\n").contains("Verify return code: 0 (ok)");
        assertThat(child.iotedge("check", "--output", "json").exitCode()).as("hostname mismatch on TLS").isEqualTo(1);

        // the fix: remove edgeAgent; the watchdog recreates it and it recreates edgeHub with the new name
        assertThat(parent.docker("rm", "-f", "edgeAgent").stdout()).isEqualTo("edgeAgent\n");
        assertThat(parent.docker("inspect", "edgeHub").stdout()).contains("\"EdgeDeviceHostName=" + PARENT + "\"");
        s = child.openssl("s_client", "-connect", PARENT + ":8883", "-CAfile", "/var/aziot/certs/root.cert.pem");
        assertThat(s.stdout()).contains(" 0 s:CN = " + PARENT + "\n");
        CommandResult after = child.iotedge("check", "--output", "json");
        assertThat(after.exitCode()).as(after.stdout()).isZero();
    }

    @Test
    void replacedCertsWithoutClearingCertdKeepOldServerCert_F11() throws Exception {
        assertThat(parent.iotedge("config", "apply").exitCode()).isZero();
        assertThat(child.iotedge("config", "apply").exitCode()).isZero();
        TestPki newPki = new TestPki("Plant7 Root CA 2026");
        parent.installEdgeCa(newPki, newPki.edgeCa("l4-site-gw"), "l4-site-gw");
        assertThat(parent.iotedge("config", "apply").exitCode()).isZero();
        assertThat(parent.iotedge("check", "--output", "json").stdout()).contains("\"certs-match-private-keys\":{\"result\":\"ok\"}");
        child.trustRoot(newPki);
        CommandResult s = child.openssl("s_client", "-connect", PARENT + ":5671");
        assertThat(s.stdout()).contains("verify error:num=20:unable to get local issuer certificate")
                .contains("Verify return code: 20 (unable to get local issuer certificate)");
        assertThat(child.iotedge("check").exitCode()).isEqualTo(1);

        parent.fs.deleteTree(parent.fs.path("/var/lib/aziot/certd/certs"));
        parent.fs.deleteTree(parent.fs.path("/var/lib/aziot/keyd/keys"));
        assertThat(parent.iotedge("config", "apply").exitCode()).isZero();
        assertThat(child.openssl("s_client", "-connect", PARENT + ":5671").stdout()).contains("Verify return code: 0 (ok)");
        assertThat(child.iotedge("check").exitCode()).isZero();
    }

    @Test
    void listAndInspectHaveTheSampleShapes() throws Exception {
        assertThat(child.iotedge("config", "apply").exitCode()).isZero();
        String list = child.iotedge("list").stdout();
        String header = Samples.read("iotedge-list.txt").split("\n")[0];
        assertThat(list.split("\n")[0]).isEqualTo(header);
        assertThat(list).containsPattern("\nedgeAgent {19}running {10}Up .+ {2,}" + PARENT.replace(".", "\\.")
                + ":443/azureiotedge-agent:1\\.5\n");
        assertThat(list).contains("edgeHub                     running");
        JsonNode inspect = new ObjectMapper().readTree(child.docker("inspect", "edgeHub").stdout());
        JsonNode sample = new ObjectMapper().readTree(Samples.read("docker-inspect-edgehub-env.json"));
        assertThat(inspect.isArray()).isTrue();
        sample.get(0).fieldNames().forEachRemaining(k -> assertThat(inspect.get(0).has(k)).as(k).isTrue());
        List<String> env = new ArrayList<>();
        inspect.get(0).path("Config").path("Env").forEach(e -> env.add(e.asText()));
        assertThat(env).contains("EdgeDeviceHostName=" + CHILD, "IOTEDGE_GATEWAYHOSTNAME=" + PARENT, "IOTEDGE_MODULEID=$edgeHub");
        assertThat(inspect.get(0).path("Config").path("Image").asText()).isEqualTo(PARENT + ":443/azureiotedge-hub:1.5");
        assertThat(child.docker("inspect", "nope").stderr()).isEqualTo("Error: No such object: nope\n");
    }
}
