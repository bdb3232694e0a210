package io.nestedge.model.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One example per kind of mistake: the official schemas and our checks both reject it, and our
 * message names the JSON path and what is expected there.
 */
class ManifestChecksExamplesTest {
    private final OfficialSchemas oracle = OfficialSchemas.get();
    static final String AGENT = ManifestChecksDifferencesTest.AGENT;
    static final String HUB = ManifestChecksDifferencesTest.HUB;
    static final String A = "$.modulesContent.$edgeAgent[\"properties.desired\"]";
    static final String H = "$.modulesContent.$edgeHub[\"properties.desired\"]";

    record Case(String name, Consumer<ObjectNode> change, String message) {
    }

    private static ObjectNode at(ObjectNode m, String pointer) {
        return (ObjectNode) m.at(pointer);
    }

    @TestFactory
    Stream<DynamicTest> bothRejectAndOursSaysWhereAndWhat() {
        return Stream.of(
                new Case("required module property removed", m -> at(m, AGENT + "/modules/registry").remove("status"),
                        A + ".modules.registry.status: missing; expected one of running, stopped"),
                new Case("required desired property removed", m -> at(m, AGENT).remove("systemModules"),
                        A + ".systemModules: missing; expected systemModules (an object)"),
                new Case("edgeHub twin missing", m -> at(m, "/modulesContent").remove("$edgeHub"),
                        "$.modulesContent.$edgeHub: missing"),
                new Case("wrong type: TTL as a string",
                        m -> at(m, HUB + "/storeAndForwardConfiguration").put("timeToLiveSecs", "7200"),
                        H + ".storeAndForwardConfiguration.timeToLiveSecs: is \"7200\"; expected a whole number"),
                new Case("wrong type: TTL with a fraction",
                        m -> at(m, HUB + "/storeAndForwardConfiguration").put("timeToLiveSecs", 7200.5),
                        "timeToLiveSecs: is 7200.5; expected a whole number"),
                new Case("bad module name", m -> at(m, AGENT + "/modules").set("my.sensor", at(m, AGENT + "/modules/registry").deepCopy()),
                        A + ".modules[\"my.sensor\"]: not allowed in modules; expected module names matching ^[a-zA-Z0-9_-]+$"),
                new Case("bad status", m -> at(m, AGENT + "/modules/registry").put("status", "paused"),
                        A + ".modules.registry.status: is \"paused\"; expected one of running, stopped"),
                new Case("bad restartPolicy", m -> at(m, AGENT + "/systemModules/edgeHub").put("restartPolicy", "sometimes"),
                        "systemModules.edgeHub.restartPolicy: is \"sometimes\"; expected one of never, on-failure, on-unhealthy, always"),
                new Case("runtime type not docker", m -> at(m, AGENT + "/runtime").put("type", "kubernetes"),
                        A + ".runtime.type: is \"kubernetes\"; expected one of docker"),
                new Case("createOptions as an object", m -> at(m, AGENT + "/modules/registry/settings").putObject("createOptions"),
                        A + ".modules.registry.settings.createOptions: is an object; expected create options as a JSON string"),
                new Case("unknown module property", m -> at(m, AGENT + "/modules/registry").put("Status", "running"),
                        A + ".modules.registry.Status: not allowed in a module; expected type, status, restartPolicy, settings"),
                new Case("status on the edgeAgent system module", m -> at(m, AGENT + "/systemModules/edgeAgent").put("status", "running"),
                        "systemModules.edgeAgent.status: not allowed in the edgeAgent system module"),
                new Case("unknown module setting", m -> at(m, AGENT + "/modules/registry/settings").put("createOptionsX", "{}"),
                        "settings.createOptionsX: not allowed in module settings; expected image; or createOptions, createOptions01, …"),
                new Case("env without value", m -> at(m, AGENT + "/modules/registry/env/REGISTRY_PROXY_REMOTEURL").remove("value"),
                        "env.REGISTRY_PROXY_REMOTEURL.value: missing; expected a string, number or boolean"),
                new Case("env value null", m -> at(m, AGENT + "/modules/registry/env/REGISTRY_PROXY_REMOTEURL").putNull("value"),
                        "env.REGISTRY_PROXY_REMOTEURL.value: is null; expected a string, number or boolean"),
                new Case("env name with a dot", m -> at(m, AGENT + "/modules/registry/env").putObject("A.B").put("value", 1),
                        "env[\"A.B\"]: not allowed in env"),
                new Case("startupOrder out of range", m -> at(m, AGENT + "/modules/registry").put("startupOrder", 4_294_967_296L),
                        "modules.registry.startupOrder: is 4294967296; expected a whole number from 0 to 4294967295"),
                new Case("bad imagePullPolicy", m -> at(m, AGENT + "/modules/registry").put("imagePullPolicy", "always"),
                        "imagePullPolicy: is \"always\"; expected one of never, on-create"),
                new Case("registry address with a space", m -> at(m, AGENT + "/runtime/settings").putObject("registryCredentials")
                        .putObject("acr").put("username", "u").put("password", "p").put("address", "my registry"),
                        "registryCredentials.acr.address: is \"my registry\"; expected a registry address without whitespace"),
                new Case("route priority above 9", m -> at(m, HUB + "/routes/alerts").put("priority", 10),
                        H + ".routes.alerts.priority: is 10; expected a whole number from 0 to 9"),
                new Case("route as a number", m -> at(m, HUB + "/routes").put("upstream", 1),
                        H + ".routes.upstream: is 1; expected a route statement"),
                new Case("empty route", m -> at(m, HUB + "/routes").put("upstream", ""),
                        H + ".routes.upstream: is \"\"; expected a route statement (a non-empty string on one line)"),
                new Case("route name with a space", m -> at(m, HUB + "/routes").put("to cloud", "FROM /* INTO $upstream"),
                        H + ".routes[\"to cloud\"]: not allowed in routes"),
                new Case("mqttBroker under schemaVersion 1.1", m -> at(m, HUB).put("schemaVersion", "1.1"),
                        H + ".mqttBroker: not allowed in edgeHub desired properties (1.1)"),
                new Case("bridge direction", m -> at(m, HUB + "/mqttBroker/bridges/0/settings/0").put("direction", "both"),
                        H + ".mqttBroker.bridges[0].settings[0].direction: is \"both\"; expected one of in, out"),
                new Case("authorization operation", m -> ((com.fasterxml.jackson.databind.node.ArrayNode) m.at(HUB
                        + "/mqttBroker/authorizations/0/allow/0/operations")).add("mqtt:delete"),
                        "allow[0].operations[2]: is \"mqtt:delete\"; expected one of mqtt:connect, mqtt:subscribe, mqtt:publish"),
                new Case("hub schemaVersion 2.0", m -> at(m, HUB).put("schemaVersion", "2.0"),
                        H + ".schemaVersion: is \"2.0\"; expected \"1.1\" or \"1.2\""),
                new Case("no modulesContent", m -> m.remove("modulesContent"),
                        "$.modulesContent: missing; expected an object with $edgeAgent and $edgeHub"))
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    ObjectNode m = ManifestFixtures.richHub12();
                    c.change().accept(m);
                    assertThat(oracle.problems(m)).as("official schemas").isNotEmpty();
                    assertThat(ManifestSchemaValidator.validate(m)).as("our checks").anySatisfy(p -> assertThat(p).contains(c.message()));
                }));
    }
}
