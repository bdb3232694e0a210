package io.nestedge.model.io.yaml;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.nestedge.model.io.InputException;
import io.nestedge.model.io.UnicodeText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Jackson YAML set-up shared by the nested-edge tool formats: strict binding (unknown keys, duplicate
 * keys and empty list entries are errors), the config-version check, locations of bound records, and
 * translation of every Jackson error into an {@link InputException} with key path and line.
 */
final class YamlSupport {
    private static final String LOCATIONS = "nestedge.yaml.locations";
    private static final YAMLMapper MAPPER = buildMapper();

    private YamlSupport() {
    }

    private static YAMLMapper buildMapper() {
        LoaderOptions loader = new LoaderOptions();
        loader.setMaxAliasesForCollections(20);
        loader.setNestingDepthLimit(100);
        loader.setCodePointLimit(4 * 1024 * 1024);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(loader)
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        SimpleModule locations = new SimpleModule("nestedge-yaml-locations");
        locations.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription desc,
                    JsonDeserializer<?> deserializer) {
                return YamlNode.class.isAssignableFrom(desc.getBeanClass()) ? new Locating(deserializer) : deserializer;
            }
        });
        return YAMLMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
                .addModule(locations)
                .build();
    }

    /** Records the location of each {@link YamlNode} as it is read. */
    private static final class Locating extends DelegatingDeserializer {
        private static final long serialVersionUID = 1L;

        Locating(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Locating(newDelegatee);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonLocation at = p.currentTokenLocation();
            Object value = _delegatee.deserialize(p, ctxt);
            Object map = ctxt.getAttribute(LOCATIONS);
            if (value != null && map instanceof Map<?, ?> m) {
                ((Map<Object, JsonLocation>) m).put(value, at);
            }
            return value;
        }
    }

    /** A bound document and where each of its records started. */
    record Bound<T>(T value, Map<Object, JsonLocation> locations) {
        /** "line N, column M" of a bound record, or "" when unknown. */
        String line(Object node) {
            return where(locations.get(node));
        }

        /** "path (line N, column M)" for a bound record. */
        String at(String path, Object node) {
            String l = line(node);
            return l.isEmpty() ? path : path + " (" + l + ")";
        }
    }

    /** A new empty mapping node for writers (key order is insertion order). */
    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * Writes a tree as YAML after a comment header.
     *
     * @param header comment lines without the leading "# "
     */
    static String write(List<String> header, ObjectNode doc) {
        StringBuilder sb = new StringBuilder();
        for (String h : header) {
            sb.append("# ").append(h.replaceAll("[\\r\\n]+", " ")).append('\n');
        }
        try {
            return sb.append(MAPPER.writeValueAsString(doc)).toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a YAML tree of strings cannot fail to serialise", e);
        }
    }

    /**
     * Checks the config version before anything else (a file of another version may use other keys).
     *
     * @param key the version key, e.g. {@code config_version}
     * @throws InputException naming the file and line when the top level is not a mapping, the key is
     *     missing, or the value is not {@link EdgeToolFormat#CONFIG_VERSION}
     */
    static void checkVersion(byte[] bytes, String file, EdgeToolFormat format) throws InputException {
        String key = format.versionKey();
        String expected = EdgeToolFormat.CONFIG_VERSION;
        try (JsonParser p = MAPPER.createParser(bytes)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new InputException(file, "line 1", "the file is empty; expected a " + format.toolName()
                        + " config starting with " + key + ": \"" + expected + "\".", "Choose the right file.");
            }
            if (t != JsonToken.START_OBJECT) {
                throw new InputException(file, where(p.currentTokenLocation()), "expected a mapping of keys ("
                        + key + ", …) at the top of the file, found " + describe(t) + ".",
                        "Check that this is a " + format.toolName() + " config file.");
            }
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonLocation keyAt = p.currentTokenLocation();
                t = p.nextToken();
                if (key.equals(name)) {
                    String v = t != null && t.isScalarValue() && t != JsonToken.VALUE_NULL ? p.getText() : null;
                    if (!expected.equals(v)) {
                        throw new InputException(file, key + " (" + where(keyAt) + ")",
                                (v == null ? "the value is " + describe(t) : "config version \"" + v + "\" is not supported")
                                        + "; expected \"" + expected + "\" (the only version " + format.toolName() + " reads).",
                                "Write " + key + ": \"" + expected + "\" and use the keys of version " + expected + ".");
                    }
                    return;
                }
                p.skipChildren();
            }
            throw new InputException(file, key + " (line 1)", "missing key '" + key + "'; expected " + key + ": \""
                    + expected + "\" at the top level.", "Add " + key + ": \"" + expected + "\" as the first line.");
        } catch (JsonProcessingException e) {
            throw translate(bytes, file, e, format);
        } catch (IOException e) {
            throw new InputException(file, "", "cannot read the file: " + e.getMessage(), "", e);
        }
    }

    /**
     * Binds a whole document.
     *
     * @throws InputException for malformed YAML, unknown or duplicate keys, wrong value types and empty
     *     list entries, naming the key path and line
     */
    static <T> Bound<T> bind(byte[] bytes, String file, Class<T> type, EdgeToolFormat format) throws InputException {
        checkText(bytes, file, format);
        Map<Object, JsonLocation> locations = new IdentityHashMap<>();
        try {
            T value = MAPPER.readerFor(type).withAttribute(LOCATIONS, locations).readValue(bytes);
            if (value == null) {
                throw new InputException(file, "line 1", "the file holds no YAML document.", "Choose the right file.");
            }
            return new Bound<>(value, locations);
        } catch (JsonProcessingException e) {
            throw translate(bytes, file, e, format);
        } catch (IOException e) {
            throw new InputException(file, "", "cannot read the file: " + e.getMessage(), "", e);
        }
    }

    /** Refuses keys and values that cannot be saved as UTF-8 (see {@link UnicodeText}). */
    private static void checkText(byte[] bytes, String file, EdgeToolFormat format) throws InputException {
        try (JsonParser p = MAPPER.createParser(bytes)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if ((t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME) && UnicodeText.unpairedSurrogate(p.getText()) >= 0) {
                    throw new InputException(file, where(p.currentTokenLocation()), UnicodeText.problem(), UnicodeText.fix());
                }
            }
        } catch (JsonProcessingException e) {
            throw translate(bytes, file, e, format);
        } catch (IOException e) {
            throw new InputException(file, "", "cannot read the file: " + e.getMessage(), "", e);
        }
    }

    /** Turns a Jackson error into an {@link InputException} with key path, line and a fix. */
    static InputException translate(byte[] bytes, String file, JsonProcessingException e, EdgeToolFormat format) {
        if (e instanceof JsonMappingException && e.getCause() instanceof JsonProcessingException c
                && !(c instanceof JsonMappingException)) {
            e = c; // a YAML syntax error met while binding: report it as such
        }
        String line = where(e.getLocation());
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            // Records are bound through their constructor: Jackson reports unknown keys only when the
            // whole mapping has been read, so find the key's own position again.
            JsonLocation at = locate(bytes, m.getPath());
            if (at != null) {
                line = where(at);
            }
        }
        if (e instanceof UnrecognizedPropertyException u) {
            String path = path(u);
            Collection<Object> known = u.getKnownPropertyIds();
            String keys = known == null ? "" : known.stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
            return new InputException(file, join(path, line), "unknown key '" + u.getPropertyName() + "': "
                    + format.toolName() + " has no such key here.",
                    "Check spelling and indentation; keys allowed here: " + keys + ".", e);
        }
        boolean emptyText = e instanceof InvalidFormatException f && "".equals(f.getValue());
        if (e instanceof InvalidNullException || emptyText) {
            return new InputException(file, join(path((JsonMappingException) e), line), "an empty entry; expected a value here.",
                    "Remove the empty entry (e.g. a lone '-') or give it a value.", e);
        }
        if (e instanceof MismatchedInputException m) {
            String path = path(m);
            String expected = m.getTargetType() == null ? "another kind of value" : expectedShape(m.getTargetType());
            return new InputException(file, join(path, line), "wrong kind of value: expected " + expected
                    + found(m) + ".",
                    "Compare with the " + format.toolName() + " sample config.", e);
        }
        if (e instanceof JsonMappingException m) {
            return new InputException(file, join(path(m), line), firstLine(m.getOriginalMessage()) + ".",
                    "Compare with the " + format.toolName() + " sample config.", e);
        }
        String msg = firstLine(e.getOriginalMessage());
        if (msg.startsWith("Duplicate field")) {
            line = where(e.getLocation());
            return new InputException(file, line, "duplicate key: " + msg.replace("Duplicate field", "key") + ".",
                    "Keep one of the two entries.", e);
        }
        return new InputException(file, line, "malformed YAML: " + syntaxProblem(e.getOriginalMessage()) + ".",
                "Fix the YAML at that position (indentation, quotes, ': ' after keys).", e);
    }

    private static String found(MismatchedInputException m) {
        if (m.getProcessor() instanceof JsonParser p && p.currentToken() != null) {
            JsonToken t = p.currentToken();
            try {
                if (t == JsonToken.VALUE_STRING && p.getText().isEmpty()) {
                    return ", found an empty value";
                }
            } catch (IOException ignored) {
                // fall through to the token kind
            }
            return ", found " + describe(t);
        }
        return "";
    }

    /**
     * The location of the value at {@code path} (the key's position for a mapping entry), found by
     * walking the token stream; null when the path cannot be followed.
     */
    static JsonLocation locate(byte[] bytes, List<JsonMappingException.Reference> path) {
        try (JsonParser p = MAPPER.createParser(bytes)) {
            JsonToken t = p.nextToken();
            JsonLocation found = p.currentTokenLocation();
            for (JsonMappingException.Reference r : path) {
                if (r.getFieldName() != null) {
                    if (t != JsonToken.START_OBJECT) {
                        return null;
                    }
                    String want = r.getFieldName();
                    JsonLocation keyAt = null;
                    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                        boolean hit = want.equals(p.currentName());
                        keyAt = p.currentTokenLocation();
                        t = p.nextToken();
                        if (hit) {
                            break;
                        }
                        p.skipChildren();
                    }
                    if (keyAt == null || t == JsonToken.END_OBJECT || t == null) {
                        return null;
                    }
                    found = keyAt;
                } else if (r.getIndex() >= 0) {
                    if (t == JsonToken.START_OBJECT && r.getIndex() == 0) {
                        continue; // a single value accepted as a one-element list
                    }
                    if (t != JsonToken.START_ARRAY) {
                        return null;
                    }
                    for (int i = 0; i <= r.getIndex(); i++) {
                        if (i > 0) {
                            p.skipChildren();
                        }
                        t = p.nextToken();
                        if (t == null || t == JsonToken.END_ARRAY) {
                            return null;
                        }
                    }
                    found = p.currentTokenLocation();
                }
            }
            return found;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String expectedShape(Class<?> type) {
        if (Collection.class.isAssignableFrom(type)) {
            return "a list ('- ' entries)";
        }
        if (type == String.class) {
            return "a text value";
        }
        if (type.isRecord() || Map.class.isAssignableFrom(type)) {
            return "a mapping (key: value lines)";
        }
        return "a " + type.getSimpleName();
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case START_ARRAY -> "a list";
            case START_OBJECT -> "a mapping";
            case VALUE_NULL -> "empty";
            case VALUE_STRING -> "a text value";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> "a " + t.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** SnakeYAML's problem lines without the quoted snippet and marker lines. */
    private static String syntaxProblem(String s) {
        if (s == null || s.isBlank()) {
            return "unreadable input";
        }
        String joined = s.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .map(String::strip).collect(Collectors.joining("; "));
        return firstLine(joined.isEmpty() ? s : joined);
    }

    private static String firstLine(String s) {
        if (s == null || s.isBlank()) {
            return "unreadable input";
        }
        String l = s.strip().lines().findFirst().orElse(s.strip());
        return l.endsWith(".") ? l.substring(0, l.length() - 1) : l;
    }

    private static String join(String path, String line) {
        if (path.isEmpty()) {
            return line;
        }
        return line.isEmpty() ? path : path + " (" + line + ")";
    }

    /** "line N, column M", or "" when unknown. */
    static String where(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    /** The key path of a mapping error, e.g. {@code edgedevices[0].child[1].hostname}. */
    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** UTF-8 bytes of a string. */
    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
