package io.nestedge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintConfigCommandTest {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        return NestEdgeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void colonInsteadOfEqualsIsAnErrorWithLineAndColumn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("config.toml");
        Files.writeString(f, """
                hostname = "gw.example.net"

                [provisioning]
                source = "manual"
                connection_string = "HostName=h.azure-devices.net;DeviceId=gw;SharedAccessKey=c2VjcmV0"

                [agent.config]
                image: "gw.example.net:443/azureiotedge-agent:1.5"
                """);
        assertThat(run("lint-config", f.toString())).isEqualTo(ExitCodes.FINDINGS);
        assertThat(out.toString()).contains("ERROR NE-TOML-SYNTAX").contains("line 8, column 6")
                .contains("1 error(s), 0 warning(s)");
    }

    @Test
    void trustBundleInsideATableIsReportedAsJson(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("config.toml");
        Files.writeString(f, """
                hostname = "gw.example.net"

                [provisioning]
                source = "manual"
                connection_string = "HostName=h.azure-devices.net;DeviceId=gw;SharedAccessKey=c2VjcmV0"

                [edge_ca]
                cert = "file:///var/aziot/certs/ca.pem"
                pk = "file:///var/aziot/secrets/ca.key.pem"
                trust_bundle_cert = "file:///var/aziot/certs/root.pem"
                """);
        assertThat(run("lint-config", "--json", f.toString())).isEqualTo(ExitCodes.FINDINGS);
        assertThat(out.toString()).contains("\"ruleId\" : \"NE-TOML-TOP-LEVEL-KEY-IN-TABLE\"")
                .contains("\"field\" : \"edge_ca.trust_bundle_cert\"").contains("\"errors\" : 1");
    }

    @Test
    void warningsAloneExitZero(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("config.toml");
        Files.writeString(f, """
                hostname = "22112233"

                [provisioning]
                source = "manual"
                connection_string = "HostName=h.azure-devices.net;DeviceId=gw;SharedAccessKey=c2VjcmV0"
                """);
        assertThat(run("lint-config", f.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("WARNING NE-TOML-HOSTNAME-RFC1035").contains("0 error(s), 1 warning(s)");
    }

    @Test
    void unreadableFileExitsTwoWithTheFileNamed(@TempDir Path dir) {
        assertThat(run("lint-config", dir.resolve("missing.toml").toString())).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(err.toString()).contains("missing.toml").contains("not found");
        assertThat(run("lint-config")).isEqualTo(ExitCodes.UNUSABLE);
    }
}
