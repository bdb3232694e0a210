package io.nestedge.commissioning.report;
import java.nio.file.*;
class PreviewTmp {
    @org.junit.jupiter.api.Test
    void preview() throws Exception {
        Path dir = Files.createTempDirectory("prev");
        CommissioningReport r = CommissioningReport.read(ReportFixtures.twoRunJournal(dir), ReportFixtures.plant(),
                ReportFixtures.exportDir(dir), CommissioningReportTest.NOW);
        ReportWriter.write(r, Path.of("/tmp/preview/report.pdf"), ReportFormat.PDF);
        ReportWriter.write(r, Path.of("/tmp/preview/report.html"), ReportFormat.HTML);
    }
}
