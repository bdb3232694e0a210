package io.nestedge.model.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nestedge.model.ContainerEngineSettings;
import io.nestedge.model.ContainerEngineSettings.LogDriver;
import io.nestedge.model.samples.SamplePlants;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonMergeTest {
    private static final ObjectNode PATCH = DaemonJson.patch(SamplePlants.SAMPLE_CONTAINER_ENGINE);

    @Test
    void patchHasTheKeysTheRuntimesChecksReadWithStringOptions() {
        assertThat(JsonMerge.compact(PATCH)).isEqualTo(
                "{\"dns\":[\"10.0.3.53\"],\"log-driver\":\"local\",\"log-opts\":{\"max-file\":\"3\",\"max-size\":\"10m\"}}");
        ObjectNode dnsOnly = DaemonJson.patch(new ContainerEngineSettings(List.of("10.0.3.53", "10.0.4.53"), LogDriver.JSON_FILE, "", 0));
        assertThat(JsonMerge.compact(dnsOnly)).isEqualTo("{\"dns\":[\"10.0.3.53\",\"10.0.4.53\"]}");
        ObjectNode logsOnly = DaemonJson.patch(new ContainerEngineSettings(List.of(), LogDriver.JSON_FILE, "1g", 2));
        assertThat(JsonMerge.compact(logsOnly)).isEqualTo(
                "{\"log-driver\":\"json-file\",\"log-opts\":{\"max-file\":\"2\",\"max-size\":\"1g\"}}");
        assertThat(DaemonJson.patch(ContainerEngineSettings.NONE).isEmpty()).isTrue();
    }

    @Test
    void mergeKeepsForeignKeysInPlaceAndReplacesManagedValuesWhole() throws Exception {
        ObjectNode current = JsonMerge.parseObject("""
                {
                  "registry-mirrors": ["https://mirror.contoso-plant.local"],
                  "log-driver": "syslog",
                  "log-opts": {"syslog-address": "udp://10.0.3.9:514", "max-size": "1m"},
                  "insecure-registries": ["site-gw.contoso-plant.local:5000"],
                  "max-concurrent-downloads": 2
                }
                """);
        ObjectNode merged = JsonMerge.merge(current, PATCH);
        assertThat(JsonMerge.keys(merged)).containsExactly("registry-mirrors", "log-driver", "log-opts", "insecure-registries",
                "max-concurrent-downloads", "dns");
        assertThat(merged.get("registry-mirrors")).isEqualTo(current.get("registry-mirrors"));
        assertThat(merged.get("insecure-registries")).isEqualTo(current.get("insecure-registries"));
        assertThat(merged.get("max-concurrent-downloads").intValue()).isEqualTo(2);
        assertThat(merged.get("log-driver").asText()).isEqualTo("local");
        // a syslog option must not survive the switch to the local driver (dockerd would refuse it)
        assertThat(JsonMerge.compact(merged.get("log-opts"))).isEqualTo("{\"max-file\":\"3\",\"max-size\":\"10m\"}");
        assertThat(current.get("log-driver").asText()).as("input untouched").isEqualTo("syslog");
        assertThat(JsonMerge.holds(current, PATCH)).isFalse();
        assertThat(JsonMerge.holds(merged, PATCH)).isTrue();
        assertThat(JsonMerge.merge(merged, PATCH)).isEqualTo(merged);
        assertThat(JsonMerge.parseObject(JsonMerge.render(merged))).isEqualTo(merged);
        assertThat(JsonMerge.render(merged)).startsWith("{\n  \"registry-mirrors\": [\n").endsWith("}\n");
    }

    @Test
    void blankFilesAreEmptyObjectsAndNonObjectsAreRefusedWithThePosition() throws Exception {
        assertThat(JsonMerge.parseObject(" \n").isEmpty()).isTrue();
        assertThatThrownBy(() -> JsonMerge.parseObject("{\n  \"dns\": [\"10.0.3.53\",]\n}"))
                .isInstanceOf(JsonMerge.NotAnObjectException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> JsonMerge.parseObject("[\"dns\"]"))
                .isInstanceOf(JsonMerge.NotAnObjectException.class).hasMessageContaining("not a JSON object (it is array)");
        assertThatThrownBy(() -> JsonMerge.parseObject("{} {}"))
                .isInstanceOf(JsonMerge.NotAnObjectException.class);
        assertThatThrownBy(() -> new Action.MergeJson(DaemonJson.PATH, "[1]", DaemonJson.PATH + ".bak"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fragmentsAreTheCompactKeyValueTexts() {
        assertThat(JsonMerge.fragments(PATCH)).containsExactly("\"dns\":[\"10.0.3.53\"]", "\"log-driver\":\"local\"",
                "\"log-opts\":{\"max-file\":\"3\",\"max-size\":\"10m\"}");
    }
}
