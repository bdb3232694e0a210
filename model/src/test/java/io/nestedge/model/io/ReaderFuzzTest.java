package io.nestedge.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.nestedge.model.Plant;
import io.nestedge.model.io.yaml.EdgeToolFiles;
import io.nestedge.model.io.yaml.EdgeToolFormat;
import io.nestedge.model.io.yaml.ImportOptions;
import io.nestedge.model.io.yaml.ImportResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Fuzz properties for every reader ({@link PlantFile#parse} and the nested-edge tool config readers):
 * whatever the bytes, the result is a plant or an {@link InputException} that names the file, and no
 * programming error (null pointer, illegal argument, class cast, index, illegal state) hides inside it.
 */
class ReaderFuzzTest {
    private static final byte[] SAMPLE = read(Path.of("..", "examples", "sample-plant.json"));
    private static final byte[] IOTEDGE = resource("iotedge_config.yaml");
    private static final byte[] IOTEDGE_LEAF = resource("iotedge_config_leaf.yaml");
    private static final byte[] AZ = resource("az_devices_config.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final List<Class<? extends Throwable>> BUGS = List.of(NullPointerException.class,
            IllegalArgumentException.class, ClassCastException.class, IndexOutOfBoundsException.class,
            IllegalStateException.class, ArithmeticException.class, UnsupportedOperationException.class,
            StackOverflowError.class);
    /** Keys of the plant file and both tool formats, so random documents reach deep into the binders. */
    private static final List<String> KEYS = List.of("schemaVersion", "name", "hub", "iotHubHostname", "registry",
            "address", "username", "apiProxy", "moduleName", "port", "pki", "caSource", "rootKeyType", "layers", "id",
            "isaLevel", "devices", "kind", "hostname", "layerId", "parentId", "ssh", "reach", "os", "provisioning",
            "method", "runtime", "agentImage", "edgeHubEnv", "edgeHubPorts", "hostPort", "containerPort", "protocol",
            "modules", "type", "image", "env", "ports", "routes", "statement", "position", "x", "y", "expectedOfflineDays",
            "deployment", "edgeTools", "config_version", "iothub", "iothub_hostname", "iothub_name",
            "authentication_method", "certificates", "root_ca_cert_path", "configuration", "default_edge_agent",
            "template_config_path", "edgedevices", "device_id", "edge_agent", "child", "leaf", "container_auth",
            "configVersion", "iotHub", "authenticationMethod", "edgeConfiguration", "defaultEdgeAgent", "edgeDevices",
            "deviceId", "edgeAgent", "children", "containerAuth", "password");
    private static final List<String> WORDS = List.of("1.0", "IOT_EDGE", "LEAF", "MANUAL_SAS", "DPS", "GENERATE",
            "IMPORT", "RSA_2048", "EC_P256", "DIRECT", "VIA_PARENT", "DEBIAN", "API_PROXY", "symmetric_key",
            "x509_certificate", "symmetricKey", "x509Certificate", "L5", "L4", "site-gw", "$upstream:443/azureiotedge-agent:1.5",
            "", " ", "null", "~", "NaN", "-0", "1e400", "\u0000", "\uD800");

    // ------------------------------------------------------------------ oracle

    /** Runs a reader: returns normally or throws an InputException that names the file; nothing else. */
    private static void expectPlantOrInputException(String file, ThrowingSupplier<Plant> reader) {
        Plant p;
        try {
            p = reader.get();
        } catch (InputException e) {
            assertThat(e.file().isEmpty() && e.location().isEmpty()).as("error names file or location").isFalse();
            assertThat(e.getMessage()).isNotBlank();
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                for (Class<? extends Throwable> bug : BUGS) {
                    assertThat(c).as("programming error hidden in an InputException: " + e.getMessage()).isNotInstanceOf(bug);
                }
            }
            return;
        }
        assertThat(p).isNotNull();
        // A plant that was read can be saved and read back unchanged.
        byte[] saved = PlantFile.toBytes(p);
        try {
            assertThat(PlantFile.parse(saved, "resaved.json")).isEqualTo(p);
        } catch (InputException e) {
            throw new AssertionError("a plant read from " + file + " cannot be read back after saving: " + e.getMessage()
                    + "\n" + new String(saved, StandardCharsets.UTF_8), e);
        }
    }

    @FunctionalInterface
    interface ThrowingSupplier<T> {
        T get() throws InputException;
    }

    private static void allReaders(byte[] bytes) {
        expectPlantOrInputException("f.json", () -> PlantFile.parse(bytes, "f.json"));
        for (EdgeToolFormat f : EdgeToolFormat.values()) {
            expectPlantOrInputException("f.yaml", () -> importAndExport(bytes, f));
        }
    }

    /** Imports, and when that works, exports again and imports the export: the same hierarchy. */
    private static Plant importAndExport(byte[] bytes, EdgeToolFormat f) throws InputException {
        ImportResult r = EdgeToolFiles.parse(bytes, "f.yaml", f, ImportOptions.defaults());
        String again = EdgeToolFiles.export(r.plant(), f, "p.json").yaml();
        Plant back = EdgeToolFiles.parse(again.getBytes(StandardCharsets.UTF_8), "again.yaml", f, ImportOptions.defaults())
                .plant();
        assertThat(back.deviceIds()).containsExactlyInAnyOrderElementsOf(r.plant().deviceIds());
        return r.plant();
    }

    // ------------------------------------------------------------------ properties

    @Property(tries = 300)
    void randomBytes(@ForAll @Size(max = 400) byte[] bytes) {
        allReaders(bytes);
    }

    @Property(tries = 300)
    void randomJsonDocuments(@ForAll("documents") JsonNode doc) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(doc);
        allReaders(bytes);
        allReaders(YAML.writeValueAsBytes(doc));
    }

    @Property(tries = 200)
    void truncatedSamplePlantAndToolConfigs(@ForAll @IntRange(min = 0, max = 100_000) int cut) {
        for (byte[] src : List.of(SAMPLE, IOTEDGE, IOTEDGE_LEAF, AZ)) {
            allReaders(Arrays.copyOf(src, cut % (src.length + 1)));
        }
    }

    @Property(tries = 300)
    void byteMutationsOfSamplePlantAndToolConfigs(@ForAll long seed) {
        Random r = new Random(seed);
        for (byte[] src : List.of(SAMPLE, IOTEDGE, IOTEDGE_LEAF, AZ)) {
            allReaders(mutateBytes(src, r));
        }
    }

    @Property(tries = 300)
    void structuralMutationsOfTheSamplePlant(@ForAll long seed, @ForAll("values") JsonNode replacement) throws IOException {
        JsonNode tree = JSON.readTree(SAMPLE);
        mutateTree(tree, new Random(seed), replacement);
        byte[] bytes = JSON.writeValueAsBytes(tree);
        expectPlantOrInputException("m.json", () -> PlantFile.parse(bytes, "m.json"));
    }

    @Property(tries = 300)
    void structuralMutationsOfToolConfigs(@ForAll long seed, @ForAll("values") JsonNode replacement) throws IOException {
        Random r = new Random(seed);
        for (byte[] src : List.of(IOTEDGE, IOTEDGE_LEAF, AZ)) {
            JsonNode tree = YAML.readTree(src);
            mutateTree(tree, r, replacement);
            byte[] bytes = YAML.writeValueAsBytes(tree);
            EdgeToolFormat f = src == AZ ? EdgeToolFormat.AZ_DEVICES : EdgeToolFormat.IOTEDGE_CONFIG;
            expectPlantOrInputException("m.yaml", () -> importAndExport(bytes, f));
        }
    }

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<JsonNode> values() {
        return value(3);
    }

    @Provide
    Arbitrary<JsonNode> documents() {
        Arbitrary<JsonNode> withVersion = value(3).map(v -> {
            ObjectNode o = v instanceof ObjectNode x ? x : JsonNodeFactory.instance.objectNode().set("devices", v);
            o.put("schemaVersion", 1);
            return o;
        });
        return Arbitraries.oneOf(value(4), withVersion);
    }

    private static Arbitrary<JsonNode> value(int depth) {
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                Arbitraries.just(NullNode.getInstance()),
                Arbitraries.integers().map(i -> (JsonNode) IntNode.valueOf(i)),
                Arbitraries.longs().map(l -> (JsonNode) LongNode.valueOf(l)),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(400))
                        .map(b -> (JsonNode) BigIntegerNode.valueOf(b)),
                Arbitraries.doubles().map(d -> (JsonNode) DoubleNode.valueOf(d)),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, 1e308, -1e-308).map(d -> (JsonNode) DoubleNode.valueOf(d)),
                Arbitraries.strings().ofMaxLength(30).map(s -> (JsonNode) TextNode.valueOf(s)),
                Arbitraries.of(WORDS).map(s -> (JsonNode) TextNode.valueOf(s)),
                Arbitraries.of(true, false).map(b -> (JsonNode) BooleanNode.valueOf(b)));
        if (depth == 0) {
            return scalars;
        }
        Arbitrary<JsonNode> arrays = value(depth - 1).list().ofMaxSize(4).map(l -> {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            l.forEach(a::add);
            return a;
        });
        Arbitrary<JsonNode> objects = Combinators.combine(Arbitraries.of(KEYS).list().ofMaxSize(5),
                value(depth - 1).list().ofSize(5)).as((keys, vals) -> {
                    ObjectNode o = JsonNodeFactory.instance.objectNode();
                    for (int i = 0; i < keys.size(); i++) {
                        o.set(keys.get(i), vals.get(i));
                    }
                    return o;
                });
        return Arbitraries.frequencyOf(Tuple.of(5, scalars), Tuple.of(2, arrays), Tuple.of(2, objects));
    }

    /** Replaces, removes or renames one random node of the tree, or adds a null/list entry. */
    private static void mutateTree(JsonNode root, Random r, JsonNode replacement) {
        List<ContainerNode<?>> containers = new ArrayList<>();
        collect(root, containers);
        ContainerNode<?> c = containers.get(r.nextInt(containers.size()));
        int op = r.nextInt(4);
        if (c instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            if (names.isEmpty() || op == 3) {
                o.set(KEYS.get(r.nextInt(KEYS.size())), replacement);
                return;
            }
            String k = names.get(r.nextInt(names.size()));
            switch (op) {
                case 0 -> o.set(k, replacement);
                case 1 -> o.remove(k);
                default -> o.set(KEYS.get(r.nextInt(KEYS.size())), o.remove(k));
            }
        } else if (c instanceof ArrayNode a) {
            if (a.isEmpty() || op == 3) {
                a.add(replacement);
                return;
            }
            int i = r.nextInt(a.size());
            switch (op) {
                case 0 -> a.set(i, replacement);
                case 1 -> a.remove(i);
                default -> a.insertNull(i);
            }
        }
    }

    private static void collect(JsonNode n, List<ContainerNode<?>> out) {
        if (n instanceof ContainerNode<?> c) {
            out.add(c);
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                collect(it.next().getValue(), out);
            }
            if (n.isArray()) {
                n.forEach(x -> collect(x, out));
            }
        }
    }

    /** One to four random byte edits: replace, delete, insert, or duplicate a line. */
    private static byte[] mutateBytes(byte[] src, Random r) {
        List<Byte> b = new ArrayList<>(src.length + 8);
        for (byte x : src) {
            b.add(x);
        }
        int edits = 1 + r.nextInt(4);
        byte[] specials = ":-[]{}\"'#&*!|>%@`\n\t ,0".getBytes(StandardCharsets.UTF_8);
        for (int e = 0; e < edits && !b.isEmpty(); e++) {
            int at = r.nextInt(b.size());
            byte v = r.nextBoolean() ? specials[r.nextInt(specials.length)] : (byte) r.nextInt(256);
            switch (r.nextInt(3)) {
                case 0 -> b.set(at, v);
                case 1 -> b.remove(at);
                default -> b.add(at, v);
            }
        }
        byte[] out = new byte[b.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i);
        }
        return out;
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = ReaderFuzzTest.class.getResourceAsStream("/edgetools/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
