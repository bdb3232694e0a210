package io.nestedge.model.rules;

import static io.nestedge.model.rules.Edits.BOTTOM;
import static io.nestedge.model.rules.Edits.LEAF;
import static io.nestedge.model.rules.Edits.MID;
import static io.nestedge.model.rules.Edits.PROXY;
import static io.nestedge.model.rules.Edits.SENSOR;
import static io.nestedge.model.rules.Edits.TOP;
import static io.nestedge.model.rules.Edits.addModule;
import static io.nestedge.model.rules.Edits.edit;
import static io.nestedge.model.rules.Edits.module;
import static io.nestedge.model.rules.Edits.removeModule;
import static io.nestedge.model.rules.Edits.runtime;
import static io.nestedge.model.rules.Edits.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.nestedge.model.ApiProxySettings;
import io.nestedge.model.CaSource;
import io.nestedge.model.ContainerEngineSettings;
import io.nestedge.model.EdgeRuntime;
import io.nestedge.model.KeyType;
import io.nestedge.model.Layer;
import io.nestedge.model.PkiSettings;
import io.nestedge.model.Plant;
import io.nestedge.model.PortBinding;
import io.nestedge.model.Provisioning;
import io.nestedge.model.ProvisioningMethod;
import io.nestedge.model.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One failing and one passing plant per rule (small edits of the sample plant): the failing plant makes
 * the rule fire on exactly the expected devices and fields with the rule's severity, the passing plant
 * (a near miss where one exists) does not make it fire.
 */
class RuleCasesTest {
    /** A rule case: the rule, a plant that breaks it, where it must fire, and a plant that keeps it. */
    record Case(String ruleId, Supplier<Plant> failing, List<String> where, Supplier<Plant> passing) {
    }

    private static Case c(String ruleId, Supplier<Plant> failing, String where, Supplier<Plant> passing) {
        return new Case(ruleId, failing, List.of(where.split(";")), passing);
    }

    private static final String DOMAIN = ".contoso-plant.local";
    private static final String H70 = "a".repeat(50) + ".contoso-plant.local"; // 70 characters
    private static final String H64 = "a".repeat(44) + ".contoso-plant.local"; // 64 characters

