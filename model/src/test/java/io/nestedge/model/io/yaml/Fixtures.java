package io.nestedge.model.io.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test fixtures (real-shaped tool configs) and a neutral YAML reader for comparing documents. */
final class Fixtures {
    static final String IOTEDGE = "iotedge_config.yaml";
    static final String IOTEDGE_LEAF = "iotedge_config_leaf.yaml";
    static final String AZ = "az_devices_config.yaml";
    private static final YAMLMapper PLAIN = new YAMLMapper();

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/edgetools/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** The document as a tree (comments and quoting style do not matter). */
    static JsonNode tree(String yaml) {
        try {
            return PLAIN.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
