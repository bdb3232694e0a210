package io.nestedge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nestedge.model.io.PlantFile;
import io.nestedge.model.samples.SamplePlants;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    Path dir;
    Path journal;
    Path plant;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void files() throws Exception {
        plant = dir.resolve("plant.json");
        PlantFile.write(SamplePlants.sample(), plant);
        journal = dir.resolve("journal.jsonl");
        Files.writeString(journal, """
                {"time":"2025-12-05T09:00:00Z","event":"run-started","run":"r1","plant":"Contoso bottling plant","user":"tech","host":"laptop-7"}
                {"time":"2025-12-05T09:00:05Z","event":"step-finished","device":"site-gw","step":"preflight","title":"Preflight","status":"OK","summary":"ok","output":"$ id -un\\nroot\\n","remarks":[],"fromJournal":false}
                {"time":"2025-12-05T09:00:06Z","event":"device-finished","device":"site-gw","status":"OK","summary":"commissioned"}
                {"time":"2025-12-05T09:00:09Z","event":"step-finished","device":"ops-gw","step":"apply-config","title":"Apply the configuration","status":"FAILED","summary":"iotedge config apply rejected the configuration","output":"$ iotedge config apply\\nCommand failed\\n(exit 1)\\n","remarks":[{"cause":"The hostname changed while edge module containers exist","fix":"Remove the edgeAgent and edgeHub containers and apply again.","remedyId":"","source":"facts §2"}],"fromJournal":false}
                {"time":"2025-12-05T09:00:10Z","event":"device-finished","device":"ops-gw","status":"FAILED","summary":"iotedge config apply rejected the configuration"}
                {"time":"2025-12-05T09:00:10Z","event":"run-fini""");
    }

    private int run(String... args) {
        return NestEdgeCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void writesAnHtmlReportChosenByTheExtension() throws Exception {
        Path html = dir.resolve("report.html");
        int code = run("report", journal.toString(), "-o", html.toString(), "--plant", plant.toString());
        assertThat(code).as(err.toString()).isEqualTo(ExitCodes.OK);
        String text = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(text).contains("site-gw", "ops-gw", "line1-edge", "press-sensor-01", "tech", "laptop-7",
                "The hostname changed while edge module containers exist", "Not run");
        assertThat(out.toString()).contains("HTML report of 4 device(s) from 1 run(s)");
        assertThat(err.toString()).contains("note: 1 journal line(s) could not be read");
    }

    @Test
    void writesAPdfWhenAsked() throws Exception {
        Path pdf = dir.resolve("report.out");
        assertThat(run("report", journal.toString(), "-o", pdf.toString(), "--format", "pdf")).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void unusableInputExitsTwoNamingTheProblem() throws Exception {
        Path html = dir.resolve("r.html");
        assertThat(run("report", dir.resolve("missing.jsonl").toString(), "-o", html.toString())).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(err.toString()).contains("missing.jsonl", "journal not found");
        assertThat(run("report", journal.toString(), "-o", dir.resolve("r.docx").toString())).isEqualTo(ExitCodes.UNUSABLE);
        assertThat(err.toString()).contains("r.docx", "--format");
        assertThat(run("report", journal.toString(), "-o", html.toString(), "--format", "rtf")).isEqualTo(ExitCodes.UNUSABLE);
        Files.writeString(dir.resolve("bad.json"), "{ not json");
        assertThat(run("report", journal.toString(), "-o", html.toString(), "--plant", dir.resolve("bad.json").toString()))
                .isEqualTo(ExitCodes.UNUSABLE);
        assertThat(err.toString()).contains("bad.json");
        assertThat(run("report", journal.toString(), "-o", html.toString(), "--bundle", dir.resolve("nothing").toString()))
                .isEqualTo(ExitCodes.UNUSABLE);
        assertThat(run("report", journal.toString())).as("-o is required").isEqualTo(ExitCodes.UNUSABLE);
        assertThat(html).doesNotExist();
    }
}
