package io.nestedge.model.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One check of a JSON value inside a deployment manifest: it knows what it expects (for messages)
 * and adds a problem per violation, each {@code <JSON path>: <what is wrong>; expected <what>}.
 * Rules are immutable and thread-safe; {@link ManifestRules} builds them.
 */
interface ManifestRule {
    /** What a valid value looks like, in words, e.g. {@code one of running, stopped}. */
    String expected();

    /**
     * Checks one value.
     *
     * @param value the value (never {@code null}; a JSON null is a {@code NullNode})
     * @param path its JSON path, e.g. {@code $.modulesContent.$edgeAgent["properties.desired"]}
     * @param problems where problems are added
     */
    void check(JsonNode value, String path, List<String> problems);

    /** Adds the standard "is X; expected Y" problem for {@code value}. */
    default void wrong(JsonNode value, String path, List<String> problems) {
        problems.add(path + ": is " + describe(value) + "; expected " + expected());
    }

    /**
     * The path of property {@code key} of the object at {@code path}: {@code path.key}, or
     * {@code path["key"]} (JSON-escaped) when the key has other characters than letters, digits,
     * {@code _ - $}.
     */
    static String child(String path, String key) {
        return SIMPLE_KEY.matcher(key).matches() ? path + "." + key : path + "[" + TextNode.valueOf(key) + "]";
    }

    /** The path of item {@code index} of the array at {@code path}. */
    static String item(String path, int index) {
        return path + "[" + index + "]";
    }

    /** A short description of a value for messages: strings quoted (shortened), containers by kind. */
    static String describe(JsonNode value) {
        if (value.isTextual()) {
            String s = value.asText();
            return TextNode.valueOf(s.length() > 40 ? s.substring(0, 37) + "..." : s).toString(); // quoted, escaped
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        return value.toString(); // number, boolean, null
    }

    /** Keys written with a dot in paths. */
    Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z0-9_$-]+");
}
