package io.nestedge.model.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Mutations of manifests for the oracle comparisons: pools of keys, words and values; the places
 * (slots) of a manifest; and recognisers of where our checks and the official schemas, as networknt
 * applies them, deliberately differ (ADR 1400).
 */
final class ManifestMutations {
    private ManifestMutations() {
    }

    /** Property names to add or rename to: unknown, near-miss, valid and invalid entry names. */
    static final List<String> KEYS = List.of("extra", "Status", "status", "env", "version", "startupOrder", "createOptions",
            "createOptions01", "createoptions7", "createOptionsX", "my.module", "sensor_2-b", "a b", "$x", "#", "", "A+B",
            "PATH", "a\nb", "username", "route", "priority", "mqttBroker", "edgeHub", "imagePullPolicy");

    /** Strings to put where a string is: every enum word of the schemas, near misses, JSON and non-JSON. */
    static final List<String> WORDS = List.of("", "x", "paused", "running", "stopped", "never", "on-failure", "on-unhealthy",
            "always", "on-create", "docker", "kubernetes", "1.0", "1.1", "1.2", "1.1.0", "v1.2", "{}", "[1]", "not json",
            "{\"HostConfig\":{}}", "FROM /* INTO $upstream", "FROM /*\nINTO $upstream", "in", "out", "both", "mqtt:publish",
            "mqtt:connect", "mqtt:delete", "$upstream:443", "my registry", "7", "Running");

    /** Values of every JSON type, including the integer bounds the schemas use. */
    static final List<Supplier<JsonNode>> VALUES = List.of(() -> TextNode.valueOf("x"), () -> TextNode.valueOf(""),
            () -> IntNode.valueOf(0), () -> IntNode.valueOf(-1), () -> IntNode.valueOf(9), () -> IntNode.valueOf(10),
            () -> LongNode.valueOf(4_294_967_295L), () -> LongNode.valueOf(4_294_967_296L), () -> DoubleNode.valueOf(1.5),
            () -> DoubleNode.valueOf(2.0), () -> BooleanNode.TRUE, () -> NullNode.getInstance(),
            () -> CreateOptions.JSON.createObjectNode(), () -> CreateOptions.JSON.createArrayNode(),
            () -> json("{\"value\":\"v\"}"), () -> json("{\"route\":\"FROM /* INTO $upstream\",\"priority\":3}"),
            () -> json("{\"route\":\"\"}"), () -> json("[\"a\"]"), () -> json("[{}]"), () -> json("{\"HostConfig\":{}}"),
            () -> json("{\"image\":\"busybox\"}"));

    /** Properties the schemas constrain (types, words, ranges, patterns). */
    static final Set<String> CONSTRAINED = Set.of("schemaVersion", "type", "status", "restartPolicy", "imagePullPolicy",
            "startupOrder", "version", "image", "createOptions", "createOptions01", "createoptions01", "minDockerVersion",
            "loggingOptions", "username", "password", "address", "value", "route", "priority", "timeToLiveSecs", "endpoint",
            "direction", "topic", "inPrefix", "outPrefix");

    /** Containers whose entries the schemas constrain by name or item. */
    static final Set<String> ENTRY_CONTAINERS = Set.of("modules", "routes", "env", "registryCredentials", "settings",
            "identities", "operations", "resources", "systemModules");

    /** A property of an object or an item of an array, with the key of the container itself. */
    record Slot(JsonNode parent, String key, int index, String path, String parentKey) {
        JsonNode value() {
            return key != null ? parent.get(key) : parent.get(index);
        }

        /** On a property or entry the schemas constrain directly (see {@link #CONSTRAINED}, {@link #ENTRY_CONTAINERS}). */
        boolean constrained() {
            return (key != null && CONSTRAINED.contains(key)) || (parentKey != null && ENTRY_CONTAINERS.contains(parentKey));
        }

