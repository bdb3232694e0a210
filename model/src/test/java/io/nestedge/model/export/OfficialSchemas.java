package io.nestedge.model.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Test oracle: the official draft-04 deployment schemas (edgeAgent 1.1, edgeHub 1.1/1.2, Azure IoT
 * CLI extension, MIT) read from the shared reference copy beside the repository
 * ({@code <repo>/../shared/schemas}, found by walking up from {@code user.dir}; else
 * {@code /work/shared/schemas}), validated with networknt. They are never copied into the project.
 * When the directory is missing the calling test fails on CI ({@code CI=true}) and is skipped elsewhere.
 */
final class OfficialSchemas {
    static final String AGENT_1_1 = "azure-iot-edgeagent-deployment-1.1.json";
    static final String HUB_1_1 = "azure-iot-edgehub-deployment-1.1.json";
    static final String HUB_1_2 = "azure-iot-edgehub-deployment-1.2.json";
    static final Path FALLBACK = Path.of("/work/shared/schemas");

    private static OfficialSchemas loaded;

    final Path dir;
    private final JsonSchema agent11;
    private final JsonSchema hub11;
    private final JsonSchema hub12;

    private OfficialSchemas(Path dir) {
        this.dir = dir;
        JsonSchemaFactory f = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        agent11 = load(f, dir.resolve(AGENT_1_1));
        hub11 = load(f, dir.resolve(HUB_1_1));
        hub12 = load(f, dir.resolve(HUB_1_2));
    }

    private static JsonSchema load(JsonSchemaFactory f, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return f.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The shared schema directory: {@code <ancestor>/shared/schemas} for the nearest ancestor of
     * {@code start} that has one (from the module directory, {@code ../../shared/schemas} is such an
     * ancestor's), else {@code fallback}; null when neither holds the edgeAgent schema.
     */
    static Path locate(Path start, Path fallback) {
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("schemas");
            if (Files.isRegularFile(candidate.resolve(AGENT_1_1))) {
                return candidate;
            }
        }
        return Files.isRegularFile(fallback.resolve(AGENT_1_1)) ? fallback : null;
    }

    /** What a test does when the schemas are missing: fail on CI, else abort (skip). */
    static void missing(boolean onCi, String why) {
        if (onCi) {
            Assertions.fail(why + "; CI must place shared/ beside the clone");
        }
        Assumptions.abort(why);
    }

    /**
     * The oracle, loaded once. Fails the test when {@code CI=true} and the schemas are missing;
     * otherwise aborts (skips) it.
     */
    static synchronized OfficialSchemas get() {
        if (loaded == null) {
            Path dir = locate(Path.of(System.getProperty("user.dir")), FALLBACK);
            if (dir == null) {
                missing("true".equalsIgnoreCase(System.getenv("CI")), "official deployment schemas not found in "
                        + "<repo>/../shared/schemas (from user.dir " + System.getProperty("user.dir") + ") nor " + FALLBACK);
            }
            loaded = new OfficialSchemas(dir);
        }
        return loaded;
    }

    /**
     * What the official schemas say about a manifest: {@code $edgeAgent} against edgeAgent 1.1,
     * {@code $edgeHub} against edgeHub 1.2 when its schemaVersion is "1.2", else 1.1. Each schema's
     * root is {@code {"$edgeAgent": …}} / {@code {"$edgeHub": …}}, so each twin is wrapped (a missing
     * twin gives an empty wrapper, which the schema's {@code required} rejects).
     *
     * @return the schema messages; empty when both twins validate
     */
    List<String> problems(JsonNode manifest) {
        List<String> out = new ArrayList<>();
        JsonNode mc = manifest.path("modulesContent");
        if (!mc.isObject()) {
            out.add("modulesContent is not an object");
            return out;
        }
        ObjectNode a = CreateOptions.JSON.createObjectNode();
        if (mc.has("$edgeAgent")) {
            a.set("$edgeAgent", mc.get("$edgeAgent"));
        }
        messages(agent11, a, out);
        ObjectNode h = CreateOptions.JSON.createObjectNode();
        if (mc.has("$edgeHub")) {
            h.set("$edgeHub", mc.get("$edgeHub"));
        }
        boolean v12 = "1.2".equals(mc.path("$edgeHub").path("properties.desired").path("schemaVersion").asText(""));
        messages(v12 ? hub12 : hub11, h, out);
        return out;
    }

    private static void messages(JsonSchema schema, JsonNode node, List<String> out) {
        for (ValidationMessage m : schema.validate(node)) {
            out.add(m.getMessage());
        }
    }
}
