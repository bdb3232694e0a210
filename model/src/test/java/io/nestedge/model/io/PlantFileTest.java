package io.nestedge.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nestedge.model.Plant;
import io.nestedge.model.samples.SamplePlants;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlantFileTest {
    @TempDir
    Path dir;

    @Test
    void savesTwiceByteIdenticalAndReadsBackTheSamePlant() throws Exception {
        Plant p = SamplePlants.sample();
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        PlantFile.write(p, a);
        PlantFile.write(PlantFile.read(a), b);
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
        assertThat(PlantFile.read(b)).isEqualTo(p);
        try (var s = Files.list(dir)) {
            assertThat(s.map(x -> x.getFileName().toString())).containsExactlyInAnyOrder("a.json", "b.json");
        }
    }

    @Test
    void committedSamplePlantIsTheSamplePlant() throws Exception {
        Path sample = Path.of("..", "examples", "sample-plant.json");
        assertThat(PlantFile.read(sample)).isEqualTo(SamplePlants.sample());
        assertThat(Files.readAllBytes(sample)).isEqualTo(PlantFile.toBytes(SamplePlants.sample()));
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        byte[] bad = "{\n  \"schemaVersion\": 1,\n  \"name\": \"x\" \"oops\"\n}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> PlantFile.parse(bad, "bad.json"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("bad.json")
                .hasMessageContaining("line 3");
    }

    @Test
    void unknownKeyNamesPointerAndKnownKeys() {
        String json = new String(PlantFile.toBytes(SamplePlants.sample()), StandardCharsets.UTF_8)
                .replaceFirst("\"hostname\"", "\"hostnme\"");
        assertThatThrownBy(() -> PlantFile.parse(json.getBytes(StandardCharsets.UTF_8), "p.json"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("/devices/0/hostnme")
                .hasMessageContaining("unknown key 'hostnme'")
                .hasMessageContaining("hostname");
    }

    @Test
    void newerSchemaVersionSaysMadeByNewerVersion() {
        byte[] json = "{\"schemaVersion\": 99, \"name\": \"x\"}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> PlantFile.parse(json, "new.json"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("newer version");
    }

    @Test
    void wrongEnumValueListsAllowedValues() {
        String json = new String(PlantFile.toBytes(SamplePlants.sample()), StandardCharsets.UTF_8)
                .replaceFirst("\"IOT_EDGE\"", "\"GATEWAY\"");
        assertThatThrownBy(() -> PlantFile.parse(json.getBytes(StandardCharsets.UTF_8), "p.json"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("/devices/0/kind")
                .hasMessageContaining("IOT_EDGE, LEAF");
    }

    @Test
    void duplicateDeviceIdIsRefused() {
        String json = new String(PlantFile.toBytes(SamplePlants.sample()), StandardCharsets.UTF_8)
                .replace("\"id\" : \"ops-gw\"", "\"id\" : \"site-gw\"");
        assertThatThrownBy(() -> PlantFile.parse(json.getBytes(StandardCharsets.UTF_8), "p.json"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("duplicate device ID 'site-gw'");
    }

    @Test
    void anSshPortOutsideOneTo65535IsRefusedNamingDeviceAndField() {
        // Hand-edited plant: port 70000 passed validation and crashed 'commission' with a stack trace.
        for (String port : new String[] {"70000", "0", "-1"}) {
            String json = new String(PlantFile.toBytes(SamplePlants.sample()), StandardCharsets.UTF_8)
                    .replaceFirst("\"port\" : 22", "\"port\" : " + port);
            assertThatThrownBy(() -> PlantFile.parse(json.getBytes(StandardCharsets.UTF_8), "p.json"))
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining("p.json: /devices/0/ssh/port: device 'site-gw' has SSH port " + port)
                    .hasMessageContaining("Fix: Use a port between 1 and 65535");
        }
    }

    @Test
    void aNegativeValidityIsRefusedNamingTheFieldInsteadOfSilentlyBecomingTheDefault() throws Exception {
        // Was: -5 validated clean and became 3650 days without a word.
        String sample = new String(PlantFile.toBytes(SamplePlants.sample()), StandardCharsets.UTF_8);
        String json = sample.replaceFirst("\"rootValidityDays\" : \\d+", "\"rootValidityDays\" : -5");
        assertThat(json).contains("\"rootValidityDays\" : -5");
        assertThatThrownBy(() -> PlantFile.parse(json.getBytes(StandardCharsets.UTF_8), "p.json"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("p.json: /pki/rootValidityDays: a validity of -5 days is not possible.")
                .hasMessageContaining("Fix: Give a positive number of days");
        String zero = sample.replaceFirst("\"edgeCaValidityDays\" : \\d+", "\"edgeCaValidityDays\" : 0");
        assertThat(PlantFile.parse(zero.getBytes(StandardCharsets.UTF_8), "p.json").pki().edgeCaValidityDays()).isEqualTo(365);
    }

    @Test
    void aNumberWrittenAsTextSaysHowToWriteIt() {
        String json = new String(PlantFile.toBytes(SamplePlants.sample()), StandardCharsets.UTF_8)
                .replaceFirst("\"port\" : 22", "\"port\" : \"twenty-two\"");
        assertThatThrownBy(() -> PlantFile.parse(json.getBytes(StandardCharsets.UTF_8), "p.json"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("/devices/0/ssh/port")
                .hasMessageContaining("Fix: Write a whole number without quotes");
    }
}
