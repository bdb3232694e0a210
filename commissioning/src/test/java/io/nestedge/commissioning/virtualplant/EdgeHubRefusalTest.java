package io.nestedge.commissioning.virtualplant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nestedge.commissioning.virtualplant.runtime.CommandResult;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * edgeHub refuses to start with an encrypted Edge CA key (F2), a key that does not match cert[0],
 * or a key aziotks cannot read (F20); the check reports the same causes; certificate expiry and the
 * hostname rules give the runtime's warnings and errors.
 */
class EdgeHubRefusalTest {
    private static JsonNode checks(EmulatedDevice d) throws Exception {
        return new ObjectMapper().readTree(d.iotedge("check", "--output", "json").stdout()).path("checks");
    }

    @Test
    void encryptedMismatchedOrUnreadableKeysKeepEdgeHubDown() throws Exception {
        TestPki pki = new TestPki("Root");
        try (EmulatedDevice d = new EmulatedDevice("gw", new EmulatedDevice.Network())) {
            d.installEdgeCa(pki, pki.edgeCa("gw"), "gw");
            d.fs.writeAtomic("/var/aziot/secrets/gw.key.pem", pki.encryptedRootKeyPem(), "600", "aziotks");
            d.writeConfig(EmulatedDevice.config("gw", null, "gw"));
            assertThat(d.iotedge("config", "apply").exitCode()).as("apply itself succeeds").isZero();
            assertThat(d.iotedge("list").stdout()).containsPattern("\nedgeHub {21}failed {11}Failed \\(1\\) .+ ago  ");
            assertThat(d.docker("logs", "edgeHub").stdout()).contains("is encrypted");
            assertThat(checks(d).path("key-pairs-read").path("result").asText()).isEqualTo("error");

            d.fs.writeAtomic("/var/aziot/secrets/gw.key.pem", new TestPki("Other").edgeCa("x").keyPem(), "600", "aziotks");
            d.iotedge("system", "restart");
            assertThat(d.docker("logs", "edgeHub").stdout()).contains("does not match");
            assertThat(checks(d).path("certs-match-private-keys").path("result").asText()).isEqualTo("error");

            TestPki.EdgeCa good = pki.edgeCa("gw");
            d.installEdgeCa(pki, good, "gw");
            d.fs.setOwner(d.fs.path("/var/aziot/secrets/gw.key.pem"), "root", "root");
            d.iotedge("system", "restart");
            assertThat(d.docker("logs", "edgeHub").stdout()).contains("Permission denied (os error 13)");
            JsonNode c = checks(d);
            assertThat(c.path("key-pairs-read").path("details").get(0).asText()).contains("not readable by aziotks");

            d.fs.setOwner(d.fs.path("/var/aziot/secrets/gw.key.pem"), "aziotks", "aziotks");
            d.iotedge("system", "restart");
            assertThat(d.iotedge("list").stdout()).contains("edgeHub                     running");
            CommandResult ok = d.iotedge("check", "--output", "json");
            assertThat(ok.exitCode()).as(ok.stdout()).isZero();
        }
    }

    @Test
    void certificateExpiryAndHostnameRules() throws Exception {
        TestPki pki = new TestPki("Root");
        try (EmulatedDevice d = new EmulatedDevice("gw", new EmulatedDevice.Network())) {
            d.installEdgeCa(pki, pki.edgeCa("gw", Instant.now().minus(Duration.ofDays(10)),
                    Instant.now().plus(Duration.ofDays(3))), "gw");
            d.writeConfig(EmulatedDevice.config("gw", null, "gw"));
            d.iotedge("config", "apply");
            JsonNode c = checks(d);
            assertThat(c.path("certs-preloaded").path("result").asText()).isEqualTo("warning");
            assertThat(c.path("certs-preloaded").path("details").get(0).asText())
                    .isEqualTo("preloaded cert with ID \"aziot-edged-ca\" will expire soon");
            assertThat(c.path("certs-preloaded").path("details").get(1).asText()).matches("certificate expires at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");

            d.installEdgeCa(pki, pki.edgeCa("gw", Instant.now().minus(Duration.ofDays(10)),
                    Instant.now().minus(Duration.ofDays(1))), "gw");
            assertThat(checks(d).path("certs-preloaded").path("result").asText()).isEqualTo("error");

            d.installEdgeCa(pki, pki.edgeCa("gw"), "gw");
            d.docker("rm", "-f", "edgeAgent", "edgeHub");
            d.writeConfig(EmulatedDevice.config("other-name.plant.local", null, "gw"));
            d.iotedge("config", "apply");
            CommandResult text = d.iotedge("check", "--verbose");
            assertThat(text.exitCode()).isEqualTo(1);
            assertThat(text.stdout()).contains("\u00d7 identityd config toml file specifies a valid hostname - Error\n"
                    + "    identityd config has hostname other-name.plant.local but device reports hostname gw.\n");

            d.docker("rm", "-f", "edgeAgent", "edgeHub");
            d.writeConfig(EmulatedDevice.config("gw.plant.local", null, "gw"));
            d.iotedge("config", "apply");
            assertThat(checks(d).path("hostname").path("result").asText()).isEqualTo("ok");
        }
    }
}
