package io.nestedge.model.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nestedge.model.Device;
import io.nestedge.model.EdgeModule;
import io.nestedge.model.ModuleType;
import io.nestedge.model.Plant;
import io.nestedge.model.PortBinding;
import io.nestedge.model.RegistrySettings;
import io.nestedge.model.samples.SamplePlants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentManifestBuilderTest {
    final Plant plant = SamplePlants.sample();

    static JsonNode desiredAgent(JsonNode m) {
        return m.path("modulesContent").path("$edgeAgent").path("properties.desired");
    }

    static JsonNode createOptions(JsonNode module) throws Exception {
        return CreateOptions.JSON.readTree(CreateOptions.join(module.path("settings")));
    }

    @Test
    void everyIotEdgeDeviceOfTheSamplePlantGetsAValidManifest() throws Exception {
        for (Device d : plant.devices()) {
            if (!d.isEdge()) {
                continue;
            }
            ObjectNode m = DeploymentManifestBuilder.build(plant, d, ExportSecrets.none());
            assertThat(ManifestSchemaValidator.validate(m)).as(d.id()).isEmpty();
            // round trip through the written bytes
            assertThat(ManifestSchemaValidator.validate(CreateOptions.JSON.readTree(DeploymentManifestBuilder.toBytes(m)))).isEmpty();
        }
    }

    @Test
    void topLayerManifestHasTheSeedsShape() throws Exception {
        JsonNode m = DeploymentManifestBuilder.build(plant, plant.deviceOrNull("site-gw"), ExportSecrets.none());
        JsonNode a = desiredAgent(m);
        assertThat(a.path("schemaVersion").asText()).isEqualTo("1.1");
        assertThat(a.path("runtime").path("type").asText()).isEqualTo("docker");
        assertThat(a.path("runtime").path("settings").path("minDockerVersion").asText()).isEqualTo("v1.25");
        assertThat(a.path("runtime").path("settings").has("registryCredentials")).isFalse();

        JsonNode hub = a.path("systemModules").path("edgeHub");
        assertThat(hub.path("settings").path("image").asText()).isEqualTo("mcr.microsoft.com/azureiotedge-hub:1.5");
        assertThat(hub.path("settings").path("createOptions").isTextual()).isTrue();
        JsonNode hubPorts = createOptions(hub).path("HostConfig").path("PortBindings");
        assertThat(hubPorts.has("5671/tcp")).isTrue();
        assertThat(hubPorts.has("8883/tcp")).isTrue();
        assertThat(hubPorts.has("443/tcp")).as("443 stays with the API proxy").isFalse();
        assertThat(a.path("systemModules").path("edgeAgent").path("settings").path("image").asText())
                .isEqualTo("mcr.microsoft.com/azureiotedge-agent:1.5");

        JsonNode proxy = a.path("modules").path("IoTEdgeAPIProxy");
        assertThat(proxy.path("version").asText()).isEqualTo("1.0");
        assertThat(proxy.path("status").asText()).isEqualTo("running");
        assertThat(proxy.path("restartPolicy").asText()).isEqualTo("always");
        assertThat(createOptions(proxy).path("HostConfig").path("PortBindings").path("443/tcp").get(0).path("HostPort").asText())
                .isEqualTo("443");
        assertThat(proxy.path("env").path("NGINX_DEFAULT_PORT").path("value").asText()).isEqualTo("443");
        assertThat(proxy.path("env").path("DOCKER_REQUEST_ROUTE_ADDRESS").path("value").asText()).isEqualTo("registry:5000");
        JsonNode reg = a.path("modules").path("registry");
        assertThat(reg.path("env").path("REGISTRY_PROXY_REMOTEURL").path("value").asText()).isEqualTo("https://mcr.microsoft.com");
        assertThat(reg.path("env").has("REGISTRY_PROXY_PASSWORD")).isFalse();

        JsonNode h = m.path("modulesContent").path("$edgeHub").path("properties.desired");
        assertThat(h.path("schemaVersion").asText()).isEqualTo("1.1");
        assertThat(h.path("routes").path("upstream").asText()).isEqualTo("FROM /messages/* INTO $upstream");
        assertThat(h.path("storeAndForwardConfiguration").path("timeToLiveSecs").asInt()).isEqualTo(7200);
    }

    @Test
    void lowerLayerPullsThroughUpstreamAndTheProxyGetsItsPortFromThePlant() throws Exception {
        Device mid = plant.deviceOrNull("ops-gw");
        EdgeModule proxyWithoutPort = mid.modules().get(0);
        proxyWithoutPort = new EdgeModule(proxyWithoutPort.name(), ModuleType.API_PROXY, proxyWithoutPort.image(), Map.of(), "",
                proxyWithoutPort.ports(), "running", "always");
        Device d = mid.withModules(List.of(proxyWithoutPort));
        JsonNode a = desiredAgent(DeploymentManifestBuilder.build(plant.withDevice(d), d, ExportSecrets.none()));
        assertThat(a.path("systemModules").path("edgeAgent").path("settings").path("image").asText())
                .isEqualTo("$upstream:443/azureiotedge-agent:1.5");
        JsonNode proxy = a.path("modules").path("IoTEdgeAPIProxy");
        assertThat(proxy.path("settings").path("image").asText()).isEqualTo("$upstream:443/azureiotedge-api-proxy:1.1");
        assertThat(proxy.path("env").path("NGINX_DEFAULT_PORT").path("value").asText()).isEqualTo("443");
        assertThat(proxy.path("env").has("DOCKER_REQUEST_ROUTE_ADDRESS")).as("only where a registry module runs").isFalse();
    }

    @Test
    void privateRegistryCredentialsAreFilledInAtExportOnly() throws Exception {
        Plant p = plant.withRegistry(new RegistrySettings("contoso.azurecr.io", "puller"));
        Device top = p.deviceOrNull("site-gw");
        assertThatThrownBy(() -> DeploymentManifestBuilder.build(p, top, ExportSecrets.none()))
                .isInstanceOf(ExportException.class).hasMessageContaining("registry password");
        ObjectNode m = DeploymentManifestBuilder.build(p, top, new ExportSecrets(null, null, "pw-123"));
        JsonNode cred = desiredAgent(m).path("runtime").path("settings").path("registryCredentials").path("contoso-azurecr-io");
        assertThat(cred.path("address").asText()).isEqualTo("contoso.azurecr.io");
        assertThat(cred.path("username").asText()).isEqualTo("puller");
        assertThat(cred.path("password").asText()).isEqualTo("pw-123");
        JsonNode env = desiredAgent(m).path("modules").path("registry").path("env");
        assertThat(env.path("REGISTRY_PROXY_USERNAME").path("value").asText()).isEqualTo("puller");
        assertThat(env.path("REGISTRY_PROXY_PASSWORD").path("value").asText()).isEqualTo("pw-123");
        assertThat(DeploymentManifestBuilder.holdsSecrets(m)).isTrue();
        assertThat(ManifestSchemaValidator.validate(m)).isEmpty();
    }

    @Test
    void moduleCreateOptionsAreMergedWithItsPorts() throws Exception {
        EdgeModule blob = new EdgeModule("blob", ModuleType.BLOB_STORAGE, "mcr.microsoft.com/azure-blob-storage:latest", Map.of(),
                "{\"HostConfig\":{\"Binds\":[\"/srv/blob:/blobroot\"],\"PortBindings\":{\"11002/tcp\":[{\"HostPort\":\"1\"}]}}}",
                List.of(new PortBinding(11002, 11002, "tcp")), "running", "always");
        Device top = plant.deviceOrNull("site-gw");
        List<EdgeModule> mods = new ArrayList<>(top.modules());
        mods.add(blob);
        Device d = top.withModules(mods);
        JsonNode co = createOptions(desiredAgent(DeploymentManifestBuilder.build(plant.withDevice(d), d, ExportSecrets.none()))
                .path("modules").path("blob"));
        assertThat(co.path("HostConfig").path("Binds").get(0).asText()).isEqualTo("/srv/blob:/blobroot");
        assertThat(co.path("HostConfig").path("PortBindings").path("11002/tcp").get(0).path("HostPort").asText()).isEqualTo("11002");
    }

    @Test
    void longCreateOptionsAreChunkedAndTooLongOnesRefused() throws Exception {
        String labels = "{\"Labels\":{\"note\":\"" + "x".repeat(1200) + "\"}}";
        Device d = withCustom("big", labels, "running");
        ObjectNode m = DeploymentManifestBuilder.build(plant.withDevice(d), d, ExportSecrets.none());
        JsonNode settings = desiredAgent(m).path("modules").path("big").path("settings");
        assertThat(settings.path("createOptions").asText()).hasSize(512);
        assertThat(settings.path("createOptions01").asText()).hasSize(512);
        assertThat(settings.has("createOptions02")).isTrue();
        assertThat(CreateOptions.JSON.readTree(CreateOptions.join(settings))).isEqualTo(CreateOptions.JSON.readTree(labels));
        assertThat(ManifestSchemaValidator.validate(m)).isEmpty();

        Device huge = withCustom("huge", "{\"Labels\":{\"note\":\"" + "x".repeat(5000) + "\"}}", "running");
        assertThatThrownBy(() -> DeploymentManifestBuilder.build(plant.withDevice(huge), huge, ExportSecrets.none()))
                .isInstanceOf(ExportException.class).hasMessageContaining("at most 4096");
    }

    @Test
    void badInputIsRejectedWithThePathAndWhatIsExpectedOrTheJsonError() {
        Device paused = withCustom("sensor", "", "paused");
        assertThatThrownBy(() -> DeploymentManifestBuilder.build(plant.withDevice(paused), paused, ExportSecrets.none()))
                .isInstanceOf(ExportException.class).hasMessageContaining("line1-edge")
                .hasMessageContaining("modules.sensor.status: is \"paused\"; expected one of running, stopped");
        Device notJson = withCustom("sensor", "{HostConfig: 1}", "running");
        assertThatThrownBy(() -> DeploymentManifestBuilder.build(plant.withDevice(notJson), notJson, ExportSecrets.none()))
                .isInstanceOf(ExportException.class).hasMessageContaining("module 'sensor'").hasMessageContaining("not JSON");
        Device trailing = withCustom("sensor", "{\"HostConfig\":{}} {}", "running");
        assertThatThrownBy(() -> DeploymentManifestBuilder.build(plant.withDevice(trailing), trailing, ExportSecrets.none()))
                .isInstanceOf(ExportException.class).hasMessageContaining("module 'sensor'").hasMessageContaining("not JSON");
        Device dotted = withCustom("my.sensor", "", "running");
        assertThatThrownBy(() -> DeploymentManifestBuilder.build(plant.withDevice(dotted), dotted, ExportSecrets.none()))
                .isInstanceOf(ExportException.class).hasMessageContaining("modules[\"my.sensor\"]: not allowed")
                .hasMessageContaining("^[a-zA-Z0-9_-]+$");
    }

    @Test
    void theValidatorRejectsCreateOptionsAsAnObjectAndNonJsonStrings() throws Exception {
        ObjectNode m = DeploymentManifestBuilder.build(plant, plant.deviceOrNull("site-gw"), ExportSecrets.none());
        ObjectNode settings = (ObjectNode) desiredAgent(m).path("modules").path("registry").path("settings");
        settings.set("createOptions", CreateOptions.JSON.readTree("{\"HostConfig\":{}}"));
        assertThat(ManifestSchemaValidator.validate(m)).singleElement().asString()
                .contains("modules.registry.settings.createOptions: is an object; expected create options as a JSON string");
        settings.put("createOptions", "{\"HostConfig\":");
        assertThat(ManifestSchemaValidator.validate(m)).singleElement().asString().contains("not JSON");
        ((ObjectNode) m.path("modulesContent").path("$edgeHub").path("properties.desired")).remove("routes");
        settings.put("createOptions", "{}");
        assertThat(ManifestSchemaValidator.validate(m)).singleElement().asString()
                .startsWith("$.modulesContent.$edgeHub[\"properties.desired\"].routes: missing");
    }

    @Test
    void theSchemasAreNotVendoredIntoTheProduct() {
        assertThat(ManifestSchemaValidator.class.getResource("/schemas/" + OfficialSchemas.AGENT_1_1)).isNull();
        assertThat(ManifestSchemaValidator.class.getResource("/schemas/NOTICE.md")).isNull();
    }

    private Device withCustom(String name, String createOptions, String status) {
        Device d = plant.deviceOrNull("line1-edge");
        return d.withModules(List.of(new EdgeModule(name, ModuleType.CUSTOM, "$upstream:443/sensor:1.0", Map.of("A", "1"),
                createOptions, List.of(), status, "always")));
    }
}
