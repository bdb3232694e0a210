package io.nestedge.model.rules;

import static io.nestedge.model.rules.Edits.BOTTOM;
import static io.nestedge.model.rules.Edits.MID;
import static io.nestedge.model.rules.Edits.PROXY;
import static io.nestedge.model.rules.Edits.SENSOR;
import static io.nestedge.model.rules.Edits.TOP;
import static io.nestedge.model.rules.Edits.addModule;
import static io.nestedge.model.rules.Edits.edit;
import static io.nestedge.model.rules.Edits.module;
import static io.nestedge.model.rules.Edits.runtime;
import static io.nestedge.model.rules.Edits.sample;
import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.model.CaSource;
import io.nestedge.model.EdgeModule;
import io.nestedge.model.KeyType;
import io.nestedge.model.ModuleType;
import io.nestedge.model.PkiSettings;
import io.nestedge.model.Plant;
import io.nestedge.model.PortBinding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The design-time rows of {@code field-cases.md}: each test builds the faulty input on the sample plant
 * and asserts the rule, severity, device and field of the finding — plus variants of the same kind.
 */
class FieldCasesTest {
    private static Finding only(Plant p, String ruleId) {
        List<Finding> f = Validator.validate(p).stream().filter(x -> x.ruleId().equals(ruleId)).toList();
        assertThat(f).as(ruleId).hasSize(1);
        return f.get(0);
    }

    private static void fires(Plant p, String ruleId, Severity s, String device, String field) {
        assertThat(Validator.validate(p)).as("%s on %s %s", ruleId, device, field)
                .anySatisfy(f -> {
                    assertThat(f.ruleId()).isEqualTo(ruleId);
                    assertThat(f.severity()).isEqualTo(s);
                    assertThat(f.deviceId()).isEqualTo(device);
                    assertThat(f.field()).isEqualTo(field);
                });
    }

