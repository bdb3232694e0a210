package io.nestedge.model.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nestedge.model.PortBinding;
import java.util.List;

/**
 * Docker create options of a module as the deployment manifest wants them (facts §5): a JSON
 * object serialised to a <em>string</em>, with the module's host ports merged in as
 * {@code HostConfig.PortBindings}, and split into {@code createOptions}, {@code createOptions01} …
 * {@code createOptions07} chunks of at most {@value #CHUNK} characters when longer (the chunking the
 * IoT Edge agent reassembles).
 */
public final class CreateOptions {
    /** Longest value of one createOptions property, characters. */
    public static final int CHUNK = 512;
    /** Most chunks the agent reads ({@code createOptions} + {@code createOptions01..07}). */
    public static final int MAX_CHUNKS = 8;
    /** Shared mapper; text after the first JSON value ({@code {} x}) is an error, as it is for the agent. */
    static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private CreateOptions() {
    }

    /**
     * Parses the module's create options and merges its port bindings.
     *
     * @param json create options JSON object text, or empty
     * @param ports host port bindings; each replaces any binding of the same {@code <port>/<proto>} key
     * @param deviceId device, for errors
     * @param module module name, for errors
     * @return the merged options
     * @throws ExportException if {@code json} is not a JSON object
     */
    public static ObjectNode merge(String json, List<PortBinding> ports, String deviceId, String module) throws ExportException {
        ObjectNode root;
        if (json == null || json.isBlank()) {
            root = JSON.createObjectNode();
        } else {
            JsonNode n;
            try {
                n = JSON.readTree(json);
            } catch (JsonProcessingException e) {
                throw new ExportException(deviceId, "module '" + module + "' has create options that are not JSON: "
                        + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ").",
                        "Write the create options as a JSON object, e.g. {\"HostConfig\": {\"Binds\": [\"/data:/data\"]}}.", e);
            }
            if (n == null || !n.isObject()) {
                throw new ExportException(deviceId, "module '" + module + "' has create options that are not a JSON object.",
                        "Write the create options as a JSON object {…}.");
            }
            root = (ObjectNode) n;
        }
        if (!ports.isEmpty()) {
            JsonNode hc = root.get("HostConfig");
            if (hc != null && !hc.isObject()) {
                throw new ExportException(deviceId, "module '" + module + "' create options: HostConfig is not an object.",
                        "Make HostConfig a JSON object.");
            }
            ObjectNode hostConfig = hc == null ? root.putObject("HostConfig") : (ObjectNode) hc;
            JsonNode pb = hostConfig.get("PortBindings");
            ObjectNode bindings = pb != null && pb.isObject() ? (ObjectNode) pb : hostConfig.putObject("PortBindings");
            for (PortBinding p : ports) {
                ArrayNode arr = bindings.putArray(p.containerPort() + "/" + p.protocol());
                arr.addObject().put("HostPort", String.valueOf(p.hostPort()));
            }
        }
        return root;
    }

    /** Compact JSON text of the options. */
    public static String toText(ObjectNode options) {
        try {
            return JSON.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Puts the options into a module's {@code settings}: one {@code createOptions} string, or chunks.
     *
     * @throws ExportException if the text needs more than {@link #MAX_CHUNKS} chunks
     */
    public static void put(ObjectNode settings, String text, String deviceId, String module) throws ExportException {
        List<String> chunks = new java.util.ArrayList<>();
        int start = 0;
        do {
            int end = Math.min(text.length(), start + CHUNK);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--; // never split a surrogate pair between two chunks
            }
            chunks.add(text.substring(start, end));
            start = end;
        } while (start < text.length());
        if (chunks.size() > MAX_CHUNKS) {
            throw new ExportException(deviceId, "module '" + module + "' has create options of " + text.length()
                    + " characters; the agent accepts at most " + CHUNK * MAX_CHUNKS + ".",
                    "Shorten the create options (e.g. move configuration into environment variables or a bind-mounted file).");
        }
        for (int i = 0; i < chunks.size(); i++) {
            settings.put(chunkName(i), chunks.get(i));
        }
    }

    /** {@code createOptions}, then {@code createOptions01}, {@code createOptions02}, … (two digits). */
    private static String chunkName(int i) {
        return i == 0 ? "createOptions" : (i < 10 ? "createOptions0" : "createOptions") + i;
    }

    /** Reassembles chunked create options from a module's settings (for checks and tests). */
    public static String join(JsonNode settings) {
        StringBuilder sb = new StringBuilder();
        JsonNode first = settings.get("createOptions");
        if (first == null) {
            return "";
        }
        sb.append(first.asText());
        for (int i = 1; i < MAX_CHUNKS; i++) {
            JsonNode c = settings.get(chunkName(i));
            if (c == null) {
                break;
            }
            sb.append(c.asText());
        }
        return sb.toString();
    }
}
