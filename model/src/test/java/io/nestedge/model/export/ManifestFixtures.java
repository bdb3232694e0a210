package io.nestedge.model.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nestedge.model.Device;
import io.nestedge.model.EdgeModule;
import io.nestedge.model.ModuleType;
import io.nestedge.model.Plant;
import io.nestedge.model.RegistrySettings;
import io.nestedge.model.samples.SamplePlants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Valid deployment manifests to check and to mutate in tests. */
final class ManifestFixtures {
    private ManifestFixtures() {
    }

    /** The manifests of every IoT Edge device of {@code plant}, built by {@link DeploymentManifestBuilder}. */
    static List<ObjectNode> manifestsOf(Plant plant, ExportSecrets secrets) throws ExportException {
        List<ObjectNode> out = new ArrayList<>();
        for (Device d : plant.devices()) {
            if (d.isEdge()) {
                out.add(DeploymentManifestBuilder.build(plant, d, secrets));
            }
        }
        return out;
    }

    /**
     * Valid manifests covering what the schemas allow beyond the builder's usual output: the sample
     * plant's three, one with a private registry and chunked create options, and one using the
     * edgeHub 1.2 extras (route objects, mqttBroker) and every optional edgeAgent property.
     */
    static List<ObjectNode> bases() throws Exception {
        Plant sample = SamplePlants.sample();
        List<ObjectNode> out = new ArrayList<>(manifestsOf(sample, ExportSecrets.none()));

        Plant p = sample.withRegistry(new RegistrySettings("contoso.azurecr.io", "puller"));
        Device line = p.deviceOrNull("line1-edge");
        Device big = line.withModules(List.of(new EdgeModule("big_sensor-1", ModuleType.CUSTOM, "contoso.azurecr.io/sensor:2",
                Map.of("LEVEL", "3"), "{\"Labels\":{\"note\":\"" + "x".repeat(1100) + "\"}}", List.of(), "stopped", "on-unhealthy")));
        out.add(DeploymentManifestBuilder.build(p.withDevice(big), big, new ExportSecrets(null, null, "pw")));

        out.add(richHub12());
        return out;
    }

    /** The sample top-layer manifest with edgeHub 1.2 extras and every optional edgeAgent property set. */
    static ObjectNode richHub12() throws Exception {
        Plant sample = SamplePlants.sample();
        ObjectNode m = DeploymentManifestBuilder.build(sample, sample.deviceOrNull("site-gw"), ExportSecrets.none());
        ObjectNode agent = (ObjectNode) m.path("modulesContent").path("$edgeAgent").path("properties.desired");
        ObjectNode rs = (ObjectNode) agent.path("runtime").path("settings");
        rs.put("loggingOptions", "");
        ObjectNode sysAgent = (ObjectNode) agent.path("systemModules").path("edgeAgent");
        sysAgent.put("imagePullPolicy", "on-create");
        sysAgent.putObject("env").putObject("UpstreamProtocol").put("value", "AmqpWs");
        ObjectNode sysHub = (ObjectNode) agent.path("systemModules").path("edgeHub");
        sysHub.put("startupOrder", 0);
        ObjectNode env = (ObjectNode) sysHub.path("env");
        env.putObject("MaxUpstreamBatchSize").put("value", 10);
        env.putObject("OptimizeForPerformance").put("value", false);
        ObjectNode registry = (ObjectNode) agent.path("modules").path("registry");
        registry.put("startupOrder", 1);
        registry.put("imagePullPolicy", "never");
        ((ObjectNode) registry.path("settings")).put("createoptions01", "");

        ObjectNode hub = (ObjectNode) m.path("modulesContent").path("$edgeHub").path("properties.desired");
        hub.put("schemaVersion", "1.2");
        hub.putObject("routes").put("upstream", "FROM /messages/* INTO $upstream")
                .putObject("alerts").put("route", "FROM /messages/modules/sensor/outputs/alerts INTO $upstream")
                .put("priority", 0).put("timeToLiveSecs", 86400);
        ObjectNode broker = hub.putObject("mqttBroker");
        ObjectNode bridge = broker.putArray("bridges").addObject();
        bridge.put("endpoint", "$upstream");
        bridge.putArray("settings").addObject().put("direction", "in").put("topic", "alerts/#").put("outPrefix", "local/");
        ObjectNode auth = broker.putArray("authorizations").addObject();
        auth.putArray("identities").add("{{iot:identity}}");
        auth.putArray("allow").addObject().set("operations", CreateOptions.JSON.valueToTree(List.of("mqtt:connect", "mqtt:publish")));
        ((ObjectNode) auth.path("allow").get(0)).putArray("resources").add("events/alerts");
        auth.putArray("deny").addObject().putArray("operations").add("mqtt:subscribe");
        return m;
    }

    /** A deep copy (mutations must not touch shared bases). */
    static ObjectNode copy(JsonNode m) {
        return (ObjectNode) m.deepCopy();
    }
}
