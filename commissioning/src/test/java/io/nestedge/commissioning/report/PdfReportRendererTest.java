package io.nestedge.commissioning.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the PDF and reads its text back with poppler's {@code pdftotext}. Needs {@code poppler-utils};
 * skipped without it, except in CI ({@code CI=true}) where its absence fails the test.
 */
class PdfReportRendererTest {
    @TempDir
    Path dir;

    @Test
    void thePdfNamesEveryDeviceAndTheDiagnosis() throws Exception {
        CommissioningReport r = CommissioningReport.read(ReportFixtures.twoRunJournal(dir), ReportFixtures.plant(),
                ReportFixtures.exportDir(dir), CommissioningReportTest.NOW);
        Path pdf = dir.resolve("out/report.pdf");
        ReportWriter.write(r, pdf, ReportFormat.PDF);
        byte[] bytes = Files.readAllBytes(pdf);
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(Files.list(pdf.getParent())).as("no temporary file left").containsExactly(pdf);

        String text = pdfToText(pdf).replaceAll("\\s+", " ");
        for (String id : List.of("site-gw", "ops-gw", "line1-edge", "press-sensor-01")) {
            assertThat(text).contains(id);
        }
        assertThat(text).contains("Contoso bottling plant", ReportFixtures.DIAGNOSIS_CAUSE, "host-connect-iothub-amqp");
    }

    @Test
    void hostileTextReachesThePdfAsText() throws Exception {
        Path journal = dir.resolve("j.jsonl");
        Files.writeString(journal, "{\"time\":\"2025-12-05T09:00:00Z\",\"event\":\"run-started\",\"run\":\"r1\",\"plant\":\"P\",\"user\":\"u\",\"host\":\"h\"}\n"
                + "{\"time\":\"2025-12-05T09:00:05Z\",\"event\":\"device-finished\",\"device\":"
                + HtmlReportRendererTest.json("gw-<b>&amp;\"x\"") + ",\"status\":\"FAILED\",\"summary\":\"s\"}\n");
        Path pdf = dir.resolve("r.pdf");
        ReportWriter.write(CommissioningReport.read(journal, null, null, CommissioningReportTest.NOW), pdf, ReportFormat.PDF);
        assertThat(pdfToText(pdf)).contains("gw-<b>&amp;\"x\"");
    }

    static String pdfToText(Path pdf) throws Exception {
        Path out = pdf.resolveSibling(pdf.getFileName() + ".txt");
        Process p;
        try {
            p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), out.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("pdftotext is required in CI (apt-get install poppler-utils): " + e.getMessage());
            }
            Assumptions.abort("pdftotext not installed (apt-get install poppler-utils)");
            throw e;
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String msg = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("pdftotext: " + msg).isZero();
        return Files.readString(out);
    }
}