    @Test
    void f6SingleLabelParentHostnameWarnsOnTheParent() {
        Finding f = only(edit(MID, d -> d.withHostname("parent")), "NE-HOST-SINGLE-LABEL");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.deviceId()).isEqualTo(MID);
        assertThat(f.field()).isEqualTo("hostname");
        assertThat(f.message()).contains("parent/azureiotedge-diagnostics").contains(BOTTOM);
        // same kind: a top-layer gateway named with one label
        fires(edit(TOP, d -> d.withHostname("gateway")), "NE-HOST-SINGLE-LABEL", Severity.WARNING, TOP, "hostname");
        // not a parent: nothing to warn about
        Plant noKids = sample().withoutDevice("press-sensor-01").updateDevice(BOTTOM, d -> d.withHostname("line1"));
        assertThat(Validator.validate(noKids)).noneMatch(x -> x.ruleId().equals("NE-HOST-SINGLE-LABEL"));
    }

    @Test
    void f14HostnameStartingWithADigitWarnsLikeTheDevice() {
        Finding f = only(edit(BOTTOM, d -> d.withHostname("22112233")), "NE-HOST-RFC1035");
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.deviceId()).isEqualTo(BOTTOM);
        assertThat(f.field()).isEqualTo("hostname");
        // same kind: digit-first label inside an FQDN, and an underscore
        fires(edit(MID, d -> d.withHostname("ops-gw.1st-floor.contoso-plant.local")), "NE-HOST-RFC1035", Severity.WARNING, MID, "hostname");
        fires(edit(MID, d -> d.withHostname("ops_gw.contoso-plant.local")), "NE-HOST-RFC1035", Severity.WARNING, MID, "hostname");
        // an IP address is not a DNS name and gets no RFC 1035 warning
        assertThat(Validator.validate(RuleCasesTest.allIpPlant())).isEmpty();
    }

    @Test
    void f15IpParentInAnFqdnHierarchyIsAnError() {
        Finding f = only(edit(MID, d -> d.withHostname("192.168.1.90")), "NE-HOST-STYLE-MIX");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.deviceId()).isEqualTo(MID);
        assertThat(f.field()).isEqualTo("hostname");
        // same kind: the top layer on an IP, the layers below on FQDNs -> the odd one out is reported
        fires(edit(TOP, d -> d.withHostname("192.168.1.90")), "NE-HOST-STYLE-MIX", Severity.ERROR, TOP, "hostname");
        // IPv6 counts as IP style too
        fires(edit(BOTTOM, d -> d.withHostname("fd00::12")), "NE-HOST-STYLE-MIX", Severity.ERROR, BOTTOM, "hostname");
        // one style per hierarchy: a second, all-IP hierarchy next to the FQDN one is fine
        Plant two = sample().withDevice(io.nestedge.model.samples.SamplePlants.topGateway("site2-gw", "10.1.0.1", "L4",
                sample().apiProxy(), io.nestedge.model.Position.ORIGIN));
        assertThat(Validator.validate(two)).noneMatch(x -> x.ruleId().equals("NE-HOST-STYLE-MIX"));
    }

    @Test
    void f17LowerLayerPullingFromAPublicRegistryIsAnError() {
        Finding f = only(edit(MID, runtime(r -> r.withImages("mcr.microsoft.com/azureiotedge-agent:1.5", r.hubImage()))),
                "NE-IMAGE-VIA-PARENT");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.deviceId()).isEqualTo(MID);
        assertThat(f.field()).isEqualTo("runtime.agentImage");
        assertThat(f.fix()).contains("$upstream:443/azureiotedge-agent:1.5");
        // same kind: a module image from Docker Hub / a private registry on the bottom layer
        fires(edit(BOTTOM, module(SENSOR, m -> m.withImage("contoso/sensor:2"))), "NE-IMAGE-VIA-PARENT", Severity.ERROR, BOTTOM,
                "modules[" + SENSOR + "].image");
        fires(edit(BOTTOM, runtime(r -> r.withImages(r.agentImage(), "contoso.azurecr.io/azureiotedge-hub:1.5"))),
                "NE-IMAGE-VIA-PARENT", Severity.ERROR, BOTTOM, "runtime.hubImage");
        // the config.toml form <parent hostname>:<port>/... is accepted
        assertThat(Validator.validate(edit(BOTTOM, runtime(r -> r.withImages("ops-gw.contoso-plant.local:443/azureiotedge-agent:1.5",
                r.hubImage()))))).isEmpty();
        // ... but not the grandparent's hostname
        fires(edit(BOTTOM, runtime(r -> r.withImages("site-gw.contoso-plant.local:443/azureiotedge-agent:1.5", r.hubImage()))),
                "NE-IMAGE-VIA-PARENT", Severity.ERROR, BOTTOM, "runtime.agentImage");
    }

    @Test
    void f21ApiProxyAndEdgeHubBothOn443IsAnError() {
        Plant p = edit(TOP, runtime(r -> r.withEdgeHubPorts(List.of(PortBinding.tcp(443), PortBinding.tcp(5671), PortBinding.tcp(8883)))));
        Finding f = only(p, "NE-PORT-443");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.deviceId()).isEqualTo(TOP);
        assertThat(f.field()).isEqualTo("runtime.edgeHubPorts");
        assertThat(f.fix()).contains("keep 5671 and 8883");
        // same kind: two custom modules both publishing 443
        EdgeModule web = new EdgeModule("webui", ModuleType.CUSTOM, "$upstream:443/contoso/webui:1", Map.of(), "",
                List.of(PortBinding.tcp(443)), "running", "always");
        fires(edit(MID, addModule(web)), "NE-PORT-443", Severity.ERROR, MID, "modules[webui].ports");
        // 443 mapped to another container port still takes host port 443
        EdgeModule web2 = new EdgeModule("webui", ModuleType.CUSTOM, "$upstream:443/contoso/webui:1", Map.of(), "",
                List.of(new PortBinding(443, 8080, "tcp")), "running", "always");
        fires(edit(MID, addModule(web2)), "NE-PORT-443", Severity.ERROR, MID, "modules[webui].ports");
        assertThat(Validator.validate(edit(MID, module(PROXY, m -> m)))).isEmpty();
    }

    @Test
    void f28SeventyCharacterHostnameIsAnError() {
        String vmName = "contoso-iot-edge-gateway-vm-westeurope-001.internal.cloudapp.net-xyz";
        String h70 = vmName + "x".repeat(70 - vmName.length());
        assertThat(h70).hasSize(70);
        Finding f = only(edit(TOP, d -> d.withHostname(h70)), "NE-HOST-LENGTH");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.deviceId()).isEqualTo(TOP);
        assertThat(f.field()).isEqualTo("hostname");
        // boundary: 65 is too long, 64 is fine
        fires(edit(MID, d -> d.withHostname("a".repeat(45) + ".contoso-plant.local")), "NE-HOST-LENGTH", Severity.ERROR, MID, "hostname");
        assertThat(Validator.validate(edit(MID, d -> d.withHostname("a".repeat(44) + ".contoso-plant.local")))).isEmpty();
    }

    @Test
    void f3ImportedChainThatStopsAtTheIntermediateIsAnError() {
        Plant p = sample().withPki(new PkiSettings(CaSource.IMPORT, KeyType.RSA_4096, KeyType.RSA_2048, 3650, 365, true, "",
                "certs/azure-iot-test-only.intermediate.cert.pem"));
        Finding f = only(p, "NE-PKI-TRUST-ROOT");
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.deviceId()).isEmpty();
        assertThat(f.field()).isEqualTo("pki.importedRootCert");
    }
}
