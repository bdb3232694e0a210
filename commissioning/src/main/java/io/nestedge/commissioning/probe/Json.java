package io.nestedge.commissioning.probe;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Jackson reading shared by the JSON parsers: one mapper, errors turned into parse exceptions. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }

    static JsonNode read(String command, String output) throws ProbeParseException {
        if (output.isBlank()) {
            throw new ProbeParseException(command, 0, "", "the command printed nothing (expected JSON)");
        }
        try {
            return MAPPER.readTree(output);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
            List<String> lines = Lines.of(output);
            String text = line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
            throw new ProbeParseException(command, line, text, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (RuntimeException e) {
            throw new ProbeParseException(command, 0, "", "not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Flattens scalars of a JSON tree to dotted keys ({@code os.id}, {@code disks.0.name}). */
    static Map<String, String> flatten(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", node, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix.isEmpty() ? String.valueOf(i) : prefix + "." + i, node.get(i), out);
            }
        } else {
            out.put(prefix, node.asText());
        }
    }
}
