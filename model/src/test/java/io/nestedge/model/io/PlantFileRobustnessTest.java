package io.nestedge.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nestedge.model.samples.SamplePlants;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Crashes the reader fuzz found in {@link PlantFile}, kept as plain regression tests. */
class PlantFileRobustnessTest {
    private static String sample() {
        return new String(PlantFile.toBytes(SamplePlants.sample()), StandardCharsets.UTF_8);
    }

    private static InputException fail(String json) {
        InputException e = catchThrowableOfType(InputException.class,
                () -> PlantFile.parse(json.getBytes(StandardCharsets.UTF_8), "p.json"));
        assertThat(e).isNotNull();
        return e;
    }

    @Test
    void nullInsideANestedListIsAnInputErrorWithPointer() {
        InputException e = fail(sample().replaceFirst("\"edgeHubPorts\" : \\[", "\"edgeHubPorts\" : [ null,"));
        assertThat(e.location()).startsWith("/devices/0/runtime/edgeHubPorts/0");
        assertThat(e.getCause()).isNotInstanceOf(NullPointerException.class);
    }

    @Test
    void unpairedSurrogateEscapeIsRefusedInsteadOfSavedAsQuestionMark() {
        InputException e = fail(sample().replace("\"Contoso bottling plant\"", "\"Contoso \\uD800 plant\""));
        assertThat(e.location()).isEqualTo("/name");
        assertThat(e.problem()).contains("surrogate");
    }

    @Test
    void unpairedSurrogateDeepInsideIsReportedWithItsFullPointer() {
        InputException e = fail(sample().replaceFirst("\"hostname\" : \"", "\"hostname\" : \"\\\\uDC00"));
        assertThat(e.location()).isEqualTo("/devices/0/hostname");
    }

    @Test
    void hugeNumberIsAnInputError() {
        InputException e = fail(sample().replaceFirst("\"port\" : 22", "\"port\" : 1" + "0".repeat(400)));
        assertThat(e.file()).isEqualTo("p.json");
        assertThat(e.location()).contains("line");
    }

    /** A hand-edited position far off the canvas (or infinite) hung the designer on open; it is refused with the device and a fix. */
    @Test
    void aPositionOffTheCanvasIsAnInputErrorNamingTheDevice() {
        String s = sample();
        int at = s.indexOf("\"position\"", s.indexOf("\"id\" : \"ops-gw\""));
        String head = s.substring(0, at);
        String tail = s.substring(s.indexOf('}', at) + 1);
        for (String pos : java.util.List.of("{ \"x\" : 1e308, \"y\" : 0 }", "{ \"x\" : 0, \"y\" : -2e7 }", "{ \"x\" : 1e400, \"y\" : 0 }")) {
            InputException e = fail(head + "\"position\" : " + pos + tail);
            assertThat(e.location()).isEqualTo("/devices/1/position");
            assertThat(e.problem()).contains("'ops-gw'").contains("off the canvas");
            assertThat(e.fix()).contains("Auto-layout");
        }
        assertThat(catchThrowableOfType(InputException.class, () -> PlantFile.parse((head + "\"position\" : { \"x\" : 9999999, \"y\" : -9999999 }"
                + tail).getBytes(StandardCharsets.UTF_8), "p.json"))).isNull();
    }

    @Test
    void optionalKeysAreWrittenOnlyWhenSet() throws Exception {
        String json = sample();
        assertThat(json).doesNotContain("deployment").doesNotContain("edgeTools").doesNotContain("iotHubName")
                .doesNotContain("importedRootKey");
        var p = SamplePlants.sample().updateDevice("site-gw", d -> d.toBuilder().deployment("dep/top.json").build())
                .withEdgeTools(new io.nestedge.model.EdgeToolSettings("t.toml", "$upstream:443/azureiotedge-agent:1.5"));
        String saved = new String(PlantFile.toBytes(p), StandardCharsets.UTF_8);
        assertThat(saved).contains("\"deployment\" : \"dep/top.json\"").contains("\"templateConfigPath\" : \"t.toml\"");
        assertThat(PlantFile.parse(saved.getBytes(StandardCharsets.UTF_8), "p.json")).isEqualTo(p);
    }
}
