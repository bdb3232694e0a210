package io.nestedge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nestedge.model.io.PlantFile;
import io.nestedge.model.samples.SamplePlants;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code nestedge rehearse}: prints the connection sheet and writes the machine-readable one (0600). */
class RehearseCommandTest {
    @TempDir
    Path tmp;

    @Test
    void printsAndWritesTheConnectionSheet() throws Exception {
        Path plant = tmp.resolve("plant.json");
        PlantFile.write(SamplePlants.sample(), plant);
        Path sheet = tmp.resolve("sheet.json");
        RehearseCommand cmd = new RehearseCommand();
        cmd.stop = new CountDownLatch(0);
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(cmd);
        cl.setOut(new PrintWriter(out, true));
        int code = cl.execute(plant.toString(), "--sheet", sheet.toString());
        assertThat(code).isZero();
        assertThat(out.toString()).contains("DEVICE").contains("site-gw").contains("SHA256:")
                .contains("Virtual plant running.");
        JsonNode doc = new ObjectMapper().readTree(sheet.toFile());
        assertThat(doc.path("devices")).hasSize(4);
        JsonNode ops = doc.path("devices").get(1);
        assertThat(ops.path("device").asText()).isEqualTo("ops-gw");
        assertThat(ops.path("via").asText()).isEqualTo("site-gw");
        assertThat(ops.path("port").asInt()).isPositive();
        assertThat(ops.path("hostKeySha256").asText()).startsWith("SHA256:");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sheet))).isEqualTo("rw-------");
    }

    @Test
    void unreadablePlantIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cl = NestEdgeCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        assertThat(cl.execute("rehearse", tmp.resolve("missing.json").toString())).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(err.toString()).startsWith("error: ");
    }
}