    static List<Case> cases() {
        List<Case> l = new ArrayList<>();
        // hierarchy
        l.add(c("NE-PARENT-MISSING", () -> edit(BOTTOM, d -> d.withParent("ghost-gw")), BOTTOM + " parentId", Edits::sample));
        l.add(c("NE-PARENT-NOT-EDGE", () -> sample().withDevice(Edits.leaf("sensor-2", LEAF)), "sensor-2 parentId",
                () -> sample().withDevice(Edits.leaf("sensor-2", BOTTOM))));
        l.add(c("NE-HIERARCHY-CYCLE", () -> edit(TOP, d -> d.withParent(BOTTOM)),
                TOP + " parentId;" + MID + " parentId;" + BOTTOM + " parentId", Edits::sample));
        l.add(c("NE-LEAF-NO-PARENT", () -> edit(LEAF, d -> d.withParent("")), LEAF + " parentId", Edits::sample));
        l.add(c("NE-LAYER-INVERTED", () -> edit(BOTTOM, d -> d.withLayer("L5")), BOTTOM + " layerId", Edits::sample));
        l.add(c("NE-LAYER-SAME", () -> edit(MID, d -> d.withLayer("L4")), MID + " layerId",
                Edits::sample /* the leaf shares its gateway's layer: fine */));
        l.add(c("NE-LAYER-UNKNOWN", () -> edit(BOTTOM, d -> d.withLayer("L9")), BOTTOM + " layerId", Edits::sample));
        l.add(c("NE-CHILDREN-LIMIT", () -> Edits.withLeaves(sample(), BOTTOM, 100), BOTTOM + " children",
                () -> Edits.withLeaves(sample(), BOTTOM, 99)));
        l.add(c("NE-HUB-MAX-CLIENTS", () -> edit(BOTTOM, runtime(r -> r.withEdgeHubEnv("MaxConnectedClients", "lots"))),
                BOTTOM + " runtime.edgeHubEnv.MaxConnectedClients",
                () -> edit(BOTTOM, runtime(r -> r.withEdgeHubEnv("MaxConnectedClients", "250")))));
        l.add(c("NE-DEVICE-ID", () -> sample().replaceDevice(BOTTOM, sample().deviceOrNull(BOTTOM).toBuilder().id("line 1/edge").build()),
                "line 1/edge id", () -> sample().replaceDevice(BOTTOM,
                        sample().deviceOrNull(BOTTOM).toBuilder().id("line1-edge:(a)@b").build())));
        // hostnames
        l.add(c("NE-HOST-EMPTY", () -> edit(MID, d -> d.withHostname("")), MID + " hostname", Edits::sample));
        l.add(c("NE-HOST-LENGTH", () -> edit(TOP, d -> d.withHostname(H70)), TOP + " hostname",
                () -> edit(TOP, d -> d.withHostname(H64))));
        l.add(c("NE-HOST-SYNTAX", () -> edit(MID, d -> d.withHostname("ops gw" + DOMAIN)), MID + " hostname",
                () -> edit(MID, d -> d.withHostname("ops-gw-2" + DOMAIN))));
        l.add(c("NE-HOST-RFC1035", () -> edit(BOTTOM, d -> d.withHostname("22112233")), BOTTOM + " hostname",
                () -> edit(BOTTOM, d -> d.withHostname("gw22112233" + DOMAIN))));
        l.add(c("NE-HOST-IP-INVALID", () -> edit(MID, d -> d.withHostname("192.168.1.300")), MID + " hostname",
                () -> edit(MID, d -> d.withHostname("192.168.1.30"))));
        l.add(c("NE-HOST-SINGLE-LABEL", () -> edit(MID, d -> d.withHostname("parent")), MID + " hostname",
                () -> edit(MID, d -> d.withHostname("parent.local"))));
        l.add(c("NE-HOST-DUPLICATE", () -> edit(BOTTOM, d -> d.withHostname("OPS-GW" + DOMAIN)),
                MID + " hostname;" + BOTTOM + " hostname", Edits::sample));
        l.add(c("NE-HOST-STYLE-MIX", () -> edit(MID, d -> d.withHostname("192.168.1.90")), MID + " hostname",
                RuleCasesTest::allIpPlant));
        // provisioning
        l.add(c("NE-PROV-DPS-NESTED", () -> edit(MID, d -> d.toBuilder().provisioning(new Provisioning(ProvisioningMethod.DPS, "0ne0001")).build()),
                MID + " provisioning.method",
                () -> edit(TOP, d -> d.toBuilder().provisioning(new Provisioning(ProvisioningMethod.DPS, "0ne0001")).build())));
        l.add(c("NE-PROV-DPS-SCOPE", () -> edit(TOP, d -> d.toBuilder().provisioning(new Provisioning(ProvisioningMethod.DPS, "")).build()),
                TOP + " provisioning.dpsScopeId",
                () -> edit(TOP, d -> d.toBuilder().provisioning(new Provisioning(ProvisioningMethod.DPS, "0ne0001")).build())));
        // images
        l.add(c("NE-IMAGE-EMPTY", () -> edit(BOTTOM, module(SENSOR, m -> m.withImage(""))), BOTTOM + " modules[" + SENSOR + "].image",
                Edits::sample));
        l.add(c("NE-IMAGE-UPSTREAM-PORT", () -> edit(MID, runtime(r -> r.withImages("$upstream/azureiotedge-agent:1.5", r.hubImage()))),
                MID + " runtime.agentImage", Edits::sample));
        l.add(c("NE-IMAGE-UPSTREAM-TOP", () -> edit(TOP, runtime(r -> r.withImages("$upstream:443/azureiotedge-agent:1.5", r.hubImage()))),
                TOP + " runtime.agentImage", Edits::sample));
        l.add(c("NE-IMAGE-VIA-PARENT", () -> edit(MID, runtime(r -> r.withImages("mcr.microsoft.com/azureiotedge-agent:1.5", r.hubImage()))),
                MID + " runtime.agentImage",
                () -> edit(MID, runtime(r -> r.withImages("site-gw" + DOMAIN + ":443/azureiotedge-agent:1.5", r.hubImage())))));
        l.add(c("NE-IMAGE-PROXY-PORT", () -> edit(BOTTOM, module(SENSOR, m -> m.withImage("$upstream:8443/azureiotedge-simulated-temperature-sensor:1.5"))),
                BOTTOM + " modules[" + SENSOR + "].image", Edits::sample));
        l.add(c("NE-RUNTIME-VERSION", () -> edit(MID, runtime(r -> r.withImages("$upstream:443/azureiotedge-agent:1.1", r.hubImage()))),
                MID + " runtime.agentImage",
                () -> edit(MID, runtime(r -> r.withImages("$upstream:443/azureiotedge-agent:1.2.10", r.hubImage())))));
        // modules and ports
        l.add(c("NE-PROXY-MISSING", () -> edit(MID, removeModule(PROXY)), MID + " modules",
                () -> edit(BOTTOM, removeModule(SENSOR)) /* bottom has only a leaf child: no proxy needed */));
        l.add(c("NE-PROXY-NAME", () -> edit(MID, module(PROXY, m -> Edits.named(m, "apiproxy"))), MID + " modules[apiproxy].name",
                Edits::sample));
        l.add(c("NE-PROXY-PORT", () -> edit(MID, module(PROXY, m -> Edits.ports(m, PortBinding.tcp(8443)))),
                MID + " modules[" + PROXY + "].ports", Edits::sample));
        l.add(c("NE-PROXY-NGINX-PORT", () -> edit(MID, module(PROXY, m -> m.withEnv("NGINX_DEFAULT_PORT", "8000"))),
                MID + " modules[" + PROXY + "].env.NGINX_DEFAULT_PORT",
                () -> edit(MID, module(PROXY, m -> Edits.ports(Edits.withoutEnv(m, "NGINX_DEFAULT_PORT"),
                        new PortBinding(443, 8000, "tcp"))))));
        l.add(c("NE-PROXY-ROUTE-ADDRESS", () -> edit(TOP, module(PROXY, m -> m.withEnv("DOCKER_REQUEST_ROUTE_ADDRESS", "registry:6000"))),
                TOP + " modules[" + PROXY + "].env.DOCKER_REQUEST_ROUTE_ADDRESS", Edits::sample));
        l.add(c("NE-REGISTRY-MISSING", () -> edit(TOP, removeModule("registry")), TOP + " modules", Edits::sample));
        l.add(c("NE-REGISTRY-URL", () -> edit(TOP, module("registry", m -> m.withEnv("REGISTRY_PROXY_REMOTEURL", "http://mcr.microsoft.com"))),
                TOP + " modules[registry].env.REGISTRY_PROXY_REMOTEURL",
                () -> edit(TOP, module("registry", m -> m.withEnv("REGISTRY_PROXY_REMOTEURL", "https://contoso.azurecr.io")))));
        l.add(c("NE-PORT-443", () -> edit(MID, runtime(r -> r.withEdgeHubPorts(List.of(PortBinding.tcp(5671), PortBinding.tcp(8883),
                PortBinding.tcp(443))))), MID + " runtime.edgeHubPorts",
                () -> edit(BOTTOM, runtime(r -> r.withEdgeHubPorts(List.of(PortBinding.tcp(5671), PortBinding.tcp(8883),
                        PortBinding.tcp(443))))) /* no proxy on the bottom device: edgeHub alone has 443 */));
        l.add(c("NE-PORT-CONFLICT", () -> edit(BOTTOM, module(SENSOR, m -> Edits.ports(m, PortBinding.tcp(8883)))),
                BOTTOM + " modules[" + SENSOR + "].ports", () -> edit(BOTTOM, module(SENSOR, m -> Edits.ports(m, PortBinding.tcp(8884))))));
        l.add(c("NE-PORT-RANGE", () -> edit(BOTTOM, module(SENSOR, m -> Edits.ports(m, PortBinding.tcp(70000)))),
                BOTTOM + " modules[" + SENSOR + "].ports", () -> edit(BOTTOM, module(SENSOR, m -> Edits.ports(m, PortBinding.tcp(65535))))));
        l.add(c("NE-ROUTE-UPSTREAM", () -> edit(MID, d -> d.toBuilder().routes(List.of()).build()), MID + " routes",
                () -> edit(MID, d -> d.toBuilder().routes(List.of(new Route("up", "FROM /messages/modules/* WHERE a = 1 INTO $upstream"))).build())));
        l.add(c("NE-ROUTE-SYNTAX", () -> edit(MID, d -> d.toBuilder().routes(List.of(new Route("upstream", "FROM /messages/* TO $upstream"))).build()),
                MID + " routes[upstream]", Edits::sample));
        l.add(c("NE-MODULE-NAME", () -> edit(BOTTOM, module(SENSOR, m -> Edits.named(m, "edgeHub"))), BOTTOM + " modules[edgeHub].name",
                () -> edit(BOTTOM, module(SENSOR, m -> Edits.named(m, "edge_Hub-2")))));
        l.add(c("NE-MODULE-DUPLICATE", () -> edit(BOTTOM, addModule(sample().deviceOrNull(BOTTOM).modules().get(0))),
                BOTTOM + " modules[" + SENSOR + "].name", Edits::sample));
        l.add(c("NE-MODULE-STATUS", () -> edit(BOTTOM, module(SENSOR, m -> Edits.status(m, "paused"))), BOTTOM + " modules[" + SENSOR + "].status",
                () -> edit(BOTTOM, module(SENSOR, m -> Edits.status(m, "stopped")))));
        l.add(c("NE-MODULE-RESTART", () -> edit(BOTTOM, module(SENSOR, m -> Edits.restart(m, "sometimes"))),
                BOTTOM + " modules[" + SENSOR + "].restartPolicy", () -> edit(BOTTOM, module(SENSOR, m -> Edits.restart(m, "on-unhealthy")))));
        l.add(c("NE-MODULE-CREATE-OPTIONS", () -> edit(BOTTOM, module(SENSOR, m -> Edits.createOptions(m, "{\"HostConfig\": {"))),
                BOTTOM + " modules[" + SENSOR + "].createOptions",
                () -> edit(BOTTOM, module(SENSOR, m -> Edits.createOptions(m, "{\"HostConfig\":{\"Privileged\":false}}")))));
        l.add(c("NE-RUNTIME-MISSING", () -> edit(BOTTOM, d -> d.withRuntime(null)), BOTTOM + " runtime", Edits::sample));
        l.add(c("NE-LEAF-MODULES", () -> edit(LEAF, addModule(sample().deviceOrNull(BOTTOM).modules().get(0))), LEAF + " modules",
                Edits::sample));
        // certificates, settings, layers
        l.add(c("NE-OFFLINE-DAYS", () -> edit(BOTTOM, d -> d.toBuilder().expectedOfflineDays(30).build()), BOTTOM + " expectedOfflineDays",
                () -> edit(BOTTOM, d -> d.toBuilder().expectedOfflineDays(25).build())));
        l.add(c("NE-HUB-TTL", () -> edit(BOTTOM, d -> d.toBuilder().expectedOfflineDays(2).build()), BOTTOM + " runtime.storeAndForwardTtlSecs",
                () -> edit(BOTTOM, d -> d.toBuilder().expectedOfflineDays(2).runtime(new EdgeRuntime(d.runtime().agentImage(),
                        d.runtime().hubImage(), Map.of(), d.runtime().edgeHubPorts(), 2 * 86_400)).build())));
        l.add(c("NE-PKI-EDGECA-VALIDITY", () -> sample().withPki(pki(20, 3650, KeyType.RSA_2048)), " pki.edgeCaValidityDays",
                () -> sample().withPki(pki(30, 3650, KeyType.RSA_2048))));
        l.add(c("NE-PKI-EDGECA-SHORT", () -> sample().withPki(pki(7, 3650, KeyType.RSA_2048)), " pki.edgeCaValidityDays",
                () -> sample().withPki(pki(8, 3650, KeyType.RSA_2048))));
        l.add(c("NE-PKI-EDGECA-ROOT", () -> sample().withPki(pki(4000, 3650, KeyType.RSA_2048)), " pki.edgeCaValidityDays",
                () -> sample().withPki(pki(3650, 3650, KeyType.RSA_2048))));
        l.add(c("NE-PKI-KEY-TYPE", () -> sample().withPki(pki(365, 3650, KeyType.RSA_4096)), " pki.edgeCaKeyType",
                () -> sample().withPki(pki(365, 3650, KeyType.EC_P256))));
        l.add(c("NE-PKI-TRUST-ROOT", () -> sample().withPki(new PkiSettings(CaSource.IMPORT, KeyType.RSA_4096, KeyType.RSA_2048, 3650, 365,
                true, "", "certs/azure-iot-test-only.intermediate.cert.pem")), " pki.importedRootCert",
                () -> sample().withPki(new PkiSettings(CaSource.IMPORT, KeyType.RSA_4096, KeyType.RSA_2048, 3650, 365, true,
                        "certs/azure-iot-test-only.root.ca.cert.pem", "certs/azure-iot-test-only.intermediate.cert.pem"))));
        l.add(c("NE-LAYER-DUPLICATE", () -> sample().withLayers(List.of(new Layer("L5", "Enterprise", 5), new Layer("L4", "Site", 4),
                new Layer("L3", "Ops", 3), new Layer("L2", "Area", 2), new Layer("L3", "Ops again", 3))), " layers[4].id", Edits::sample));
        l.add(c("NE-PROXY-SETTINGS", () -> sample().withApiProxy(new ApiProxySettings("IoT Edge API Proxy", 443)), " apiProxy.moduleName",
                Edits::sample));
        l.add(c("NE-HUB-HOSTNAME", () -> sample().withHub(new io.nestedge.model.HubSettings("contoso hub!")), " hub.iotHubHostname",
                Edits::sample));
        // container engine (facts §6: container-engine-dns, container-engine-logrotate)
        l.add(c("NE-ENGINE-DNS", () -> engine(e -> e.withDns(List.of("10.0.3.53", "dns.contoso-plant.local"))),
                " containerEngine.dns[1]", () -> engine(e -> e.withDns(List.of("10.0.3.53", "fd00:3::53")))));
        l.add(c("NE-ENGINE-LOG-SIZE", () -> engine(e -> e.withLogMaxSize("10 MB")), " containerEngine.logMaxSize",
                () -> engine(e -> e.withLogMaxSize("1g"))));
        l.add(c("NE-ENGINE-LOG-FILES", () -> engine(e -> e.withLogMaxFiles(0)), " containerEngine.logMaxFiles",
                () -> engine(e -> e.withLogMaxFiles(1))));
        l.add(c("NE-ENGINE-UNSET", () -> sample().withContainerEngine(ContainerEngineSettings.NONE),
                " containerEngine.dns; containerEngine.logMaxSize", Edits::sample));
        return l;
    }

