package io.nestedge.commissioning.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParsersGoldenTest {

    @Test
    void checkTextVerboseSample() throws Exception {
        CheckReport r = IotedgeCheckTextParser.parse(Samples.read("iotedge-check-child-verbose.txt"));
        assertThat(r.checks()).hasSize(37);
        assertThat(r.checks()).extracting(CheckEntry::section).containsOnly(
                "Configuration checks (aziot-identity-service)", "Connectivity checks (aziot-identity-service)",
                "Configuration checks", "Connectivity checks");
        assertThat(r.withResult(CheckResult.WARNING)).hasSize(3);
        assertThat(r.failures()).extracting(CheckEntry::description).containsExactly(
                "host can connect to and perform TLS handshake with iothub AMQP port",
                "production readiness: Edge Agent's storage directory is persisted on the host filesystem");
        CheckEntry amqp = r.check("host-connect-iothub-amqp").orElseThrow();
        assertThat(amqp.section()).isEqualTo("Connectivity checks (aziot-identity-service)");
        assertThat(amqp.details()).containsExactly(
                "Could not connect to l4-site-gw.plant7.example.net : could not complete TLS handshake",
                "caused by: error:0A000086:SSL routines::certificate verify failed:../ssl/statem/statem_clnt.c:1889:: unable to get local issuer certificate");
        assertThat(r.check("container-engine-dns").orElseThrow().details()).singleElement().asString()
                .startsWith("no \"dns\" entry");
        assertThat(r.check("container-connect-upstream-https").orElseThrow().result()).isEqualTo(CheckResult.OK);
        assertThat(r.summary()).isEqualTo(new CheckReport.Summary(27, 3, 2, 0));
    }

    @Test
    void checkTextRejectsUnknownLinesAndTruncation() {
        String sample = Samples.read("iotedge-check-child-verbose.txt");
        String withJunk = sample.replace("√ keyd is running - OK", "✔ keyd is running - OK");
        assertThatThrownBy(() -> IotedgeCheckTextParser.parse(withJunk))
                .isInstanceOfSatisfying(ProbeParseException.class, e -> {
                    assertThat(e.lineNumber()).isEqualTo(13);
                    assertThat(e.line()).isEqualTo("✔ keyd is running - OK");
                    assertThat(e.command()).isEqualTo("iotedge check");
                });
        String truncated = sample.substring(0, sample.indexOf("27 check(s)"));
        assertThatThrownBy(() -> IotedgeCheckTextParser.parse(truncated))
                .isInstanceOf(ProbeParseException.class).hasMessageContaining("summary");
        assertThatThrownBy(() -> IotedgeCheckTextParser.parse(sample.replace("√ certd is running - OK", "× certd is running - OK")))
                .isInstanceOf(ProbeParseException.class).hasMessageContaining("does not match");
    }

    @Test
    void checkJsonSample() throws Exception {
        CheckReport r = IotedgeCheckJsonParser.parse(Samples.read("iotedge-check-child.json"));
        assertThat(r.checks()).hasSize(17);
        CheckEntry amqp = r.check("host-connect-iothub-amqp").orElseThrow();
        assertThat(amqp.result()).isEqualTo(CheckResult.ERROR);
        assertThat(amqp.details()).hasSize(2).last().asString().contains("unable to get local issuer certificate");
        assertThat(amqp.additionalInfo()).containsEntry("hostname", "l4-site-gw.plant7.example.net").containsEntry("port", "5671");
        assertThat(r.check("certs-preloaded").orElseThrow().result()).isEqualTo(CheckResult.WARNING);
        assertThat(r.check("container-connect-upstream-mqtt").orElseThrow().result()).isEqualTo(CheckResult.SKIPPED);
        assertThat(r.additionalInfo()).containsEntry("os.id", "ubuntu").containsEntry("system_info.disks.0.name", "/dev/sda1");
        assertThat(r.summary()).isNull();
    }

    @Test
    void checkJsonRejectsUnknownResult() {
        assertThatThrownBy(() -> IotedgeCheckJsonParser.parse("{\"checks\":{\"hostname\":{\"result\":\"passed\"}}}"))
                .isInstanceOf(ProbeParseException.class).hasMessageContaining("hostname");
        assertThatThrownBy(() -> IotedgeCheckJsonParser.parse("{\"checks\":{\n\"hostname\":{\"result\":\"ok\"}"))
                .isInstanceOfSatisfying(ProbeParseException.class, e -> assertThat(e.lineNumber()).isEqualTo(2));
    }

    @Test
    void iotedgeListSample() throws Exception {
        List<ModuleStatus> m = IotedgeListParser.parse(Samples.read("iotedge-list.txt"));
        assertThat(m).containsExactly(
                new ModuleStatus("IoTEdgeAPIProxy", ModuleStatus.State.RUNNING, "Up 3 minutes",
                        "l4-site-gw.plant7.example.net:443/azureiotedge-api-proxy:1.1"),
                new ModuleStatus("edgeAgent", ModuleStatus.State.RUNNING, "Up 4 minutes",
                        "l4-site-gw.plant7.example.net:443/azureiotedge-agent:1.5"),
                new ModuleStatus("edgeHub", ModuleStatus.State.FAILED, "Failed (139) 12 seconds ago",
                        "l4-site-gw.plant7.example.net:443/azureiotedge-hub:1.5"),
                new ModuleStatus("opcPublisher", ModuleStatus.State.STOPPED, "Stopped",
                        "l4-site-gw.plant7.example.net:443/iotedge/opc-publisher:2.9"));
    }

    @Test
    void iotedgeListRejectsUnknownStatusAndMissingHeader() {
        String sample = Samples.read("iotedge-list.txt");
        assertThatThrownBy(() -> IotedgeListParser.parse(sample.replace("stopped  ", "paused   ")))
                .isInstanceOfSatisfying(ProbeParseException.class, e -> assertThat(e.lineNumber()).isEqualTo(5));
        assertThatThrownBy(() -> IotedgeListParser.parse(sample.lines().skip(1).reduce("", (a, b) -> a + b + "\n")))
                .isInstanceOf(ProbeParseException.class).hasMessageContaining("header");
    }

    @Test
    void dockerInspectSample() throws Exception {
        ContainerInspection c = DockerInspectParser.parse(Samples.read("docker-inspect-edgehub-env.json")).get(0);
        assertThat(c.name()).isEqualTo("edgeHub");
        assertThat(c.edgeDeviceHostName()).contains("l3-line1-gw");
        assertThat(c.gatewayHostName()).contains("l4-site-gw.plant7.example.net");
        assertThat(c.env()).containsEntry("IOTEDGE_MODULEID", "$edgeHub").containsEntry("PATH",
                "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        assertThat(c.running()).isTrue();
        assertThat(DockerInspectParser.parse("[]\n")).isEmpty();
        assertThatThrownBy(() -> DockerInspectParser.parse("Error: No such object: edgeHub"))
                .isInstanceOf(ProbeParseException.class);
    }

    @Test
    void sClientSamples() throws Exception {
        List<String> f = Samples.sClientFragments();
        assertThat(f).hasSize(3);
        TlsProbe ok = OpenSslSClientParser.parse(f.get(0));
        assertThat(ok.connected()).isTrue();
        assertThat(ok.chain()).extracting(TlsProbe.ChainEntry::subject)
                .containsExactly("CN = l4-site-gw.plant7.example.net", "CN = l4-site-gw.ca");
        assertThat(ok.subjectCn()).contains("l4-site-gw.plant7.example.net");
        assertThat(ok.issuerCn()).contains("l4-site-gw.ca");
        assertThat(ok.chain().get(1).issuerCn()).contains("Plant7 Root CA");
        assertThat(ok.verified()).isTrue();
        assertThat(ok.namesHost("L4-SITE-GW.plant7.example.net")).isTrue();

        TlsProbe untrusted = OpenSslSClientParser.parse(f.get(1));
        assertThat(untrusted.verifyCode()).isEqualTo(20);
        assertThat(untrusted.verifyText()).isEqualTo("unable to get local issuer certificate");
        assertThat(untrusted.verifyErrors()).containsExactly("20:unable to get local issuer certificate");

        TlsProbe stale = OpenSslSClientParser.parse(f.get(2));
        assertThat(stale.verified()).isTrue();
        assertThat(stale.subjectCn()).contains("l4-site-gw");
        assertThat(stale.namesHost("l4-site-gw.plant7.example.net")).isFalse();
    }

    @Test
    void sClientSansAndErrors() throws Exception {
        TlsProbe p = OpenSslSClientParser.parse("CONNECTED(00000003)\n 0 s:CN = gw.example.net\n   i:CN = gw.ca\n"
                + "        X509v3 Subject Alternative Name: \n            DNS:gw.example.net, DNS:edgeHub, IP Address:10.0.0.4\n"
                + "Verify return code: 0 (ok)\n");
        assertThat(p.sans()).containsExactly("DNS:gw.example.net", "DNS:edgeHub", "IP Address:10.0.0.4");
        assertThat(p.namesHost("10.0.0.4")).isTrue();
        assertThat(p.namesHost("other.example.net")).isFalse();
        TlsProbe refused = OpenSslSClientParser.parse("40C7B5F2A27F0000:error:8000006F:system library:BIO_connect:Connection refused:../crypto/bio/bio_sock2.c:114:calling connect()\nconnect:errno=111\n");
        assertThat(refused.connected()).isFalse();
        assertThat(refused.errors()).hasSize(2);
        assertThatThrownBy(() -> OpenSslSClientParser.parse("CONNECTED(00000003)\nhello world\n"))
                .isInstanceOfSatisfying(ProbeParseException.class, e -> assertThat(e.lineNumber()).isEqualTo(2));
    }

    @Test
    void configApplySamples() throws Exception {
        List<Samples.ApplyBlock> blocks = Samples.applyBlocks();
        assertThat(blocks).hasSize(4);
        ConfigApplyResult toml = ConfigApplyParser.parse(blocks.get(0).output(), blocks.get(0).exitCode());
        assertThat(toml.success()).isFalse();
        assertThat(toml.error()).isEqualTo("could not parse config file /etc/aziot/config.toml");
        assertThat(toml.errorDetails()).first().asString().isEqualTo("caused by: TOML parse error at line 14, column 6");
        assertThat(toml.errorDetails()).contains("expected `.`, `=`");
        ConfigApplyResult dps = ConfigApplyParser.parse(blocks.get(1).output(), blocks.get(1).exitCode());
        assertThat(dps.error()).isEqualTo("DPS provisioning is not supported in nested mode");
        ConfigApplyResult host = ConfigApplyParser.parse(blocks.get(2).output(), blocks.get(2).exitCode());
        assertThat(host.error()).startsWith("Cannot apply config because the hostname");
        ConfigApplyResult ok = ConfigApplyParser.parse(blocks.get(3).output(), blocks.get(3).exitCode());
        assertThat(ok.success()).isTrue();
        assertThat(ok.restarted()).contains("aziot-edged.service", "aziot-keyd.socket").hasSize(7);
    }

    @Test
    void configApplyContradictionsFailLoudly() {
        Samples.ApplyBlock ok = Samples.applyBlocks().get(3);
        assertThatThrownBy(() -> ConfigApplyParser.parse(ok.output(), 1)).isInstanceOf(ProbeParseException.class);
        assertThatThrownBy(() -> ConfigApplyParser.parse("Command failed: x\n", 0)).isInstanceOf(ProbeParseException.class);
        assertThatThrownBy(() -> ConfigApplyParser.parse("", 0)).isInstanceOf(ProbeParseException.class);
        assertThatThrownBy(() -> ConfigApplyParser.parse(ok.output().replace("Done.", "Segmentation fault"), 0))
                .isInstanceOf(ProbeParseException.class).hasMessageContaining("Segmentation fault");
    }

    @Test
    void nameiListsEveryComponent() throws Exception {
        List<PathEntry> p = NameiParser.parse("""
                f: /var/aziot/certs/gw.cert.pem
                drwxr-xr-x root    root    /
                drwxr-xr-x root    root    var
                drwxr-xr-x root    root    aziot
                drw-r--r-- aziotcs aziotcs certs
                -rw-r--r-- aziotcs aziotcs gw.cert.pem
                """);
        assertThat(p).extracting(PathEntry::path).containsExactly("/", "/var", "/var/aziot", "/var/aziot/certs",
                "/var/aziot/certs/gw.cert.pem");
        assertThat(p.get(3).allows("aziotcs", 'x')).isFalse();
        assertThat(p.get(2).allows("aziotcs", 'x')).isTrue();
        assertThat(p.get(4).allows("aziotcs", 'r')).isTrue();
    }
}
