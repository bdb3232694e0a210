package io.nestedge.model.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a deployment manifest ({@code {"modulesContent": {"$edgeAgent": …, "$edgeHub": …}}})
 * against the official draft-04 JSON Schemas for edgeAgent 1.1 and edgeHub 1.1/1.2 (facts §5;
 * vendored with their MIT licence in {@code /schemas}), with networknt json-schema-validator, plus
 * one check draft-04 cannot express: every module's (re-joined) {@code createOptions} string must
 * hold a JSON object. Thread-safe; schemas are loaded once.
 */
public final class ManifestSchemaValidator {
    private static final JsonSchema AGENT_1_1 = load("azure-iot-edgeagent-deployment-1.1.json");
    private static final JsonSchema HUB_1_1 = load("azure-iot-edgehub-deployment-1.1.json");
    private static final JsonSchema HUB_1_2 = load("azure-iot-edgehub-deployment-1.2.json");

    private ManifestSchemaValidator() {
    }

    private static JsonSchema load(String name) {
        try (InputStream in = ManifestSchemaValidator.class.getResourceAsStream("/schemas/" + name)) {
            if (in == null) {
                throw new IllegalStateException("schema /schemas/" + name + " is missing from the class path");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Validates a whole manifest.
     *
     * @param manifest the manifest document
     * @return problems, each {@code <JSON path>: <schema message>}; empty when valid
     */
    public static List<String> validate(JsonNode manifest) {
        List<String> out = new ArrayList<>();
        JsonNode mc = manifest.path("modulesContent");
        if (!mc.isObject()) {
            out.add("$.modulesContent: missing or not an object");
            return out;
        }
        JsonNode agent = mc.get("$edgeAgent");
        JsonNode hub = mc.get("$edgeHub");
        if (agent == null) {
            out.add("$.modulesContent.$edgeAgent: missing");
        } else {
            ObjectNode wrapped = CreateOptions.JSON.createObjectNode();
            wrapped.set("$edgeAgent", agent);
            messages(AGENT_1_1, wrapped, out);
            createOptionsAreObjects(agent.path("properties.desired"), out);
        }
        if (hub == null) {
            out.add("$.modulesContent.$edgeHub: missing");
        } else {
            ObjectNode wrapped = CreateOptions.JSON.createObjectNode();
            wrapped.set("$edgeHub", hub);
            String v = hub.path("properties.desired").path("schemaVersion").asText("");
            messages(v.equals("1.2") ? HUB_1_2 : HUB_1_1, wrapped, out);
        }
        return out;
    }

    private static void messages(JsonSchema schema, JsonNode node, List<String> out) {
        for (ValidationMessage m : schema.validate(node)) {
            out.add("$.modulesContent" + m.getMessage().substring(1));
        }
    }

    private static void createOptionsAreObjects(JsonNode desired, List<String> out) {
        check(desired.path("systemModules"), "systemModules", out);
        check(desired.path("modules"), "modules", out);
    }

    private static void check(JsonNode modules, String where, List<String> out) {
        for (Map.Entry<String, JsonNode> e : modules.properties()) {
            JsonNode settings = e.getValue().path("settings");
            if (!settings.has("createOptions") || !settings.get("createOptions").isTextual()) {
                continue; // absent: fine; not a string: the schema already says so
            }
            String text = CreateOptions.join(settings);
            try {
                JsonNode n = CreateOptions.JSON.readTree(text);
                if (n == null || !n.isObject()) {
                    out.add("$.modulesContent.$edgeAgent.properties.desired." + where + "." + e.getKey()
                            + ".settings.createOptions: the string does not hold a JSON object");
                }
            } catch (IOException ex) {
                out.add("$.modulesContent.$edgeAgent.properties.desired." + where + "." + e.getKey()
                        + ".settings.createOptions: the string is not JSON");
            }
        }
    }
}
