package io.nestedge.model.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nestedge.model.io.InputException;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLintTest {
    static final String GOOD_CHILD = """
            hostname = "l3-line1-gw.plant7.example.net"
            parent_hostname = "l4-site-gw.plant7.example.net"
            trust_bundle_cert = "file:///var/aziot/certs/azure-iot-test-only.root.ca.cert.pem"

            [provisioning]
            source = "manual"
            iothub_hostname = "plant7-hub.azure-devices.net"
            device_id = "l3-line1-gw"

            [provisioning.authentication]
            method = "sas"
            device_id_pk = { value = "c2VjcmV0" }

            [edge_ca]
            cert = "file:///var/aziot/certs/iot-edge-device-ca-l3-line1-gw-full-chain.cert.pem"
            pk = "file:///var/aziot/secrets/iot-edge-device-ca-l3-line1-gw.key.pem"

            [agent]
            name = "edgeAgent"
            type = "docker"

            [agent.config]
            image = "$upstream:443/azureiotedge-agent:1.5"
            """;

    static Path resource(String name) throws Exception {
        return Path.of(ConfigLintTest.class.getResource("/config-toml/" + name).toURI());
    }

    static List<String> ids(List<Finding> fs) {
        return fs.stream().map(Finding::ruleId).toList();
    }

    @Test
    void aCorrectChildConfigHasNoFindings() {
        assertThat(ConfigLint.lint(GOOD_CHILD, "config.toml")).isEmpty();
    }

    @Test
    void f4ColonInsteadOfEqualsIsASyntaxErrorWithLineAndColumn() throws Exception {
        List<Finding> fs = ConfigLint.lint(resource("f4-colon-image.toml"));
        assertThat(ids(fs)).containsExactly("NE-TOML-SYNTAX");
        Finding f = fs.get(0);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).startsWith("line 14, column 6: TOML syntax error").contains("':'");
        assertThat(f.fix()).contains("'='");
        assertThat(f.deviceId()).endsWith("f4-colon-image.toml");
    }

    @Test
    void f5TrustBundleAfterEdgeCaIsReportedAsMisplaced() throws Exception {
        List<Finding> fs = ConfigLint.lint(resource("f5-trust-bundle-after-edge-ca.toml"));
        assertThat(ids(fs)).containsExactly("NE-TOML-TOP-LEVEL-KEY-IN-TABLE");
        assertThat(fs.get(0).field()).isEqualTo("edge_ca.trust_bundle_cert");
        assertThat(fs.get(0).message()).startsWith("line 10, column 1:").contains("edge_ca.trust_bundle_cert");
        assertThat(fs.get(0).fix()).contains("above the first [table]");
    }

    @Test
    void theOlderAliasIsAcceptedAtTopLevelAndAnErrorInsideATable() throws Exception {
        List<Finding> top = ConfigLint.lint(resource("alias-child.toml"));
        assertThat(ids(top)).containsExactly("NE-TOML-PARENT-ALIAS");
        assertThat(top.get(0).severity()).isEqualTo(Severity.INFO);

        List<Finding> inTable = ConfigLint.lint(resource("alias-in-table.toml"));
        assertThat(ids(inTable)).contains("NE-TOML-TOP-LEVEL-KEY-IN-TABLE", "NE-TOML-UPSTREAM-NO-PARENT");
        assertThat(inTable.get(0).field()).isEqualTo("provisioning.local_gateway_hostname");
    }

    @Test
    void bothParentHostnameAndAliasIsAnError() {
        String text = "local_gateway_hostname = \"b.example.net\"\n" + GOOD_CHILD;
        assertThat(ids(ConfigLint.lint(text, "c"))).contains("NE-TOML-PARENT-ALIAS-BOTH");
    }

    @Test
    void fileUrisAreRequiredWithoutQueryAndWithThreeSlashes() {
        String bare = GOOD_CHILD.replace("\"file:///var/aziot/certs/azure-iot-test-only.root.ca.cert.pem\"",
                "\"/var/aziot/certs/azure-iot-test-only.root.ca.cert.pem\"");
        List<Finding> fs = ConfigLint.lint(bare, "c");
        assertThat(ids(fs)).containsExactly("NE-TOML-FILE-URI");
        assertThat(fs.get(0).message()).contains("bare path").startsWith("line 3, column 1:");
        assertThat(fs.get(0).fix()).contains("file:///var/aziot/certs/azure-iot-test-only.root.ca.cert.pem");

        String query = GOOD_CHILD.replace("iot-edge-device-ca-l3-line1-gw.key.pem\"", "iot-edge-device-ca-l3-line1-gw.key.pem?mode=0600\"");
        assertThat(ConfigLint.lint(query, "c")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("query parameters"))
                .satisfies(f -> assertThat(f.field()).isEqualTo("edge_ca.pk"));

        String twoSlashes = GOOD_CHILD.replace("cert = \"file:///var/aziot/certs/iot-edge", "cert = \"file://var/aziot/certs/iot-edge");
        assertThat(ConfigLint.lint(twoSlashes, "c")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("names host 'var'"));
    }

    @Test
    void edgeCaNeedsBothCertAndKey() {
        String onlyCert = GOOD_CHILD.replace("pk = \"file:///var/aziot/secrets/iot-edge-device-ca-l3-line1-gw.key.pem\"\n", "");
        List<Finding> fs = ConfigLint.lint(onlyCert, "c");
        assertThat(ids(fs)).containsExactly("NE-TOML-EDGE-CA-PAIR");
        assertThat(fs.get(0).message()).contains("no pk");
    }

    @Test
    void provisioningIsRequiredAndManualNeedsItsKeys() {
        String none = GOOD_CHILD.substring(0, GOOD_CHILD.indexOf("[provisioning]"))
                + GOOD_CHILD.substring(GOOD_CHILD.indexOf("[edge_ca]"));
        assertThat(ids(ConfigLint.lint(none, "c"))).containsExactly("NE-TOML-PROVISIONING-MISSING");

        String noKey = GOOD_CHILD.replace("device_id_pk = { value = \"c2VjcmV0\" }\n", "");
        assertThat(ConfigLint.lint(noKey, "c")).singleElement()
                .satisfies(f -> assertThat(f.ruleId()).isEqualTo("NE-TOML-PROVISIONING-INCOMPLETE"))
                .satisfies(f -> assertThat(f.message()).contains("device_id_pk"));
    }

    @Test
    void dpsWithParentHostnameIsRefused() {
        String dps = GOOD_CHILD.replace("source = \"manual\"", "source = \"dps\"\nid_scope = \"0ne00ABC\"");
        assertThat(ids(ConfigLint.lint(dps, "c"))).containsExactly("NE-TOML-DPS-NESTED");
    }

    @Test
    void upstreamNeedsAParentAndAPort() {
        String top = GOOD_CHILD.replace("parent_hostname = \"l4-site-gw.plant7.example.net\"\n", "");
        assertThat(ids(ConfigLint.lint(top, "c"))).containsExactly("NE-TOML-UPSTREAM-NO-PARENT");
        String noPort = GOOD_CHILD.replace("$upstream:443/", "$upstream/");
        assertThat(ids(ConfigLint.lint(noPort, "c"))).containsExactly("NE-TOML-UPSTREAM-PORT");
        String badPort = GOOD_CHILD.replace("$upstream:443/", "$upstream:99999/");
        assertThat(ids(ConfigLint.lint(badPort, "c"))).containsExactly("NE-TOML-UPSTREAM-PORT");
    }

    @Test
    void hostnameRulesMatchTheDevicesOwnChecks() {
        String longName = GOOD_CHILD.replace("hostname = \"l3-line1-gw.plant7.example.net\"",
                "hostname = \"" + "a".repeat(58) + ".cloudapp.net\"");
        assertThat(ids(ConfigLint.lint(longName, "c"))).containsExactly("NE-TOML-HOSTNAME-LENGTH");

        String digits = GOOD_CHILD.replace("hostname = \"l3-line1-gw.plant7.example.net\"", "hostname = \"22112233\"");
        List<Finding> fs = ConfigLint.lint(digits, "c");
        assertThat(ids(fs)).containsExactly("NE-TOML-HOSTNAME-RFC1035");
        assertThat(fs.get(0).severity()).isEqualTo(Severity.WARNING);

        String single = GOOD_CHILD.replace("parent_hostname = \"l4-site-gw.plant7.example.net\"", "parent_hostname = \"parent\"");
        assertThat(ids(ConfigLint.lint(single, "c"))).containsExactly("NE-TOML-PARENT-SINGLE-LABEL");

        String mix = GOOD_CHILD.replace("parent_hostname = \"l4-site-gw.plant7.example.net\"", "parent_hostname = \"192.168.1.90\"");
        assertThat(ids(ConfigLint.lint(mix, "c"))).containsExactly("NE-TOML-HOSTNAME-MIX");
    }

    @Test
    void unusableFilesAreInputExceptionsNamingTheFile(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.toml");
        assertThatThrownBy(() -> ConfigLint.lint(missing)).isInstanceOf(InputException.class)
                .hasMessageContaining("nope.toml").hasMessageContaining("not found");
        Path binary = dir.resolve("bin.toml");
        Files.write(binary, new byte[] {'a', 0, 'b'});
        assertThatThrownBy(() -> ConfigLint.lint(binary)).isInstanceOf(InputException.class).hasMessageContaining("binary");
        Path latin1 = dir.resolve("latin1.toml");
        Files.write(latin1, "hostname = \"caf\u00e9\"".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ConfigLint.lint(latin1)).isInstanceOf(InputException.class).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> ConfigLint.lint(dir)).isInstanceOf(InputException.class).hasMessageContaining("directory");
    }
}