    private static Plant engine(java.util.function.UnaryOperator<ContainerEngineSettings> edit) {
        return sample().withContainerEngine(edit.apply(sample().containerEngine()));
    }

    private static PkiSettings pki(int edgeDays, int rootDays, KeyType edgeKey) {
        return new PkiSettings(CaSource.GENERATE, KeyType.RSA_4096, edgeKey, rootDays, edgeDays, true, "", "");
    }

    /** The sample with IP hostnames on every IoT Edge device (one style: no mix). */
    static Plant allIpPlant() {
        Plant p = sample();
        p = p.updateDevice(TOP, d -> d.withHostname("10.0.0.1"));
        p = p.updateDevice(MID, d -> d.withHostname("10.0.1.1"));
        return p.updateDevice(BOTTOM, d -> d.withHostname("10.0.2.1"));
    }

    private static Set<String> where(List<Finding> findings, String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).map(f -> f.deviceId() + " " + f.field())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @TestFactory
    Stream<DynamicTest> everyRuleFiresOnItsFailingPlantAndNotOnItsPassingPlant() {
        return cases().stream().map(k -> dynamicTest(k.ruleId(), () -> {
            Rule rule = RuleCatalog.rule(k.ruleId()).orElseThrow(() -> new AssertionError("not in catalog: " + k.ruleId()));
            List<Finding> bad = Validator.validate(k.failing().get());
            assertThat(where(bad, k.ruleId())).as("where %s fires", k.ruleId()).containsExactlyInAnyOrderElementsOf(k.where());
            assertThat(bad).filteredOn(f -> f.ruleId().equals(k.ruleId()))
                    .allSatisfy(f -> {
                        assertThat(f.severity()).isEqualTo(rule.severity());
                        assertThat(f.message()).isNotBlank();
                        assertThat(f.fix()).isNotBlank();
                    });
            assertThat(where(Validator.validate(k.passing().get()), k.ruleId())).as("%s on the passing plant", k.ruleId()).isEmpty();
        }));
    }

    @Test
    void everyCatalogRuleHasACase() {
        Set<String> covered = cases().stream().map(Case::ruleId).collect(Collectors.toSet());
        assertThat(RuleCatalog.rules()).extracting(Rule::id).allMatch(covered::contains, "has a case in RuleCasesTest");
    }
}
