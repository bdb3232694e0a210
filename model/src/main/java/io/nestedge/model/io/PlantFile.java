package io.nestedge.model.io;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.nestedge.model.Device;
import io.nestedge.model.HubSettings;
import io.nestedge.model.PkiSettings;
import io.nestedge.model.Plant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads and writes the plant file: JSON with a {@code schemaVersion}, a fixed key order and the
 * plant's device order, so two saves of the same plant are byte-identical. Saves are atomic.
 */
public final class PlantFile {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            // Optional keys added after schema 1 was published are written only when set, so files
            // that do not use them stay byte-identical.
            .addMixIn(Device.class, DeviceMixin.class)
            .addMixIn(HubSettings.class, HubSettingsMixin.class)
            .addMixIn(PkiSettings.class, PkiSettingsMixin.class)
            .addMixIn(io.nestedge.model.ContainerEngineSettings.class, ContainerEngineMixin.class)
            // A null inside a list or map ("devices": [null]) is an input error with a JSON pointer,
            // never a NullPointerException in a model constructor.
            .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
            .defaultPrettyPrinter(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")))
            .build();

    private PlantFile() {
    }

    private abstract static class DeviceMixin {
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract String deployment();
    }

    private abstract static class HubSettingsMixin {
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract String iotHubName();

        @JsonIgnore
        abstract String effectiveName();
    }

    private abstract static class PkiSettingsMixin {
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract String importedRootKey();
    }

    /** Each part of the container-engine settings may be left out ("not managed"): a missing count is 0. */
    private abstract static class ContainerEngineMixin {
        @JsonSetter(nulls = Nulls.AS_EMPTY)
        abstract int logMaxFiles();
    }

    /** The shared, configured mapper (thread-safe). */
    static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Serialises a plant to the file format (UTF-8, trailing newline).
     *
     * @param plant the plant
     * @return the file's bytes
     */
    public static byte[] toBytes(Plant plant) {
        try {
            return (MAPPER.writeValueAsString(PlantDocument.of(plant)) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plant cannot be serialised", e);
        }
    }

    /**
     * Saves atomically (temp file, fsync, rename).
     *
     * @throws IOException if the file cannot be written; the previous file is then unchanged
     */
    public static void write(Plant plant, Path file) throws IOException {
        AtomicFiles.write(file, toBytes(plant));
    }

    /**
     * Reads a plant file.
     *
     * @throws InputException naming the file and line/column or JSON pointer, for unreadable files,
     *     malformed JSON, unknown keys, wrong types, missing or newer schema versions, duplicate
     *     device IDs, and device positions that are not finite or beyond {@link io.nestedge.model.Position#LIMIT}
     */
    public static Plant read(Path file) throws InputException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), "", "file not found.", "Check the path.");
        } catch (IOException e) {
            throw new InputException(file.toString(), "", "cannot read the file: " + e.getMessage(), "");
        }
        return parse(bytes, file.toString());
    }

    /**
     * Parses the bytes of a plant file.
     *
     * @param bytes file content
     * @param name file name used in errors
     * @throws InputException as {@link #read(Path)}
     */
    public static Plant parse(byte[] bytes, String name) throws InputException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw syntax(name, e);
        } catch (IOException | RuntimeException e) {
            throw new InputException(name, "", "cannot parse the file: " + e.getMessage(), "", e);
        }
        if (tree == null || !tree.isObject()) {
            throw new InputException(name, "/", "expected a JSON object (a NestEdge plant file).",
                    "Open a file saved by NestEdge Studio.");
        }
        String badText = unpairedSurrogateAt(tree, "");
        if (badText != null) {
            throw new InputException(name, badText.isEmpty() ? "/" : badText, UnicodeText.problem(), UnicodeText.fix());
        }
        JsonNode v = tree.get("schemaVersion");
        if (v == null || !v.isInt()) {
            throw new InputException(name, "/schemaVersion", "missing or not a whole number; this is not a NestEdge plant file.",
                    "Add \"schemaVersion\": " + Plant.SCHEMA_VERSION + " or open a file saved by NestEdge Studio.");
        }
        if (v.intValue() > Plant.SCHEMA_VERSION) {
            throw new InputException(name, "/schemaVersion", "this plant was made by a newer version of NestEdge Studio (schema "
                    + v.intValue() + "; this version reads up to " + Plant.SCHEMA_VERSION + ").",
                    "Update NestEdge Studio to open it.");
        }
        if (v.intValue() < 1) {
            throw new InputException(name, "/schemaVersion", "schema version " + v.intValue() + " is not valid.",
                    "Use " + Plant.SCHEMA_VERSION + ".");
        }
        refuseNegativeValidity(tree, name);
        PlantDocument doc;
        try {
            doc = MAPPER.readValue(bytes, PlantDocument.class);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            throw new InputException(name, pointer(e) + " (" + where(e.getLocation()) + ")",
                    "unknown key '" + e.getPropertyName() + "'.", "Use one of: " + known + ".", e);
        } catch (InvalidFormatException e) {
            throw new InputException(name, pointer(e) + " (" + where(e.getLocation()) + ")",
                    "value " + e.getValue() + " is not a valid " + e.getTargetType().getSimpleName() + ".",
                    e.getTargetType().isEnum() ? "Use one of: " + java.util.Arrays.toString(e.getTargetType().getEnumConstants()) + "."
                            : valueFix(e.getTargetType()), e);
        } catch (JsonMappingException e) {
            throw new InputException(name, pointer(e) + " (" + where(e.getLocation()) + ")",
                    e.getOriginalMessage(), "", e);
        } catch (JsonProcessingException e) {
            throw syntax(name, e);
        } catch (IOException | RuntimeException e) {
            throw new InputException(name, "", "cannot read the plant: " + e.getMessage(), "", e);
        }
        if (doc.devices() != null) {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < doc.devices().size(); i++) {
                Device d = doc.devices().get(i);
                if (d == null) {
                    throw new InputException(name, "/devices/" + i, "a device is null.", "Remove the null entry.");
                }
                if (!ids.add(d.id())) {
                    throw new InputException(name, "/devices/" + i + "/id", "duplicate device ID '" + d.id() + "'.",
                            "Give every device a unique IoT Hub device ID.");
                }
                if (d.ssh().port() < 1 || d.ssh().port() > 65535) {
                    // the designer only accepts 1..65535; a hand-edited file must not reach the SSH client
                    throw new InputException(name, "/devices/" + i + "/ssh/port", "device '" + d.id() + "' has SSH port "
                            + d.ssh().port() + ", which is not a TCP port.", "Use a port between 1 and 65535 (22 by default).");
                }
                if (!d.position().onCanvas()) {
                    throw new InputException(name, "/devices/" + i + "/position", "device '" + d.id() + "' is off the canvas at x "
                            + d.position().x() + ", y " + d.position().y() + " (at most " + (long) io.nestedge.model.Position.LIMIT
                            + " pixels either way).", "Set its position to, e.g., {\"x\": 0, \"y\": 0}, open the plant and use "
                            + "Arrange › Auto-layout.");
                }
            }
        }
        if (doc.layers() != null && doc.layers().contains(null)) {
            throw new InputException(name, "/layers", "a layer is null.", "Remove the null entry.");
        }
        return doc.toPlant();
    }

    /**
     * JSON pointer of the first key or text value holding an unpaired surrogate, or null. The pointer
     * is built only for the value found (a plant of 2,000 devices has some 60,000 values).
     */
    /**
     * A validity below zero is a mistake, not "the default": refused naming the field (0 or absent
     * means the default, {@link io.nestedge.model.PkiSettings}).
     */
    private static void refuseNegativeValidity(JsonNode tree, String name) throws InputException {
        JsonNode pki = tree.get("pki");
        if (pki == null || !pki.isObject()) {
            return;
        }
        for (String field : List.of("rootValidityDays", "edgeCaValidityDays")) {
            JsonNode v = pki.get(field);
            if (v != null && v.isNumber() && v.asDouble() < 0) {
                throw new InputException(name, "/pki/" + field, "a validity of " + v.asText() + " days is not possible.",
                        "Give a positive number of days, or 0 (or leave it out) for the default ("
                                + (field.startsWith("root") ? "3650" : "365") + ").");
            }
        }
    }

    private static String unpairedSurrogateAt(JsonNode n, String pointer) {
        java.util.ArrayDeque<String> path = new java.util.ArrayDeque<>();
        return unpairedSurrogateAt(n, path) ? pointer + String.join("", (Iterable<String>) path::descendingIterator) : null;
    }

    /** True when {@code n} holds an unpaired surrogate; {@code path} then holds its pointer's segments, innermost first. */
    private static boolean unpairedSurrogateAt(JsonNode n, java.util.Deque<String> path) {
        if (n.isTextual()) {
            return UnicodeText.unpairedSurrogate(n.textValue()) >= 0;
        }
        if (n.isObject()) {
            for (var it = n.fields(); it.hasNext();) {
                var e = it.next();
                if (UnicodeText.unpairedSurrogate(e.getKey()) >= 0 || unpairedSurrogateAt(e.getValue(), path)) {
                    path.addLast("/" + e.getKey().replace("~", "~0").replace("/", "~1"));
                    return true;
                }
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                if (unpairedSurrogateAt(n.get(i), path)) {
                    path.addLast("/" + i);
                    return true;
                }
            }
        }
        return false;
    }

    /** The fix for a value of the wrong type (a number or true/false written as text, …). */
    private static String valueFix(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "Write a whole number without quotes, e.g. 22.";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "Write true or false without quotes.";
        }
        return "";
    }

    private static InputException syntax(String name, JsonProcessingException e) {
        return new InputException(name, where(e.getLocation()), "malformed JSON: " + e.getOriginalMessage(),
                "Fix the JSON syntax at that position.", e);
    }

    private static String where(JsonLocation loc) {
        return loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            sb.append('/');
            sb.append(r.getFieldName() != null ? r.getFieldName().replace("~", "~0").replace("/", "~1") : String.valueOf(r.getIndex()));
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }
}
