package io.nestedge.commissioning.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class HtmlReportRendererTest {
    @TempDir
    Path dir;

    /** Parses as XML (what the PDF renderer does): fails the test on any markup an input could break. */
    static Document xml(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void namesEveryDeviceShowsTheDiagnosisChecksModulesTlsAndCertificates() throws Exception {
        CommissioningReport r = CommissioningReport.read(ReportFixtures.twoRunJournal(dir), ReportFixtures.plant(),
                ReportFixtures.exportDir(dir), CommissioningReportTest.NOW);
        String html = HtmlReportRenderer.render(r);
        Document doc = xml(html);
        String text = doc.getDocumentElement().getTextContent();
        assertThat(text).contains("Contoso bottling plant", System.getProperty("user.name"), "run-1", "run-2");
        for (String id : new String[] {"site-gw", "ops-gw", "line1-edge", "press-sensor-01"}) {
            assertThat(text).contains(id);
        }
        assertThat(text).contains(ReportFixtures.DIAGNOSIS_CAUSE, "Install the plant's root CA", "Source: F9");
        assertThat(text).contains("host-connect-iothub-amqp", "certs-preloaded", "no dns entry in daemon.json");
        assertThat(text).contains("IoTEdgeAPIProxy", "azureiotedge-hub:1.5");
        assertThat(text).contains(ReportFixtures.PARENT_HOST + ":443", "unable to get local issuer certificate");
        assertThat(text).contains(ReportFixtures.ROOT_FP, ReportFixtures.edgeFingerprint("ops-gw"));
        assertThat(text).contains("2026-01-10", "in 35 days", "expired");
        assertThat(html).contains("<svg xmlns=\"http://www.w3.org/2000/svg\"");
        assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect").getLength()).isGreaterThanOrEqualTo(8);
        assertThat(html).as("self-contained").doesNotContain("<script", "src=", "<link", "url(", "@import");
    }

    @Test
    void hostileDeviceIdsAndOutputsAreEscaped() throws Exception {
        String evil = "<script>alert(1)</script>&\"'x";
        String output = "$ iotedge check --output json </dev/null\n{\"checks\":{\"<img src=x onerror=alert(2)>\":"
                + "{\"result\":\"error\",\"details\":[\"</td></tr></table><script>alert(3)</script> & \\\"quoted\\\" \\u0007 \\u001b[31mred\"]}}}\n";
        String line = "{\"time\":\"2025-12-05T09:00:05Z\",\"event\":\"step-finished\",\"device\":" + json(evil)
                + ",\"step\":\"verify-runtime\",\"title\":" + json("<b>Check</b>") + ",\"status\":\"FAILED\",\"summary\":"
                + json("]]></pre><!-- & -->") + ",\"output\":" + json(output) + ",\"remarks\":[{\"cause\":" + json("<i>cause</i> & co")
                + ",\"fix\":" + json("rm -rf / \"&\" <now>") + ",\"remedyId\":\"\",\"source\":" + json("F'1'") + "}],\"fromJournal\":false}";
        Path journal = dir.resolve("evil.jsonl");
        Files.writeString(journal, "{\"time\":\"2025-12-05T09:00:00Z\",\"event\":\"run-started\",\"run\":" + json("r<1>")
                + ",\"plant\":" + json("Plant </title><script>x</script>") + ",\"user\":" + json("\"tech\"") + ",\"host\":\"h&h\"}\n"
                + line + "\n{\"time\":\"2025-12-05T09:00:06Z\",\"event\":\"device-finished\",\"device\":" + json(evil)
                + ",\"status\":\"FAILED\",\"summary\":" + json("<script>") + "}\n");
        String html = HtmlReportRenderer.render(CommissioningReport.read(journal, null, null, CommissioningReportTest.NOW));
        Document doc = xml(html);
        assertThat(html).doesNotContain("<script", "<img", "<i>", "<b>Check", "<now>", "\u0007", "\u001b");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;x", "&lt;img src=x onerror=alert(2)&gt;");
        String text = doc.getDocumentElement().getTextContent();
        assertThat(text).contains(evil, "Plant </title><script>x</script>", "<i>cause</i> & co", "rm -rf / \"&\" <now>", "red");
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
    }

    @Test
    void aTruncatedJournalStillRendersWithANote() throws Exception {
        Path journal = ReportFixtures.twoRunJournal(dir);
        byte[] all = Files.readAllBytes(journal);
        Files.write(journal, java.util.Arrays.copyOf(all, all.length - 40)); // cut inside the last line
        Files.writeString(journal, "\n", StandardOpenOption.APPEND);
        String html = HtmlReportRenderer.render(CommissioningReport.read(journal, ReportFixtures.plant(), null,
                CommissioningReportTest.NOW));
        String text = xml(html).getDocumentElement().getTextContent();
        assertThat(text).contains("could not be read", "line1-edge", "press-sensor-01", "not finished");
    }

    static String json(String s) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
    }
}
