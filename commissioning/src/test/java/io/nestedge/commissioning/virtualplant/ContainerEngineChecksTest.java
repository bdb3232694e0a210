package io.nestedge.commissioning.virtualplant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nestedge.commissioning.virtualplant.cmd.SystemctlCommand;
import io.nestedge.commissioning.virtualplant.runtime.CommandResult;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The emulated {@code container-engine-dns} and {@code container-engine-logrotate} checks read
 * {@code /etc/docker/daemon.json} the way the runtime's checks do (facts §6), and the emulated
 * {@code systemctl restart docker} fails on a file dockerd would refuse.
 */
class ContainerEngineChecksTest {
    static final String HOST = "l4-site-gw.plant7.example.net";
    final EmulatedDevice.Network net = new EmulatedDevice.Network();
    EmulatedDevice top;

    @BeforeEach
    void setUp() throws Exception {
        TestPki pki = new TestPki("Plant7 Root CA");
        top = new EmulatedDevice("l4-site-gw", net);
        net.byHost.put(HOST, top);
        top.installEdgeCa(pki, pki.edgeCa("l4-site-gw"), "l4-site-gw");
        top.writeConfig(EmulatedDevice.config(HOST, null, "l4-site-gw"));
        assertThat(top.iotedge("config", "apply").exitCode()).isZero();
    }

    @AfterEach
    void tearDown() throws Exception {
        top.close();
    }

    private JsonNode checks(String daemonJson) throws Exception {
        if (daemonJson == null) {
            top.fs.deleteTree(top.fs.path("/etc/docker/daemon.json"));
        } else {
            top.fs.writeAtomic("/etc/docker/daemon.json", daemonJson, "644", "root");
        }
        return new ObjectMapper().readTree(top.iotedge("check", "--output", "json").stdout()).get("checks");
    }

    private static String result(JsonNode checks, String id) {
        return checks.get(id).get("result").asText();
    }

    @Test
    void theProductionChecklistSettingsPassBothChecks() throws Exception {
        JsonNode c = checks("{\"dns\": [\"10.0.3.53\"], \"log-driver\": \"local\", "
                + "\"log-opts\": {\"max-size\": \"10m\", \"max-file\": \"3\"}, \"registry-mirrors\": []}");
        assertThat(result(c, "container-engine-dns")).isEqualTo("ok");
        assertThat(result(c, "container-engine-logrotate")).isEqualTo("ok");
    }

    @Test
    void missingFileOrKeysWarnLikeTheSample() throws Exception {
        JsonNode none = checks(null);
        assertThat(result(none, "container-engine-dns")).isEqualTo("warning");
        assertThat(none.at("/container-engine-dns/details").toString()).contains("Could not open container engine config file");
        assertThat(result(none, "container-engine-logrotate")).isEqualTo("warning");
        JsonNode partial = checks("{\"dns\": [], \"log-driver\": \"json-file\", \"log-opts\": {\"max-size\": \"10m\"}}");
        assertThat(result(partial, "container-engine-dns")).as("an empty list").isEqualTo("warning");
        assertThat(result(partial, "container-engine-logrotate")).as("max-file missing").isEqualTo("warning");
        JsonNode noDriver = checks("{\"log-opts\": {\"max-size\": \"10m\", \"max-file\": \"3\"}}");
        assertThat(result(noDriver, "container-engine-logrotate")).as("log-driver missing").isEqualTo("warning");
    }

    @Test
    void valuesOfTheWrongTypeAreErrorsAsTheRuntimeCannotParseThem() throws Exception {
        JsonNode c = checks("{\"dns\": \"10.0.3.53\", \"log-driver\": \"local\", \"log-opts\": {\"max-size\": \"10m\", \"max-file\": 3}}");
        assertThat(result(c, "container-engine-dns")).isEqualTo("error");
        assertThat(result(c, "container-engine-logrotate")).isEqualTo("error");
        assertThat(c.at("/container-engine-logrotate/details").toString()).contains("Could not parse container engine config file");
        JsonNode broken = checks("{\"dns\": [\"10.0.3.53\"],}");
        assertThat(result(broken, "container-engine-dns")).isEqualTo("error");
    }

    @Test
    void restartingTheEngineFailsOnAFileDockerdRefuses() throws Exception {
        for (String bad : List.of("{\"dns\": [\"dns.plant.local\"]}", "{\"log-opts\": {\"max-file\": 3}}", "not json", "[]")) {
            top.fs.writeAtomic("/etc/docker/daemon.json", bad, "644", "root");
            CommandResult r = SystemctlCommand.run(top.ctx, "root", List.of("restart", "docker"));
            assertThat(r.exitCode()).as(bad).isEqualTo(1);
            assertThat(r.stderr()).as(bad).contains("Job for docker.service failed");
        }
        top.fs.writeAtomic("/etc/docker/daemon.json", "{\"dns\": [\"10.0.3.53\", \"fd00::53\"], \"log-driver\": \"local\", "
                + "\"log-opts\": {\"max-size\": \"10m\", \"max-file\": \"3\"}}", "644", "root");
        assertThat(SystemctlCommand.run(top.ctx, "root", List.of("restart", "docker")).exitCode()).isZero();
    }
}
