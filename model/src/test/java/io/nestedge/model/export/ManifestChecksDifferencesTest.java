package io.nestedge.model.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Where our checks deliberately differ from the official schemas as networknt applies them (ADR
 * 1400): each case is accepted by the oracle and rejected by us, with a message naming the place.
 */
class ManifestChecksDifferencesTest {
    private final OfficialSchemas oracle = OfficialSchemas.get();

    private void oracleAcceptsOursRejects(Consumer<ObjectNode> change, String messagePart) throws Exception {
        ObjectNode m = ManifestFixtures.richHub12();
        change.accept(m);
        assertThat(oracle.problems(m)).as("official schemas").isEmpty();
        assertThat(ManifestSchemaValidator.validate(m)).as("our checks").singleElement().asString().contains(messagePart);
    }

    private static ObjectNode at(ObjectNode m, String pointer) {
        return (ObjectNode) m.at(pointer);
    }

    static final String AGENT = "/modulesContent/$edgeAgent/properties.desired";
    static final String HUB = "/modulesContent/$edgeHub/properties.desired";

    @Test
    void createOptionsMustHoldAJsonObject() throws Exception {
        oracleAcceptsOursRejects(m -> at(m, AGENT + "/modules/registry/settings").put("createOptions", "{\"HostConfig\":"),
                "modules.registry.settings.createOptions: the string (with its chunks) is not JSON");
        oracleAcceptsOursRejects(m -> at(m, AGENT + "/systemModules/edgeHub/settings").put("createOptions", "[1]"),
                "systemModules.edgeHub.settings.createOptions: the string (with its chunks) does not hold a JSON object");
        // a chunk that breaks the re-joined text
        oracleAcceptsOursRejects(m -> at(m, AGENT + "/modules/registry/settings").put("createOptions01", "}"),
                "modules.registry.settings.createOptions: the string (with its chunks) is not JSON");
    }

    @Test
    void schemaVersionMustBeExactlyOneOfTheSupportedOnes() throws Exception {
        oracleAcceptsOursRejects(m -> at(m, AGENT).put("schemaVersion", "1.1.0"),
                "$edgeAgent[\"properties.desired\"].schemaVersion: is \"1.1.0\"; expected \"1.1\"");
        oracleAcceptsOursRejects(m -> at(m, HUB).put("schemaVersion", "21x13").remove("mqttBroker"),
                "$edgeHub[\"properties.desired\"].schemaVersion: is \"21x13\"; expected \"1.1\" or \"1.2\"");
    }

    @Test
    void namesAndStringsWithATrailingLineBreakAreRefused() throws Exception {
        oracleAcceptsOursRejects(m -> at(m, AGENT + "/modules").set("sensor\n", at(m, AGENT + "/modules/registry").deepCopy()),
                "modules[\"sensor\\n\"]: not allowed in modules; expected module names matching ^[a-zA-Z0-9_-]+$");
        oracleAcceptsOursRejects(m -> at(m, HUB + "/routes").put("upstream", "FROM /messages/* INTO $upstream\n"),
                "routes.upstream: is \"FROM /messages/* INTO $upstream\\n\"; expected a route statement (a non-empty string on one line)");
    }

    @Test
    void propertiesNamedWithALeadingHashAreRefusedThoughNetworkntSkipsThem() throws Exception {
        oracleAcceptsOursRejects(m -> at(m, AGENT + "/modules/registry").put("#note", "x"),
                "modules.registry[\"#note\"]: not allowed in a module");
        oracleAcceptsOursRejects(m -> at(m, HUB + "/routes").put("#r", "FROM /* INTO $upstream"),
                "routes[\"#r\"]: not allowed in routes; expected route names without '.', '$', '#' or space");
    }

    @Test
    void theDifferencesAreAllRecognisedByTheMutationTests() throws Exception {
        for (Consumer<ObjectNode> change : List.<Consumer<ObjectNode>>of(
                m -> at(m, AGENT + "/modules/registry/settings").put("createOptions", "[1]"),
                m -> at(m, AGENT).put("schemaVersion", "1.1.0"),
                m -> at(m, AGENT + "/modules/registry").put("#note", "x"))) {
            ObjectNode m = ManifestFixtures.richHub12();
            change.accept(m);
            assertThat(ManifestMutations.difference(m)).isNotNull();
            assertThat(ManifestMutations.oursMustReject(m, oracle.problems(m))).isTrue();
        }
        assertThat(ManifestMutations.difference(ManifestFixtures.richHub12())).isNull();
    }
}