        void remove() {
            if (key != null) {
                ((ObjectNode) parent).remove(key);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }

        void set(JsonNode v) {
            if (key != null) {
                ((ObjectNode) parent).set(key, v);
            } else {
                ((ArrayNode) parent).set(index, v);
            }
        }

        /** Renames this property, keeping the order of its siblings. */
        void rename(String to) {
            ObjectNode o = (ObjectNode) parent;
            Map<String, JsonNode> copy = new LinkedHashMap<>();
            o.properties().forEach(e -> copy.put(e.getKey().equals(key) ? to : e.getKey(), e.getValue()));
            o.removeAll();
            copy.forEach(o::set);
        }
    }

    /** Every property and array item under {@code node}, depth first, in document order. */
    static List<Slot> slots(JsonNode node) {
        List<Slot> out = new ArrayList<>();
        collect(node, "$", null, out);
        return out;
    }

    private static void collect(JsonNode node, String path, String nodeKey, List<Slot> out) {
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                String p = ManifestRule.child(path, k);
                out.add(new Slot(node, k, -1, p, nodeKey));
                collect(node.get(k), p, k, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String p = ManifestRule.item(path, i);
                out.add(new Slot(node, null, i, p, nodeKey));
                collect(node.get(i), p, nodeKey, out);
            }
        }
    }

    /**
     * Whether our checks must reject {@code m}, given the official schemas' problems: whenever the
     * schemas reject, and also for the deliberate differences and networknt's blind spot.
     */
    static boolean oursMustReject(JsonNode m, List<String> official) {
        return !official.isEmpty() || difference(m) != null;
    }

    /** The deliberate difference (or oracle blind spot) that applies to {@code m}, or null. */
    static String difference(JsonNode m) {
        if (createOptionsNotAJsonObject(m)) {
            return "createOptions not a JSON object";
        }
        if (schemaVersionOnlyContains11(m)) {
            return "schemaVersion only contains 1.1";
        }
        if (hashKeyInsideATwin(m)) {
            return "oracle skips '#' names";
        }
        return null;
    }

    /** Difference 1 (our extra check): a module's createOptions string does not parse to a JSON object. */
    static boolean createOptionsNotAJsonObject(JsonNode m) {
        JsonNode desired = m.path("modulesContent").path("$edgeAgent").path("properties.desired");
        for (String group : List.of("systemModules", "modules")) {
            for (Map.Entry<String, JsonNode> e : desired.path(group).properties()) {
                JsonNode settings = e.getValue().path("settings");
                if (settings.path("createOptions").isTextual()) {
                    try {
                        JsonNode n = CreateOptions.JSON.readTree(CreateOptions.join(settings));
                        if (n == null || !n.isObject()) {
                            return true;
                        }
                    } catch (IOException ex) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static final Pattern SCHEMA_VERSION_11 = Pattern.compile("1.1"); // the schemas' own, unanchored

    /** Difference 2: a schemaVersion the schemas' unanchored "1.1" lets through that is not "1.1". */
    static boolean schemaVersionOnlyContains11(JsonNode m) {
        JsonNode mc = m.path("modulesContent");
        JsonNode a = mc.path("$edgeAgent").path("properties.desired").path("schemaVersion");
        JsonNode h = mc.path("$edgeHub").path("properties.desired").path("schemaVersion");
        return loose(a) || (loose(h) && !h.asText().equals("1.2"));
    }

    private static boolean loose(JsonNode v) {
        return v.isTextual() && !v.asText().equals("1.1") && SCHEMA_VERSION_11.matcher(v.asText()).find();
    }

    /**
     * networknt 1.5.9's blind spot (seen in these tests): {@code additionalProperties: false} lets any
     * property whose name starts with {@code #} through. Every object inside the twins is closed and
     * none of their name patterns admits a leading {@code #}, so the schemas reject such a name.
     */
    static boolean hashKeyInsideATwin(JsonNode m) {
        JsonNode mc = m.path("modulesContent");
        return slots(mc.path("$edgeAgent")).stream().anyMatch(s -> s.key() != null && s.key().startsWith("#"))
                || slots(mc.path("$edgeHub")).stream().anyMatch(s -> s.key() != null && s.key().startsWith("#"));
    }

    static JsonNode json(String text) {
        try {
            return CreateOptions.JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
