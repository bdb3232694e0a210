package io.nestedge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.model.Plant;
import io.nestedge.model.PortBinding;
import io.nestedge.model.io.PlantFile;
import io.nestedge.model.samples.SamplePlants;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return NestEdgeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void committedSamplePlantIsValid() {
        int code = run("validate", Path.of("..", "examples", "sample-plant.json").toString());
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("4 devices, 0 error(s), 0 warning(s)");
    }

    @Test
    void fieldCaseF21FaultExitsOneAndNamesRuleAndDevice() throws Exception {
        Plant p = SamplePlants.sample().updateDevice("site-gw", d -> d.withRuntime(d.runtime().withEdgeHubPorts(
                List.of(PortBinding.tcp(443), PortBinding.tcp(5671), PortBinding.tcp(8883)))));
        Path file = dir.resolve("f21.json");
        PlantFile.write(p, file);
        assertThat(run("validate", file.toString())).isEqualTo(ExitCodes.FINDINGS);
        assertThat(out.toString()).contains("ERROR NE-PORT-443 site-gw runtime.edgeHubPorts").contains("1 error(s)");
    }

    @Test
    void fieldCaseF28AsJsonNamesRuleDeviceAndField() throws Exception {
        Plant p = SamplePlants.sample().updateDevice("ops-gw", d -> d.withHostname("x".repeat(50) + ".contoso-plant.local"));
        Path file = dir.resolve("f28.json");
        PlantFile.write(p, file);
        assertThat(run("validate", "--json", file.toString())).isEqualTo(ExitCodes.FINDINGS);
        assertThat(out.toString()).contains("\"ruleId\" : \"NE-HOST-LENGTH\"").contains("\"deviceId\" : \"ops-gw\"")
                .contains("\"field\" : \"hostname\"");
    }

    @Test
    void warningsAloneExitZero() throws Exception {
        Path file = dir.resolve("f14.json");
        PlantFile.write(SamplePlants.sample().updateDevice("line1-edge", d -> d.withHostname("22112233.contoso-plant.local")), file);
        assertThat(run("validate", file.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("WARNING NE-HOST-RFC1035 line1-edge hostname");
    }

    @Test
    void malformedFileExitsTwoWithFileAndLine() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\n  \"schemaVersion\": 1,\n  \"name\": \"x\" \"oops\"\n}", StandardCharsets.UTF_8);
        assertThat(run("validate", file.toString())).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(err.toString()).contains("broken.json").contains("line 3");
    }

    @Test
    void rulesCommandPrintsTheCatalog() {
        assertThat(run("rules")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("NE-HOST-LENGTH").contains("NE-PORT-443").contains("NE-IMAGE-VIA-PARENT")
                .contains("facts §2");
    }
}
