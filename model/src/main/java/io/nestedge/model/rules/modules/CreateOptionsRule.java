package io.nestedge.model.rules.modules;

import io.nestedge.model.Device;
import io.nestedge.model.EdgeModule;
import io.nestedge.model.Plant;
import io.nestedge.model.rules.DeviceParts;
import io.nestedge.model.rules.DeviceRule;
import io.nestedge.model.rules.Finding;
import io.nestedge.model.rules.Severity;
import java.util.List;

/**
 * NE-MODULE-CREATE-OPTIONS: a non-empty {@code createOptions} is a JSON object (it goes into the
 * manifest as a JSON string; facts §5). Parsed with Jackson.
 */
public final class CreateOptionsRule extends DeviceRule {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Creates the rule. */
    public CreateOptionsRule() {
        super("NE-MODULE-CREATE-OPTIONS", Severity.ERROR, "facts §5", "A module's createOptions, when set, is a JSON object.");
    }

    @Override
    public void check(Device d, Plant plant, List<Finding> out) {
        for (EdgeModule m : d.modules()) {
            if (m.createOptions().isBlank()) {
                continue;
            }
            String problem;
            try {
                com.fasterxml.jackson.databind.JsonNode n = JSON.readTree(m.createOptions());
                problem = n != null && n.isObject() ? null : "it is JSON but not an object ({…})";
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                com.fasterxml.jackson.core.JsonLocation loc = e.getLocation();
                problem = "it is not valid JSON" + (loc == null ? "" : " (column " + loc.getColumnNr() + ": "
                        + e.getOriginalMessage().replaceAll("\\s*\\(start marker at.*", "")
                        .replaceAll("\\s*at \\[Source.*", "") + ")");
            }
            if (problem != null) {
                out.add(finding(d, DeviceParts.moduleField(m, "createOptions"), "createOptions of '" + m.name() + "': "
                        + problem + ".", "Write Docker create options as a JSON object, e.g. "
                        + "{\"HostConfig\":{\"Binds\":[\"/data:/data\"]}}; port bindings go in the module's ports."));
            }
        }
    }
}
