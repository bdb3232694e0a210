package io.nestedge.model.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a deployment manifest ({@code {"modulesContent": {"$edgeAgent": …, "$edgeHub": …}}}) with
 * the project's own rules: the requirements of the official draft-04 deployment schemas for
 * edgeAgent 1.1 ({@link EdgeAgentRules}) and edgeHub 1.1/1.2 ({@link EdgeHubRules}) written out in
 * Java (facts §5; ADR 1400), plus one check the schemas cannot make: every module's re-joined
 * {@code createOptions} string must hold a JSON object. The schema files themselves are used only by
 * tests, as an independent oracle. Other entries of {@code modulesContent} (module twins) and of the
 * manifest root are not checked. Thread-safe, no state.
 */
public final class ManifestSchemaValidator {
    private static final String MODULES_CONTENT = "$.modulesContent";

    private ManifestSchemaValidator() {
    }

    /**
     * Checks a whole manifest.
     *
     * @param manifest the manifest document
     * @return problems, each {@code <JSON path>: <what is wrong>; expected <what>}, e.g.
     *     {@code $.modulesContent.$edgeAgent["properties.desired"].modules.sensor.status: is "paused";
     *     expected one of running, stopped}; empty when the manifest is valid
     */
    public static List<String> validate(JsonNode manifest) {
        List<String> out = new ArrayList<>();
        JsonNode mc = manifest.path("modulesContent");
        if (!mc.isObject()) {
            out.add(MODULES_CONTENT + ": " + (mc.isMissingNode() ? "missing" : "is " + ManifestRule.describe(mc))
                    + "; expected an object with $edgeAgent and $edgeHub");
            return out;
        }
        JsonNode agent = mc.get("$edgeAgent");
        String agentPath = ManifestRule.child(MODULES_CONTENT, "$edgeAgent");
        if (agent == null) {
            out.add(agentPath + ": missing; expected " + EdgeAgentRules.TWIN.expected());
        } else {
            EdgeAgentRules.TWIN.check(agent, agentPath, out);
            JsonNode desired = agent.path("properties.desired");
            String desiredPath = ManifestRule.child(agentPath, "properties.desired");
            createOptionsAreObjects(desired.path("systemModules"), ManifestRule.child(desiredPath, "systemModules"), out);
            createOptionsAreObjects(desired.path("modules"), ManifestRule.child(desiredPath, "modules"), out);
        }
        JsonNode hub = mc.get("$edgeHub");
        String hubPath = ManifestRule.child(MODULES_CONTENT, "$edgeHub");
        if (hub == null) {
            out.add(hubPath + ": missing; expected " + EdgeHubRules.TWIN_1_1.expected());
        } else {
            boolean v12 = "1.2".equals(hub.path("properties.desired").path("schemaVersion").asText(""));
            (v12 ? EdgeHubRules.TWIN_1_2 : EdgeHubRules.TWIN_1_1).check(hub, hubPath, out);
        }
        return out;
    }

    /** Our extra check: a textual createOptions (with its chunks) must parse to a JSON object. */
    private static void createOptionsAreObjects(JsonNode modules, String path, List<String> out) {
        for (Map.Entry<String, JsonNode> e : modules.properties()) {
            JsonNode settings = e.getValue().path("settings");
            JsonNode first = settings.get("createOptions");
            if (first == null || !first.isTextual()) {
                continue; // absent: fine; not a string: the rules above already say so
            }
            String at = ManifestRule.child(ManifestRule.child(ManifestRule.child(path, e.getKey()), "settings"), "createOptions");
            try {
                JsonNode n = CreateOptions.JSON.readTree(CreateOptions.join(settings));
                if (n == null || !n.isObject()) {
                    out.add(at + ": the string (with its chunks) does not hold a JSON object; expected Docker create options {…}");
                }
            } catch (IOException ex) {
                out.add(at + ": the string (with its chunks) is not JSON; expected Docker create options {…}");
            }
        }
    }
}
