package io.nestedge.commissioning.probe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code iotedge check --output json} (facts §6): one object
 * {@code {"additional_info": {...}, "checks": {"<id>": {"result": "ok|warning|ignored|skipped|fatal|error",
 * "details": [...], "additional_info": {...}}}}}, read with Jackson.
 */
public final class IotedgeCheckJsonParser {
    /** The command named in parse errors. */
    public static final String COMMAND = "iotedge check --output json";

    private IotedgeCheckJsonParser() {
    }

    /**
     * @param output everything the command printed on stdout
     * @return the checks in document order (no summary: JSON output has none)
     * @throws ProbeParseException when the output is not JSON, has no {@code checks} object, or a check
     *     has a missing or unknown {@code result} or non-string details
     */
    public static CheckReport parse(String output) throws ProbeParseException {
        JsonNode root = Json.read(COMMAND, output);
        if (!root.isObject()) {
            throw new ProbeParseException(COMMAND, 1, firstLine(output), "expected a JSON object");
        }
        JsonNode checks = root.get("checks");
        if (checks == null || !checks.isObject()) {
            throw new ProbeParseException(COMMAND, 0, "", "no \"checks\" object in the output");
        }
        List<CheckEntry> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = checks.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String id = e.getKey();
            JsonNode check = e.getValue();
            if (!check.isObject()) {
                throw new ProbeParseException(COMMAND, 0, "", "check \"" + id + "\" is not an object");
            }
            JsonNode resultNode = check.get("result");
            CheckResult result = resultNode != null && resultNode.isTextual()
                    ? CheckResult.fromJson(resultNode.asText()) : null;
            if (result == null) {
                throw new ProbeParseException(COMMAND, 0, "", "check \"" + id + "\" has no known \"result\" (ok|warning|ignored|skipped|fatal|error), found: " + resultNode);
            }
            List<String> details = new ArrayList<>();
            JsonNode d = check.get("details");
            if (d != null && !d.isNull()) {
                if (!d.isArray()) {
                    throw new ProbeParseException(COMMAND, 0, "", "check \"" + id + "\" has \"details\" that is not an array");
                }
                for (JsonNode line : d) {
                    if (!line.isTextual()) {
                        throw new ProbeParseException(COMMAND, 0, "", "check \"" + id + "\" has a detail that is not a string: " + line);
                    }
                    details.add(line.asText());
                }
            }
            entries.add(new CheckEntry(id, "", "", result, details, Json.flatten(check.get("additional_info"))));
        }
        return new CheckReport(entries, null, Json.flatten(root.get("additional_info")));
    }

    private static String firstLine(String output) {
        List<String> lines = Lines.of(output);
        return lines.isEmpty() ? "" : lines.get(0);
    }
}
