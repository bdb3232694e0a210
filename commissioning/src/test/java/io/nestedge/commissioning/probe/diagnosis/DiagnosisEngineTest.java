package io.nestedge.commissioning.probe.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.commissioning.probe.ConfigApplyParser;
import io.nestedge.commissioning.probe.DeviceEvidence;
import io.nestedge.commissioning.probe.DeviceEvidence.LogSource;
import io.nestedge.commissioning.probe.DockerInspectParser;
import io.nestedge.commissioning.probe.IotedgeCheckJsonParser;
import io.nestedge.commissioning.probe.IotedgeCheckTextParser;
import io.nestedge.commissioning.probe.NameiParser;
import io.nestedge.commissioning.probe.OpenSslSClientParser;
import io.nestedge.commissioning.probe.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosisEngineTest {
    private static final DiagnosisEngine ENGINE = DiagnosisEngine.standard();

    private static String connectivityFailure(String... details) {
        StringBuilder sb = new StringBuilder("""
                Connectivity checks
                -------------------
                × container on the default network can connect to upstream AMQP port - Error
                """);
        for (String d : details) {
            sb.append("    ").append(d).append('\n');
        }
        sb.append("× container on the IoT Edge module network can connect to upstream AMQP port - Error\n");
        for (String d : details) {
            sb.append("    ").append(d).append('\n');
        }
        sb.append("0 check(s) succeeded.\n2 check(s) raised errors.\n");
        return sb.toString();
    }

    private static List<String> ids(List<Diagnosis> ds) {
        return ds.stream().map(Diagnosis::id).toList();
    }

    @Test
    void f6SingleLabelParentPullDenied() throws Exception {
        String out = connectivityFailure("Container on the default network could not connect to parent:5671",
                "    caused by: docker returned exit status: 125, stderr = Unable to find image 'parent/azureiotedge-diagnostics:1.5.6' locally",
                "    docker: Error response from daemon: pull access denied for parent/azureiotedge-diagnostics, repository does not exist or may require 'docker login': denied: requested access to the resource is denied.");
        List<Diagnosis> ds = ENGINE.diagnose(DeviceEvidence.builder("l3").parentHostname("parent")
                .check(IotedgeCheckTextParser.parse(out)).build());
        assertThat(ids(ds)).containsExactly("DIAG-SINGLE-LABEL-PARENT");
        assertThat(ds.get(0).title()).contains("\"parent\"");
        assertThat(ds.get(0).fix()).contains("FQDN");
        assertThat(ds.get(0).source()).contains("F6");
    }

    @Test
    void f7DiagnosticsImageMissingUpstreamNamesProxyAndRegistry() throws Exception {
        String out = connectivityFailure("Container on the default network could not connect to l4-site-gw.plant7.example.net:5671",
                "    caused by: docker returned exit status: 125, stderr = Unable to find image 'l4-site-gw.plant7.example.net/azureiotedge-diagnostics:1.5.6' locally",
                "    docker: Error response from daemon: manifest for l4-site-gw.plant7.example.net/azureiotedge-diagnostics:1.5.6 not found: manifest unknown: manifest unknown.");
        List<Diagnosis> ds = ENGINE.diagnose(DeviceEvidence.builder("l3").parentHostname("l4-site-gw.plant7.example.net")
                .parentApiProxyModule("apiproxy").parentRegistryModule("mcrcache")
                .check(IotedgeCheckTextParser.parse(out)).build());
        assertThat(ids(ds)).containsExactly("DIAG-DIAGNOSTICS-IMAGE-ROUTE");
        Diagnosis d = ds.get(0);
        assertThat(d.cause()).contains("not a network fault");
        assertThat(d.fix()).contains("\"apiproxy\"", "\"mcrcache\"", "DOCKER_REQUEST_ROUTE_ADDRESS", "azureiotedge-diagnostics:1.5.6");
        assertThat(d.explainedChecks()).containsExactlyInAnyOrder("container-default-connect-upstream-amqp", "container-connect-upstream-amqp");
    }

    @Test
    void f9BadGatewayOnPullMeansRestartTheEngine() {
        List<Diagnosis> ds = ENGINE.diagnose(DeviceEvidence.builder("l3").parentHostname("l4-site-gw.plant7.example.net")
                .log(LogSource.IMAGE_PULL, """
                        Unable to find image 'l4-site-gw.plant7.example.net:443/azureiotedge-diagnostics:1.5.6' locally
                        docker: Error response from daemon: received unexpected HTTP status: 502 Bad Gateway.
                        """).build());
        assertThat(ids(ds)).containsExactly("DIAG-ENGINE-DOES-NOT-TRUST-ROOT");
        assertThat(ds.get(0).remedy()).isEqualTo(Remedy.RESTART_CONTAINER_ENGINE);
        assertThat(ds.get(0).evidence()).anyMatch(l -> l.contains("502 Bad Gateway"));
    }

    @Test
    void f10HostConnectVerifyFailedFromBothOutputFormats() throws Exception {
        for (DeviceEvidence e : List.of(
                DeviceEvidence.builder("l3").parentHostname("l4-site-gw.plant7.example.net")
                        .check(IotedgeCheckTextParser.parse(Samples.read("iotedge-check-child-verbose.txt"))).build(),
                DeviceEvidence.builder("l3").parentHostname("l4-site-gw.plant7.example.net")
                        .check(IotedgeCheckJsonParser.parse(Samples.read("iotedge-check-child.json"))).build())) {
            List<Diagnosis> ds = ENGINE.diagnose(e);
            Diagnosis d = ds.get(0);
            assertThat(d.id()).isEqualTo("DIAG-ROOT-CA-NOT-IN-OS-STORE");
            assertThat(d.remedy()).isEqualTo(Remedy.INSTALL_ROOT_CA);
            assertThat(d.explainedChecks()).containsExactly("host-connect-iothub-amqp");
            assertThat(d.fix()).contains("update-ca-certificates", "update-ca-trust");
        }
        List<Diagnosis> text = ENGINE.diagnose(DeviceEvidence.builder("l3")
                .check(IotedgeCheckTextParser.parse(Samples.read("iotedge-check-child-verbose.txt"))).build());
        // The edgeAgent storage error is not explained by any rule: it is still reported.
        assertThat(ids(text)).containsExactly("DIAG-ROOT-CA-NOT-IN-OS-STORE", "DIAG-UNEXPLAINED-CHECK-FAILURE");
        assertThat(text.get(1).evidence()).containsExactly("edgeAgent container state could not be read");
    }

    @Test
    void f11UnknownCaAfterCertificateChange() {
        List<Diagnosis> ds = ENGINE.diagnose(DeviceEvidence.builder("l4").certificatesChanged(true)
                .log(LogSource.EDGEHUB, "<6> 2026-11-12 08:20:01.123 +00:00 [INF] - Starting Edge Hub\n"
                        + "<3> 2026-11-12 08:20:05.456 +00:00 [ERR] - Error establishing connection to upstream: "
                        + "System.Security.Authentication.AuthenticationException: Received fatal alert: unknown ca\n").build());
        assertThat(ids(ds)).containsExactly("DIAG-STALE-CERTS-AFTER-CHANGE");
        assertThat(ds.get(0).remedy()).isEqualTo(Remedy.CLEAR_CERT_CACHE_AND_RECREATE);
        assertThat(ds.get(0).fix()).contains("/var/lib/aziot/certd/certs", "/var/lib/aziot/keyd/keys");
    }

    @Test
    void f12EdgeHubCreatedWithOldHostname() throws Exception {
        DeviceEvidence stale = DeviceEvidence.builder("l3-line1-gw").configHostname("l3-line1-gw.plant7.example.net")
                .edgeHub(DockerInspectParser.parse(Samples.read("docker-inspect-edgehub-env.json")).get(0)).build();
        List<Diagnosis> ds = ENGINE.diagnose(stale);
        assertThat(ids(ds)).containsExactly("DIAG-EDGEHUB-OLD-HOSTNAME");
        assertThat(ds.get(0).remedy()).isEqualTo(Remedy.RECREATE_EDGEHUB);
        assertThat(ds.get(0).evidence()).singleElement().asString().contains("EdgeDeviceHostName=l3-line1-gw");

        DeviceEvidence fine = DeviceEvidence.builder("l3-line1-gw").configHostname("L3-LINE1-GW")
                .edgeHub(DockerInspectParser.parse(Samples.read("docker-inspect-edgehub-env.json")).get(0)).build();
        assertThat(ENGINE.diagnose(fine)).isEmpty();
    }

    @Test
    void f12ServerCertificateStillNamesTheOldHost() throws Exception {
        List<String> f = Samples.sClientFragments();
        List<Diagnosis> ds = ENGINE.diagnose(DeviceEvidence.builder("l3").parentHostname("l4-site-gw.plant7.example.net")
                .tls("l4-site-gw.plant7.example.net", 8883, OpenSslSClientParser.parse(f.get(2))).build());
        assertThat(ids(ds)).containsExactly("DIAG-EDGEHUB-OLD-HOSTNAME");
        assertThat(ds.get(0).evidence().get(0)).contains("CN = l4-site-gw,", "expected l4-site-gw.plant7.example.net");
        assertThat(ENGINE.diagnose(DeviceEvidence.builder("l3")
                .tls("l4-site-gw.plant7.example.net", 8883, OpenSslSClientParser.parse(f.get(0))).build())).isEmpty();
    }

    @Test
    void untrustedChainFromSClient() throws Exception {
        List<Diagnosis> ds = ENGINE.diagnose(DeviceEvidence.builder("l3")
                .tls("l4-site-gw.plant7.example.net", 8883, OpenSslSClientParser.parse(Samples.sClientFragments().get(1))).build());
        assertThat(ids(ds)).containsExactly("DIAG-TLS-CHAIN-UNTRUSTED");
        assertThat(ds.get(0).evidence().get(0)).contains("20 (unable to get local issuer certificate)");
    }

    @Test
    void f19CertificateFolderWithoutExecuteBit() throws Exception {
        List<Diagnosis> ds = ENGINE.diagnose(DeviceEvidence.builder("l3").path("aziotcs", NameiParser.parse("""
                f: /var/aziot/certs/l3.cert.pem
                drwxr-xr-x root    root    /
                drwxr-xr-x root    root    var
                drwxr-xr-x root    root    aziot
                drw-r--r-- aziotcs aziotcs certs
                -rw-r--r-- aziotcs aziotcs l3.cert.pem
                """)).build());
        assertThat(ids(ds)).containsExactly("DIAG-CERT-FOLDER-NOT-TRAVERSABLE");
        assertThat(ds.get(0).remedy()).isEqualTo(Remedy.FIX_CERT_FOLDER_MODES);
        assertThat(ds.get(0).evidence()).containsExactly("drw-r--r-- aziotcs aziotcs /var/aziot/certs: not traversable by aziotcs");
    }

    @Test
    void f20KeyOwnedByRoot() throws Exception {
        List<Diagnosis> fromLog = ENGINE.diagnose(DeviceEvidence.builder("l3").log(LogSource.KEYD,
                "Nov 12 08:14:03 l3 aziot-keyd[812]: [ERR!] - could not load key pair \"aziot-edged-ca\": "
                        + "Permission denied (os error 13)").build());
        assertThat(ids(fromLog)).containsExactly("DIAG-KEY-NOT-READABLE-BY-KEYD");
        assertThat(fromLog.get(0).remedy()).isEqualTo(Remedy.FIX_KEY_OWNERSHIP);
        List<Diagnosis> fromModes = ENGINE.diagnose(DeviceEvidence.builder("l3").path("aziotks", NameiParser.parse("""
                f: /var/aziot/secrets/l3.key.pem
                drwxr-xr-x root    root    /
                drwxr-xr-x root    root    var
                drwxr-xr-x root    root    aziot
                drwx------ aziotks aziotks secrets
                -rw------- root    root    l3.key.pem
                """)).build());
        assertThat(ids(fromModes)).containsExactly("DIAG-KEY-NOT-READABLE-BY-KEYD");
        assertThat(fromModes.get(0).evidence()).containsExactly("-rw------- root root /var/aziot/secrets/l3.key.pem: not readable by aziotks");
    }

    @Test
    void everyConfigApplyFailureOfTheSampleIsDiagnosed() throws Exception {
        List<Samples.ApplyBlock> blocks = Samples.applyBlocks();
        List<List<Diagnosis>> results = new java.util.ArrayList<>();
        for (Samples.ApplyBlock b : blocks) {
            results.add(ENGINE.diagnose(DeviceEvidence.builder("l3")
                    .configApply(ConfigApplyParser.parse(b.output(), b.exitCode())).build()));
        }
        assertThat(ids(results.get(0))).containsExactly("DIAG-CONFIG-TOML-SYNTAX");
        assertThat(results.get(0).get(0).fix()).contains("line 14, column 6", "image = ");
        assertThat(ids(results.get(1))).containsExactly("DIAG-CONFIG-DPS-NESTED");
        assertThat(results.get(1).get(0).fix()).contains("manual provisioning");
        assertThat(ids(results.get(2))).containsExactly("DIAG-CONFIG-HOSTNAME-CHANGED");
        assertThat(results.get(2).get(0).title()).isEqualTo(
                "hostname changed from l3-line1-gw to l3-line1-gw.plant7.example.net while edge modules exist");
        assertThat(results.get(2).get(0).remedy()).isEqualTo(Remedy.REMOVE_MODULES_AND_REAPPLY);
        assertThat(results.get(3)).isEmpty();
    }

    @Test
    void unknownConfigApplyFailureIsStillReported() throws Exception {
        List<Diagnosis> ds = ENGINE.diagnose(DeviceEvidence.builder("l3").configApply(ConfigApplyParser.parse(
                "Command failed: could not read trust bundle\n        caused by: No such file or directory (os error 2)\n", 1)).build());
        assertThat(ids(ds)).containsExactly("DIAG-CONFIG-APPLY-FAILED");
        assertThat(ds.get(0).evidence().get(0)).contains("os error 2");
    }
}
