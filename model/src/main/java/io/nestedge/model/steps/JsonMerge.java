package io.nestedge.model.steps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The merge of {@link Action.MergeJson}: a JSON object file on the device gets a few top-level keys
 * set, every other key kept as it was, in its place. A key of the patch replaces the key's whole value
 * (objects are not merged key by key: {@code log-opts} belongs to one log driver, so options of
 * another driver must not survive a driver change). This is Ansible's {@code combine} without
 * {@code recursive}, so the SSH engine, the playbook and {@code install.sh} agree (ADR 0420).
 */
public final class JsonMerge {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private JsonMerge() {
    }

    /** Why a device file cannot be merged into. */
    public static final class NotAnObjectException extends Exception {
        private static final long serialVersionUID = 1L;

        NotAnObjectException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Parses the current content of a device file. Empty or blank content is an empty object (a file
     * made with {@code touch}).
     *
     * @param text the file's content
     * @return the object (a fresh, mutable node)
     * @throws NotAnObjectException when the text is not one JSON object, with the line and column
     */
    public static ObjectNode parseObject(String text) throws NotAnObjectException {
        if (text == null || text.isBlank()) {
            return JSON.createObjectNode();
        }
        JsonNode n;
        try {
            n = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new NotAnObjectException("not valid JSON" + at + ": " + e.getOriginalMessage(), e);
        }
        if (!(n instanceof ObjectNode o)) {
            throw new NotAnObjectException("not a JSON object (it is " + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                    + ")", null);
        }
        return o;
    }

    /**
     * Parses a patch (a JSON object text, as carried by {@link Action.MergeJson}).
     *
     * @param patch the patch text
     * @return the object
     * @throws IllegalArgumentException when the patch is not a JSON object (a programming error)
     */
    public static ObjectNode patch(String patch) {
        try {
            return parseObject(patch);
        } catch (NotAnObjectException e) {
            throw new IllegalArgumentException("patch is " + e.getMessage(), e);
        }
    }

    /**
     * Merges: every key of {@code current} in its order, the patch's keys replacing the values of the
     * same keys in place and the others appended in the patch's order.
     *
     * @param current the file's object (not changed)
     * @param patch keys to set (not changed)
     * @return a new object
     */
    public static ObjectNode merge(ObjectNode current, ObjectNode patch) {
        ObjectNode out = current.deepCopy();
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            out.set(e.getKey(), e.getValue().deepCopy());
        }
        return out;
    }

    /** True when {@code current} already has every key of the patch with an equal value. */
    public static boolean holds(ObjectNode current, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            if (!e.getValue().equals(current.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The keys of a patch, in order. */
    public static List<String> keys(ObjectNode patch) {
        List<String> out = new ArrayList<>();
        patch.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /**
     * The file form: two-space indent, {@code "key": value}, trailing newline.
     *
     * @param o the object
     * @return the text
     */
    public static String render(ObjectNode o) {
        try {
            return JSON.writer(PRETTY).writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The compact form (no whitespace outside strings). */
    public static String compact(JsonNode n) {
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One compact {@code "key":value} text per key of the patch. A file holds the patch when its text,
     * with every space, tab and line break removed, contains each of them: the test {@code install.sh}
     * can make without a JSON tool. It errs only towards "not held" (e.g. keys of an object value in
     * another order), never towards "held", unless the same text sits deeper in another key.
     *
     * @param patch the patch (its values must hold no whitespace inside strings)
     * @return the fragments, in the patch's order
     */
    public static List<String> fragments(ObjectNode patch) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            out.add(compact(JSON.getNodeFactory().textNode(e.getKey())) + ":" + compact(e.getValue()));
        }
        return out;
    }
}
