package io.nestedge.commissioning.probe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code docker inspect <container>} (a JSON array, read with Jackson; facts §6). */
public final class DockerInspectParser {
    /** The command named in parse errors. */
    public static final String COMMAND = "docker inspect";

    private DockerInspectParser() {
    }

    /**
     * @param output everything the command printed on stdout
     * @return one inspection per array element (empty when docker printed {@code []}: no such container)
     * @throws ProbeParseException when the output is not a JSON array of objects with a
     *     {@code Config} object, or {@code Config.Env} is not an array of strings
     */
    public static List<ContainerInspection> parse(String output) throws ProbeParseException {
        JsonNode root = Json.read(COMMAND, output);
        if (!root.isArray()) {
            throw new ProbeParseException(COMMAND, 1, Lines.of(output).get(0), "expected a JSON array");
        }
        List<ContainerInspection> out = new ArrayList<>();
        for (JsonNode c : root) {
            JsonNode config = c.get("Config");
            if (!c.isObject() || config == null || !config.isObject()) {
                throw new ProbeParseException(COMMAND, 0, "", "a container without a \"Config\" object");
            }
            Map<String, String> env = new LinkedHashMap<>();
            JsonNode envNode = config.get("Env");
            if (envNode != null && !envNode.isNull()) {
                if (!envNode.isArray()) {
                    throw new ProbeParseException(COMMAND, 0, "", "\"Config.Env\" is not an array");
                }
                for (JsonNode v : envNode) {
                    if (!v.isTextual()) {
                        throw new ProbeParseException(COMMAND, 0, "", "\"Config.Env\" holds a non-string: " + v);
                    }
                    String s = v.asText();
                    int eq = s.indexOf('=');
                    env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
                }
            }
            JsonNode state = c.path("State");
            String name = c.path("Name").asText("");
            out.add(new ContainerInspection(name.startsWith("/") ? name.substring(1) : name,
                    config.path("Hostname").asText(""), env, config.path("Image").asText(""),
                    state.path("Status").asText(""), state.path("Running").asBoolean(false),
                    state.path("ExitCode").asInt(0)));
        }
        return out;
    }
}
