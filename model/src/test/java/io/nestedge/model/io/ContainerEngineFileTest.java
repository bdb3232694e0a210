package io.nestedge.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nestedge.model.ContainerEngineSettings;
import io.nestedge.model.ContainerEngineSettings.LogDriver;
import io.nestedge.model.Plant;
import io.nestedge.model.samples.SamplePlants;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plant file's {@code containerEngine} object: written only when set, read strictly. */
class ContainerEngineFileTest {
    private static String json(Plant p) {
        return new String(PlantFile.toBytes(p), StandardCharsets.UTF_8);
    }

    @Test
    void settingsRoundTripInTheirPlaceAfterPki() throws Exception {
        Plant p = SamplePlants.sample().withContainerEngine(new ContainerEngineSettings(List.of("10.0.3.53", "fd00:3::53"),
                LogDriver.JSON_FILE, "20m", 5));
        String text = json(p);
        assertThat(text.indexOf("\"pki\"")).isLessThan(text.indexOf("\"containerEngine\""));
        assertThat(text.indexOf("\"containerEngine\"")).isLessThan(text.indexOf("\"layers\""));
        assertThat(text).contains("\"logDriver\" : \"JSON_FILE\"").contains("\"logMaxFiles\" : 5");
        Plant back = PlantFile.parse(text.getBytes(StandardCharsets.UTF_8), "p.json");
        assertThat(back).isEqualTo(p);
        assertThat(back.containerEngine().dns()).containsExactly("10.0.3.53", "fd00:3::53");
        assertThat(json(back)).isEqualTo(text);
    }

    @Test
    void aFileWithoutTheObjectManagesNothingAndStaysByteIdentical() throws Exception {
        Plant none = SamplePlants.sample().withContainerEngine(ContainerEngineSettings.NONE);
        String text = json(none);
        assertThat(text).doesNotContain("containerEngine");
        Plant back = PlantFile.parse(text.getBytes(StandardCharsets.UTF_8), "old.json");
        assertThat(back.containerEngine()).isEqualTo(ContainerEngineSettings.NONE);
        assertThat(back.containerEngine().managesDns()).isFalse();
        assertThat(back.containerEngine().managesLogs()).isFalse();
        assertThat(json(back)).isEqualTo(text);
    }

    @Test
    void missingKeysDefaultAndUnknownKeysAreErrorsWithThePointer() throws Exception {
        String base = json(SamplePlants.sample());
        String partial = base.replace("\"logDriver\" : \"LOCAL\",\n    \"logMaxSize\" : \"10m\",\n    \"logMaxFiles\" : 3\n",
                "\"logMaxSize\" : \"10m\"\n");
        assertThat(partial).isNotEqualTo(base);
        Plant p = PlantFile.parse(partial.getBytes(StandardCharsets.UTF_8), "p.json");
        assertThat(p.containerEngine().logDriver()).isEqualTo(LogDriver.LOCAL);
        assertThat(p.containerEngine().logMaxFiles()).isZero(); // NE-ENGINE-LOG-FILES reports it

        String typo = base.replace("\"logMaxFiles\"", "\"logMaxFile\"");
        assertThatThrownBy(() -> PlantFile.parse(typo.getBytes(StandardCharsets.UTF_8), "p.json"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("/containerEngine/logMaxFile")
                .hasMessageContaining("unknown key 'logMaxFile'")
                .hasMessageContaining("logMaxFiles");
        String badDriver = base.replace("\"LOCAL\"", "\"syslog\"");
        assertThatThrownBy(() -> PlantFile.parse(badDriver.getBytes(StandardCharsets.UTF_8), "p.json"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("/containerEngine/logDriver")
                .hasMessageContaining("JSON_FILE");
        String nullDns = base.replace("\"10.0.3.53\"", "null");
        assertThatThrownBy(() -> PlantFile.parse(nullDns.getBytes(StandardCharsets.UTF_8), "p.json"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("/containerEngine/dns");
    }
}
